"""A bare hundreds number before a loose good the shop also sells in packs of another size is grams, as a
shopkeeper weighs it out ("250 पनीर" is a quarter kilo of loose paneer, not a kilo); a count stays a count."""
from __future__ import annotations

import pytest

from tests.e2e.shops import make_shop
from tests.e2e.test_chat_checkout_dialogue import Chat

SHOP_CSV = """sku,name,brand,category,unit,pack_size,price_inr,aliases,stock
PANEER-LOOSE,"Paneer (loose, per kg)",,dairy,kg,1,400,,50
AMUL-PANEER-200,Amul Malai Paneer 200g,Amul,dairy,g,200,90,,50
SUGAR-LOOSE,"Sugar (loose, per kg)",,staples,kg,1,45,,50
MAGGI-70,Maggi 2-Minute Masala Noodles 70 g,Maggi,noodles,g,70,14,,50
"""


@pytest.fixture
async def shop(sessions, tmp_path):
    return await make_shop(sessions, tmp_path, SHOP_CSV)


@pytest.mark.parametrize("text, name", [("250 पनीर", "पनीर"), ("250 paneer", "Paneer (loose, per kg)"),
                                        ("২৫০ পনির", "পনির")])
async def test_a_bare_hundreds_number_before_a_loose_good_is_grams(client, text, name):
    chat = Chat(client)
    await chat.send(text)
    cart = await chat.send("cart")
    assert f"{name} × 250 g — ₹100" in cart and cart.count(" × ") == 1, f"{text!r}: {cart}"


async def test_a_count_before_packed_goods_stays_a_count(client):
    chat = Chat(client)
    await chat.send("3 maggi")
    assert "Maggi 2-Minute Masala Noodles 70 g × 3" in await chat.send("cart")
