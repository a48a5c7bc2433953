"""A customer taking leave ("I'll come back tomorrow", "baad mein aaunga") orders nothing, and the bot
answers it as it answers a thank-you."""
import pytest

from vyaparai.nlu.chat_words import says_thanks
from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text", [
    "ok thank you, i will come back later",
    "main kal aata hoon",
    "baad mein order karunga bhaiya",
    "আমি কাল আসবো",
    "ನಾನು ಆಮೇಲೆ ಬರ್ತೀನಿ",
    "ਫਿਰ ਆਵਾਂਗਾ ਜੀ",
    "ok bye",
])
def test_leave_taking_adds_nothing_and_is_answered_kindly(text):
    u = understand(text)
    assert (u.intent, u.items) == ("unknown", ())
    assert says_thanks(u)


@pytest.mark.parametrize("text", [
    "kal 3 kilo aata bhej dena",
    "kal aata",  # may ask for flour tomorrow: not read as going away
])
def test_an_order_for_tomorrow_is_still_an_order(text):
    assert understand(text).items
