"""An amount said with "only", or after a correcting word, is the total wanted; with "also" it is more."""
import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text,qty", [("only 3 kg rice", 3), ("chawal sirf 2 kilo", 2), ("actually 5 eggs", 5),
                                      ("rice 2 kg only", 2), ("শুধু ২ কেজি চাল", 2), ("फक्त 2 किलो तांदूळ", 2),
                                      ("ಅಕ್ಕಿ 2 ಕೆಜಿ ಮಾತ್ರ", 2)])
def test_an_amount_with_only_is_a_total_and_the_word_is_no_product(text, qty):
    u = understand(text)
    assert [m.qty for m in u.items] == [qty], (text, u.items)
    assert u.corrects or u.intent == "change_quantity", text
    assert not any(w in u.items[0].text.lower() for w in ("only", "sirf", "actually")), u.items


@pytest.mark.parametrize("text", ["actually add 2 eggs also", "2 eggs bhi", "just 2 more eggs", "chawal bhi 2 kilo"])
def test_an_amount_said_as_more_is_no_correction(text):
    assert not understand(text).corrects, text


def test_a_correcting_word_with_a_make_word_is_still_a_bare_new_count():
    u = understand("sorry, make it 4")
    assert (u.intent, u.count) == ("change_quantity", 4)
