"""Questions about the shop's terms of delivery, not its goods: the delivery charge, the minimum order, whether
and where it delivers, how soon, and when the shop is open. Which of them a message asks, from its words."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Each class holds word stems in every language: a word of the message that begins with one belongs to the
# class (Indian scripts glue case endings on: ডেলিভারির, டெலிவரிக்கு, ಡೆಲಿವರಿಗೆ). Latin stems stay exact
# words or plain English forms, as short Latin stems would catch unrelated words.
_STEMS = {
    # The noun and verb of delivering, as each script spells the English loanword.
    "delivery": "deliver delivery delivering deliveries delivary delivry dilivery dilevery delevery dlivery "
                "डिलीवर डिलिवर डेलिवर डेलीवर डिलेवर डिलिव्हर ডেলিভার ডেলিভারি ডেলিভারী ডিলিভারি டெலிவரி டெலிவர "
                "డెలివర డెలివరీ డెలివరి ಡೆಲಿವರ ಡೆಲಿವರಿ ഡെലിവറ ഡെലിവര ਡਿਲੀਵਰ ਡਿਲਿਵਰ ਡਲਿਵਰ ડિલિવર ડિલીવર ડીલીવર "
                "ડિલિવરી",
    # A charge, a fee, what something costs.
    "charge": "charge charges charged fee fees cost costs kharcha kharch kharacha paisa paise shulk "
              "चार्ज शुल्क खर्च পয়সা চার্জ খরচ মাশুল சார்ஜ் கட்டண ఛార్జ చార్జ రుసుము ఖర్చు ಚಾರ್ಜ್ ಶುಲ್ಕ ಖರ್ಚು "
              "ചാർജ ചാർജ്ജ ഫീസ ചെലവ ਚਾਰਜ ਖਰਚ ਖ਼ਰਚ ચાર્જ ખર્ચ",
    # Free of charge.
    "free": "free fri muft mufat mufta muftt मुफ्त मुफ़्त फ्री फ़्री मोफत फुकट ফ্রি ফ্রী বিনামূল্য ஃப்ரீ இலவச "
            "ఫ్రీ ఉచిత ಫ್ರೀ ಉಚಿತ ഫ്രീ സൗജന്യ ਫ੍ਰੀ ਫ਼ਰੀ ਮੁਫ਼ਤ ਮੁਫਤ ફ્રી મફત",
    # The least an order must come to.
    "minimum": "minimum minimun minimam mimimum मिनिमम न्यूनतम किमान মিনিমাম ন্যূনতম কমপক্ষে குறைந்தபட்ச "
               "மினிமம் కనీస మినిమం మినిమమ్ ಕನಿಷ್ಠ ಮಿನಿಮಮ್ മിനിമം കുറഞ്ഞത ਮਿਨੀਮਮ ਘੱਟੋ-ਘੱਟ મિનિમમ",
    # How much: with a delivery word and no time word, the charge is asked.
    "howmuch": "kitna kitne kitni kitta koto kato evvalavu evlo entha enta eshtu estu ethra ethra kinna kinne "
               "ketlo ketla ketlu kiti कितना कितने कितनी किती কত எவ்வளவு எவ்ளோ எவ்வளோ ఎంత ಎಷ್ಟು എത്ര "
               "ਕਿੰਨਾ ਕਿੰਨੇ ਕਿੰਨੀ કેટલો કેટલા કેટલું કેટલી",
    # When, how soon, how long: with a delivery word, how soon the goods come.
    "when": "when kab kabtak long soon der baje days hours hrs mins minutes time din dino ghante ghanta "
            "कब देर बजे वाजता दिन घंटे घंटा मिनट कधी वेळ তাড়াতাড়ি কখন কতক্ষণ কতদিন দিনে ঘণ্টা ঘন্টা எப்போ எப்ப "
            "எப்பொழுது நேர நாள் மணிநேர ఎప్పుడు ఎంతసేపు సేపు సేపట్ల సమయ రోజు గంట ಯಾವಾಗ ಹೊತ್ತ ಸಮಯ ದಿನ ಗಂಟೆ എപ്പോ "
            "എപ്പൊ സമയ നേര ദിവസ മണിക്കൂ ਕਦੋਂ ਕਦ ਵਜੇ ਦੇਰ ਸਮੇਂ ਸਮਾਂ ਘੰਟ ਦਿਨ ક્યારે વાગ્યે સમય કલાક દિવસ",
    # The shop opening, closing, its timings.
    "hours": "open opens opening close closes closing closed timing timings timings khul khula khuli khulta "
             "khulti khulega khulegi खुल टाइमिंग उघड খোল খুল টাইমিং திறந் திறக் திறப் டைமிங் తెరు టైమింగ్ "
             "ತೆರೆ ಟೈಮಿಂಗ್ തുറക്ക തുറന്ന ടൈമിംഗ് ਖੁੱਲ੍ਹ ਖੁੱਲ ਟਾਈਮਿੰਗ ખુલ ટાઈમિંગ",
    # Shutting: asked with a time word, when the shop closes ("kitne baje band hoti hai").
    "shut": "band बंद বন্ধ மூடு மூட మూస ಮುಚ್ಚ അടയ്ക്ക അടക്ക ਬੰਦ બંધ",
    # Home, at home: with a delivery word, whether the shop delivers at all.
    "home": "home ghar ghr घर घरी ঘরে বাড়ি বাড়িতে வீட்டு வீட்டுக்கு ఇంటి ఇంటికి ಮನೆ ಮನೆಗೆ വീട്ട ਘਰ ઘર ઘરે",
    # Asking: a question word or a verb asking whether something is done.
    "asking": "you u does can will is are kya kyaa ki karte karoge karogi karenge milegi milega hogi hoga hota "
              "hoti hobe hoy any क्या का होगी होगा होती होता मिलेगी करते करोगे करेंगे আছে হবে হয় করেন করো "
              "कराल करता ਕੀ ਹੈ ਹੁੰਦੀ ਕਰਦੇ ਮਿਲੇਗੀ છે થશે કરો કરશો",
}
# Latin stems of the classes where a prefix is as good as the word (its forms: charges, delivered).
_LATIN_PREFIX = ("deliver", "charge", "minimum", "khul")
# Asking endings glued onto the verb in the southern languages (உண்டா, ఉందా, ಇದೆಯಾ, ഉണ്ടോ).
_ASKING_ENDINGS = ("ா", "ா?", "ಾ", "ോ", "ఆ")
# "kam se kam", "कम से कम", "ઓછામાં ઓછું": the least, said in three words.
_LEAST_PHRASES = ("kam se kam", "कम से कम", "ઓછામાં ઓછ", "ਘੱਟੋ ਘੱਟ", "কম করে")
_WORD = re.compile(r"[\w\u0900-\u0DFF-]+")


def terms_asked(text: str) -> str | None:
    """The term a message asks about: "delivery_charge", "minimum_order", "delivery_time", "delivery_area" (does
    the shop deliver, here), "hours"; None when it asks none of them."""
    norm = unicodedata.normalize("NFC", text.lower())
    words = _WORD.findall(norm)
    has = set().union(*map(_classes_of, words))
    if any(p in norm for p in _LEAST_PHRASES):
        has.add("minimum")
    asking = "?" in norm or "asking" in has or any(w.endswith(_ASKING_ENDINGS) for w in words)
    if "delivery" in has:
        if "when" in has:
            return "delivery_time"  # "kab tak deliver karoge", "how many days for delivery"
        if "free" in has or "howmuch" in has or ("charge" in has and (asking or len(words) <= 3)):
            return "delivery_charge"  # "delivery charge kitna", "is delivery free?"; "paise denge delivery pe" pays
        if "minimum" in has:
            return "minimum_order"
        return "delivery_area" if asking or "home" in has else None
    if "minimum" in has and (asking or "howmuch" in has or len(words) <= 3):
        return "minimum_order"  # "minimum order?", "kam se kam kitne ka lena hoga"
    if ("hours" in has and (asking or "when" in has)) or ("shut" in has and "when" in has):
        return "hours"  # "shop kab khulti hai", "what time do you close"
    return None


@lru_cache(maxsize=8192)  # every message is asked this of each of its words: the same words, over and over
def _classes_of(word: str) -> frozenset[str]:
    return frozenset(cls for cls in _STEMS if _belongs(word, cls))


def _belongs(word: str, cls: str) -> bool:
    exact, native_stems = _CLASSES[cls]
    if word in exact:
        return True
    if word.isascii():
        return word.startswith(_LATIN_PREFIX) and any(word.startswith(p) and p in exact for p in _LATIN_PREFIX)
    return word.startswith(native_stems)


def _class_words(words: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """A class's words, and its stems in the Indian scripts as one tuple for str.startswith."""
    exact = frozenset(unicodedata.normalize("NFC", w) for w in words.split())
    return exact, tuple(w for w in exact if not w.isascii())


_CLASSES = {cls: _class_words(words) for cls, words in _STEMS.items()}
