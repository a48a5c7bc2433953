"""A bare kind ("oil", "dal") is a question when the shop's close ones are different kinds; a brand heard in
another script is that brand before a lexicon word spelled a little like it."""
import pytest

from tests.unit.test_matcher import product
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.nlu.pipeline import understand

INDEX = ProductIndex.build([
    product("SOYA", "Fortune Soyabean Oil 1 L", "l", 1000, 138, brand="Fortune", category="oil"),
    product("MUSTARD", "Dhara Kachi Ghani Mustard Oil 1 L", "l", 1000, 178, brand="Dhara", category="oil"),
    product("MASOOR", "Masoor Dal (loose, per kg)", "kg", 1000, 105, loose=True, category="dal"),
    product("CHANA", "Chana Dal (loose, per kg)", "kg", 1000, 92, loose=True, category="dal"),
    product("ATTA", "Chakki Atta (loose, per kg)", "kg", 1000, 40, loose=True),
    product("AASH-5", "Aashirvaad Chakki Atta 5 kg", "kg", 5000, 275, brand="Aashirvaad"),
    product("GHEE-500", "Amul Ghee 500 ml", "ml", 500, 315, brand="Amul", category="ghee"),
    product("GHEE-1", "Patanjali Ghee 500 ml", "ml", 500, 335, brand="Patanjali", category="ghee"),
    product("LUX", "Lux Soft Touch Soap 100 g", "g", 100, 40, brand="Lux", category="personal_care"),
    product("CABBAGE", "Cabbage (loose, per kg)", "kg", 1000, 30, loose=True, category="vegetables"),
])


def match(text):
    u = understand(text, INDEX.vocabulary())
    assert u.items, text
    return INDEX.match(u.items[0])


@pytest.mark.parametrize("text", ["oil", "tel chahiye", "तेल", "1 kg dal", "दाल एक किलो", "ডাল"])
def test_a_bare_kind_with_different_kinds_on_the_shelf_is_asked(text):
    assert match(text).decision == "ambiguous", text


@pytest.mark.parametrize("text, sku", [("2 kilo aata", "ATTA"), ("ghee", "GHEE-500"), ("sarson ka tel", "MUSTARD"),
                                       ("masoor dal 1 kg", "MASOOR")])
def test_one_kind_or_an_amount_only_one_fits_is_no_question(text, sku):
    m = match(text)
    assert (m.decision, m.product.sku) == ("matched", sku), text


@pytest.mark.parametrize("text", ["लक्स का दाम", "2 लक्स", "laks sabun"])
def test_a_brand_heard_in_another_script_is_not_a_vegetable_spelled_like_it(text):
    assert match(text).candidates[0][0].sku == "LUX", text
