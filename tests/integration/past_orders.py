"""Orders placed at a chosen time and taken to a chosen status through the orders layer (history and reports tests)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from vyaparai.db.models import Product, Store
from vyaparai.orders.cart import add_item, open_cart
from vyaparai.orders.checkout import place_order
from vyaparai.orders.customers import get_or_create_customer
from vyaparai.orders.lifecycle import change_status

from tests.integration.factories import make_product, make_store

STEPS = {
    "pending": (), "confirmed": ("confirmed",), "processing": ("confirmed", "processing"),
    "out_for_delivery": ("confirmed", "processing", "out_for_delivery"),
    "delivered": ("confirmed", "processing", "out_for_delivery", "delivered"), "cancelled": ("cancelled",),
}


async def make_shop(sessions, code: str = "KIRANA1") -> int:
    """A store selling loose sugar, Maggi and ghee, with plenty of stock; returns its id."""
    async with sessions() as s, s.begin():
        store = await make_store(s, code=code)
        await make_product(s, store, "SUGAR-LOOSE", name="Sugar (loose, per kg)", price_paise=4600,
                           stock_packs=500, unit="kg", pack_base=1000, loose=True)
        await make_product(s, store, "MAGGI-70", name="Maggi Masala Noodles 70g", price_paise=1400,
                           stock_packs=500, unit="g", pack_base=70)
        await make_product(s, store, "GHEE-1L", name="Amul Ghee 1 l", price_paise=65000,
                           stock_packs=50, unit="l", pack_base=1000)
    return store.id


async def add_order(
    sessions, store_id: int, *, at: datetime, lines: tuple[tuple[str, int], ...] = (("SUGAR-LOOSE", 1000),),
    status: str = "pending", payment_method: str = "cod", payment_status: str = "pending",
    name: str = "Asha Verma", phone: str = "919800000001", address: str = "House 9, Gandhi Nagar, Jaipur",
) -> int:
    """Place an order of `lines` (sku, thousandths of a pack) at `at`; returns its number."""
    async with sessions() as s, s.begin():
        store = await s.get(Store, store_id)
        customer = await get_or_create_customer(s, "web", f"past-{phone}", name=name, phone=phone)
        cart, _ = await open_cart(s, store.id, customer.id, now=at, ttl_minutes=30)
        for sku, qty_milli in lines:
            product = await s.scalar(select(Product).where(Product.store_id == store.id, Product.sku == sku))
            await add_item(s, cart, product, qty_milli)
        order = await place_order(s, store=store, customer=customer, cart=cart, address=address,
                                  payment_method=payment_method, channel="web", language="en", now=at)
        for step in STEPS[status]:
            await change_status(s, order, step, actor="shopkeeper", now=at)
        # The payments layer moves this on a provider's word; here the test says what happened.
        order.payment_status = payment_status
        return order.number
