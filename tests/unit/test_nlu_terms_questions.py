"""Which of the shop's terms a message asks about, in several languages; orders and payments ask none."""
from __future__ import annotations

import pytest

from vyaparai.nlu.terms_questions import terms_asked


@pytest.mark.parametrize("text, topic", [
    ("how much do you charge for delivery?", "delivery_charge"),
    ("delivery ke paise lagte hain kya", "delivery_charge"),
    ("डिलीवरी फ्री है क्या?", "delivery_charge"),
    ("ডেলিভারির চার্জ কত লাগবে", "delivery_charge"),
    ("ഡെലിവറിക്ക് ചാർജ് ഉണ്ടോ", "delivery_charge"),
    ("ડિલિવરી મફત છે?", "delivery_charge"),
    ("minimum kitne ka order lena padega", "minimum_order"),
    ("குறைந்தபட்ச ஆர்டர் எவ்வளவு?", "minimum_order"),
    ("ಕನಿಷ್ಠ ಎಷ್ಟು ಆರ್ಡರ್ ಮಾಡಬೇಕು?", "minimum_order"),
    ("can you deliver near the bus stand?", "delivery_area"),
    ("ghar pe delivery milegi?", "delivery_area"),
    ("ਡਿਲੀਵਰੀ ਹੁੰਦੀ ਹੈ?", "delivery_area"),
    ("डिलिव्हरी घरी मिळेल का", "delivery_area"),
    ("how many days for delivery", "delivery_time"),
    ("డెలివరీ ఎప్పుడు వస్తుంది", "delivery_time"),
    ("ডেলিভারি কখন হবে?", "delivery_time"),
    ("what are your timings?", "hours"),
    ("kitne baje tak khula hai?", "hours"),
    ("ਦੁਕਾਨ ਕਦੋਂ ਬੰਦ ਹੁੰਦੀ ਹੈ", "hours"),
    ("கடை எப்போ திறக்கும்?", "hours"),
])
def test_a_question_about_the_terms_names_its_topic(text, topic):
    assert terms_asked(text) == topic


@pytest.mark.parametrize("text", [
    "cash on delivery",
    "payment on delivery please",
    "delivery pe paise de denge",
    "डिलीवरी पर पैसे दूँगा",
    "3 kg chawal deliver kar do",
    "bread aur anda bhej do",
    "order band karo",
    "5 min mein bhejna",
    "ok",
    "ಎರಡು ಕೆಜಿ ಅಕ್ಕಿ ಕೊಡಿ",
])
def test_an_order_or_a_payment_asks_no_term(text):
    assert terms_asked(text) is None
