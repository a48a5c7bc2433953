"""Short answers at the bot's questions: consent as people type it in a hurry ("chalega", "হ্যা", "seri",
"kar do") is a yes in every language, and never a product."""
from __future__ import annotations

import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text", [
    "chalega", "haan chalega bhai", "चलेगा", "chalbe", "চলবে", "চলবে দাদা", "चालेल", "ચાલશે", "chalshe",
    "হ্যা", "হ্যা ঠিক", "seri", "seri anna", "sheri", "hmm chalta hai",
])
def test_will_do_and_hurried_yes_are_consent(text):
    u = understand(text)
    assert u.intent == "yes" and u.items == ()


@pytest.mark.parametrize("text", ["kar do", "kardo bhai", "haan kar dijiye", "ha bhej do"])
def test_a_bare_go_ahead_verb_is_consent(text):
    assert understand(text).intent == "yes"


@pytest.mark.parametrize("text", ["nahi chalega", "ye nahi chalega", "নাহ চলবে না"])
def test_will_not_do_is_a_refusal(text):
    assert understand(text).intent == "no"


def test_an_item_with_will_do_is_still_an_order():
    u = understand("3 maggi chalega")
    assert u.intent == "add_items" and [m.qty for m in u.items] == [3.0]
