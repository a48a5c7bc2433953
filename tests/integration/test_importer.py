"""Importing catalog files into a real database: good rows kept, bad lines named, re-imports update."""
from __future__ import annotations

import time

import openpyxl
import pytest
from sqlalchemy import func, select

from vyaparai.catalog.importer import CatalogFileError, import_catalog
from vyaparai.catalog.repository import get_product_by_sku, load_product_records
from vyaparai.catalog.stores import create_store
from vyaparai.db.models import Product, Store

HEADER = "sku,name,brand,category,unit,pack_size,price_inr,aliases,stock"


@pytest.fixture
async def store_id(sessions) -> int:
    async with sessions() as s, s.begin():
        store = await create_store(s, code="GUPTA", name="Gupta General Store", owner_phones=["9876543210"])
        await s.flush()
        return store.id


async def run_import(sessions, store_id, source, **kw):
    async with sessions() as s, s.begin():
        return await import_catalog(s, store_id, source, **kw)


async def products(sessions, store_id) -> dict[str, object]:
    async with sessions() as s:
        return {p.sku: p for p in await load_product_records(s, store_id, include_inactive=True)}


def csv_bytes(*lines: str) -> bytes:
    # What Excel's "CSV UTF-8" writes: a byte-order mark and Windows line endings.
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()


async def test_csv_keeps_good_rows_and_names_bad_lines(sessions, store_id):
    report = await run_import(sessions, store_id, csv_bytes(
        HEADER,
        'SUGAR-LOOSE,"Sugar (loose, per kg)",,staples,KG,1,46,cheeni|chini|चीनी,25.5',
        "MAGGI-70,Maggi Masala 70 g,Maggi,noodles,gms,70,15,मैगी,48",
        "EGGS-12,Eggs,,eggs,dozen,1,84,,10",
        'ATTA-5,Aashirvaad Atta 5 kg,Aashirvaad,staples,kg,5,"₹1,234.50",,3',
        "MAGGI-70,Maggi again,Maggi,noodles,g,70,14,,1",
        "DAL-1,Toor Dal,,dal,kg,1,cheap,துவரம் பருப்பு,4",
    ))

    assert (report.created, report.updated) == (3, 0)
    assert report.errors == [
        (4, "unit: 'dozen' is not one of kg, g, l, ml, piece"),
        (6, "sku: 'MAGGI-70' already appears on line 3"),
        (7, "price_inr: 'cheap' is not a price in rupees"),
    ]
    stored = await products(sessions, store_id)
    assert set(stored) == {"SUGAR-LOOSE", "MAGGI-70", "ATTA-5"}
    assert stored["SUGAR-LOOSE"].aliases == ("cheeni", "chini", "चीनी")
    assert stored["SUGAR-LOOSE"].stock_milli == 25500 and stored["SUGAR-LOOSE"].loose
    assert stored["MAGGI-70"].price_paise == 1500 and stored["MAGGI-70"].aliases == ("मैगी",)
    assert stored["ATTA-5"].price_paise == 123450 and stored["ATTA-5"].pack_base == 5000


async def test_xlsx_with_bad_rows_keeps_good_ones_and_numbers_lines_like_excel(sessions, store_id, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["SKU", "Name", "Brand", "Category", "Unit", "Pack Size", "Price INR", "Aliases", "Stock", "Notes"])
    sheet.append(["TOMATO", "Tomato (loose, per kg)", None, "vegetables", "kg", 1, 40, "tamatar|टमाटर|தக்காளி", 12.5])
    sheet.append([1001, "Amul Gold 500 ml", "Amul", "dairy", "ml", 500, 34.0, "doodh", 24])
    sheet.append([])
    sheet.append(["LAYS-50", "Lay's Classic 50 g", "Lay's", "snacks", "packet", 50, 20, None, 10])
    sheet.append(["OIL-1", "Fortune Soyabean Oil 1 L", "Fortune", "oil", "ltr", 1, 138.75, None, 2.5])
    path = tmp_path / "catalog.xlsx"
    book.save(path)

    report = await run_import(sessions, store_id, path)

    assert report.created == 2
    assert [line for line, _ in report.errors] == [5, 6]
    assert "unit: 'packet'" in report.errors[0][1]
    assert "stock: '2.5' is not a whole number of packs" in report.errors[1][1]
    assert report.notes == ["ignored column(s): Notes"]
    stored = await products(sessions, store_id)
    assert stored["TOMATO"].aliases == ("tamatar", "टमाटर", "தக்காளி")
    assert stored["TOMATO"].stock_milli == 12500
    assert stored["1001"].price_paise == 3400 and stored["1001"].pack_base == 500


async def test_reimport_updates_prices_without_duplicating_or_touching_stock(sessions, store_id):
    await run_import(sessions, store_id, csv_bytes(
        HEADER,
        "SALT-1,Tata Salt 1 kg,Tata,staples,kg,1,28,namak,40",
        "SALTLITE-1,Tata Salt Lite 1 kg,Tata,staples,kg,1,52,,6",
    ))
    async with sessions() as s:
        version_before = await s.scalar(select(Store.catalog_version).where(Store.id == store_id))

    # A price list with no stock or aliases columns: stock and aliases stay as they were.
    report = await run_import(sessions, store_id, csv_bytes(
        "sku,name,brand,category,unit,pack_size,price_inr",
        "SALT-1,Tata Salt Iodised 1 kg,Tata,staples,kg,1,30",
        "SUGAR-1,Madhur Sugar 1 kg,Madhur,staples,kg,1,58",
    ))

    assert (report.created, report.updated, report.errors) == (1, 1, [])
    stored = await products(sessions, store_id)
    assert len(stored) == 3
    assert stored["SALT-1"].name == "Tata Salt Iodised 1 kg"
    assert stored["SALT-1"].price_paise == 3000
    assert stored["SALT-1"].stock_milli == 40000
    assert stored["SALT-1"].aliases == ("namak",)
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Product)) == 3
        assert await s.scalar(select(Store.catalog_version).where(Store.id == store_id)) > version_before


async def test_a_stock_column_in_a_later_file_sets_the_count(sessions, store_id):
    await run_import(sessions, store_id, csv_bytes(HEADER, "SALT-1,Tata Salt 1 kg,Tata,staples,kg,1,28,,40"))
    await run_import(sessions, store_id, csv_bytes(HEADER, "SALT-1,Tata Salt 1 kg,Tata,staples,kg,1,28,,7"))
    async with sessions() as s:
        assert (await get_product_by_sku(s, store_id, "SALT-1")).stock_milli == 7000


async def test_missing_required_column_imports_nothing(sessions, store_id):
    with pytest.raises(CatalogFileError, match="line 1: missing required column.*price_inr"):
        await run_import(sessions, store_id, csv_bytes("sku,name,brand,category,unit,pack_size",
                                                       "SALT-1,Tata Salt 1 kg,Tata,staples,kg,1"))
    assert await products(sessions, store_id) == {}


async def test_a_file_that_is_not_utf8_is_refused_with_a_hint(sessions, store_id):
    latin1 = (HEADER + "\nCAFE,Café Coffee,,beverages,g,100,99,,\n").encode("latin-1")
    with pytest.raises(CatalogFileError, match="not UTF-8.*CSV UTF-8"):
        await run_import(sessions, store_id, latin1)


async def test_semicolon_separated_csv_from_european_excel_is_read(sessions, store_id):
    report = await run_import(sessions, store_id, csv_bytes(
        HEADER.replace(",", ";"), "SALT-1;Tata Salt 1 kg;Tata;staples;kg;1;28;;40"))
    assert report.created == 1


@pytest.mark.slow
async def test_twenty_thousand_rows_import_in_reasonable_time(sessions, store_id):
    lines = [HEADER] + [f"SKU-{i},Product number {i} 500 g,Brand {i % 50},staples,g,500,{i % 900 + 10}.50,p{i},{i % 40}"
                        for i in range(20_000)]
    seen = []
    started = time.perf_counter()
    report = await run_import(sessions, store_id, csv_bytes(*lines), progress=lambda d, t: seen.append((d, t)))
    first = time.perf_counter() - started
    started = time.perf_counter()
    again = await run_import(sessions, store_id, csv_bytes(*lines))
    second = time.perf_counter() - started

    assert (report.created, again.updated) == (20_000, 20_000)
    assert seen[-1] == (20_000, 20_000) and len(seen) > 10
    print(f"\n20,000 rows: create {first:.1f} s, update {second:.1f} s")
    assert first < 60 and second < 60


async def test_a_long_import_can_commit_batch_by_batch_so_checkouts_need_not_wait(sessions, engine, tmp_path):
    from vyaparai.db.engine import create_read_sessions

    async with sessions() as s, s.begin():
        store = await create_store(s, code="BATCH1", name="Batch Kirana", owner_phones=["919800000002"])
    lines = [f"SKU{i:04d},Product {i},,staples,piece,1,10" for i in range(1, 12)]
    path = tmp_path / "big.csv"
    path.write_text("sku,name,brand,category,unit,pack_size,price_inr\n" + "\n".join(lines) + "\n")
    read = create_read_sessions(engine)

    async def count_products() -> int:
        async with read() as r:
            return await r.scalar(select(func.count()).select_from(Product).where(Product.store_id == store.id))

    async with sessions() as s:
        report = await import_catalog(s, store.id, path, batch_size=5, commit_batches=True)
        # Another connection already sees both full batches; the last, short one is the caller's to commit.
        assert await count_products() == 10
        await s.commit()
    assert report.created == 11 and not report.errors
    assert await count_products() == 11


async def test_a_label_size_with_decimals_imports_and_sells_by_the_pack(sessions, store_id):
    report = await run_import(sessions, store_id, csv_bytes(
        HEADER,
        "NOODLE-ATTA,Sunfeast Atta Noodles 72.5g,Sunfeast,noodles,g,72.5,24.50,,12",
        "CHOCO-13,Choco Bar 13.2 g,Amul,snacks,g,13.2,10,,40",
        "SAFFRON-HALF,Kesar 0.5 g,Lion,spices,g,0.5,150,,3",
    ))

    assert report.created == 2
    assert report.errors == [(4, "pack_size: pack size 0.5 g is not a whole number of g")]
    stored = await products(sessions, store_id)
    assert (stored["NOODLE-ATTA"].pack_base, stored["NOODLE-ATTA"].price_paise) == (73, 2450)
    assert stored["NOODLE-ATTA"].name == "Sunfeast Atta Noodles 72.5g"
    assert stored["CHOCO-13"].pack_base == 13
