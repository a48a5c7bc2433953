"""A name's letter said as a word ("ji" of Parle G) is that letter, so the size said still picks the pack,
even where the shop gave its smallest pack the alias the two words run together spell ("parleji")."""
import pytest

from tests.unit.test_matcher import product
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.nlu.pipeline import understand

CATALOG = [
    product("PG-65", "Parle-G Glucose Biscuits 65g", "g", 65, 5, "Parle", "snacks", aliases=("parle g", "parleji")),
    product("PG-250", "Parle-G Glucose Biscuits 250g", "g", 250, 25, "Parle", "snacks"),
    product("PG-800", "Parle-G Glucose Biscuits 800g", "g", 800, 80, "Parle", "snacks"),
    product("OIL-SUN", "Fortune Sunflower Oil 1L", "l", 1000, 155, "Fortune", "oils"),
]
INDEX = ProductIndex.build(CATALOG)


def _sku(text: str) -> str | None:
    u = understand(text, INDEX.vocabulary())
    match = INDEX.match(u.items[0])
    return match.product.sku if match.product else None


@pytest.mark.parametrize("text", ["parle ji 250 gram wala 2", "પાર્લે-જી 250 ગ્રામ વાળા 2", "পারলে-জি ২৫০ গ্রামের একটা প্যাকেট",
                                  "पारले जी 250 ग्राम वाला"])
def test_the_size_said_picks_the_pack(text):
    assert _sku(text) == "PG-250"


def test_the_alias_alone_is_still_the_pack_it_names():
    assert _sku("parleji") == "PG-65"


def test_two_words_that_spell_one_name_word_are_still_joined():
    assert _sku("sun flower oil") == "OIL-SUN"
