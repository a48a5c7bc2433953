"""`vyaparai customer export|forget`: what the operator runs for a customer's DPDP request."""
import asyncio
import json

from sqlalchemy import select

from tests.integration.factories import NOW, fill_cart, make_customer, make_product, make_store
from tests.integration.personal_data import rows_mentioning
from vyaparai.cli.main import main
from vyaparai.db.models import Order, StoreEvent
from vyaparai.orders.checkout import place_order
from vyaparai.orders.lifecycle import change_status

PHONE = "919812345678"


async def _run(monkeypatch, database_url, *argv) -> int:
    monkeypatch.setenv("DATABASE_URL", database_url)
    return await asyncio.to_thread(main, ["customer", *argv])  # its own event loop, as from the shell


async def _delivered_order(sessions, *, delivered: bool = True):
    async with sessions() as s, s.begin():
        store = await make_store(s, code="DEMO")
        sugar = await make_product(s, store, "SUGAR-LOOSE", name="Sugar (loose, per kg)", unit="kg",
                                   pack_base=1000, loose=True, price_paise=4600, stock_packs=5)
        customer = await make_customer(s, external_id=PHONE, name="Asha Pillai")
        cart = await fill_cart(s, store, customer, [(sugar, 1500)])
        order = await place_order(s, store=store, customer=customer, cart=cart, address="12 MG Road, Kochi",
                                  payment_method="cod", channel="whatsapp", language="en", now=NOW)
        for step in ("confirmed", "processing", "out_for_delivery", "delivered") if delivered else ():
            await change_status(s, order, step, actor="shopkeeper", now=NOW)


async def test_export_prints_the_customers_orders_as_json(sessions, database_url, monkeypatch, capsys):
    await _delivered_order(sessions)
    assert await _run(monkeypatch, database_url, "export", "--store", "demo", "--phone", "+91 98123 45678") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["customers"][0]["name"] == "Asha Pillai"
    assert [(o["number"], o["total_paise"], o["delivery_address"]) for o in data["orders"]] == [
        (1001, 6900, "12 MG Road, Kochi")]


async def test_forget_with_yes_erases_and_keeps_the_order_for_the_accounts(sessions, database_url, monkeypatch,
                                                                            capsys):
    await _delivered_order(sessions)
    assert await _run(monkeypatch, database_url, "forget", "--store", "DEMO", "--phone", PHONE, "--yes") == 0
    assert "orders anonymised 1" in capsys.readouterr().out
    assert await rows_mentioning(sessions, "9812345678", "Asha", "MG Road") == []
    async with sessions() as s:
        order = await s.scalar(select(Order))
        event = await s.scalar(select(StoreEvent).where(StoreEvent.kind == "customer_forgotten"))
    assert (order.total_paise, order.status) == (6900, "delivered")
    assert event.actor == "cli" and "9812345678" not in json.dumps(event.detail)


async def test_forget_without_yes_and_without_a_terminal_erases_nothing(sessions, database_url, monkeypatch, capsys):
    await _delivered_order(sessions)
    monkeypatch.setattr("sys.stdin", open("/dev/null"))
    assert await _run(monkeypatch, database_url, "forget", "--store", "DEMO", "--phone", PHONE) == 1
    assert "--yes" in capsys.readouterr().err
    assert await rows_mentioning(sessions, "Asha Pillai")


async def test_unknown_store_customer_or_number_exit_2_with_a_clear_error(sessions, database_url, monkeypatch,
                                                                          capsys):
    await _delivered_order(sessions)
    assert await _run(monkeypatch, database_url, "export", "--store", "NOPE", "--phone", PHONE) == 2
    assert "no store with code 'NOPE'" in capsys.readouterr().err
    assert await _run(monkeypatch, database_url, "forget", "--store", "DEMO", "--phone", "9000000000", "--yes") == 2
    assert "no customer of store DEMO" in capsys.readouterr().err
    assert await _run(monkeypatch, database_url, "export", "--store", "DEMO", "--phone", "12ab") == 2
    assert "not a phone number" in capsys.readouterr().err


async def test_an_order_on_its_way_stops_the_erasure(sessions, database_url, monkeypatch, capsys):
    await _delivered_order(sessions, delivered=False)
    assert await _run(monkeypatch, database_url, "forget", "--store", "DEMO", "--phone", PHONE, "--yes") == 1
    assert "#1001" in capsys.readouterr().err
    assert await rows_mentioning(sessions, "Asha Pillai")
