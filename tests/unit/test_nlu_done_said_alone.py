""""It's done" said alone after the items ("ho gaya", "झालं", "হয়ে গেছে") is a checkout, never a product."""
import pytest

from tests.unit.demo_store import understand_in_demo


@pytest.mark.parametrize("text", [
    "ho gaya", "bas ho gaya bhaiya", "हो गया जी", "झालं", "ਹੋ ਗਿਆ ਜੀ", "થઈ ગયું", "হয়ে গেছে",
    "முடிஞ்சுது", "అయిపోయింది అన్నా", "ಮುಗೀತು", "കഴിഞ്ഞു", "ho gaya, thank you", "i am done",
])
def test_done_alone_is_a_checkout(text):
    u = understand_in_demo(text)
    assert u.intent == "checkout" and not u.items


@pytest.mark.parametrize("text", ["ho gaya?", "order ho gaya?", "हो गया क्या?"])
def test_asking_whether_it_is_done_is_no_checkout(text):
    assert understand_in_demo(text).intent != "checkout"


@pytest.mark.parametrize("text", ["2 maggi, bas ho gaya", "दो मैगी, हो गया"])
def test_items_said_with_it_are_still_ordered(text):
    u = understand_in_demo(text)
    assert [m.qty for m in u.items] == [2]
