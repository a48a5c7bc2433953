"""What the customer refuses or corrects: the whole "X wala Y" is refused, the replacement keeps the rest."""
import pytest

from vyaparai.nlu.pipeline import Vocabulary, key, understand

# A store that sells both drinks (what the bot passes: the keys of its product words).
DRINKS = Vocabulary(frozenset({key("pepsi"), key("sprite")}))


def test_a_refused_x_wala_y_is_replaced_by_the_other_kind_of_the_same_thing():
    for text in ("chocolate wala biscuit nahi, cream wala", "chocolate wala biscuit nahi cream wala",
                 "chocolate biscuit nahi, cream wala"):
        (item,) = understand(text).items
        assert item.key == key("cream biscuit"), text
        assert item.exclude == (key("chocolate"),), text


def test_an_excluded_word_is_only_the_one_that_differs():
    (item,) = understand("sunflower oil nahi, mustard oil").items
    assert item.key == key("mustard oil") and item.exclude == (key("sunflower"),)


def test_x_nahi_y_and_not_x_y_replace_the_item():
    assert [i.key for i in understand("pepsi nahi sprite", DRINKS).items] == [key("sprite")]
    assert [i.key for i in understand("not pepsi, sprite", DRINKS).items] == [key("sprite")]


@pytest.mark.parametrize("text, wanted", [
    ("சர்க்கரை இல்ல, வெல்லம்", "வெல்லம்"), ("சர்க்கரை வேண்டாம் வெல்லம்", "வெல்லம்"),
    ("పంచదార కాదు, బెల్లం", "బెల్లం"), ("పంచదార వద్దు బెల్లం", "బెల్లం"),
    ("ಸಕ್ಕರೆ ಬೇಡ, ಬೆಲ್ಲ", "ಬೆಲ್ಲ"), ("ಸಕ್ಕರೆ ಅಲ್ಲ ಬೆಲ್ಲ", "ಬೆಲ್ಲ"),
    ("പഞ്ചസാര വേണ്ട, ശർക്കര", "ശർക്കര"), ("പഞ്ചസാര അല്ല ശർക്കര", "ശർക്കര"),
    ("চিনি না, গুড়", "গুড়"), ("চিনি নয়, গুড়", "গুড়"), ("ખાંડ નહીં, ગોળ", "ગોળ"), ("ખાંડ નથી ગોળ", "ગોળ"),
    ("ਖੰਡ ਨਹੀਂ, ਗੁੜ", "ਗੁੜ"), ("साखर नको, गूळ", "गूळ"), ("चीनी नहीं, गुड़", "गुड़"),
])
def test_negation_words_of_every_language_replace_the_item(text, wanted):
    assert [i.key for i in understand(text).items] == [key(wanted)]


@pytest.mark.parametrize("text, qty", [
    ("biscuit 4 nahi 5", 5), ("3 kilo nahi 4 kilo aloo", 4), ("சோப் 2 இல்ல 3", 3), ("সাবান ২ না ৩", 3),
])
def test_a_refused_amount_is_corrected_not_the_item(text, qty):
    (item,) = understand(text).items
    assert item.qty == qty
