"""The owner's inventory pages: search, low stock, edit, add, and uploading a price list."""
import io
import re
from html import unescape

import openpyxl
from aiohttp import FormData
from sqlalchemy import select

from vyaparai.catalog.stores import create_store
from vyaparai.db.models import Product

from tests.e2e.test_panel import CUSTOMER, csrf_of, log_in

HEADER = "sku,name,brand,category,unit,pack_size,price_inr,aliases,stock,low_stock"


async def page_text(client, path: str) -> str:
    resp = await client.get(path)
    assert resp.status == 200
    return unescape(await resp.text())


def listed_names(page: str) -> list[str]:
    return re.findall(r'<a href="/panel/inventory/\d+[^"]*"><strong>([^<]+)</strong>', page)


async def product(services, sku: str) -> Product:
    async with services.sessions() as s:
        return await s.scalar(select(Product).where(Product.sku == sku))


def input_value(page: str, name: str) -> str:
    return re.search(rf'name="{name}"[^>]*value="([^"]*)"', page).group(1)


async def upload(client, content: bytes, filename: str, *, token: str | None = None):
    token = token or await csrf_of(client, "/panel/inventory/upload")
    form = FormData()
    form.add_field("csrf", token)
    form.add_field("file", content, filename=filename, content_type="application/octet-stream")
    return await client.post("/panel/inventory/upload", data=form)


async def test_search_finds_products_by_name_code_and_the_names_customers_use(client):
    await log_in(client)
    assert listed_names(await page_text(client, "/panel/inventory?q=BUTTER")) == [
        "Amul Butter 100g", "Amul Butter 500g"]
    assert listed_names(await page_text(client, "/panel/inventory?q=maggi-7")) == ["Maggi Masala Noodles 70g"]
    assert listed_names(await page_text(client, "/panel/inventory?q=cheeni")) == ["Sugar (loose, per kg)"]
    assert listed_names(await page_text(client, "/panel/inventory?q=आटा")) == ["Wheat Atta (loose, per kg)"]
    page = await page_text(client, "/panel/inventory?q=paneer")
    assert listed_names(page) == [] and "No products match “paneer”" in page


async def test_the_list_shows_price_stock_in_the_products_unit_and_pages_of_fifty(client):
    await log_in(client)
    page = await page_text(client, "/panel/inventory")
    assert len(listed_names(page)) == 6
    maggi = page[page.index("Maggi Masala"):]
    assert "MAGGI-70" in maggi and "₹14" in maggi and "Stock: 100 packs" in maggi
    atta = page[page.index("Wheat Atta"):]
    assert "Stock: 50 kg" in atta

    rows = [f"BISCUIT-{i:02d},Biscuit {i:02d},Parle,snacks,g,100,10,,5" for i in range(60)]
    assert (await upload(client, "\n".join([HEADER, *rows]).encode(), "biscuits.csv")).status == 200
    first = await page_text(client, "/panel/inventory?q=biscuit")
    assert listed_names(first)[:2] == ["Biscuit 00", "Biscuit 01"] and len(listed_names(first)) == 50
    next_url = re.search(r'<a href="([^"]+)" rel="next"', first).group(1)
    second = await page_text(client, next_url)
    assert listed_names(second) == [f"Biscuit {i}" for i in range(50, 60)]
    assert 'rel="next"' not in second and 'rel="prev"' in second


async def test_low_stock_lists_active_products_at_or_below_their_level_emptiest_first(client, services):
    await log_in(client)
    rows = ["AMUL-BUTTER-100,Amul Butter 100g,Amul,dairy,g,100,60,,3,5",
            "MAGGI-70,Maggi Masala Noodles 70g,Maggi,packaged_food,g,70,14,,100,20",
            "PANEER-200,Paneer 200g,Amul,dairy,g,200,90,,0,2",
            "GHEE-1,Ghee 1 l,Amul,dairy,l,1,650,,1,1"]
    assert (await upload(client, "\n".join([HEADER, *rows]).encode(), "levels.csv")).status == 200
    ghee = await product(services, "GHEE-1")
    token = await csrf_of(client, f"/panel/inventory/{ghee.id}")
    await client.post(f"/panel/inventory/{ghee.id}", data={"csrf": token, "price": "650", "stock": "1",
                                                           "low_stock": "1"})  # no "active": not for sale

    page = await page_text(client, "/panel/inventory?low=1")
    assert listed_names(page) == ["Paneer 200g", "Amul Butter 100g"]
    assert "Stock: 3 packs" in page and "Warn at 5" in page


async def test_an_edit_is_saved_shown_in_the_list_and_the_chat_uses_the_new_price(client, services):
    await log_in(client)
    sugar = await product(services, "SUGAR-LOOSE")
    page = await page_text(client, f"/panel/inventory/{sugar.id}")
    assert input_value(page, "price") == "46" and input_value(page, "stock") == "40"
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    resp = await client.post(f"/panel/inventory/{sugar.id}", data={
        "csrf": token, "price": "48.50", "stock": "12.25", "low_stock": "15", "active": "1",
        "stock_was": str(sugar.stock_milli), "low_stock_was": "0", "back": "/panel/inventory?q=sugar"})
    assert resp.status == 200 and str(resp.url).endswith("/panel/inventory?q=sugar")
    page = unescape(await resp.text())
    assert "Saved Sugar (loose, per kg)." in page
    assert "₹48.50" in page and "Stock: 12.25 kg" in page and "Warn at 15" in page
    assert "Sugar (loose, per kg)" in listed_names(await page_text(client, "/panel/inventory?low=1"))

    for text in ["1 kilo cheeni"]:
        reply = await client.post("/api/chat/SHOP1", json={"session": CUSTOMER, "text": text})
    assert "48.50" in str(await reply.json())


async def test_an_edit_that_leaves_stock_alone_does_not_undo_stock_sold_meanwhile(client, services):
    await log_in(client)
    maggi = await product(services, "MAGGI-70")
    token = await csrf_of(client, f"/panel/inventory/{maggi.id}")
    async with services.sessions() as s, s.begin():
        (await s.get(Product, maggi.id)).stock_milli = 97_000  # three packs sold after the form was drawn
    await client.post(f"/panel/inventory/{maggi.id}", data={
        "csrf": token, "price": "15", "stock": "100", "low_stock": "0", "active": "1",
        "stock_was": "100000", "low_stock_was": "0"})
    saved = await product(services, "MAGGI-70")
    assert (saved.price_paise, saved.stock_milli) == (1500, 97_000)


async def test_a_bad_edit_saves_nothing_keeps_what_was_typed_and_names_the_field(client, services):
    await log_in(client)
    maggi = await product(services, "MAGGI-70")
    token = await csrf_of(client, f"/panel/inventory/{maggi.id}")
    resp = await client.post(f"/panel/inventory/{maggi.id}", data={
        "csrf": token, "price": "14.999", "stock": "2.5", "low_stock": "3", "active": "1",
        "stock_was": "100000", "low_stock_was": "0"})
    assert resp.status == 400
    page = unescape(await resp.text())
    assert "Nothing was saved" in page
    assert re.search(r'id="price-error">Enter the price in rupees, more than 0, with at most 2 decimals', page)
    assert re.search(r'id="stock-error">Enter a whole number of packs, 0 or more.', page)
    assert "low_stock-error" not in page
    assert (input_value(page, "price"), input_value(page, "stock"), input_value(page, "low_stock")) == (
        "14.999", "2.5", "3")
    saved = await product(services, "MAGGI-70")
    assert (saved.price_paise, saved.stock_milli, saved.low_stock_milli) == (1400, 100_000, 0)


async def test_adding_a_product_puts_it_on_sale_and_a_taken_code_is_refused(client, services):
    await log_in(client)
    token = await csrf_of(client, "/panel/inventory/new")
    fields = {"csrf": token, "name": "Parle-G 250g", "sku": "PARLE-G-250", "brand": "Parle", "category": "snacks",
              "unit": "g", "pack_size": "250", "price": "25", "stock": "40", "low_stock": "10",
              "aliases": "parle, biscuit, बिस्कुट"}
    resp = await client.post("/panel/inventory/new", data=fields)
    page = unescape(await resp.text())
    assert resp.status == 200 and "Added Parle-G 250g." in page and listed_names(page) == ["Parle-G 250g"]
    added = await product(services, "PARLE-G-250")
    assert (added.price_paise, added.pack_base, added.stock_milli, added.low_stock_milli, added.active) == (
        2500, 250, 40_000, 10_000, True)
    assert added.aliases == ["parle", "biscuit", "बिस्कुट"]
    assert listed_names(await page_text(client, "/panel/inventory?q=बिस्कुट")) == ["Parle-G 250g"]

    resp = await client.post("/panel/inventory/new", data={**fields, "name": "Another biscuit"})
    page = unescape(await resp.text())
    assert resp.status == 400 and 'id="sku-error">Another product already has the code PARLE-G-250.' in page
    assert input_value(page, "name") == "Another biscuit"


async def test_a_new_product_is_checked_like_a_line_of_a_price_list(client, services):
    await log_in(client)
    token = await csrf_of(client, "/panel/inventory/new")
    resp = await client.post("/panel/inventory/new", data={
        "csrf": token, "name": "", "sku": "HAS SPACE", "unit": "g", "pack_size": "0", "price": "free",
        "stock": "1.5", "low_stock": "0"})
    page = unescape(await resp.text())
    assert resp.status == 400
    for field in ("name", "sku", "pack_size", "price"):
        assert f'id="{field}-error"' in page, field
    assert input_value(page, "sku") == "HAS SPACE" and input_value(page, "price") == "free"
    async with services.sessions() as s:
        assert len((await s.scalars(select(Product))).all()) == 6


async def test_a_csv_upload_keeps_the_good_lines_and_names_the_bad_ones(client, services):
    await log_in(client)
    resp = await upload(client, "\n".join([
        HEADER,
        "MAGGI-70,Maggi Masala Noodles 70g,Maggi,packaged_food,g,70,15,,,",
        "EGGS-12,Eggs,,eggs,dozen,1,84,,10,",
        "POHA-500,Poha 500g,Rajdhani,staples,g,500,38,chivda,20,5",
        "DAL-1,Toor Dal,,dal,kg,1,cheap,,4,",
    ]).encode(), "prices.csv")
    page = unescape(await resp.text())
    assert resp.status == 200
    assert "Added: 1. Updated: 1." in page
    assert "Lines not imported: 2." in page
    assert "Line 3: unit: 'dozen' is not one of kg, g, l, ml, piece" in page
    assert "Line 5: price_inr: 'cheap' is not a price in rupees" in page
    assert (await product(services, "MAGGI-70")).price_paise == 1500
    assert (await product(services, "MAGGI-70")).stock_milli == 100_000  # an empty stock cell keeps the count
    assert (await product(services, "POHA-500")).stock_milli == 20_000
    assert await product(services, "EGGS-12") is None


async def test_an_excel_upload_is_imported(client, services):
    await log_in(client)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["PANEER-200", "Paneer 200g", "Amul", "dairy", "g", 200, 90.5, "paneer", 8, 2])
    buffer = io.BytesIO()
    book.save(buffer)
    resp = await upload(client, buffer.getvalue(), "stock.xlsx")
    assert resp.status == 200 and "Added: 1. Updated: 0." in await resp.text()
    paneer = await product(services, "PANEER-200")
    assert (paneer.price_paise, paneer.stock_milli, paneer.low_stock_milli) == (9050, 8000, 2000)


async def test_an_unreadable_or_wrong_file_is_refused_and_nothing_changes(client, services):
    await log_in(client)
    resp = await upload(client, b"%PDF-1.4 not a price list", "prices.pdf")
    assert resp.status == 400 and "Choose a CSV or Excel (.xlsx) file." in await resp.text()
    resp = await upload(client, b"\xd0\xcf\x11\xe0 old excel", "prices.csv")
    page = unescape(await resp.text())
    assert resp.status == 400 and "prices.csv cannot be imported: old Excel .xls files" in page
    assert "Nothing was changed." in page
    resp = await upload(client, b"name,price\nMaggi,15\n", "prices.csv")
    assert resp.status == 400 and "missing required column(s): sku" in await resp.text()
    assert (await product(services, "MAGGI-70")).price_paise == 1400


async def test_a_file_over_ten_megabytes_is_refused_with_a_clear_message(client, services):
    await log_in(client)
    big = (HEADER + "\n" + "MAGGI-70,Maggi Masala Noodles 70g,Maggi,packaged_food,g,70,99,,,\n" * 200_000).encode()
    assert len(big) > 10 * 1024 * 1024
    resp = await upload(client, big, "huge.csv")
    assert resp.status == 413
    assert "The file is larger than 10 MB" in await resp.text()
    assert (await product(services, "MAGGI-70")).price_paise == 1400


async def test_a_streamed_upload_is_cut_off_at_ten_megabytes(client, services):
    """Without a Content-Length (chunked), the limit is counted while the file arrives."""
    await log_in(client)
    token = await csrf_of(client, "/panel/inventory/upload")
    boundary = "vyaparai-test-boundary"

    async def body():
        yield (f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n'
               f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.csv"\r\n'
               f'Content-Type: text/csv\r\n\r\n{HEADER}\n').encode()
        for _ in range(11):
            yield b"MAGGI-70,Maggi,Maggi,food,g,70,99,,,\n" * 30_000  # about 1 MB
        yield f"\r\n--{boundary}--\r\n".encode()

    resp = await client.post("/panel/inventory/upload", data=body(),
                             headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert resp.status == 413 and "The file is larger than 10 MB" in await resp.text()
    assert (await product(services, "MAGGI-70")).price_paise == 1400


async def test_an_upload_without_the_forms_token_is_refused(client, services):
    await log_in(client)
    resp = await upload(client, f"{HEADER}\nMAGGI-70,Maggi,Maggi,food,g,70,99,,,\n".encode(), "p.csv",
                        token="not-the-token")
    assert resp.status == 403
    assert (await product(services, "MAGGI-70")).price_paise == 1400


async def test_an_edit_without_the_forms_token_is_refused(client, services):
    await log_in(client)
    maggi = await product(services, "MAGGI-70")
    for data in ({"price": "1"}, {"csrf": "not-the-token", "price": "1"}):
        resp = await client.post(f"/panel/inventory/{maggi.id}", data={**data, "stock": "1", "low_stock": "0"})
        assert resp.status == 403
    assert (await product(services, "MAGGI-70")).price_paise == 1400


async def test_another_stores_product_is_not_found(client, services):
    maggi = await product(services, "MAGGI-70")
    async with services.sessions() as s, s.begin():
        await create_store(s, code="SHOP2", name="Other Store", owner_phones=["919811122233"],
                           owner_password="another long password")
    await log_in(client, phone="919811122233", password="another long password")
    assert "Maggi" not in await page_text(client, "/panel/inventory?q=maggi")
    assert (await client.get(f"/panel/inventory/{maggi.id}")).status == 404
    token = await csrf_of(client, "/panel/inventory")
    resp = await client.post(f"/panel/inventory/{maggi.id}", data={
        "csrf": token, "price": "1", "stock": "0", "low_stock": "0"})
    assert resp.status == 404
    assert (await product(services, "MAGGI-70")).price_paise == 1400


async def test_inventory_pages_need_a_login(client):
    for path in ["/panel/inventory", "/panel/inventory/1", "/panel/inventory/new", "/panel/inventory/upload"]:
        resp = await client.get(path, allow_redirects=False)
        assert resp.status == 303 and resp.headers["Location"] == "/panel/login"
