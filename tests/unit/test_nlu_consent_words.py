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


@pytest.mark.parametrize("text", ["ઠીક છે", "ઠીક છે ભાઈ"])
def test_gujarati_fine_is_consent(text):
    u = understand(text)
    assert u.intent == "yes" and u.items == ()


@pytest.mark.parametrize("text", ["wait", "ok wait", "wait karo", "ek minute ruko", "रुको", "থামুন", "थांबा"])
def test_wait_is_no_answer_yet(text):
    u = understand(text)
    assert u.intent not in ("yes", "no", "add_items", "checkout") and u.items == ()


@pytest.mark.parametrize("text", ["pay later", "i will pay later", "baad mein dunga", "paisa baad mein de dunga",
                                  "delivery pe de dunga", "बाद में दूंगा"])
def test_paying_later_is_cash_on_delivery(text):
    assert understand(text).intent == "cash_on_delivery"


@pytest.mark.parametrize("text,n", [
    ("the 2nd one", 2), ("3rd", 3), ("पहिली", 1), ("दूसरा वाला", 2), ("ரெண்டாவது", 2), ("প্রথমটা", 1),
    ("দুই নম্বর", 2), ("પહેલું", 1), ("બીજું", 2), ("ಎರಡನೇ", 2), ("ਦੂਜਾ", 2), ("రెండోది", 2),
])
def test_an_ordinal_in_any_language_answers_which_one(text, n):
    assert understand(text).choice == n


@pytest.mark.parametrize("text,n", [("nahi 3", 3), ("no 2 packets", 2), ("illa 4", 4), ("না, ৩টা", 3)])
def test_a_refusal_then_a_bare_count_sets_the_count(text, n):
    u = understand(text)
    assert u.intent == "change_quantity" and u.count == n


@pytest.mark.parametrize("text", ["ம்ம்", "ಹೌದು ಸರ್", "ആം", "ok sir", "சரி சார்"])
def test_spoken_yes_and_sir_are_consent(text):
    u = understand(text)
    assert u.intent == "yes" and u.items == ()


@pytest.mark.parametrize("text", ["ఒద్దు", "না থাক"])
def test_spoken_no_is_a_refusal(text):
    assert understand(text).intent == "no"


def test_sir_inside_an_order_is_no_product():
    assert [(m.key, m.qty) for m in understand("2 kilo cheeni sir").items] == [("chini", 2.0)]


@pytest.mark.parametrize("text", ["மேகி 3 ஆக்குங்க", "மேகி மூணு பண்ணுங்க", "మ్యాగీ 3 చేయండి", "ಮ್ಯಾಗಿ 3 ಮಾಡಿ", "മാഗി 3 ആക്കൂ",
                                  "મેગી 3 કરો", "ਮੈਗੀ 3 ਕਰ ਦਿਓ", "मॅगी 3 करा", "ম্যাগি ৩টা করুন"])
def test_make_it_n_in_every_language_changes_the_count(text):
    u = understand(text)
    assert u.intent == "change_quantity" and [m.qty for m in u.items] == [3.0]
