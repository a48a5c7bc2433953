"""Hundreds of grams said as words in every language: "இருநூறு கிராம்", "पाचशे ग्रॅम", "elaichi do sau gram"."""
import pytest

from vyaparai.nlu.pipeline import understand


def _amounts(text: str) -> list[tuple[float | None, str | None]]:
    return [(m.qty, m.unit) for m in understand(text).items]


@pytest.mark.parametrize("text, expected", [
    ("இருநூறு கிராம் சீரகம், ஐநூறு கிராம் உளுந்து", [(200, "g"), (500, "g")]),  # Tamil fuses number and நூறு
    ("முன்னூறு கிராம் மிளகு", [(300, "g")]),
    ("ಐನೂರು ಗ್ರಾಂ ಉದ್ದು, ಇನ್ನೂರು ಗ್ರಾಂ ಜೀರಿಗೆ", [(500, "g"), (200, "g")]),  # Kannada
    ("അഞ്ഞൂറ് ഗ്രാം ഉഴുന്ന്, ഇരുനൂറ് ഗ്രാം ജീരകം", [(500, "g"), (200, "g")]),  # Malayalam
    ("రెండు వందల గ్రాముల జీలకర్ర", [(200, "g")]),  # Telugu: two + hundreds
    ("రెండొందల గ్రాముల జీలకర్ర", [(200, "g")]),
    ("પાંચસો ગ્રામ અડદ, બસો ગ્રામ જીરું", [(500, "g"), (200, "g")]),  # Gujarati glues સો
    ("पाचशे ग्रॅम उडीद, दोनशे ग्रॅम जिरे", [(500, "g"), (200, "g")]),  # Marathi glues शे
    ("अडीचशे ग्रॅम साखर", [(250, "g")]),
    ("elaichi do sau gram", [(200, "g")]),  # a short line guessed English: "do" before "sau" is two
    ("do sau gram haldi", [(200, "g")]),
    ("jeera teen sau gram", [(300, "g")]),
])
def test_hundreds_words_give_grams(text, expected):
    assert _amounts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("baara ande", [(12, None)]),
    ("chha kele", [(6, None)]),
])
def test_latin_hindi_number_spellings(text, expected):
    assert _amounts(text) == expected


def test_english_do_before_a_pronoun_is_still_the_verb():
    u = understand("do you have two hundred gram jeera?")
    assert u.intent == "ask_stock"
    assert [(m.qty, m.unit) for m in u.items] == [(200, "g")]
