"""An order placed by an rq job (its own event loop, closed right after) reaches the panels of every web process."""
import asyncio

from sqlalchemy import select

from tests.integration.factories import NOW, fill_cart, make_customer, make_product, make_store
from vyaparai.db.models import Customer, Product, Store
from vyaparai.db.order_changes import OrderChange
from vyaparai.orders.checkout import place_order
from vyaparai.workers import rq_jobs
from vyaparai.workers.order_feed import RESYNC, RedisOrderFeed

async def checkout_job(services):
    """What a worker's checkout turn does, reduced to the commit that matters here."""
    async with services.sessions() as s, s.begin():
        store = await s.scalar(select(Store).where(Store.code == "KIRANA1"))
        product = await s.scalar(select(Product).where(Product.sku == "DAL-1KG"))
        customer = await s.scalar(select(Customer))
        cart = await fill_cart(s, store, customer, [(product, 1000)])
        return (await place_order(s, store=store, customer=customer, cart=cart, address="12 MG Road",
                                  payment_method="cod", channel="whatsapp", language="en", now=NOW)).number


async def test_an_order_committed_in_an_rq_job_reaches_a_listening_web_process(
        sessions, database_url, redis_url, monkeypatch):
    async with sessions() as s, s.begin():
        store = await make_store(s)
        await make_product(s, store, "DAL-1KG", price_paise=16000, stock_packs=5)
        await make_customer(s)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("REDIS_URL", redis_url)
    web_process = RedisOrderFeed(redis_url)
    await web_process.start()
    try:
        await asyncio.wait_for(web_process.listening.wait(), 5)
        async with web_process.subscribe(store.id) as changes:
            while not changes.empty():
                assert changes.get_nowait() == RESYNC  # told once on (re)connecting, before anything else
            # rq runs a job with asyncio.run in its own thread of control; the loop ends with the job.
            number = await asyncio.to_thread(rq_jobs._run, checkout_job)
            assert await asyncio.wait_for(changes.get(), 5) == OrderChange(store.id, number, placed=True)
    finally:
        await web_process.close()
