"""The everyday words for money (കാശ്, காசு, డబ్బులు) at the payment question mean paying in cash."""
import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text", ["കാശ് തരാം", "காசு தரேன்", "డబ్బులు ఇస్తాను", "पैसा दे दूंगा"])
def test_giving_money_is_cash_on_delivery(text):
    assert understand(text).intent == "cash_on_delivery"


@pytest.mark.parametrize("text", ["காசு எவ்வளவு?", "பணம் எவ்வளவு ஆச்சு?"])
def test_how_much_money_asks_the_total(text):
    assert understand(text).intent == "ask_total"


def test_cashew_is_no_money_word():
    u = understand("kaju 200 gram")
    assert u.intent == "add_items" and [(m.qty, m.unit) for m in u.items] == [(200, "g")]
