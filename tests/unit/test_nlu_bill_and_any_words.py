""""How much has it come to" typed as one word asks the bill; "any" words name no product; a grocery word
spelled exactly is that word though its fold meets a chat word of the language."""
import pytest

from vyaparai.nlu import lexicon
from vyaparai.nlu.chat_words import ANY_FILLERS
from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text", ["ಒಟ್ಟು ಎಷ್ಟಾಯ್ತು", "మొత్తం ఎంతైంది", "എത്രയായി?", "எவ்வளவாச்சு"])
def test_how_much_has_it_come_to_asks_the_total(text):
    assert understand(text).intent == "ask_total"


@pytest.mark.parametrize("text,concept", [
    ("ఏదైనా ఒక సబ్బు", "soap"),
    ("ಯಾವುದಾದರೂ ಒಂದು ಸೋಪ್", "soap"),
    ("koi bhi ek sabun", "soap"),
])
def test_any_words_leave_only_the_product(text, concept):
    items = understand(text).items
    assert len(items) == 1
    assert concept in lexicon.load().concepts(items[0].key)


@pytest.mark.parametrize("text,qty", [("എണ്ണ", None), ("രണ്ട് ലിറ്റർ എണ്ണ", 2.0)])
def test_malayalam_oil_is_oil(text, qty):
    u = understand(text)
    assert u.intent == "add_items"
    assert "oil" in lexicon.load().concepts(u.items[0].key) and u.items[0].qty == qty


@pytest.mark.parametrize("word", ANY_FILLERS.split())
def test_every_any_word_of_the_shared_list_names_no_product_beside_an_item(word):
    items = understand(f"{word} 1 kg sugar").items
    assert len(items) == 1 and "sugar" in lexicon.load().concepts(items[0].key), word


@pytest.mark.parametrize("text", ["ஏதாவது ஒரு சோப்பு", "कोणतंही एक साबण", "কোনোটা একটা সাবান"])
def test_any_words_before_a_product_in_more_languages_leave_only_the_product(text):
    items = understand(text).items
    assert len(items) == 1 and "soap" in lexicon.load().concepts(items[0].key), text
