"""A number that names the pack picks it, numbers inside names stay names, and the order counts packs."""
import pytest

from vyaparai.catalog.lines import order_line
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="staples", loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=round(price * 100),
                         brand=brand, category=category, loose=loose, stock_milli=50_000)


CATALOG = [
    product("BISK-60", "Sunfeast Marie Gold Biscuits 60g", "g", 60, 10, "Sunfeast", "snacks"),
    product("BISK-300", "Sunfeast Marie Gold Biscuits 300g", "g", 300, 40, "Sunfeast", "snacks"),
    product("BISK-1000", "Sunfeast Marie Gold Biscuits 1kg", "kg", 1000, 120, "Sunfeast", "snacks"),
    product("NOODLES-70", "Yippee Magic Masala Noodles 70g", "g", 70, 15, "Sunfeast", "snacks"),
    product("NOODLES-4", "Yippee Magic Masala Noodles 280g (Pack of 4)", "g", 280, 58, "Sunfeast", "snacks"),
    product("ATTA-5", "Pillsbury Chakki Fresh Atta 5kg", "kg", 5000, 260, "Pillsbury"),
    product("ATTA-10", "Pillsbury Chakki Fresh Atta 10kg", "kg", 10000, 500, "Pillsbury"),
    product("COLA-2L", "Thums Up 2L", "l", 2000, 95, "Thums Up", "beverages"),
    product("COLA-600", "Thums Up 600ml", "ml", 600, 40, "Thums Up", "beverages"),
    product("SHAMPOO-BTL", "Sunsilk Black Shine Shampoo 180ml", "ml", 180, 130, "Sunsilk", "personal_care"),
    product("SHAMPOO-SACHET", "Sunsilk Black Shine Shampoo Sachet 6ml", "ml", 6, 2, "Sunsilk", "personal_care"),
    product("ROSES-250", "Brooke Bond 3 Roses Tea 250g", "g", 250, 140, "Brooke Bond", "beverages"),
    product("REDLABEL-250", "Brooke Bond Red Label Tea 250g", "g", 250, 150, "Brooke Bond", "beverages"),
    product("UP-2L", "7 Up 2L", "l", 2000, 95, "7 Up", "beverages"),
    product("UP-600", "7 Up 600ml", "ml", 600, 40, "7 Up", "beverages"),
    product("STAR-40", "Cadbury 5 Star 40g", "g", 40, 20, "Cadbury", "snacks"),
    product("SILK-60", "Cadbury Dairy Milk Silk 60g", "g", 60, 80, "Cadbury", "snacks"),
    product("SOAP-2IN1", "Dettol 2 in 1 Soap 75g", "g", 75, 40, "Dettol", "personal_care"),
    product("OIL-LOOSE", "Groundnut Oil (loose, per litre)", "l", 1000, 190, loose=True, category="oils"),
    product("OIL-POUCH", "Gemini Groundnut Oil 1L Pouch", "l", 1000, 199, "Gemini", "oils"),
    product("BREAD-WHITE", "Harvest Gold White Bread 400g", "g", 400, 45, "Harvest Gold", "bakery"),
    product("BREAD-WW", "Harvest Gold Whole Wheat Bread 400g", "g", 400, 55, "Harvest Gold", "bakery"),
]
INDEX = ProductIndex.build(CATALOG)


def lines(text: str) -> list[tuple[str, float | None, str | None]]:
    """(sku, qty, unit) of each item as the cart would get it."""
    u = understand(text, INDEX.vocabulary())
    out = []
    for mention in u.items:
        m = INDEX.match(mention)
        assert m.candidates, f"nothing found for {mention.text!r} in {text!r}"
        line = order_line(mention, m.product or m.candidates[0][0])
        out.append((line.sku, line.qty, line.unit))
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("3 packet marie gold 300 wala", [("BISK-300", 3, "pack")]),   # the 300 g pack, three of them
    ("marie gold 1000 wala bhejna", [("BISK-1000", 1, "pack")]),   # 1000 g is the 1 kg pack
    ("sunfeast marie 40 wala bhejo", [("BISK-300", 1, "pack")]),       # ₹40 is the price of the 300 g pack
    ("thums up 600", [("COLA-600", 1, "pack")]),                    # a bare 600: the 600 ml bottle
    ("2 thums up 600", [("COLA-600", 2, "pack")]),
    ("2 rupee wala shampoo", [("SHAMPOO-SACHET", 1, "pack")]),      # the price names the sachet
    ("yippee 280 wala 2", [("NOODLES-4", 2, "pack")]),              # the number named the bundle
    ("pillsbury atta 10 wala", [("ATTA-10", 1, "pack")]),           # a small number: kilos
])
def test_a_number_that_names_the_pack_picks_it_and_is_not_the_count(text, expected):
    assert lines(text) == expected, text


@pytest.mark.parametrize(("text", "expected"), [
    ("2 5 star", [("STAR-40", 2, "pack")]),                          # two of 5 Star, not five
    ("5 star aur 1 dairy milk silk", [("STAR-40", 1, "pack"), ("SILK-60", 1, "pack")]),
    ("3 roses chai ek packet", [("ROSES-250", 1, "pack")]),          # not three packets of tea
    ("7 up 2 litre", [("UP-2L", 2, "l")]),                           # two litres: the one 2 l bottle
    ("3 bottle 7 up 600 ml", [("UP-600", 3, "pack")]),
])
def test_numbers_inside_names_are_name_words(text, expected):
    assert lines(text) == expected, text


def test_a_number_before_a_generic_word_of_a_name_stays_a_count():
    # "Dettol 2 in 1 Soap" makes no product called "1 soap": "2 soap" is two soaps
    assert lines("2 dettol soap") == [("SOAP-2IN1", 2, "pack")]


@pytest.mark.parametrize(("text", "sku"), [
    ("groundnut oil ka pouch", "OIL-POUCH"),    # loose oil comes in no pouch
    ("groundnut oil 1 litre", "OIL-LOOSE"),     # no form said: the shop's loose oil is the plain answer
])
def test_a_form_word_asks_for_a_packed_product(text, sku):
    assert lines(text)[0][0] == sku, text


@pytest.mark.parametrize("text", ["ek bread whole wheat wala", "bread brown wali chahiye"])
def test_a_describing_word_after_its_noun_still_names_the_variety(text):
    assert lines(text)[0][0] == "BREAD-WW", text
