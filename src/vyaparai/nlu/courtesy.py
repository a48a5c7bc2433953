"""Courtesy and leave-taking said inside an order ("2 kilo chini, thank you bhaiya", "1 kg atta, baaki baad
mein bataunga", "அவ்வளவுதான், ரொம்ப நன்றி அண்ணா"): those words are nothing, never one more item."""
from __future__ import annotations

import unicodedata

from vyaparai.nlu.chat_words import THANKS_WORDS
from vyaparai.nlu.leave_taking import takes_leave
from vyaparai.nlu.tokens import Token

# Words said around a thanks: "a lot / so much / very" and who is thanked (bhaiya, அண்ணா, ದಾದಾ), and "you"
# as the Indian scripts write the English "thank you" (థాంక్ యూ, थैंक यू), in each language.
THANKS_AROUND = frozenset(unicodedata.normalize("NFC", w) for w in (
    "a lot lots so much very many you u ji bhaiya bhaiyya bhaiyaa bhai didi uncle aunty anna akka dada "
    "bahut bohot bahot bhot "
    "बहुत भैया भईया भाई जी दीदी यू "
    "অনেক দাদা দিদি ভাই ইউ "
    "ரொம்ப மிக்க அண்ணா அண்ணே அக்கா யூ "
    "చాలా అన్నా అన్న అక్కా గారు యూ "
    "ತುಂಬಾ ಅಣ್ಣ ಅಣ್ಣಾ ಅಕ್ಕ ಯೂ "
    "വളരെ ഒരുപാട് ചേട്ടാ ചേട്ടാ ചേച്ചി യൂ "
    "ખૂબ બહુ ભાઈ બેન યુ યૂ "
    "ਬਹੁਤ ਵੀਰ ਜੀ ਭਾਜੀ ਭੈਣ ਯੂ "
    "खूप दादा भाऊ ताई").split())
_CLAUSE_ENDS = ("sep", "dots", "punct")
_AMOUNTS = ("num", "unit", "hundred", "times")  # as takes_leave counts them (kal, a quarter in Tamil, is "tomorrow")


def courtesies_out(tokens: list[Token]) -> None:
    """Make each thanks with the words around it, and each clause's tail that takes leave, a filler."""
    for i, t in enumerate(tokens):
        if _word(t) in THANKS_WORDS:
            _filler(tokens[_span_start(tokens, i):_span_end(tokens, i)])
    start = 0
    for end in [i for i, t in enumerate(tokens) if t.kind in _CLAUSE_ENDS] + [len(tokens)]:
        _leave_tail_out(tokens[start:end])
        start = end + 1


def _leave_tail_out(clause: list[Token]) -> None:
    """The longest tail of the clause, after its last amount, that only takes leave ("baaki kal bataunga")."""
    first = max((i + 1 for i, t in enumerate(clause) if t.kind in _AMOUNTS), default=0)
    for i in range(first, len(clause)):
        if takes_leave(clause[i:]):
            _filler(clause[i:])
            return


def _span_start(tokens: list[Token], i: int) -> int:
    while i > 0 and _word(tokens[i - 1]) in THANKS_AROUND | THANKS_WORDS:
        i -= 1
    return i


def _span_end(tokens: list[Token], i: int) -> int:
    i += 1
    while i < len(tokens) and _word(tokens[i]) in THANKS_AROUND | THANKS_WORDS:
        i += 1
    return i


def _filler(tokens: list[Token]) -> None:
    for t in tokens:
        if t.kind not in _CLAUSE_ENDS:
            t.kind, t.value, t.unit, t.flags = "word", None, None, frozenset({"filler", "courtesy"})


def _word(t: Token) -> str:
    return unicodedata.normalize("NFC", t.text.strip(".,!?🙏").lower())
