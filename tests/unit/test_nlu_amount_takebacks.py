"""Amounts taken back: English "not" refuses the amount after it ("3 not 4"), Hindi-type "nahi" the one before
it; a wait word before an amount to make is a hesitation; "change to N" asks for that amount."""
import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text, product, qty", [
    ("just 1 pepsi not 2", "pepsi", 1.0),
    ("surf 2 not 3", "surf", 2.0),
    ("bread not 3 but 2", "bread", 2.0),
    ("bread 3 nahi 2", "bread", 2.0),  # the Hindi order keeps the later amount
])
def test_the_refused_amount_is_the_one_the_negation_points_at(text, product, qty):
    assert [(m.text, m.qty) for m in understand(text).items] == [(product, qty)]


@pytest.mark.parametrize("text, count", [("make it 4 not 5", 4), ("4 not 5", 4), ("not 5 but 4", 4)])
def test_a_bare_count_with_english_not_sets_the_line(text, count):
    u = understand(text)
    assert (u.intent, u.count) == ("change_quantity", count)


@pytest.mark.parametrize("text", ["hold on, make it 2 kg", "no wait, make it 500 g", "ruko ruko, 2 kilo kar do",
                                  "ஒரு நிமிஷம் இருங்க, 2 கிலோ ஆக்குங்க", "change to 3 kg"])
def test_an_amount_to_make_after_a_wait_word_is_an_answer_with_that_amount(text):
    u = understand(text)
    assert u.intent == "yes" and not u.items  # the bot reads the amount against the line (bot/last_line.py)


@pytest.mark.parametrize("text", ["wait", "ruko", "hold on", "change"])
def test_a_wait_or_change_word_alone_is_no_answer(text):
    assert understand(text).intent == "unknown"


@pytest.mark.parametrize("text", ["ek kam", "one less", "one more", "do kam"])
def test_a_move_by_some_is_left_to_the_bot_and_is_no_yes(text):
    assert understand(text).intent == "unknown"  # the bot moves the line just added (bot/last_line.py)


@pytest.mark.parametrize("text, count", [
    ("नहीं पाँच नहीं, आठ कर दो", 8), ("இல்ல இல்ல அஞ்சு இல்ல எட்டு", 8), ("ના પાંચ નહીં આઠ", 8),
    ("ਨਹੀਂ ਪੰਜ ਨਹੀਂ ਅੱਠ", 8), ("5 nahi 8", 8), ("മൂന്ന് മതി", 3),
])
def test_the_new_count_with_no_product_sets_the_line(text, count):
    u = understand(text)
    assert (u.intent, u.count) == ("change_quantity", count)


@pytest.mark.parametrize("text", ["ಮೂರು ಕೆಜಿ ಸಾಕು", "மூணு கிலோ போதும்", "మూడు కిలోలు చాలు", "3 kilo kaafi hai"])
def test_a_measured_amount_that_is_enough_is_the_line_s_amount_not_the_checkout(text):
    u = understand(text)
    assert u.intent == "unknown" and u.corrects  # the bot reads it against the line (bot/last_line.py)


@pytest.mark.parametrize("text", ["bas", "that's all", "ಅಷ್ಟೇ", "bas, order kar do"])
def test_done_words_alone_still_start_the_checkout(text):
    assert understand(text).intent == "checkout"


@pytest.mark.parametrize("text, product, qty", [
    ("nahi atta 2 nahi 5 kilo", "atta", 5.0), ("नहीं मैगी 3 नहीं 4", "मैगी", 4.0), ("no, surf 2 not 3", "surf", 2.0),
])
def test_a_leading_no_before_an_amount_correction_refuses_the_amount_not_the_product(text, product, qty):
    u = understand(text)
    assert u.intent == "add_items" and u.corrects and [(m.text, m.qty) for m in u.items] == [(product, qty)]
