"""A refusal that refuses an amount, not a product: "<product> nahi <amount> kar do", "no, 2 kg is enough", and
the emphatic "just" after an amount ("2 kilo hi") - the amount said is the total wanted."""
import pytest

from tests.unit.demo_store import understand_in_demo as understand


@pytest.mark.parametrize("text,qty", [("cheeni nahi 4 kilo kar do", 4), ("maggi nahi 6 chahiye", 6),
                                      ("चावल नहीं 5 किलो कर दो", 5), ("atta nahi 10 kilo karo", 10)])
def test_a_refusal_after_the_name_then_a_new_amount_sets_that_product(text, qty):
    u = understand(text)
    assert u.intent in ("add_items", "change_quantity") and u.corrects, (text, u.intent)
    assert [m.qty for m in u.items] == [qty] and not u.items[0].exclude, (text, u.items)


@pytest.mark.parametrize("text", ["maggi nahi, 2 kilo cheeni do", "coke nahi sprite do"])
def test_a_refusal_before_another_product_is_still_a_swap(text):
    u = understand(text)
    assert u.items and u.items[0].exclude and not u.corrects, (text, u.items)


@pytest.mark.parametrize("text", ["no, 3 kg is enough", "nahi, 2 kilo kaafi hai", "కాదు, 3 కిలోలు చాలు",
                                  "ಇಲ್ಲ, 3 ಕೆಜಿ ಸಾಕು", "അല്ല, 3 കിലോ മതി"])
def test_no_then_an_amount_that_is_enough_corrects_instead_of_checking_out(text):
    u = understand(text)
    assert u.intent != "checkout" and u.corrects, (text, u.intent)


@pytest.mark.parametrize("text", ["bas, order kar do", "that's all", "చాలు"])
def test_enough_alone_still_checks_out(text):
    assert understand(text).intent == "checkout", text


@pytest.mark.parametrize("text,qty", [("pyaaz 3 kilo hi chahiye", 3), ("प्याज़ तीन किलो ही चाहिए", 3),
                                      ("ਪਿਆਜ਼ 3 ਕਿਲੋ ਹੀ ਚਾਹੀਦਾ", 3)])
def test_an_emphatic_just_after_the_amount_makes_it_the_total(text, qty):
    u = understand(text)
    assert u.corrects and [m.qty for m in u.items] == [qty], (text, u.items)


@pytest.mark.parametrize("text", ["hi, 2 kilo pyaaz", "hi 3 maggi please"])
def test_a_greeting_hi_before_the_amount_is_no_correction(text):
    assert not understand(text).corrects, text
