"""Number words and fractions of the 11 languages, and reading a quantity out of a run of tokens."""
from __future__ import annotations

import re
from functools import lru_cache

from vyaparai.nlu.script import token_script
from vyaparai.nlu.translit import script_key, word_key

# Whole numbers by language; native script and common romanized spellings. Keys are computed lazily.
_CARDINALS = {
    "en": {1: "one a an single", 2: "two couple", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
           8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 15: "fifteen", 20: "twenty",
           25: "twentyfive", 30: "thirty", 50: "fifty", 100: "hundred"},
    "hi": {1: "एक ek aik", 2: "दो do", 3: "तीन teen tin tiin", 4: "चार char chaar", 5: "पांच पाँच paanch panch",
           6: "छह छः छे chhah chhaah chhe chhey chha", 7: "सात saat", 8: "आठ aath", 9: "नौ nau", 10: "दस das",
           11: "ग्यारह gyarah gyara", 12: "बारह barah baarah baara", 13: "तेरह terah", 14: "चौदह chaudah",
           15: "पंद्रह pandrah pandra", 16: "सोलह solah", 18: "अठारह atharah", 20: "बीस bees", 24: "चौबीस chaubis",
           25: "पच्चीस pachchis pachees", 30: "तीस tees", 40: "चालीस chalis chaalis", 50: "पचास pachaas pachas"},
    "mr": {1: "एक ek", 2: "दोन don", 3: "तीन teen", 4: "चार char", 5: "पाच paach pach", 6: "सहा saha",
           7: "सात saat", 8: "आठ aath", 9: "नऊ nau", 10: "दहा daha", 12: "बारा bara", 20: "वीस vees",
           25: "पंचवीस", 50: "पन्नास"},
    "gu": {1: "એક ek", 2: "બે be", 3: "ત્રણ tran", 4: "ચાર char", 5: "પાંચ panch", 6: "છ chha",
           7: "સાત saat", 8: "આઠ aath", 9: "નવ nav", 10: "દસ das", 12: "બાર", 20: "વીસ", 25: "પચ્ચીસ",
           50: "પચાસ"},
    "bn": {1: "এক একটা একটি ek ekta", 2: "দুই দু দুটো দুটা দুটি dui duto", 3: "তিন তিনটে তিনটা tin tinte tinta",
           4: "চার চারটে char", 5: "পাঁচ পাঁচটা panch", 6: "ছয় ছটা ছয়টা chhoy",
           7: "সাত saat", 8: "আট aat", 9: "নয় noy", 10: "দশ dosh", 12: "বারো", 20: "কুড়ি বিশ",
           50: "পঞ্চাশ"},
    "pa": {1: "ਇੱਕ ਇਕ ikk", 2: "ਦੋ do", 3: "ਤਿੰਨ tinn", 4: "ਚਾਰ char", 5: "ਪੰਜ panj", 6: "ਛੇ chhe",
           7: "ਸੱਤ satt", 8: "ਅੱਠ atth", 9: "ਨੌਂ ਨੌ", 10: "ਦਸ das", 12: "ਬਾਰਾਂ", 20: "ਵੀਹ", 50: "ਪੰਜਾਹ"},
    "ta": {1: "ஒன்று ஒரு ஒன்னு ஒண்ணு onnu oru ondru", 2: "இரண்டு ரெண்டு இரெண்டு rendu irandu", 3: "மூன்று மூணு மூனு moonu munu",
           4: "நான்கு நாலு naalu nalu", 5: "ஐந்து அஞ்சு anju", 6: "ஆறு aaru", 7: "ஏழு ezhu", 8: "எட்டு ettu",
           9: "ஒன்பது", 10: "பத்து pathu", 12: "பன்னிரண்டு", 20: "இருபது", 50: "ஐம்பது"},
    "te": {1: "ఒకటి ఒక ఒక్క ఒక్కటి okati oka", 2: "రెండు రెండ్ rendu", 3: "మూడు మూడ్ moodu mudu", 4: "నాలుగు naalugu nalugu",
           5: "ఐదు aidu", 6: "ఆరు aaru", 7: "ఏడు", 8: "ఎనిమిది", 9: "తొమ్మిది", 10: "పది padi",
           12: "పన్నెండు", 20: "ఇరవై", 50: "యాభై"},
    "kn": {1: "ಒಂದು ಒಂದ್ ondu", 2: "ಎರಡು ಎರಡ್ eradu yeradu", 3: "ಮೂರು ಮೂರ್ mooru", 4: "ನಾಲ್ಕು naalku", 5: "ಐದು aidu",
           6: "ಆರು aaru", 7: "ಏಳು", 8: "ಎಂಟು", 9: "ಒಂಬತ್ತು", 10: "ಹತ್ತು hattu", 12: "ಹನ್ನೆರಡು", 20: "ಇಪ್ಪತ್ತು", 50: "ಐವತ್ತು"},
    "ml": {1: "ഒന്ന് ഒന്നു ഒരു onnu oru", 2: "രണ്ട് രണ്ടു randu", 3: "മൂന്ന് മൂന്നു moonnu moonu",
           4: "നാല് നാലു naalu", 5: "അഞ്ച് അഞ്ചു anchu", 6: "ആറ് ആറു aaru", 7: "ഏഴ് ഏഴു", 8: "എട്ട് എട്ടു",
           9: "ഒമ്പത് ഒൻപത്", 10: "പത്ത് പത്തു pathu", 12: "പന്ത്രണ്ട് പന്ത്രണ്ടു", 20: "ഇരുപത്", 50: "അമ്പത്"},
}
# Teens, tens and the counts people buy by (a tray of 30 eggs, 15 lemons, 25 chapati), as each language
# says them. Hindi, Marathi, Gujarati, Bengali and Punjabi have a word of its own for every number under a
# hundred; the southern languages also say a ten and a unit apart ("ఇరవై ఐదు", "இருபத்தி நாலு"), which
# quantities.read_quantity adds up. Marathi तेरा (13) is left out: in Hindi it is "your".
_TEENS_AND_TENS = {
    "hi": {17: "सत्रह satrah", 19: "उन्नीस unnis", 21: "इक्कीस ikkis", 22: "बाईस", 23: "तेईस", 35: "पैंतीस",
           45: "पैंतालीस", 60: "साठ", 70: "सत्तर sattar", 75: "पचहत्तर", 80: "अस्सी assi", 90: "नब्बे nabbe"},
    "mr": {11: "अकरा", 14: "चौदा", 15: "पंधरा pandhra", 16: "सोळा", 17: "सतरा", 18: "अठरा", 19: "एकोणीस",
           24: "चोवीस", 30: "तीस", 40: "चाळीस", 60: "साठ", 70: "सत्तर", 80: "ऐंशी", 90: "नव्वद"},
    "gu": {11: "અગિયાર", 13: "તેર", 14: "ચૌદ", 15: "પંદર", 16: "સોળ", 17: "સત્તર", 18: "અઢાર", 19: "ઓગણીસ",
           24: "ચોવીસ", 30: "ત્રીસ", 40: "ચાલીસ", 50: "પચાસ", 60: "સાઠ", 70: "સિત્તેર", 80: "એંસી", 90: "નેવું"},
    "bn": {11: "এগারো এগার", 12: "বারো", 13: "তেরো", 14: "চোদ্দ চৌদ্দ", 15: "পনেরো পনের", 16: "ষোলো ষোল",
           17: "সতেরো", 18: "আঠারো", 19: "উনিশ", 21: "একুশ", 22: "বাইশ", 24: "চব্বিশ", 25: "পঁচিশ",
           30: "তিরিশ ত্রিশ", 40: "চল্লিশ", 60: "ষাট", 70: "সত্তর", 80: "আশি", 90: "নব্বই"},
    "pa": {11: "ਗਿਆਰਾਂ", 13: "ਤੇਰਾਂ", 14: "ਚੌਦਾਂ", 15: "ਪੰਦਰਾਂ", 16: "ਸੋਲ਼ਾਂ ਸੋਲਾਂ", 17: "ਸਤਾਰਾਂ", 18: "ਅਠਾਰਾਂ",
           19: "ਉੱਨੀ", 24: "ਚੌਵੀ", 25: "ਪੱਚੀ", 30: "ਤੀਹ", 40: "ਚਾਲੀ", 60: "ਸੱਠ", 70: "ਸੱਤਰ", 80: "ਅੱਸੀ",
           90: "ਨੱਬੇ"},
    "ta": {11: "பதினொன்று பதினொண்ணு", 12: "பன்னெண்டு", 13: "பதிமூன்று பதிமூணு", 14: "பதினான்கு பதினாலு",
           15: "பதினைந்து பதினஞ்சு பதினைஞ்சு", 16: "பதினாறு", 17: "பதினேழு", 18: "பதினெட்டு", 19: "பத்தொன்பது",
           20: "இருபத்தி இருவது", 25: "இருபத்தைந்து இருபத்தஞ்சு இருவத்தஞ்சு", 30: "முப்பது முப்பத்தி",
           40: "நாற்பது நாப்பது நாற்பத்தி", 50: "ஐம்பத்தி", 60: "அறுபது", 70: "எழுபது", 80: "எண்பது",
           90: "தொண்ணூறு"},
    "te": {11: "పదకొండు", 13: "పదమూడు", 14: "పద్నాలుగు పదునాలుగు", 15: "పదిహేను పదైదు", 16: "పదహారు",
           17: "పదిహేడు", 18: "పద్దెనిమిది", 19: "పందొమ్మిది", 20: "ఇరవయ్యి", 25: "ఇరవైఐదు ఇరవయ్యైదు",
           30: "ముప్పై ముప్పయి", 40: "నలభై నలబై", 60: "అరవై", 70: "డెబ్బై", 80: "ఎనభై", 90: "తొంభై"},
    "kn": {11: "ಹನ್ನೊಂದು", 13: "ಹದಿಮೂರು", 14: "ಹದಿನಾಲ್ಕು", 15: "ಹದಿನೈದು", 16: "ಹದಿನಾರು", 17: "ಹದಿನೇಳು",
           18: "ಹದಿನೆಂಟು", 19: "ಹತ್ತೊಂಬತ್ತು", 25: "ಇಪ್ಪತ್ತೈದು", 30: "ಮೂವತ್ತು", 40: "ನಲವತ್ತು ನಲ್ವತ್ತು",
           60: "ಅರವತ್ತು", 70: "ಎಪ್ಪತ್ತು", 80: "ಎಂಬತ್ತು", 90: "ತೊಂಬತ್ತು"},
    "ml": {11: "പതിനൊന്ന്", 13: "പതിമൂന്ന്", 14: "പതിനാല്", 15: "പതിനഞ്ച്", 16: "പതിനാറ്", 17: "പതിനേഴ്",
           18: "പതിനെട്ട്", 19: "പത്തൊമ്പത്", 25: "ഇരുപത്തഞ്ച് ഇരുപത്തിയഞ്ച്", 30: "മുപ്പത്",
           40: "നാൽപത് നാല്പത്", 60: "അറുപത്", 70: "എഴുപത്", 80: "എൺപത്", 90: "തൊണ്ണൂറ്"},
    "en": {13: "thirteen", 14: "fourteen", 16: "sixteen", 17: "seventeen", 18: "eighteen", 19: "nineteen",
           40: "forty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety"},
}
for _lang, _words in _TEENS_AND_TENS.items():
    for _value, _spellings in _words.items():
        _CARDINALS[_lang][_value] = f"{_CARDINALS[_lang].get(_value, '')} {_spellings}".strip()

# Fractions that stand alone as an amount ("aadha kilo", "ஒன்றரை கிலோ"), per language: the same
# key means different amounts in different languages (Tamil "arai" = 1/2, Bengali "arai" = 2 1/2).
_AMOUNTS = {
    "en": {0.5: "half", 0.25: "quarter quarters fourth fourths", 0.75: "threequarter threefourth"},
    "hi": {0.5: "aadha aadhi adha adhi aada aadhe adhe आधा आधी आधे", 0.25: "paav pav pao पाव", 0.75: "पौना pauna pona paona",
           1.5: "dedh dedhh derh ded dedd डेढ़ डेढ", 2.5: "dhai dhaai dhaayi adhai adhaai adhaii ढाई अढ़ाई अढाई"},
    "mr": {0.5: "अर्धा अर्धी अर्ध ardha ardhi", 0.25: "पाव paav", 0.75: "पाऊण पाउण paun", 1.5: "दीड did",
           2.5: "अडीच adich"},
    "gu": {0.5: "અડધો અડધી અડધું અડધા અર્ધો અર્ધી અર્ધું અર્ધા adadho adadhi adadha adho adhu", 0.25: "પાવ પા paav", 0.75: "પોણો પોણા pono",
           1.5: "દોઢ dodh", 2.5: "અઢી adhi"},
    "bn": {0.5: "আধা আধ হাফ অর্ধেক adha ordhek", 0.25: "পোয়া poa", 1.5: "দেড় der", 2.5: "আড়াই arai"},
    "pa": {0.5: "ਅੱਧਾ ਅੱਧੀ addha adha adh aadh", 0.25: "ਪਾਈਆ ਪਾਵ paiya paa", 0.75: "ਪੌਣਾ ਪੌਣੀ", 1.5: "ਡੇਢ dedh", 2.5: "ਢਾਈ dhai"},
    "ta": {0.5: "அரை அர arai", 0.25: "கால் kaal", 0.75: "முக்கால் முக்கா mukkaal mukka",
           1.25: "ஒன்றேகால் ஒன்னேகால்", 1.75: "ஒன்றேமுக்கால் ஒன்னேமுக்கால்",
           1.5: "ஒன்றரை ஒன்னரை ஒன்னர onnarai onnara ondrarai", 2.5: "இரண்டரை ரெண்டரை ரெண்டர rendarai"},
    "te": {0.5: "అర ara సగం sagam", 0.25: "పావు paavu pavu", 0.75: "ముప్పావు muppavu",
           1.5: "ఒకటిన్నర okatinnara", 2.5: "రెండున్నర rendunnara"},
    "kn": {0.5: "ಅರ್ಧ ಅರ್ದ ardha", 0.25: "ಕಾಲು ಕಾಲ್ kaalu kaal", 0.75: "ಮುಕ್ಕಾಲು mukkaalu",
           1.5: "ಒಂದೂವರೆ onduvare", 2.5: "ಎರಡೂವರೆ eraduvare", 1.25: "ಒಂದೂಕಾಲು", 1.75: "ಒಂದೂಮುಕ್ಕಾಲು"},
    "ml": {0.5: "അര ara", 0.25: "കാൽ kaal", 0.75: "മുക്കാൽ mukkaal", 1.5: "ഒന്നര onnara",
           1.25: "ഒന്നേകാൽ", 1.75: "ഒന്നേമുക്കാൽ", 2.5: "രണ്ടര randara"},
}
# Words that change the number after them: sava teen = 3.25, saade teen = 3.5, paune teen = 2.75.
_MODIFIERS = {
    0.25: "sava sawa savva सवा सव्वा સવા সোয়া ਸਵਾ",
    0.5: "saade sade saadhe साढ़े साढे साडे સાડા સાડી সাড়ে ਸਾਢੇ",
    -0.25: "paune pone पौने पावणे પોણા পৌনে ਪੌਣੇ",
}
# Multipliers after a number: "dhai sau" = 250, "teen sau gram" = 300, Telugu "రెండు వందల గ్రాములు".
_HUNDREDS = ("sau सौ ਸੌ সো শো hundred शंभर નூறு நூறு వంద వందల వందలు ನೂರು നൂറ് સો "
             "hundreds vanda vandala")
# Bengali, Marathi and Gujarati write "two hundred" as one word: আড়াইশো (2.5 x 100), दोनशे, અઢીસો.
_SUFFIX_HUNDRED = ("শো", "শ", "शे", "सो", "સો")
# The Dravidian hundreds fuse with their number and change its sound (இரு + நூறு = இருநூறு, ಐ + ನೂರು =
# ಐನೂರು), so each is a word of its own: the amounts of grams and millilitres people ask for.
_FUSED_HUNDREDS = {
    "ta": {200: "இருநூறு இருநூறு irunooru", 300: "முன்னூறு முந்நூறு munnooru", 400: "நானூறு",
           500: "ஐநூறு ainooru", 250: "இருநூற்றைம்பது"},
    "kn": {200: "ಇನ್ನೂರು innooru", 300: "ಮುನ್ನೂರು munnooru", 400: "ನಾನೂರು ನಾಲ್ಕುನೂರು", 500: "ಐನೂರು ainooru",
           250: "ಇನ್ನೂರೈವತ್ತು"},
    "ml": {200: "ഇരുനൂറ് ഇരുന്നൂറ് irunooru", 300: "മുന്നൂറ് munnooru", 400: "നാനൂറ്", 500: "അഞ്ഞൂറ് anjooru",
           250: "ഇരുനൂറ്റമ്പത്"},
    "te": {200: "రెండొందలు రెండొందల", 300: "మూడొందలు మూడొందల", 500: "ఐదొందలు ఐదొందల ఐదువందలు ఐదువందల",
           250: "రెండొందలయాభై"},
    "gu": {200: "બસો baso"},  # the others are number + સો: પાંચસો, અઢીસો
}
for _lang, _words in _FUSED_HUNDREDS.items():
    _CARDINALS[_lang].update(_words)

NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?$|^\d+/\d+$|^\.\d+$")


@lru_cache(maxsize=64)
def cardinals(lang: str, latin: bool | None = None) -> dict[str, float]:
    """Number-word keys usable in a message of `lang` (its own words plus English); with `latin`,
    only the words of that kind of script (a Latin "ar" is not Malayalam ആറ്, six)."""
    table: dict[str, float] = {}
    for source in (*_related(lang), "en"):
        for value, words in _CARDINALS.get(source, {}).items():
            if value == 100:
                continue  # hundreds multiply the number before them: see hundreds()
            for w in words.split():
                if latin is None or w.isascii() == latin:
                    table.setdefault(word_key(w), float(value))
    return table


def _related(lang: str) -> tuple[str, ...]:
    """Tables a message may use: Hindi and Marathi share a script and many words."""
    return {"hinglish": ("hi",), "hi": ("hi", "mr"), "mr": ("mr", "hi")}.get(lang, (lang,))


@lru_cache(maxsize=64)
def fraction_amounts(lang: str, latin: bool | None = None) -> dict[str, float]:
    """Fraction-word keys usable in a message of `lang` (its own words first, then English). Latin
    words also take the romanized fractions every language agrees on ("ardha" is half in all)."""
    table: dict[str, float] = {}
    for source in (*_related(lang), "en"):
        for value, words in _AMOUNTS.get(source, {}).items():
            for w in words.split():
                if latin is None or w.isascii() == latin:
                    table.setdefault(word_key(w), value)
    if latin:
        for k, value in _agreed_latin_fractions().items():
            table.setdefault(k, value)
    if lang in ("en", "hinglish"):
        for value, words in _AMOUNTS["hi"].items():  # "aadha kg" in an English line
            for w in words.split():
                table.setdefault(word_key(w), value)
    return table


LANGS = ("hinglish", "mr", "gu", "bn", "pa", "ta", "te", "kn", "ml", "en")


@lru_cache(maxsize=1)
def _agreed_latin_fractions() -> dict[str, float]:
    seen: dict[str, set[float]] = {}
    for table in _AMOUNTS.values():
        for value, words in table.items():
            for w in words.split():
                if w.isascii():
                    seen.setdefault(word_key(w), set()).add(value)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Keys of the English number and fraction words ("three", "quarter"): no sign of another language."""
    tables = (_CARDINALS["en"], _AMOUNTS["en"])
    return frozenset(word_key(w) for table in tables for words in table.values() for w in words.split())


@lru_cache(maxsize=1)
def any_amount_word() -> frozenset[str]:
    """Number and fraction keys of every language: to spot "bekilo", "randukilo", "दोनकिलो"."""
    return frozenset(k for lang in LANGS for k in (*cardinals(lang), *fraction_amounts(lang)) if len(k) >= 2)


@lru_cache(maxsize=1)
def _latin_counts() -> dict[str, float]:
    """Romanized number words of every language whose languages agree on the value ("don" 2, "rendu" 2)."""
    seen: dict[str, set[float]] = {}
    for lang in _CARDINALS:
        for value, words in _CARDINALS[lang].items():
            for w in words.split():
                if w.isascii() and value != 100:
                    seen.setdefault(script_key(w), set()).add(float(value))
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def count_of_any_language(text: str) -> float | None:
    """The value of a Latin number word of any language, or of an English one typed one letter wrong
    ("thre", "tow", "fiv"): asked only right before a unit ("don kilo kanda" in a line read as Hinglish,
    "thre kg sugar"), where such a word can be nothing but the count."""
    if not text.isascii():
        return None
    found = _latin_counts().get(script_key(text))
    if found is None and len(text) >= 3:
        from rapidfuzz.distance import DamerauLevenshtein

        near = {v for v, words in _CARDINALS["en"].items() for w in words.split()
                if len(w) >= 3 and DamerauLevenshtein.distance(text.lower(), w) == 1}
        found = float(next(iter(near))) if len(near) == 1 else None
    return found


@lru_cache(maxsize=1)
def modifiers() -> dict[str, float]:
    return {word_key(w): v for v, words in _MODIFIERS.items() for w in words.split()}


@lru_cache(maxsize=1)
def hundreds() -> frozenset[str]:
    return frozenset(word_key(w) for w in _HUNDREDS.split())


def digits_value(token: str) -> float | None:
    """"2" -> 2, "1.5" -> 1.5, "1/2" -> 0.5; None for anything else."""
    if not NUMBER_RE.match(token):
        return None
    if "/" in token:
        a, b = token.split("/")
        return int(a) / int(b) if int(b) else None
    return float(token)


def native_compound(token: str, lang: str) -> float | None:
    """Numbers written as one word with a suffix: আড়াইশো (250), साडेतीन (3.5), rendukilo handled elsewhere."""
    for suffix in _SUFFIX_HUNDRED:
        if token.endswith(suffix) and len(token) > len(suffix):
            head = word_key(token[: -len(suffix)])
            value = fraction_amounts(lang).get(head) or cardinals(lang).get(head)
            if value:
                return value * 100
    for prefix_key, delta in modifiers().items():
        k = word_key(token)
        if k.startswith(prefix_key) and len(k) > len(prefix_key) + 1:
            rest = cardinals(lang).get(k[len(prefix_key):])
            if rest:
                return rest + delta
    return None


# Counting endings glued to a number word: Bengali দুটো/তিনটে/পাঁচটা, Malayalam രണ്ടെണ്ണം (two of them).
_COUNT_ENDINGS = {"Beng": ("টা", "টি", "টে", "টো", "খানা", "খান"), "Mlym": ("െണ്ണം", "എണ്ണം")}
_NUMBER_KINDS = ("num", "frac", "mod", "hundred")
# Emphasis glued to a number ("only two"): Kannada ಎರಡೇ, Telugu రెండే, Malayalam രണ്ടേ, Marathi तीनच,
# Bengali দুটোই, Tamil ரெண്டுதான். (ending, what it replaced in the plain word)
_EMPHASIS_ENDINGS = {"Knda": (("ೇ", "ು"),), "Telu": (("ే", "ు"),), "Mlym": (("േ", "്"),),
                     "Deva": (("च", ""),), "Beng": (("ই", ""),),
                     "Taml": (("தான்", ""), ("ா", "ு"))}  # and Tamil "as two" (ரெண்டா, மூணா பண்ணுங்க)


def number_word(text: str, lang: str) -> tuple[str, float] | None:
    """(kind, value) of a number, fraction, modifier or hundred word, compared with the words of its
    own script by `script_key` (so "de", give, is not "dhai", 2.5, and ಸಾಂಬಾರ್ is not शंभर)."""
    script = token_script(text) or "Latn"
    k = script_key(text)
    for kind in _NUMBER_KINDS:
        value = _script_table(kind, lang, script).get(k)
        if value is not None:
            return kind, value
    for ending in _COUNT_ENDINGS.get(script, ()):
        if text.endswith(ending) and len(text) > len(ending):
            stem = text[: -len(ending)] + ("্" if script == "Beng" else "്")
            for candidate in (text[: -len(ending)], stem):
                value = _script_table("num", lang, script).get(script_key(candidate))
                if value is not None:
                    return "num", value
    for ending, plain in _EMPHASIS_ENDINGS.get(script, ()):
        if text.endswith(ending) and len(text) > len(ending) + 1:
            found = number_word(text[: -len(ending)] + plain, lang)
            if found is not None and found[0] in ("num", "frac"):
                return found
    return None


@lru_cache(maxsize=256)
def _script_table(kind: str, lang: str, script: str) -> dict[str, float]:
    """Words of one kind written in `script`: a Latin token meets the romanized words of the message's
    languages; a native token meets every language's words of its own script, its language first."""
    if kind == "mod":
        pairs = [(v, w) for v, words in _MODIFIERS.items() for w in words.split()]
    elif kind == "hundred":
        pairs = [(100.0, w) for w in _HUNDREDS.split()]
    else:
        source = _CARDINALS if kind == "num" else _AMOUNTS
        langs = [*_related(lang), "en"] if script == "Latn" else [*_related(lang), *source]
        if kind == "frac" and lang in ("en", "hinglish"):
            langs.append("hi")  # "aadha kg" in an English line
        pairs = [(float(v), w) for src in langs for v, words in source.get(src, {}).items()
                 if not (kind == "num" and v == 100) for w in words.split()]
        if kind == "frac" and script == "Latn":
            pairs += [(v, w) for v, w in _agreed_latin_fraction_words()]
    table: dict[str, float] = {}
    for value, w in pairs:
        if (token_script(w) or "Latn") == script:
            table.setdefault(script_key(w), value)
    return table


@lru_cache(maxsize=1)
def _agreed_latin_fraction_words() -> tuple[tuple[float, str], ...]:
    """Romanized fraction words that mean one amount in every language ("ardha" is half in all)."""
    seen: dict[str, set[float]] = {}
    for table in _AMOUNTS.values():
        for value, words in table.items():
            for w in words.split():
                if w.isascii():
                    seen.setdefault(w, set()).add(value)
    return tuple((next(iter(v)), w) for w, v in seen.items() if len(v) == 1)
