"""An order placed for online payment, and a Razorpay client pointed at the local fake, for the payment tests."""
from __future__ import annotations

from dataclasses import dataclass

import aiohttp
import pytest

from tests.fakes.razorpay_api import KEY_ID, KEY_SECRET, FakeRazorpay
from tests.integration.factories import NOW, fill_cart, make_customer, make_product, make_store
from vyaparai.config import Settings
from vyaparai.orders.checkout import place_order
from vyaparai.payments.links import start_online_payment
from vyaparai.payments.razorpay_client import RazorpayClient

SETTINGS = Settings(public_base_url="https://shop.example", razorpay_key_id=KEY_ID, razorpay_key_secret=KEY_SECRET,
                    payment_link_expiry_minutes=30)
PRICE_PAISE = 16000  # Toor Dal 1 kg at ₹160


@dataclass(frozen=True)
class Placed:
    store_id: int
    product_id: int
    order_id: int
    number: int


async def place_online_order(sessions, *, qty_milli=3000, stock_packs=10) -> Placed:
    async with sessions() as s, s.begin():
        store = await make_store(s)
        product = await make_product(s, store, "DAL-1KG", name="Toor Dal 1 kg", price_paise=PRICE_PAISE,
                                     stock_packs=stock_packs)
        customer = await make_customer(s, "919812345678", name="Ramesh")
        cart = await fill_cart(s, store, customer, [(product, qty_milli)])
        order = await place_order(s, store=store, customer=customer, cart=cart, address="12 MG Road",
                                  payment_method="upi", channel="whatsapp", language="en", now=NOW)
    return Placed(store.id, product.id, order.id, order.number)


def client_for(fake: FakeRazorpay, http: aiohttp.ClientSession, **kwargs) -> RazorpayClient:
    settings = Settings(razorpay_key_id=KEY_ID, razorpay_key_secret=KEY_SECRET, razorpay_api_base_url=fake.url)
    return RazorpayClient.from_settings(settings, http, **kwargs)


@pytest.fixture
async def http():
    async with aiohttp.ClientSession() as session:
        yield session


async def start_link(sessions, client, order_id, *, now=NOW):
    from vyaparai.db.models import Order

    async with sessions() as s, s.begin():
        order = await s.get(Order, order_id)
        return await start_online_payment(s, client, order, settings=SETTINGS, now=now)
