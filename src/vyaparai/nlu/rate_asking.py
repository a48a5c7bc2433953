"""Asking the rate with "how" and a verb of giving or selling: "aloo kaise diye?" (how did you give the
potatoes = at what rate), "कांदे कसे दिले?", "ਪਿਆਜ਼ ਕਿਵੇਂ ਲਾਏ?", "ડુંગળી કેમ આપી?". The verb is no order
("de do" asks for goods, "kaise diye" asks their price): both words ask the price and name no product."""
from __future__ import annotations

from vyaparai.nlu.tokens import Token

# "How" as it asks a rate, per script.
_HOW = frozenset("kaise kese kaisa kaisi kayse kase kasa kashi kem kiven kivein "
                 "कैसे कैसा कैसी कसे कसा कशी કેમ કેવી ਕਿਵੇਂ ਕਿੱਦਾਂ".split())
# Past and progressive forms of give / put (a price on) / sell: never the request form ("de do", "dijiye").
_GIVEN = frozenset("diye diya diyo diyi dete lagaye lagaya lagai lagate bechte becha beche "
                   "bech dile dila dili detay detoy lavla lavle apya apyu apo aapya "
                   "दिए दिये दिया दी देते लगाए लगाया लगाई लगा लगाते बेचे बेचा बेचते बेच दिले दिला दिली देताय देता लावले लावला "
                   "આપ્યા આપ્યું આપી આપો આપે વેચો ਦਿੱਤੇ ਦਿੱਤਾ ਦਿੱਤੀ ਲਾਏ ਲਾਇਆ ਦਿੰਦੇ ਵੇਚਦੇ".split())
_NOT_ORDER = frozenset({"want", "make", "more"})


def mark_rate_asked(tokens: list[Token]) -> int:
    """Flag each "how" + given-verb pair as filler and return how many there were."""
    found = 0
    for how, verb in zip(tokens, tokens[1:]):
        if how.kind == "word" and verb.kind == "word" and how.text.lower() in _HOW and verb.text.lower() in _GIVEN:
            for t in (how, verb):
                t.flags = (t.flags - _NOT_ORDER) | {"filler"}
            found += 1
    return found
