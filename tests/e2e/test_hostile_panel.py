"""Panel forms and URLs with a NUL: the URL is refused with 400, a form's text is stored without it."""
import aiohttp
from sqlalchemy import select

from vyaparai.db.models import Product

from tests.e2e.test_panel import csrf_of, log_in


async def test_a_nul_anywhere_in_a_url_is_a_400(client):
    await log_in(client)
    for url in ["/panel/inventory?q=%00", "/panel/history?status=%00", "/chat/SHOP1?x=%00", "/panel/%00"]:
        resp = await client.get(url, allow_redirects=False)
        assert resp.status == 400, url
        assert resp.headers["X-Content-Type-Options"] == "nosniff"


async def test_a_nul_typed_into_a_product_form_is_not_stored(client, services):
    await log_in(client)
    token = await csrf_of(client, "/panel/inventory/new")
    resp = await client.post("/panel/inventory/new", allow_redirects=False, data={
        "csrf": token, "name": "Parle\x00-G 250 g", "sku": "PARLE-250", "brand": "Parle", "category": "biscuits",
        "unit": "g", "pack_size": "250", "price": "25", "stock": "10", "low_stock": "0"})
    assert resp.status == 303
    async with services.sessions() as s:
        assert await s.scalar(select(Product.name).where(Product.sku == "PARLE-250")) == "Parle-G 250 g"


async def test_a_page_number_of_odd_digits_shows_the_first_page(client):
    await log_in(client)
    for page in ["²", "١٢", "9" * 5000]:
        resp = await client.get("/panel/inventory", params={"page": page})
        assert resp.status == 200 and "Maggi" in await resp.text()


async def test_an_odd_hidden_stock_field_is_ignored_not_a_crash(client, services):
    await log_in(client)
    async with services.sessions() as s:
        product = await s.scalar(select(Product).where(Product.sku == "MAGGI-70"))
    token = await csrf_of(client, f"/panel/inventory/{product.id}")
    for was in ["9" * 309, "²"]:
        resp = await client.post(f"/panel/inventory/{product.id}", allow_redirects=False, data={
            "csrf": token, "price": "14", "stock": "90", "stock_was": was, "low_stock": "0", "active": "1"})
        assert resp.status == 303
    async with services.sessions() as s:
        assert await s.scalar(select(Product.stock_milli).where(Product.sku == "MAGGI-70")) == 90_000


async def test_a_nul_in_an_uploaded_catalog_is_not_stored(client, services):
    await log_in(client)
    token = await csrf_of(client, "/panel/inventory/upload")
    form = aiohttp.FormData()
    form.add_field("csrf", token)
    form.add_field("file", "sku,name,brand,category,unit,pack_size,price_inr\nNUL-1,Ma\x00ggi 70 g,Maggi,food,g,70,14\n"
                   .encode(), filename="stock.csv", content_type="text/csv")
    assert (await client.post("/panel/inventory/upload", data=form)).status == 200
    async with services.sessions() as s:
        assert await s.scalar(select(Product.name).where(Product.sku == "NUL-1")) == "Maggi 70 g"
