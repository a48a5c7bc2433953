"""A store brand that is a filler word of another language (Marathi majha "my" ~ Maaza; Hindi "sirf" ~ a
brand Sirf) stays the brand when another word of the store's names follows it."""
import pytest

from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.translit import key
from vyaparai.nlu.vocabulary import Vocabulary

STORE = Vocabulary(words=frozenset(key(w) for w in "maaza mango drink frooti juice sirf excel detergent".split()),
                   brands=frozenset({key("maaza"), key("frooti"), key("sirf")}))


@pytest.mark.parametrize("text, brand", [
    ("maaza mango drink", "maaza"),
    ("maaza juice bhejo", "maaza"),
    ("माझा मँगो ड्रिंक", "माझा"),
    ("sirf excel detergent", "sirf"),
])
def test_the_brand_before_a_name_word_stays_in_the_mention(text, brand):
    items = understand(text, STORE).items
    assert len(items) == 1 and key(brand) in items[0].key.split()


def test_the_filler_before_no_name_word_stays_a_filler():
    assert understand("majha order kuthe aahe", STORE).items == ()
