"""Not an address, said where one is asked: a time wished for, a pickup, a why; and "the same as last time"."""
from __future__ import annotations

import pytest

from vyaparai.nlu.address_wishes import same_as_before, says_no_address


@pytest.mark.parametrize("text", ["kal subah tak bhej dena", "deliver by 5pm pls", "urgent hai bhai",
                                  "मैं खुद आकर ले लूंगा", "i will pick it up myself", "আজ সন্ধ্যায় দিয়ে যাবেন",
                                  "நாளைக்கு காலையில கொடுங்க", "పత ఎందుకు కావాలి", "ਅੱਜ ਸ਼ਾਮ ਤੱਕ ਭੇਜ ਦਿਓ"])
def test_a_wish_or_a_why_is_no_address(text):
    assert says_no_address(text)


@pytest.mark.parametrize("text", ["Shanti Kunj Andheri East Mumbai", "Lake View Apartments Indiranagar",
                                  "ಮಲ್ಲೇಶ್ವರಂ ಬೆಂಗಳೂರು"])
def test_place_names_say_nothing_else(text):
    assert not says_no_address(text)


@pytest.mark.parametrize("text", ["same as last time", "wahi purana address", "पिछली बार वाला", "அதே அட்ரஸ்",
                                  "আগের ঠিকানা"])
def test_the_address_given_before(text):
    assert same_as_before(text)


def test_a_long_message_with_an_old_word_is_not_a_reference():
    assert not same_as_before("the old temple road behind the bus stand near the school gate")
