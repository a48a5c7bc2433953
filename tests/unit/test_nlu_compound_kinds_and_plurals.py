"""A kind-of phrase ("hen's egg") said with its last word in the plural, apart or joined, is that phrase; a
grocery word joined to the noun of its form (garlic "bulbs") is that grocery word; plural endings of Tamil,
Kannada and Malayalam leave the word under them."""
import pytest

from vyaparai.nlu import lexicon
from vyaparai.nlu.pipeline import understand


def only_concepts(text: str) -> set[str]:
    items = understand(text).items
    assert len(items) == 1, (text, items)
    return set(lexicon.load().concepts(items[0].key))


@pytest.mark.parametrize("text", [
    "ఆరు కోడిగుడ్లు",          # Telugu hen-eggs joined, plural
    "పన్నెండు కోడి గుడ్లు",     # apart, plural
    "ആറ് കോഴിമുട്ട",            # Malayalam hen-egg joined
    "പത്ത് കോഴിമുട്ടകൾ",        # joined, plural
    "ಆರು ಕೋಳಿ ಮೊಟ್ಟೆಗಳು",        # Kannada apart, plural
    "பத்து கோழிமுட்டைகள்",       # Tamil joined, plural
])
def test_hens_eggs_in_the_plural_or_joined_are_eggs(text):
    assert "egg" in only_concepts(text)


@pytest.mark.parametrize("text,concept", [
    ("పావు కిలో వెల్లుల్లిపాయలు", "garlic"),   # Telugu garlic-bulbs
    ("వెల్లుల్లిపాయ", "garlic"),
    ("ಅರ್ಧ ಕೆಜಿ ಬೆಳ್ಳುಳ್ಳಿಗಡ್ಡೆ", "garlic"),     # Kannada garlic-bulb joined
    ("ಅರ್ಧ ಕೆಜಿ ಬೆಳ್ಳುಳ್ಳಿ ಗಡ್ಡೆ", "garlic"),    # and apart
    ("ಒಂದು ಕೆಜಿ ಈರುಳ್ಳಿಗಡ್ಡೆ", "onion"),
])
def test_a_grocery_word_with_the_noun_of_its_form_is_that_grocery_word(text, concept):
    assert concept in only_concepts(text)


@pytest.mark.parametrize("text,concept", [
    ("ಆರು ಮೊಟ್ಟೆಗಳು", "egg"), ("ஆறு முட்டைகள்", "egg"), ("ആറ് മുട്ടകൾ", "egg"),
    ("ரெண்டு கிலோ தக்காளிகள்", "tomato"),
])
def test_a_plural_ending_leaves_the_grocery_word(text, concept):
    assert concept in only_concepts(text)


def test_a_word_joined_to_an_unknown_head_is_not_read_as_a_phrase():
    assert understand("ಆರು ಕಲ್ಲುಗಡ್ಡೆ").items[0].key != "gade"
