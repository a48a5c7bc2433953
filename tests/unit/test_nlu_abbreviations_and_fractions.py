"""Units abbreviated with dots in every script (கி.கி, കി.ഗ്രാം, 500 గ్రా., 2 kg.), initials with dots (C.O.D,
U.P.I), the spoken fraction words (முக்கா, ஒன்னர, ಅರ್ದ, অর্ধেক, અર્ધો, आधे, अर्ध) and 'oil' as the scripts
write the English word."""
import pytest

from vyaparai.nlu import lexicon
from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text, qty, unit", [
    ("3 கி.கி தக்காளி", 3.0, "kg"), ("தக்காளி 3 கி.கி", 3.0, "kg"), ("300 கி தக்காளி", 300.0, "g"),
    ("3 കി.ഗ്രാം തക്കാളി", 3.0, "kg"), ("300 గ్రా. టమాటా", 300.0, "g"), ("300 ग्रा. टमाटर", 300.0, "g"),
    ("৩০০ গ্রা টমেটো", 300.0, "g"), ("300 ગ્રા. ટામેટાં", 300.0, "g"), ("3 kg. tomato", 3.0, "kg"),
])
def test_a_dotted_or_short_unit_is_the_unit(text, qty, unit):
    items = understand(text).items
    assert len(items) == 1 and (items[0].qty, items[0].unit) == (qty, unit)
    assert "tomato" in lexicon.load().concepts(items[0].key)


@pytest.mark.parametrize("text, intent", [("C.O.D", "cash_on_delivery"), ("c.o.d. please", "cash_on_delivery"),
                                          ("U.P.I", "pay_online")])
def test_initials_with_dots_are_the_word(text, intent):
    assert understand(text).intent == intent


@pytest.mark.parametrize("text, qty", [
    ("முக்கா கிலோ தக்காளி", 0.75), ("ஒன்னர கிலோ தக்காளி", 1.5), ("ரெண்டர கிலோ தக்காளி", 2.5),
    ("ಅರ್ದ ಕೆಜಿ ಟೊಮೆಟೊ", 0.5), ("ಕಾಲ್ ಕೆಜಿ ಟೊಮೆಟೊ", 0.25), ("অর্ধেক কেজি টমেটো", 0.5),
    ("અર્ધો કિલો ટામેટાં", 0.5), ("आधे किलो टमाटर", 0.5), ("अर्ध किलो टोमॅटो", 0.5),
])
def test_spoken_fraction_words_are_the_fraction(text, qty):
    items = understand(text).items
    assert len(items) == 1 and (items[0].qty, items[0].unit) == (qty, "kg")


@pytest.mark.parametrize("text", ["ఆయిల్ 1 లీటర్", "ಆಯಿಲ್ 1 ಲೀಟರ್", "ஆயில் 1 லிட்டர்", "অয়েল ১ লিটার", "ਆਇਲ 1 ਲੀਟਰ"])
def test_oil_written_as_the_english_word_is_oil(text):
    assert "oil" in lexicon.load().concepts(understand(text).items[0].key)


@pytest.mark.parametrize("text, ending", [("7ನೇ ಕ್ರಾಸ್", "ನೇ"), ("7వ లైన్", "వ"), ("7வது தெரு", "வது"),
                                          ("7वां मोड़", "वां"), ("৭ম গলি", "ম")])
def test_an_ordinal_ending_glued_to_a_number_is_no_word_of_its_own(text, ending):
    assert all(ending not in m.text.split() for m in understand(text).items)
