"""Which of the 11 languages a message is in: its script, then marker words (romanized lines too)."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from vyaparai.nlu import lexicon, numbers, signals
from vyaparai.nlu.script import SCRIPT_LANG, token_script
from vyaparai.nlu.translit import word_key

# Grammar words typical of each language when typed in Latin letters (besides its number words
# and its "want"/"filler" signal words).
_ROMAN_MARKERS = {
    "en": "i my me the please want need send add show where is what of and to for can you your it "
          "this that with how when will does make more less thanks yes no reply speak in on by "
          "get give some would like dont want wants also some any from",
    "hinglish": "hai kya kahan kaha mera meri mere mujhe karo kar kardo nahi nahin haan chahiye bhej bhejo "
                "kitna wala wali ka ki ke se me mein aur ek teen char paanch bhaiya bhai ji dikhao hata "
                "hatao kab aayega kaise baat theek rehne itna bas liya abhi paise dunga karunga pe tak "
                "wale do dedo bhejna chahie jagah badha kam ho gaya gayi sirf likho krdo kardo karna "
                "chalega zara dikhana dikha ji plz bhi wali hai hain tha thi",
    "ta": "venum vendum enna enga irukku pannunga kudunga anuppunga oru rendu moonu naalu anju arai "
          "kaal illa aama sari vendam kammi la podunga thaanga pothum mattum eppo",
    "te": "kavali kaavali pampandi ivvandi emunnayi ekkada undi naa oka okati rendu moodu ara paavu "
          "cheyyandi cheyandi vaddu avunu lo ledu kaadu",
    "bn": "chai dao din koto kothay amar ami ektu ache lagbe ebong ta ti gulo diye dui tin",
    "mr": "pahije have hava dya mala majha kuthe aahe ani don ardha kara pathva",
    "gu": "joie joiye apo moklo mane mare maro maru mari che chhe ane be tran karo kyare",
    "kn": "beku kodi nanage elli ide mattu ondu eradu ardha maadi kalisi",
    "ml": "venam tharu enikku evide aanu onnu randu ara ayakku",
    "pa": "chahida chahidi chahide bhejo dio deyo mainu kithe ikk ik tinn te aa ne",
}
_MARATHI_DEVANAGARI = "पाहिजे हवे हवा हवी द्या मला माझा माझे माझी माझ्या आहे आहेत आहात आणि दोन अर्धा " \
                      "अर्धी दीड अडीच साखर कुठे करा पाठवा नको होय नाही मी तुम्ही दाखवा टाका काढून करेन " \
                      "कशी कसा कसे करायची उद्या पडेल कांदे अंडी पाकीट पुडा सव्वा शेंगदाणे बोला " \
                      "चालेल बरं एवढंच एवढेच एवढं इतकंच इतकेच पुरे पुरेसे नक्की घाला फक्त लवकर थांबा " \
                      "पण सुद्धा " \
                      "पाच सहा नऊ दहा अकरा पंधरा वीस पंचवीस तीस चाळीस पन्नास शंभर दीडशे अडीचशे पाचशे अर्ध"
# (पण, सुद्धा: "too", कोथिंबीर पण एक जुडी, where Hindi says भी; and numbers as Marathi says them, where Hindi
# says पांच, छह, नौ, दस, सौ)


@lru_cache(maxsize=1)
def _grammar() -> dict[str, frozenset[str]]:
    """Per language, what only a speaker of it types in Latin letters: its grammar words and number words."""
    out = {}
    for lang, words in _ROMAN_MARKERS.items():
        keys = {word_key(w) for w in words.split()}
        if lang != "en":
            base = "hi" if lang == "hinglish" else lang
            keys |= {k for k in numbers.cardinals(base) if k not in numbers.cardinals("en")}
            keys |= {k for k in numbers.fraction_amounts(base) if k not in numbers.fraction_amounts("en")}
            if lang == "hinglish":
                keys |= set(numbers.modifiers()) | set(numbers.fraction_amounts("hi"))
            keys -= numbers.english_words()  # "half", "quarter": English too
        out[lang] = frozenset(keys)
    return out


@lru_cache(maxsize=1)
def _grocery() -> dict[str, frozenset[str]]:
    """Per language, its grocery words typed in Latin letters ("nariyal", "vengayam"), English ones left out.

    They tell the language of a line that has nothing else to go by ("rendu kilo vengayam"), but never
    switch a chat to another language (`evidence`): a shop's own product names are often such words
    ("kadalai paruppu", "posto"), typed by customers writing English or Hinglish.
    """
    lex = lexicon.load()
    english = lex.latin_words_of.get("en", set())
    out = {"en": frozenset()}
    for lang in _ROMAN_MARKERS:
        if lang != "en":
            columns = ("hi", "hinglish") if lang == "hinglish" else (lang,)
            words = {k for c in columns for k in lex.latin_words_of.get(c, ())}
            out[lang] = frozenset(words - english - numbers.english_words())
    return out


# Kinds of goods whose Hindi names are household words, not brands ("Dalda", "Horlicks", "Bisleri").
_HOUSEHOLD_GOODS = frozenset({"vegetables", "fruits", "staples", "spices", "dairy", "dals", "bakery"})


@lru_cache(maxsize=1)
def _borrowed_from_hindi() -> frozenset[str]:
    """Hindi words the lexicon's English column took ("dahi", "doodh", "nimbu", "pyaj": Indians writing
    English use them too): keyed exactly as Devanagari spells them, naming fresh or loose goods, four
    letters or more ("gud", jaggery, is also "good"), and no word of an English name ("atta", "paneer",
    "basmati" begin theirs). A line with no grammar word of any language and one of these is Hinglish;
    beside other words they are shared, and say nothing."""
    lex = lexicon.load()
    names = {w for keys in lex.english.values() if keys for w in keys[0].split()}
    hindi = (lex.latin_words_of.get("en", set()) & lex.native_keys_of.get("hi", set())) - names
    return frozenset(k for k in hindi if len(k) >= 4 and any(
        lex.categories.get(c) in _HOUSEHOLD_GOODS for c in lex.concepts_of.get(k, ())))


@lru_cache(maxsize=1)
def _markers() -> dict[str, frozenset[str]]:
    return {lang: _speaks()[lang] | _grocery()[lang] for lang in _ROMAN_MARKERS}


@lru_cache(maxsize=1)
def _speaks() -> dict[str, frozenset[str]]:
    """The grammar words that say a regional language is spoken: not those that are also the name of
    something a shop sells in English ("chai" is Bengali for "want", and tea; Gujarati "bar" is twelve)."""
    english = lexicon.load().latin_words_of.get("en", set())
    return {lang: words if lang in ("en", "hinglish") else words - english for lang, words in _grammar().items()}


# Marathi genitive endings (साखरेची, गव्हाचं, रुपयांचा): Hindi words rarely end this way.
_MARATHI_ENDINGS = ("ाची", "ाचा", "ाचे", "ाचं", "ांची", "ांचा", "ांचे", "ेची", "ेचा", "ेचे", "च्या")


# Hindi grammar words that Marathi does not use (है, में, चाहिए...): a Marathi chat turns Hindi only on these.
_HINDI_DEVANAGARI = "है हैं था थी का की के में से को चाहिए चाहिये दीजिए दीजिये दो दे भेजो भेजिए मुझे मेरा मेरी " \
                    "और भी नहीं करो कर कीजिए लेना देना हमें हमको आप आपका कितना कितने क्या कहाँ"


@lru_cache(maxsize=1)
def _hindi() -> frozenset[str]:
    return frozenset(word_key(w) for w in _HINDI_DEVANAGARI.split()) - _marathi()


@lru_cache(maxsize=1)
def _marathi() -> frozenset[str]:
    return frozenset(word_key(w) for w in _MARATHI_DEVANAGARI.split())


def identify(words: list[str]) -> str:
    """The language of a message from its word tokens (already split at script changes)."""
    scripts = Counter(token_script(w) for w in words if token_script(w))
    native = [(n, s) for s, n in scripts.items() if s != "Latn"]
    if native:
        script = max(native)[1]
        if script == "Deva":
            return _devanagari_lang(words, scripts)
        return SCRIPT_LANG.get(script, "hi")
    return _latin_lang(words)


def _devanagari_lang(words: list[str], scripts: Counter) -> str:
    deva = [w for w in words if token_script(w) == "Deva"]
    if any(word_key(w) in _marathi() or _marathi_form(w) for w in deva):
        return "mr"
    latin = [w for w in words if token_script(w) == "Latn"]
    hinglish = sum(word_key(w) in _markers()["hinglish"] for w in latin)
    if hinglish >= 2 and len(latin) > len(deva):
        return "hinglish"
    return "hi"


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """English grammar words, some of which are words of other languages too ("have", "do")."""
    english = " ".join(signals.TABLE[s].get("en", "") for s in ("filler", "want"))
    return _markers()["en"] | frozenset(word_key(w) for w in english.split())


def _latin_lang(words: list[str]) -> str:
    keys = [word_key(w) for w in words]
    markers = _markers()
    english = _english_words()
    others = [m for lang, m in markers.items() if lang != "en"]
    # "do you have amul butter": once a word only English has ("you") speaks, an English word that is also
    # a word of another language ("have" is Marathi "want") is English here.
    plain_english = any(k in english and not any(k in m for m in others) for k in keys)
    scores = {lang: sum(k in m and not (plain_english and lang != "en" and k in english) for k in keys)
              for lang, m in markers.items()}
    best = max(scores.values())
    if best == 0:
        return "hinglish" if any(k in _borrowed_from_hindi() for k in keys) else "en"
    if scores["en"] == best:
        return "en"
    if scores["hinglish"] == best:
        return "hinglish"
    return max(scores, key=lambda lang: (scores[lang], lang == "hinglish"))


def signal_lang(lang: str) -> str:
    """Signal tables to use for a language (romanized regional lines use their own and Hinglish)."""
    return lang if lang in signals.TABLE["want"] else "en"


def _marathi_form(w: str) -> bool:
    """Written as Marathi writes and Hindi does not: ळ, ॅ (ग्रॅम, बॅग; Hindi ग्राम, बैग), a Marathi genitive."""
    return "ळ" in w or "ॅ" in w or w.endswith(_MARATHI_ENDINGS)


def evidence(words: list[str], lang: str) -> int:
    """How many of the words speak for `lang`: its script's words, or its marker words typed in Latin
    letters. A dialogue asks this before switching languages on a short or mixed message."""
    if lang in ("hi", "mr"):  # one script for both: their grammar words tell them apart
        deva = [word_key(w) for w in words if token_script(w) == "Deva"]
        if deva and lang == "hi":
            return sum(k in _hindi() for k in deva)
        if deva:  # Marathi: its words, and the letters and endings Hindi does not write (डाळ, ग्रॅम, साखरेची)
            return sum(word_key(w) in _marathi() or _marathi_form(w) for w in words if token_script(w) == "Deva")
    native = {s for s, code in SCRIPT_LANG.items() if code == lang}
    if native:
        in_script = sum(token_script(w) in native for w in words)
        if in_script:
            return in_script
    # In Latin letters only its grammar words speak for it: product names are often words of a language.
    speaks = _speaks().get(lang, frozenset())
    return sum(word_key(w) in speaks for w in words if token_script(w) == "Latn")
