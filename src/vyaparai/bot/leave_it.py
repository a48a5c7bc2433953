""""Leave it" said to the shop: "chhodo", "rehne do sab", "ಬೇಡ, ಬಿಟ್ಟುಬಿಡಿ", "forget it". A shopkeeper hears: don't
place it now. Nothing is ordered and the cart is kept (bot/customer.py says so); at "which one?" it refuses that
product. Said after a product with no amount ("maggi rehne do"), it removes that product."""
from __future__ import annotations

import unicodedata
from dataclasses import replace

import regex

from vyaparai.bot import cart_flow, checkout_flow, last_line
from vyaparai.bot.turn import Turn
from vyaparai.nlu.types import Understanding

# "Leave it / let it be / drop it" phrases, by language (en, hinglish, hi, mr, bn, ta, te, kn, ml, gu, pa).
_LEAVE = ("forget it|leave it|never mind|nevermind|skip it|drop it|let it be|"
          "chhodo|chodo|chhod do|chod do|chhodiye|chodiye|chhod dijiye|rehne do|rehene do|rahne do|rehndo|"
          "rehn do|rehne dijiye|rahne dijiye|jaane do|jane do|"
          "छोड़ो|छोड़ो|छोड़ दो|छोड़ दो|छोड़िए|छोड़िये|रहने दो|रहने दीजिए|रहने दें|जाने दो|"
          "राहू द्या|राहू दे|राहूदे|सोडा|सोडून द्या|जाऊ द्या|"
          "থাক|থাকুক|থাক না|ছাড়ো|ছাড়ুন|ছেড়ে দিন|ছেড়ে দাও|"
          "விடுங்க|விடுங்கள்|விட்டுடுங்க|விட்டுருங்க|விடு|"
          "వదిలేయండి|వదిలేయి|వదిలేసెయ్|వదిలెయ్యండి|"
          "ಬಿಟ್ಟುಬಿಡಿ|ಬಿಟ್ಟು ಬಿಡಿ|ಬಿಡಿ|ಬಿಡು|"
          "വിട്ടേക്കൂ|വിട്ടേക്ക്|വിട്ടോ|വിട്ടുകള|"
          "રહેવા દો|રહેવા દ્યો|જવા દો|છોડો|છોડી દો|"
          "ਰਹਿਣ ਦਿਓ|ਰਹਿਣ ਦੇ|ਛੱਡੋ|ਛੱਡ ਦਿਓ|ਜਾਣ ਦਿਓ")
# Words that may come with it: refusals ("no", "nahi", "ಬೇಡ"), "all", "now", "the order", politeness, address.
_WITH = frozenset((
    "no nah nope not nahi nahin na mat all everything sab sabh abhi now order it please plz pls ok okay ji yaar "
    "bhai bhaiya sir madam bas then thik theek thik hai haan "
    "नहीं ना नही मत सब सारा अभी ऑर्डर जी भैया बस नको नाही सगळं आत्ता "
    "না লাগবে এখন সব অর্ডার দাদা "
    "வேண்டாம் வேணாம் இப்போ எல்லாம் ஆர்டர் அண்ணா சரி "
    "వద్దు వద్దులే ఇప్పుడు అన్నీ ఆర్డర్ అన్నా సరే "
    "ಬೇಡ ಬೇಡಾ ಈಗ ಎಲ್ಲಾ ಆರ್ಡರ್ ಅಣ್ಣ ಸರಿ "
    "വേണ്ട ഇപ്പോൾ എല്ലാം ഓർഡർ ചേട്ടാ ശരി "
    "ના નથી નહીં હમણાં બધું ઓર્ડર ભાઈ "
    "ਨਹੀਂ ਨਾ ਹੁਣ ਸਭ ਸਾਰਾ ਆਰਡਰ ਜੀ ਭਾਜੀ").split())
_LEAVE_RE = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{_LEAVE})(?![\p{{L}}\p{{M}}])")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def leaves_it(text: str) -> bool:
    """The message says "leave it" and nothing else but refusals and courtesies."""
    plain = unicodedata.normalize("NFC", text).casefold().strip()
    rest, found = _LEAVE_RE.subn(" ", plain)
    return bool(found) and all(w in _WITH for w in _WORD.findall(rest))


async def left_alone(turn: Turn, u: Understanding, state: str) -> Understanding | None:
    """At a checkout step, or with a cart and no question open, "leave it" stops there: nothing is placed, the
    cart is kept and we say so (None: handled). At "which one?" it is a "no" to that product."""
    if state not in ("idle", "choosing", *checkout_flow.STEPS):
        return u
    if not leaves_it(u.text):
        if u.intent == "add_items" and u.items and all(m.qty is None for m in u.items) and _LEAVE_RE.search(
                unicodedata.normalize("NFC", u.text).casefold()):
            return replace(u, intent="remove_item")  # "atta rehne do", "ಸಕ್ಕರೆ ಬಿಟ್ಟುಬಿಡಿ": that one goes
        return u
    if state == "choosing":
        return replace(u, intent="no", items=(), sure_items=False)
    if state == "idle" and not (await cart_flow.current_cart(turn)).items:
        return u
    kept = last_line.kept(turn)
    await checkout_flow.stop(turn)
    turn.set_state("idle", **kept)  # the cart as it was, its last line still the one "make it 3" changes
    return None
