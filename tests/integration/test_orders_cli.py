"""`vyaparai orders list`: what the operator sees, as JSON and as a table."""
import argparse
import asyncio
import json

from tests.integration.factories import NOW, fill_cart, make_customer, make_product, make_store
from vyaparai.cli import orders as orders_cli
from vyaparai.orders.checkout import place_order


def _parse(*argv):
    parser = argparse.ArgumentParser(prog="vyaparai")
    orders_cli.register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["orders", "list", *argv])


async def _run(monkeypatch, database_url, *argv) -> int:
    monkeypatch.setenv("DATABASE_URL", database_url)
    # The command runs its own event loop, as it does from the shell.
    return await asyncio.to_thread(orders_cli.run, _parse(*argv))


async def _one_order(sessions):
    async with sessions() as s, s.begin():
        store = await make_store(s, code="DEMO")
        sugar = await make_product(s, store, "SUGAR-LOOSE", name="Sugar (loose, per kg)", unit="kg",
                                   pack_base=1000, loose=True, price_paise=4600, stock_packs=5)
        customer = await make_customer(s, external_id="919812345678", name="Asha")
        cart = await fill_cart(s, store, customer, [(sugar, 1500)])
        await place_order(s, store=store, customer=customer, cart=cart, address="12 MG Road",
                          payment_method="upi", channel="whatsapp", language="en", now=NOW)


async def test_orders_list_json_prints_items_totals_and_customer(sessions, database_url, monkeypatch, capsys):
    await _one_order(sessions)
    assert await _run(monkeypatch, database_url, "--store", "demo", "--json") == 0
    [order] = json.loads(capsys.readouterr().out)
    assert order["number"] == 1001 and order["total_paise"] == 6900 and order["payment_method"] == "upi"
    assert order["items"][0]["qty"] == 1.5 and order["items"][0]["unit"] == "kg"
    assert order["customer"]["name"] == "Asha"


async def test_orders_list_prints_a_table_and_filters_by_status(sessions, database_url, monkeypatch, capsys):
    await _one_order(sessions)
    assert await _run(monkeypatch, database_url, "--store", "DEMO") == 0
    out = capsys.readouterr().out
    assert "1001" in out and "₹69.00" in out and "1.5 kg Sugar (loose, per kg)" in out
    assert await _run(monkeypatch, database_url, "--store", "DEMO", "--status", "delivered") == 0
    assert "no delivered orders at DEMO" in capsys.readouterr().out


async def test_an_unknown_store_is_a_clear_error(sessions, database_url, monkeypatch, capsys):
    assert await _run(monkeypatch, database_url, "--store", "NOPE", "--json") == 1
    assert "no store with code 'NOPE'" in capsys.readouterr().err


async def test_orders_list_json_gives_each_orders_delivery_charge(sessions, database_url, monkeypatch, capsys):
    await _one_order(sessions)
    async with sessions() as s, s.begin():
        store = await make_store(s, code="OTHER")
        atta = await make_product(s, store, "ATTA-5", name="Atta 5 kg", unit="kg", pack_base=5000, price_paise=24000)
        customer = await make_customer(s, external_id="919812345679", name="Ravi")
        cart = await fill_cart(s, store, customer, [(atta, 1000)])
        order = await place_order(s, store=store, customer=customer, cart=cart, address="3 Park Street",
                                  payment_method="cod", channel="whatsapp", language="en", now=NOW)
        # What a checkout with a ₹30 delivery charge stores (the charge itself is the checkout's business).
        order.delivery_fee_paise, order.total_paise = 3000, order.total_paise + 3000
    assert await _run(monkeypatch, database_url, "--store", "OTHER", "--json") == 0
    [charged] = json.loads(capsys.readouterr().out)
    assert charged["delivery_charge_paise"] == 3000
    assert charged["subtotal_paise"] + charged["delivery_charge_paise"] == charged["total_paise"] == 27000
    assert await _run(monkeypatch, database_url, "--store", "DEMO", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["delivery_charge_paise"] == 0
