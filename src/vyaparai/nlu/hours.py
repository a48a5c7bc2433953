"""An hour said for the delivery ("by 6pm", "5 baje tak", "7:30", "6 மணிக்குள்"): no amount and no product."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vyaparai.nlu.tokens import Token

# "7:30" is a time of day whatever follows it.
_CLOCK_DIGITS = re.compile(r"\b(\d{1,2}):\d{2}\b")
# Words that make the number before them an hour ("by 6pm", "5 baje tak", "6 மணிக்குள்", "৫টার মধ্যে"): when
# the goods should come, never an amount or a product. And the little words around such an hour.
_CLOCK_WORDS = frozenset(
    "am pm oclock baje bje baj बजे ਵਜੇ বাজে টার টায় வாக்குல மணிக்குள் மணிக்கு மணி மணிக்குள்ள "
    "గంటలకు గంటకు గంటకి గంటల్లోపు ಗಂಟೆಗೆ ಗಂಟೆಯೊಳಗೆ ಗಂಟೆ മണിക്ക് മണിക്കുള്ളിൽ മണിക്കകം વાગ્યે વાગે વાગ્યા "
    "वाजता वाजेपर्यंत वाजेपर्यन्त".split())
_AROUND_AN_HOUR = frozenset(
    "by before at around till until upto tak takk pehle pahle se tk ke andar under "
    "तक पहले से ਤੱਕ ਤੋਂ ਪਹਿਲਾਂ মধ্যে আগে নাগাদ குள் முன்னாடி లోపు లోగా ಒಳಗೆ ಮುಂಚೆ ഉള്ളിൽ മുമ്പ് સુધી પહેલાં पर्यंत आधी "
    "evening morning afternoon night tonight shaam sham subah dopahar raat शाम सुबह दोपहर रात "
    "சாயங்காலம் காலையில் ராத்திரி సాయంత్రం ఉదయం రాత్రి ಸಂಜೆ ಬೆಳಿಗ್ಗೆ ರಾತ್ರಿ വൈകുന്നേരം രാവിലെ രാത്രി "
    "সন্ধ্যা সকাল বিকেল রাত সন্ধ্যের સાંજે સવારે રાત્રે संध्याकाळी सकाळी रात्री ਸ਼ਾਮ ਸਵੇਰੇ ਰਾਤ".split())


def read_hours(tokens: list[Token]) -> None:
    """"deliver by 6pm", "5 baje tak", "சாயங்காலம் 6 மணிக்குள்": a number before a clock word is an hour, so it
    and the words of time around it are fillers - no amount, no product."""
    for i, token in enumerate(tokens):
        if token.text.lower() not in _CLOCK_WORDS or i == 0 or tokens[i - 1].kind != "num":
            continue
        hour = tokens[i - 1]
        if not (hour.value and float(hour.value).is_integer() and 1 <= hour.value <= 12 + 12 * (token.text != "pm")):
            continue
        for t in (hour, token):
            t.kind, t.value, t.unit = "word", None, None
            t.flags = t.flags | {"filler"}
        for side in (range(i - 2, max(i - 4, -1), -1), range(i + 1, min(i + 3, len(tokens)))):
            for j in side:  # "by 6pm", "சாயங்காலம் 6 மணிக்குள்", "5 baje tak": the words next to the hour
                if tokens[j].text.lower() not in _AROUND_AN_HOUR:
                    break
                tokens[j].flags = tokens[j].flags | {"filler"}


def clock_digits_as_words(text: str) -> str:
    """"7:30" -> "7 oclock": the tokenizer drops the colon, and the minutes say nothing about the goods."""
    return _CLOCK_DIGITS.sub(r"\1 oclock", text)
