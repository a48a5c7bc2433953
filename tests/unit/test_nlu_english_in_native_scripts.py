"""English product words written in an Indian script reach the English names of the catalog."""
import pytest

from tests.unit.demo_store import demo_index, understand_in_demo
from vyaparai.nlu.phonetic import sound_key
from vyaparai.nlu.translit import key
from vyaparai.nlu.units import unit_of


def _top(text: str) -> str:
    u = understand_in_demo(text)
    assert u.items, f"no item read in {text!r}"
    m = demo_index().match(u.items[0])
    assert m.decision in ("matched", "ambiguous") and m.candidates
    return m.candidates[0][0].name


@pytest.mark.parametrize("word", ["সানফ্লাওয়ার", "சன்ஃப்ளவர்", "సన్‌ఫ్లవర్", "सनफ्लावर", "ਸਨਫਲਾਵਰ",
                                  "સનફ્લાવર", "ಸನ್‌ಫ್ಲವರ್", "സൺഫ്ലവർ"])
def test_sunflower_in_every_script_is_the_sunflower_oil(word):
    assert "Sunflower" in _top(f"{word} 1")


@pytest.mark.parametrize("native,english", [("ஃபுல்", "full"), ("ஃப்ரெஷ்", "fresh"), ("ஃபில்டர்", "filtar")])
def test_tamil_writes_f_with_an_aytham(native, english):
    assert key(native) == key(english)


@pytest.mark.parametrize("native,english", [("ওয়াশ", "wash"), ("ওয়াটার", "water"), ("হ্যান্ডওয়াশ", "handwash"),
                                            ("কর্নফ্লাওয়ার", "cornflower"), ("অয়েল", "oil")])
def test_bengali_writes_w_as_o_and_ya(native, english):
    assert sound_key(key(native)) == sound_key(key(english))


@pytest.mark.parametrize("text,word", [("பிஸ்கட் 1", "Biscuits"), ("2 பிஸ்கட்", "Biscuits"),
                                       ("মিনারেল ওয়াটার 1", "Water"), ("১ লিটার মাস্টার্ড অয়েল", "Mustard Oil")])
def test_an_english_word_in_a_native_script_is_a_product(text, word):
    assert word in _top(text)


@pytest.mark.parametrize("word", ["பிஸ்கட்", "பீஸ்கட்"])
def test_a_word_that_goes_on_past_a_unit_s_letters_to_a_stop_is_no_unit(word):
    assert unit_of(word) is None


@pytest.mark.parametrize("word,unit", [("கிலோவா", "kg"), ("লিটারের", "l"), ("కిలోల", "kg"), ("പാക്കറ്റുകൾ", "pack"),
                                       ("பாக்கெட்டில்", "pack"), ("কেজির", "kg")])
def test_a_unit_with_a_case_ending_is_still_the_unit(word, unit):
    assert unit_of(word) == unit
