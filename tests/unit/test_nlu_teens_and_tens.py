"""Counts above ten said as words: the teens and tens of every language (a tray of eggs, fifteen lemons), and a
ten said apart from its unit in the southern languages and English ("ఇరవై ఐదు", "twenty five") is one number."""
from __future__ import annotations

import pytest

from vyaparai.nlu.pipeline import understand


def _counts(text):
    return [m.qty for m in understand(text).items]


@pytest.mark.parametrize("text,qty", [
    ("பதினஞ்சு எலுமிச்சை", 15.0), ("పదిహేను నిమ్మకాయలు", 15.0), ("ಹದಿನೈದು ನಿಂಬೆಹಣ್ಣು", 15.0),
    ("പതിനഞ്ച് നാരങ്ങ", 15.0), ("পনেরোটা লেবু", 15.0), ("पंधरा लिंबू", 15.0), ("પંદર લીંબુ", 15.0),
    ("ਪੰਦਰਾਂ ਨਿੰਬੂ", 15.0), ("eighteen lemons", 18.0),
    ("முப்பது முட்டை", 30.0), ("ముప్పై గుడ్లు", 30.0), ("ಮೂವತ್ತು ಮೊಟ್ಟೆ", 30.0), ("മുപ്പത് മുട്ട", 30.0),
    ("তিরিশটা ডিম", 30.0), ("ત્રીસ ઈંડા", 30.0), ("ਤੀਹ ਅੰਡੇ", 30.0), ("सत्तर रुपये का धनिया", 70.0),
])
def test_teens_and_tens_said_as_words_are_the_count(text, qty):
    assert _counts(text)[0] == qty


@pytest.mark.parametrize("text,qty", [
    ("ఇరవై ఐదు గుడ్లు", 25.0), ("இருபத்தி நாலு முட்டை", 24.0), ("ಇಪ್ಪತ್ತು ಐದು ಮೊಟ್ಟೆ", 25.0),
    ("twenty five eggs", 25.0), ("thirty two eggs", 32.0),
])
def test_a_ten_and_a_unit_said_apart_make_one_number(text, qty):
    assert _counts(text) == [qty]


def test_digits_side_by_side_never_join_and_a_ten_alone_stays_a_ten():
    assert _counts("twenty eggs and 2 kg atta") == [20.0, 2.0]
    assert 25.0 not in _counts("20 5 kg atta")


def test_hindi_your_is_no_thirteen():
    assert not any(m.qty == 13 for m in understand("तेरा सामान भेज दो, 2 किलो चीनी").items)
