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
