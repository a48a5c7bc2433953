"""Asking how to pay chooses no way to pay; naming one still does."""
import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text", ["how can I pay?", "payment kaise karu", "पेमेंट कैसे करूँ", "பேமெண்ட் எப்படி பண்றது",
                                  "পেমেন্ট কীভাবে করব", "what payment options"])
def test_how_to_pay_is_no_choice(text):
    assert understand(text).intent not in ("pay_online", "cash_on_delivery")


@pytest.mark.parametrize("text, intent", [("pay online", "pay_online"), ("how to pay cash", "cash_on_delivery"),
                                          ("gpay se", "pay_online"), ("can I pay cash?", "cash_on_delivery")])
def test_a_way_named_is_chosen(text, intent):
    assert understand(text).intent == intent
