"""An hour said for the delivery ("by 6pm", "5 baje tak", "6 மணிக்குள்") is no amount and no product."""
import pytest

from vyaparai.nlu.pipeline import understand


def _items(text: str) -> list[tuple]:
    return [(m.text, m.qty, m.unit) for m in understand(text).items]


@pytest.mark.parametrize("text, expected", [
    ("2 kg onions and 1 kg tomatoes, deliver by 6pm please", [("onions", 2, "kg"), ("tomatoes", 1, "kg")]),
    ("2 kg onions by 6 pm", [("onions", 2, "kg")]),
    ("2 kg onion at 10 am tomorrow", [("onion", 2, "kg")]),
    ("2 kg aloo, 5 baje tak bhej dena", [("aloo", 2, "kg")]),
    ("kal subah 8 baje 2 litre doodh", [("doodh", 2, "l")]),
    ("2 kg onion, 7:30 tak", [("onion", 2, "kg")]),
    ("2 किलो प्याज़ 5 बजे तक भेज देना", [("प्याज़", 2, "kg")]),
    ("ரெண்டு கிலோ வெங்காயம், சாயங்காலம் 6 மணிக்குள்", [("வெங்காயம்", 2, "kg")]),
    ("2 కిలోల ఉల్లిపాయలు, సాయంత్రం 6 గంటలకు", [("ఉల్లిపాయలు", 2, "kg")]),
    ("২ কেজি পেঁয়াজ, ৫টার মধ্যে", [("পেঁয়াজ", 2, "kg")]),
    ("2 કિલો ડુંગળી, સાંજે 6 વાગ્યે", [("ડુંગળી", 2, "kg")]),
])
def test_an_hour_is_no_amount(text, expected):
    assert _items(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("6 eggs", [("eggs", 6, None)]),
    ("2 maggi aur 5 good day", [("maggi", 2, None), ("good day", 5, None)]),
])
def test_plain_counts_stay_counts(text, expected):
    assert _items(text) == expected
