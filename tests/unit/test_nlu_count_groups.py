"""Counting words worth a fixed number of pieces, like a dozen: Bengali হালি is four, a pair is two."""
import pytest

from vyaparai.nlu.pipeline import key, understand


def _amounts(text):
    return [(i.key, i.qty, i.unit) for i in understand(text).items]


@pytest.mark.parametrize("text, expected", [
    ("তিন হালি কলা দিন", [(key("কলা"), 12, "piece")]),
    ("এক হালি ডিম", [(key("ডিম"), 4, "piece")]),
    ("দুই হালি ডিম আর এক জোড়া নারকেল", [(key("ডিম"), 8, "piece"), (key("নারকেল"), 2, "piece")]),
    ("तीन जोड़ी केले", [(key("केले"), 6, "piece")]),
    ("ಒಂದು ಜೋಡಿ ತೆಂಗಿನಕಾಯಿ", [(key("ತೆಂಗಿನಕಾಯಿ"), 2, "piece")]),
    ("two pairs of batteries", [(key("batteries"), 4, "piece")]),
])
def test_a_count_of_groups_is_that_many_pieces(text, expected):
    assert _amounts(text) == expected


def test_a_group_word_without_a_number_is_not_an_amount():
    assert [i.qty for i in understand("৫ কেজি চাল").items] == [5]
    assert understand("হালি ডিম").items[0].qty != 4
