"""A "no" said twice before a new count ("nahi nahi, 6", "కాదు కాదు నాలుగు") corrects the line just added as
once does; "no" twice alone stays a no."""
from __future__ import annotations

import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text,count", [
    ("नहीं, छह", 6), ("नहीं नहीं, छह", 6), ("nahi nahi 6", 6), ("కాదు కాదు నాలుగు", 4),
    ("இல்ல இல்ல ஆறு", 6), ("না না, তিনটে", 3), ("ਨਹੀਂ ਨਹੀਂ ਪੰਜ", 5),
])
def test_a_no_said_once_or_twice_before_a_count_sets_it(text, count):
    u = understand(text)
    assert (u.intent, u.count, u.items) == ("change_quantity", count, ())


@pytest.mark.parametrize("text", ["nahi nahi", "no no", "వద్దు వద్దు"])
def test_no_twice_alone_is_a_no(text):
    assert understand(text).intent == "no"
