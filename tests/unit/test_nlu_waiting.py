"""A message asking the shop to wait a moment, in several languages; one that also says something else is not."""
from __future__ import annotations

import pytest

from vyaparai.nlu.waiting import asks_to_wait


@pytest.mark.parametrize("text", ["hold on", "one sec, let me check", "ek minute bhaiya", "2 min ruko",
                                  "एक मिनट रुकिए", "एक मिनिट थांबा", "একটু দাঁড়ান", "ஒரு நிமிஷம்", "ఒక్క నిమిషం ఆగండి",
                                  "ಒಂದು ನಿಮಿಷ", "ഒരു മിനിറ്റ്", "ਇੱਕ ਮਿੰਟ ਰੁਕੋ", "એક મિનિટ"])
def test_a_moment_asked_for(text):
    assert asks_to_wait(text)


@pytest.mark.parametrize("text", ["wait, add 2 maggi too", "check my order status", "Flat 9, Minute Lane, Pune",
                                  "5 min mein bhej do bhai", "ok", "2 kg atta"])
def test_something_else_said_is_no_wait(text):
    assert not asks_to_wait(text)
