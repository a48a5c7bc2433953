"""Corrections: an amount refused for another, a leading 'no' that refuses nothing, everything out."""
import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text", ["sab hata do", "remove everything", "सब हटा दो", "எல்லாத்தையும் நீக்குங்க",
                                  "সব বাদ দিন", "ಎಲ್ಲಾ ತೆಗೆಯಿರಿ", "ਸਾਰਾ ਹਟਾਓ", "બધું કાઢી નાખો"])
def test_everything_out_is_a_remove_with_no_item(text):
    u = understand(text)
    assert (u.intent, u.items) == ("remove_item", ())


@pytest.mark.parametrize("text,qty", [("poha 1 nahi 2 packet", 2), ("not 4, 5 eggs", 5), ("चीनी 2 नहीं 3 किलो", 3)])
def test_an_amount_refused_for_another_is_a_correction_to_the_new_amount(text, qty):
    u = understand(text)
    assert u.corrects and [m.qty for m in u.items] == [qty]


def test_a_plain_order_corrects_nothing():
    assert not understand("2 kilo poha aur 3 sabun").corrects


@pytest.mark.parametrize("text", ["nahi, poha 2 kar do", "no, make it 4 eggs"])
def test_a_leading_no_before_an_instruction_refuses_nothing(text):
    u = understand(text)
    assert u.intent == "change_quantity" and u.items and u.items[0].qty in (2, 4)


def test_a_leading_no_before_a_product_alone_still_refuses_it():
    assert understand("no poha").intent == "remove_item"


@pytest.mark.parametrize("text", ["chalo ab order bhej do", "इसको ऑर्डर कर दीजिए", "ippo order pannunga"])
def test_an_order_word_with_a_verb_and_no_amount_is_the_checkout(text):
    assert understand(text).intent == "checkout"


def test_an_order_with_amounts_still_adds_them():
    assert understand("order: 2 kilo poha aur 1 sabun").intent == "add_items"


@pytest.mark.parametrize("text", ["paisa haath mein dunga", "টাকা হাতে দেব"])
def test_money_handed_over_is_cash_even_beside_a_guessed_word(text):
    assert understand(text).intent == "cash_on_delivery"


@pytest.mark.parametrize("text", ["poha ki jagah upma do", "upma instead of poha", "पोहा की जगह उपमा दो"])
def test_an_instead_word_refuses_the_thing_it_replaces(text):
    u = understand(text)
    assert len(u.items) == 1 and u.items[0].exclude
    assert "upma" in u.items[0].key or "upama" in u.items[0].key


def test_an_instead_word_after_a_refusal_keeps_that_refusal():
    u = understand("poha nahi, uski jagah upma do")
    assert [m.exclude for m in u.items] == [("poha",)]
