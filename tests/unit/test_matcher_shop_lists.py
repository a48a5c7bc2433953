"""Price lists as shops type them: a size word in a name, one product in several pack sizes, local names."""
import pytest

from vyaparai.catalog.lines import order_line
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def product(sku, name, unit, pack_base, price, brand="", category="staples", loose=False):
    return ProductRecord(sku=sku, name=name, unit=unit, pack_base=pack_base, price_paise=round(price * 100),
                         brand=brand, category=category, loose=loose, stock_milli=50_000)


CATALOG = [
    product("ONION-BIG", "Big Onion (Periya Vengayam) Loose", "kg", 1000, 40, category="vegetables", loose=True),
    product("ONION-SMALL", "Small Onion (Sambar Vengayam) Loose", "kg", 1000, 80, category="vegetables", loose=True),
    product("TOMATO", "Tomato Loose", "kg", 1000, 30, category="vegetables", loose=True),
    product("MUSTARD-1", "Fortune Kachi Ghani Mustard Oil 1 Ltr", "l", 1000, 175, "Fortune", "oil"),
    product("MUSTARD-500", "Fortune Kachi Ghani Mustard Oil 500 ml", "ml", 500, 92, "Fortune", "oil"),
    product("GINGELLY-1", "Idhayam Gingelly Oil 1 Ltr", "l", 1000, 420, "Idhayam", "oil"),
    product("GINGELLY-500", "Idhayam Gingelly Oil 500 ML", "ml", 500, 215, "Idhayam", "oil"),
    product("ATTA-1", "AASHIRVAAD ATTA 1KG", "kg", 1000, 62, "AASHIRVAAD"),
    product("ATTA-5", "AASHIRVAAD ATTA 5KG", "kg", 5000, 270, "AASHIRVAAD"),
    product("CHILLI-POWDER", "MARCHA POWDER 200GM", "g", 200, 70, category="masala"),
    product("DHANAJEERU", "DHANA JEERU POWDER 100GM", "g", 100, 40, category="masala"),
    product("HALDI", "HALDI POWDER 100GM", "g", 100, 30, category="masala"),
    product("DETERGENT", "GHADI DETERGENT POWDER 1KG", "kg", 1000, 60, "GHADI", "household"),
]
INDEX = ProductIndex.build(CATALOG)


def lines(text: str) -> list[tuple[str, float | None, str | None]]:
    """(sku, qty, unit) of each item the cart would get; fails when the bot would have to ask."""
    u = understand(text, INDEX.vocabulary())
    out = []
    for mention in u.items:
        m = INDEX.match(mention)
        assert m.decision == "matched", f"{m.decision} for {mention.text!r}: {m.candidates[:3]}"
        line = order_line(mention, m.product)
        out.append((line.sku, line.qty, line.unit))
    return out


@pytest.mark.parametrize(("text", "sku"), [
    ("சின்ன வெங்காயம் அரை கிலோ", "ONION-SMALL"),   # Tamil "small": the Small Onion, not a smaller pack
    ("small onion 1 kg", "ONION-SMALL"),
    ("chhota pyaz 1 kilo", "ONION-SMALL"),
    ("பெரிய வெங்காயம் ஒரு கிலோ", "ONION-BIG"),
    ("big onion 2 kg", "ONION-BIG"),
    ("2 kg vengayam", "ONION-BIG"),                  # no size said: the plain onion, as before
])
def test_a_size_word_picks_the_product_whose_name_says_it(text, sku):
    assert lines(text)[0][0] == sku


@pytest.mark.parametrize(("text", "sku"), [
    ("fortune mustard oil 2 litre", "MUSTARD-1"),       # two 1 l bottles, not four of 500 ml
    ("2 ltr idhayam gingelly oil", "GINGELLY-1"),
    ("दो लीटर फॉर्च्यून सरसों तेल", "MUSTARD-1"),
    ("aashirvaad atta 10 kilo", "ATTA-5"),               # two 5 kg bags, not ten of 1 kg
    ("fortune mustard oil 1.5 litre", "MUSTARD-500"),   # only the 500 ml makes 1.5 l
    ("idhayam oil half litre", "GINGELLY-500"),
])
def test_an_amount_comes_in_the_fewest_packs_of_one_product(text, sku):
    assert [line[0] for line in lines(text)] == [sku]


@pytest.mark.parametrize(("text", "sku"), [
    ("મરચું પાવડર ૧", "CHILLI-POWDER"),        # the shop wrote "marcha powder"; the lexicon knows mirch powder
    ("lal mirch powder 1 packet", "CHILLI-POWDER"),
    ("red chilli powder", "CHILLI-POWDER"),
    ("ધાણાજીરું ૧", "DHANAJEERU"),             # "Dhana Jeeru" run together is the Gujarati blend
    ("dhanajiru powder ek packet", "DHANAJEERU"),
    ("हल्दी पाउडर", "HALDI"),
])
def test_a_local_name_in_the_price_list_is_found_by_what_it_means(text, sku):
    assert lines(text)[0][0] == sku


def test_a_local_name_in_the_price_list_is_still_that_kind_only():
    """"Marcha Powder" is chilli powder: a tomato or a detergent powder never stands in for it."""
    u = understand("marcha powder", INDEX.vocabulary())
    skus = [p.sku for p, _ in INDEX.match(u.items[0]).candidates]
    assert skus[0] == "CHILLI-POWDER"
    assert INDEX.match(u.items[0]).candidates[1][1] < 60
