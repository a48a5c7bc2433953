"""The owner's order history: filters, pages, the CSV export, bad filter values, and only their own store."""
import csv
import io
import re
from datetime import UTC, datetime, timedelta

from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store

from tests.e2e.conftest import SHOP_CSV
from tests.e2e.test_panel import csrf_of, log_in, place_order
from tests.integration.past_orders import add_order

JAN5 = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)  # 11:30 IST


def numbers_on(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'href="/panel/orders/(\d+)"', page)]


async def page_of(client, path):
    resp = await client.get(path)
    assert resp.status == 200
    return await resp.text()


def csv_rows(body: bytes) -> list[list[str]]:
    assert body.startswith("\ufeff".encode())  # so Excel reads it as UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


async def other_store(services, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text(SHOP_CSV, encoding="utf-8")
    async with services.sessions() as s, s.begin():
        store = await create_store(s, code="SHOP2", name="Other Store", owner_phones=["919811122233"],
                                   owner_password="another long password")
        await import_catalog(s, store.id, path)
    return store


async def test_history_lists_the_stores_orders_newest_first_each_linking_to_its_page(client, services, shop):
    await add_order(services.sessions, shop.id, at=JAN5, status="delivered", name="Ravi Kumar")  # #1001
    await place_order(client)  # #1002, now, through the web chat
    await log_in(client)
    page = await page_of(client, "/panel/history")
    assert numbers_on(page) == [1002, 1001]
    assert "Ravi Kumar" in page and "2026-01-05 11:30" in page and "Sugar (loose, per kg) 1 kg" in page
    assert "Page 1" in page and 'rel="next"' not in page and 'rel="prev"' not in page
    assert "#1001" in await page_of(client, "/panel/orders/1001")


async def test_each_filter_works_and_they_combine(client, services, shop):
    add = lambda **kw: add_order(services.sessions, shop.id, **kw)  # noqa: E731
    cod_delivered = await add(at=JAN5, status="delivered", payment_status="paid")
    upi_paid = await add(at=JAN5, payment_method="upi", payment_status="paid", status="confirmed")
    upi_failed = await add(at=JAN5 + timedelta(days=2), payment_method="upi", payment_status="failed",
                           status="cancelled")
    late_jan4 = await add(at=datetime(2026, 1, 4, 18, 29, tzinfo=UTC))  # 23:59 IST on 4 January
    await log_in(client)
    assert numbers_on(await page_of(client, "/panel/history?status=delivered")) == [cod_delivered]
    assert numbers_on(await page_of(client, "/panel/history?pay=online")) == [upi_failed, upi_paid]
    assert numbers_on(await page_of(client, "/panel/history?paid=paid")) == [upi_paid, cod_delivered]
    assert numbers_on(await page_of(client, "/panel/history?from=2026-01-05&to=2026-01-05")) == [
        upi_paid, cod_delivered]
    assert numbers_on(await page_of(client, "/panel/history?to=2026-01-04")) == [late_jan4]
    combined = await page_of(client, "/panel/history?from=2026-01-05&to=2026-01-07&pay=online&paid=paid")
    assert numbers_on(combined) == [upi_paid]
    # The form shows what is being filtered by.
    assert 'value="2026-01-05"' in combined and '<option value="online" selected>' in combined


async def test_pages_of_25_with_links_that_keep_the_filters(client, services, shop):
    for i in range(30):
        await add_order(services.sessions, shop.id, at=JAN5 + timedelta(minutes=i))
    await add_order(services.sessions, shop.id, at=JAN5, status="cancelled")  # #1031, filtered out
    await log_in(client)
    first = await page_of(client, "/panel/history?status=pending")
    assert numbers_on(first) == list(range(1030, 1005, -1)) and "Page 1" in first
    older = re.search(r'href="([^"]+)" rel="next"', first).group(1).replace("&amp;", "&")
    assert "status=pending" in older
    second = await page_of(client, older)
    assert numbers_on(second) == list(range(1005, 1000, -1)) and "Page 2" in second
    assert 'rel="next"' not in second
    newer = re.search(r'href="([^"]+)" rel="prev"', second).group(1).replace("&amp;", "&")
    back = await page_of(client, newer)
    assert numbers_on(back) == numbers_on(first) and "Page 1" in back


async def test_bad_filter_values_are_explained_and_the_good_ones_still_apply(client, services, shop):
    paid = await add_order(services.sessions, shop.id, at=JAN5, payment_status="paid")
    await add_order(services.sessions, shop.id, at=JAN5)
    await log_in(client)
    resp = await client.get("/panel/history", params=[("from", "2026-13-45"), ("status", "lost"),
                                                      ("pay", "bitcoin"), ("paid", "paid"), ("after", "x")])
    page = await resp.text()
    assert resp.status == 200
    assert "“2026-13-45” is not a date we can use" in page
    assert "“lost” is not an order status" in page and "“bitcoin” is not a way of paying" in page
    assert numbers_on(page) == [paid]
    resp = await client.get("/panel/history?from=2026-01-09&to=2026-01-01")
    assert resp.status == 200 and "The start date is after the end date" in await resp.text()
    resp = await client.get("/panel/history.csv?from=0000-00-00&status=%3Cscript%3E")
    assert resp.status == 200 and len(csv_rows(await resp.read())) == 3


async def test_another_stores_owner_sees_none_of_these_orders(client, services, shop, tmp_path):
    await add_order(services.sessions, shop.id, at=JAN5, name="Shop One Customer", phone="919800000011")
    theirs = await other_store(services, tmp_path)
    await add_order(services.sessions, theirs.id, at=JAN5, name="Shop Two Customer", phone="919800000022")
    await log_in(client, phone="919811122233", password="another long password")
    page = await page_of(client, "/panel/history")
    assert "Shop Two Customer" in page and "Shop One Customer" not in page
    body = await (await client.get("/panel/history.csv")).read()
    assert [row[5] for row in csv_rows(body)[1:]] == ["Shop Two Customer"]


async def test_the_csv_has_every_filtered_order_with_its_details(client, services, shop):
    for i in range(27):
        await add_order(services.sessions, shop.id, at=JAN5 + timedelta(minutes=i), status="delivered")
    await add_order(services.sessions, shop.id, at=datetime(2026, 1, 4, 20, 0, tzinfo=UTC), status="delivered",
                    lines=(("SUGAR-LOOSE", 1500), ("MAGGI-70", 2000)), payment_method="upi", payment_status="paid",
                    name="Meena", phone="919812345678", address='Flat 2, "Rose" Apts,\nJaipur')
    await add_order(services.sessions, shop.id, at=JAN5, status="cancelled")
    await log_in(client)
    page = await page_of(client, "/panel/history?status=delivered&from=2026-01-05")
    csv_link = re.search(r'href="(/panel/history\.csv[^"]*)"', page).group(1).replace("&amp;", "&")
    resp = await client.get(csv_link)
    assert resp.status == 200 and resp.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(r'attachment; filename="orders-SHOP1-2026-01-05-to-\d{4}-\d\d-\d\d\.csv"',
                        resp.headers["Content-Disposition"])
    header, *rows = csv_rows(await resp.read())
    assert header == ["Order number", "Placed at (IST)", "Status", "Payment method", "Payment status",
                      "Customer name", "Phone", "Items", "Subtotal (₹)", "Delivery fee (₹)", "Total (₹)", "Address"]
    assert len(rows) == 28  # more than one page, the cancelled one left out
    meena = next(r for r in rows if r[5] == "Meena")
    assert meena == [meena[0], "2026-01-05 01:30", "delivered", "Online (upi)", "paid", "Meena", "919812345678",
                     "Sugar (loose, per kg) 1.5 kg; Maggi Masala Noodles 70g × 2", "97.00", "0.00", "97.00",
                     'Flat 2, "Rose" Apts,\nJaipur']


async def test_a_customer_name_cannot_become_a_spreadsheet_formula(client, services, shop):
    await add_order(services.sessions, shop.id, at=JAN5, name='=HYPERLINK("http://evil.example","Refund")',
                    address="@SUM(1+1)*cmd|' /C calc'!A0", phone="+919800000002")
    await log_in(client)
    _, row = csv_rows(await (await client.get("/panel/history.csv")).read())
    assert row[5] == '\'=HYPERLINK("http://evil.example","Refund")'
    assert row[11] == "'@SUM(1+1)*cmd|' /C calc'!A0" and row[6] == "'+919800000002"


async def test_history_and_export_need_a_login(client):
    for path in ("/panel/history", "/panel/history.csv"):
        resp = await client.get(path, allow_redirects=False)
        assert resp.status == 303 and resp.headers["Location"] == "/panel/login"


async def test_the_history_page_speaks_hindi_when_the_owner_chooses_it(client, services, shop):
    await add_order(services.sessions, shop.id, at=JAN5)
    await log_in(client)
    english = await page_of(client, "/panel/history?from=bad")
    token = await csrf_of(client, "/panel/history")
    await client.post("/panel/language", data={"csrf": token, "lang": "hi", "next": "/panel/history"})
    hindi = await page_of(client, "/panel/history?from=bad")
    assert "Order history" in english and "“bad” is not a date" in english
    assert "Order history" not in hindi and "“bad”" in hindi and "is not a date" not in hindi
    assert re.search(r"[\u0900-\u097F]", hindi)
