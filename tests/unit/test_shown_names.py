"""Loose goods are named in the customer's own script; branded names stay as the shop wrote them."""
import pytest

from vyaparai.bot.render import shown_name


@pytest.mark.parametrize("lang,expected", [("ta", "தக்காளி"), ("hi", "टमाटर"), ("bn", "টমেটো"), ("gu", "ટામેટા")])
def test_a_loose_vegetable_reads_in_the_customers_script(lang, expected):
    assert shown_name(lang, "Tomato (loose, per kg)", True) == expected


def test_english_and_hinglish_readers_and_branded_goods_keep_the_shops_name():
    assert shown_name("en", "Tomato (loose, per kg)", True) == "Tomato (loose, per kg)"
    assert shown_name("hinglish", "Tomato (loose, per kg)", True) == "Tomato (loose, per kg)"
    assert shown_name("ta", "Tata Salt 1kg", False) == "Tata Salt 1kg"


def test_a_name_the_lexicon_cannot_name_exactly_is_left_alone():
    assert shown_name("hi", "Kodo Millet Special Mix (loose, per kg)", True) == "Kodo Millet Special Mix (loose, per kg)"


def test_one_kind_of_several_keeps_its_own_name():
    assert shown_name("hi", "Ponni Boiled Rice (loose, per kg)", True) == "Ponni Boiled Rice (loose, per kg)"
    assert shown_name("hi", "Toor Dal / Arhar (loose, per kg)", True) == "अरहर दाल"
