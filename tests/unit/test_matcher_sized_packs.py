"""A pack a shop's name calls by its size ("Family Pack", "Jumbo Pack", "Pack of 4") is handed over only when a
size is asked for; a plain name, with or without "packet", is the plain pack."""
from importlib import resources

import pytest

from vyaparai.catalog.csvrecords import read_records
from vyaparai.catalog.lines import order_line
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand, category):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=price * 100,
                         brand=brand, category=category, loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    product("PARLEG-70", "Parle-G Biscuits 70g", "g", 70, 5, "Parle", "biscuits"),
    product("PARLEG-800", "Parle-G Biscuits 800g Family Pack", "g", 800, 80, "Parle", "biscuits"),
    product("MAGGI-70", "Maggi Masala Noodles 70g", "g", 70, 14, "Maggi", "noodles"),
    product("MAGGI-280", "Maggi Masala Noodles 280g (Pack of 4)", "g", 280, 56, "Maggi", "noodles"),
    product("SURF-1", "Surf Excel Easy Wash 1 Kg", "kg", 1000, 140, "Surf Excel", "household"),
    product("SURF-3", "SURF EXCEL EASY WASH 3 KG JUMBO PACK", "kg", 3000, 390, "Surf Excel", "household"),
    product("LAYS-52", "Lays Classic Salted 52g", "g", 52, 20, "Lays", "snacks"),
    product("LAYS-130", "Lays Classic Salted 130g Party Pack", "g", 130, 50, "Lays", "snacks"),
    product("TAAZA-1L", "Amul Taaza 1L Pouch", "l", 1000, 56, "Amul", "dairy"),
    product("TAAZA-TETRA-1L", "Amul Taaza 1L Tetra Pack", "l", 1000, 72, "Amul", "dairy"),
])


def line(text: str) -> tuple[str, float, str]:
    mention = understand(text, INDEX.vocabulary()).items[0]
    found = INDEX.match(mention)
    assert found.decision == "matched", f"{found.decision} for {text!r}: {found.candidates[:3]}"
    got = order_line(mention, found.product)
    return got.sku, got.qty, got.unit


@pytest.mark.parametrize(("text", "expected"), [
    ("ek packet parle g", ("PARLEG-70", 1, "pack")),        # the "Pack" of "Family Pack" is no packet asked for
    ("2 pkt parle-g", ("PARLEG-70", 2, "pack")),
    ("एक पैकेट पारले जी", ("PARLEG-70", 1, "pack")),
    ("பார்லே ஜி ஒரு பாக்கெட்", ("PARLEG-70", 1, "pack")),
    ("2 packet maggi", ("MAGGI-70", 2, "pack")),
    ("surf excel 1 packet", ("SURF-1", 1, "pack")),
    ("সার্ফ এক্সেল এক প্যাকেট", ("SURF-1", 1, "pack")),
    ("3 packet lays", ("LAYS-52", 3, "pack")),
])
def test_a_plain_name_is_the_plain_pack_not_the_one_named_by_its_size(text, expected):
    assert line(text) == expected


@pytest.mark.parametrize(("text", "sku"), [
    ("parle g family pack", "PARLEG-800"),
    ("पारले जी फैमिली पैक", "PARLEG-800"),
    ("maggi family pack", "MAGGI-280"),       # Maggi's big pack is its bundle of four
    ("surf excel jumbo pack", "SURF-3"),
    ("ಸರ್ಫ್ ಎಕ್ಸೆಲ್ ಜಂಬೋ ಪ್ಯಾಕ್ ಒಂದು", "SURF-3"),   # ಜಂಬೋ (janbo) is the name's JUMBO by its sound
    ("surf excel bada packet", "SURF-3"),
    ("lays party pack", "LAYS-130"),
])
def test_the_size_said_picks_the_pack_named_by_it(text, sku):
    assert line(text)[0] == sku


@pytest.mark.parametrize(("text", "expected"), [
    ("parle g 800 gram wala", ("PARLEG-800", 1, "pack")),
    ("surf excel 3 kg", ("SURF-3", 3, "kg")),                 # one 3 kg pack, not three of 1 kg
    ("parle g 800 gram", ("PARLEG-800", 800, "g")),
])
def test_an_amount_one_sized_pack_makes_is_that_pack(text, expected):
    assert line(text) == expected


@pytest.mark.parametrize(("text", "sku"), [
    ("amul taaza 1 litre packet", "TAAZA-1L"),        # a packet of milk is the pouch: the "Pack" of "Tetra Pack"
    ("अमूल ताज़ा एक लीटर का पैकेट", "TAAZA-1L"),         # is a carton
    ("amul taaza 1 litre tetra", "TAAZA-TETRA-1L"),
    ("amul taaza tetra pack 1", "TAAZA-TETRA-1L"),
])
def test_a_packet_of_milk_is_the_pouch_not_the_tetra_pack(text, sku):
    assert line(text)[0] == sku


def test_the_demo_store_with_its_aliases_hands_over_the_family_pack_only_when_asked():
    with resources.as_file(resources.files("vyaparai.catalog").joinpath("data/demo_catalog.csv")) as path:
        demo = ProductIndex.build(read_records(path))

    def found(text):
        return demo.match(understand(text, demo.vocabulary()).items[0])

    assert found("maggi family pack").product.sku == "MAGGI-MAS-280"   # the alias the shop typed for it
    assert found("parle g family pack").product.sku == "PARLEG-800"
    plain = found("ek packet parle g")
    assert plain.product is None or plain.product.sku != "PARLEG-800"
    assert "PARLEG-800" not in {p.sku for p, _ in plain.candidates[:2]}


ALIASED = ProductIndex.build([
    ProductRecord(sku="PG-65", name="Parle-G Glucose Biscuits 65g", unit="g", pack_base=65, price_paise=500,
                  brand="Parle", category="biscuits", loose=False, stock_milli=50_000, aliases=("parle g",)),
    ProductRecord(sku="PG-800", name="Parle-G Glucose Biscuits 800g", unit="g", pack_base=800, price_paise=8000,
                  brand="Parle", category="biscuits", loose=False, stock_milli=50_000),
    ProductRecord(sku="ATTA-5", name="Aashirvaad Atta 5kg", unit="kg", pack_base=5000, price_paise=28500,
                  brand="Aashirvaad", category="staples", loose=False, stock_milli=50_000,
                  aliases=("aashirvaad aata",)),
    ProductRecord(sku="ATTA-10", name="Aashirvaad Atta 10kg", unit="kg", pack_base=10000, price_paise=54000,
                  brand="Aashirvaad", category="staples", loose=False, stock_milli=50_000),
])


@pytest.mark.parametrize(("text", "sku"), [
    ("parle g ka bada packet", "PG-800"),          # the alias sits on the small pack; the size said wins
    ("पारले जी का बड़ा पैकेट", "PG-800"),
    ("બે પારલે જી મોટા પેકેટ", "PG-800"),
    ("ek packet parle g", "PG-65"),
    ("10 kilo aashirvaad atta", "ATTA-10"),         # one 10 kg bag, not two of the alias's 5 kg
    ("5 kilo aashirvaad aata", "ATTA-5"),
])
def test_a_size_said_beats_an_alias_on_a_sibling_pack(text, sku):
    found = ALIASED.match(understand(text, ALIASED.vocabulary()).items[0])
    assert found.decision == "matched" and found.product.sku == sku, (text, found.candidates[:2])
