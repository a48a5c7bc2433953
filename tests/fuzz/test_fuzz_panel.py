"""Fuzzed panel forms and filters, logged in and not: every answer is a page, a redirect or a 4xx, never a 5xx."""
from __future__ import annotations

import re
from urllib.parse import quote

import aiohttp
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.conftest import FUZZ, OWNER_PHONE, PASSWORD, tally
from sqlalchemy import select

from tests.fuzz.strategies import header_value, nasty_text, sometimes
from vyaparai.db.models import Order, Product
from vyaparai.web.panel.auth import THROTTLE

PRODUCT_FIELDS = ["name", "sku", "brand", "category", "unit", "pack_size", "price", "stock", "low_stock", "aliases",
                  "active", "back", "stock_was", "low_stock_was"]
GOOD_PRODUCT = {"name": "Parle-G 250 g", "sku": "PARLE-250", "brand": "Parle", "category": "biscuits",
                "unit": "g", "pack_size": "250", "price": "25", "stock": "10"}
values = nasty_text | st.sampled_from(["", "0", "-1", "1e9", "NaN", "12.345", "kg", "piece", "2026-02-30", "9" * 40,
                                      "²", "١٢", "9" * 5000, "1,00,000", "₹5"])


def form_body(pairs: list[tuple[str, str]]) -> bytes:
    """x-www-form-urlencoded by hand, so lone surrogates go out as the (invalid) UTF-8 bytes a browser never sends."""
    def enc(s: str) -> str:
        return quote(s.encode("utf-8", "surrogatepass"), safe="")
    return "&".join(f"{enc(k)}={enc(v)}" for k, v in pairs).encode()


async def post_form(client, path: str, pairs: list[tuple[str, str]]):
    return await client.post(path, data=form_body(pairs), allow_redirects=False,
                             headers={"Content-Type": "application/x-www-form-urlencoded"})


async def csrf_of(client, path: str) -> str:
    page = await (await client.get(path)).text()
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


@pytest.fixture
async def owner(client):
    """The client logged in as the shop's owner; returns the form token."""
    token = await csrf_of(client, "/panel/login")
    resp = await post_form(client, "/panel/login", [("csrf", token), ("phone", OWNER_PHONE), ("password", PASSWORD)])
    assert resp.status == 303
    return await csrf_of(client, "/panel/")


def with_token(token_choice: str | None, token: str) -> list[tuple[str, str]]:
    return [("csrf", token if token_choice is None else token_choice)]


@pytest.fixture
async def login_token(client) -> list[str]:
    """The login form's token, kept while it stays valid (a successful login starts a new session)."""
    return [await csrf_of(client, "/panel/login")]


@FUZZ
@given(phone=values | sometimes(st.just(OWNER_PHONE), 8).map(lambda p: p or "+91 98000 00000"),
       password=values | st.just(PASSWORD), bad_token=sometimes(nasty_text, 8))
async def test_fuzzed_logins_never_get_a_5xx(client, login_token, no_tracebacks, phone, password, bad_token):
    resp = await post_form(client, "/panel/login", with_token(bad_token, login_token[0]) + [("phone", phone),
                                                                                           ("password", password)])
    tally("POST /panel/login", resp.status)
    if resp.status == 303:
        login_token[0] = await csrf_of(client, "/panel/login")
    # Forget the tries, so the password check itself is fuzzed rather than the lock page.
    for key in ("address:127.0.0.1", f"phone:{OWNER_PHONE}", "phone:invalid"):
        await client.app[THROTTLE].succeeded(key)


@pytest.mark.parametrize("path, fields", [
    ("/panel/history", ["status", "from", "to", "pay", "paid", "after", "before", "page"]),
    ("/panel/history.csv", ["status", "from", "to", "pay", "paid"]),
    ("/panel/inventory", ["q", "low", "page"]),
])
@FUZZ
@given(pairs=st.lists(st.tuples(st.sampled_from(["status", "from", "to", "pay", "paid", "after", "before", "page",
                                                 "q", "low"]) | nasty_text, values), max_size=6))
async def test_fuzzed_panel_filters_never_get_a_5xx(client, owner, order, no_tracebacks, path, fields, pairs):
    query = form_body([(k, v) for k, v in pairs if k in fields or not k.isalpha()]).decode()
    resp = await client.get(f"{path}?{query}", allow_redirects=False)
    tally(f"GET {path}", resp.status)


@pytest.fixture
async def product(services, shop) -> int:
    async with services.sessions() as s:
        return await s.scalar(select(Product.id).where(Product.store_id == shop.id).limit(1))


@pytest.fixture
async def order(client, services) -> int:
    """Order #1001, placed in the web chat, for the accept / reject / advance forms."""
    for text in ["1 kilo cheeni", "order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]:
        resp = await client.post("/api/chat/FUZZ1", json={"session": "fuzz-panel-customer", "text": text})
        assert resp.status == 200
    async with services.sessions() as s:
        number = await s.scalar(select(Order.number))
    assert number == 1001
    return number


@pytest.fixture
async def code_asked(client, owner) -> None:
    """A login code asked for the owner's phone, so the code form checks codes instead of sending one back."""
    resp = await post_form(client, "/panel/login/code", [("csrf", owner), ("phone", OWNER_PHONE)])
    assert resp.status == 303


@pytest.mark.parametrize("path, fields", [
    ("/panel/inventory/new", PRODUCT_FIELDS),
    ("/panel/inventory/{product}", PRODUCT_FIELDS),
    ("/panel/language", ["lang", "next"]),
    ("/panel/login/code", ["phone"]),
    ("/panel/login/code/enter", ["code"]),
    ("/panel/orders/{order}/{action}", ["reason", "back"]),
    ("/panel/logout", []),
])
@FUZZ
@given(pairs=st.lists(st.tuples(st.sampled_from(PRODUCT_FIELDS + ["lang", "next", "phone", "code", "reason"])
                                | nasty_text, values), max_size=8),
       base=st.booleans(), action=st.sampled_from(["accept", "reject", "advance"]),
       bad_token=sometimes(nasty_text, 8))
async def test_fuzzed_panel_forms_never_get_a_5xx(client, owner, product, order, code_asked, no_tracebacks, path, fields,
                                                  pairs, base, action, bad_token):
    start = list(GOOD_PRODUCT.items()) if base and "name" in fields else []
    pairs = [(k, v) for k, v in pairs if k in fields or k not in PRODUCT_FIELDS + ["lang", "next", "phone", "code"]]
    resp = await post_form(client, path.format(product=product, order=order, action=action),
                           with_token(bad_token, owner) + start + pairs)
    tally(f"POST {path}", resp.status)


CSV_HEADER = "sku,name,brand,category,unit,pack_size,price_inr,aliases,stock,barcode,mrp_inr"
cells = values | st.sampled_from(["MAGGI-70", "Maggi 70 g", "kg", "g", "piece", "250", "14", "a|b", ""])


@FUZZ
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=12), max_size=4),
       header=st.just(CSV_HEADER) | nasty_text, filename=st.sampled_from(["stock.csv", "stock.xlsx", "a.txt"])
       | nasty_text, raw=sometimes(st.binary(max_size=200), 6))
async def test_fuzzed_catalog_uploads_never_get_a_5xx(client, owner, no_tracebacks, rows, header, filename, raw):
    text = "\n".join([header] + [",".join(f'"{c}"' if "," in c else c for c in row) for row in rows])
    content = raw if raw is not None else text.encode("utf-8", "surrogatepass")
    form = aiohttp.FormData()
    form.add_field("csrf", owner)
    form.add_field("upload_id", "fuzz-upload-1")
    form.add_field("file", content, filename=header_value(filename) or "x.csv", content_type="text/csv")
    resp = await client.post("/panel/inventory/upload", data=form, allow_redirects=False)
    tally("POST /panel/inventory/upload", resp.status)
