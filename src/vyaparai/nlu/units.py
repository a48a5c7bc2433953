"""Unit words of every language and spelling ("kilo", "किलो", "கிலோ", "pkt", "bottle") -> one of UNITS."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from vyaparai.nlu.script import token_script
from vyaparai.nlu.translit import script_key, word_key

_UNITS = {
    "kg": "kg kgs kilo kilos kilolu kilola kilogram kilograms kilogramme kgm klo kelo kilu kilio keji kejee किलो किलोग्राम केजी கிலோ கிலோவா "
          "కిలో కిలోలు కిలోల కేజీ ಕಿಲೋ ಕೆಜಿ ಕಿಲೊ കിലോ ਕਿਲੋ ਕਿੱਲੋ કિલો કિલોગ્રામ কেজি কিলো "
          # kilogram as the scripts abbreviate it (கி.கி, കി.ഗ്രാം, కి.గ్రా, कि.ग्रा: join_dotted drops the dots)
          "கிகி கிகிராம் കിഗ്രാം കിഗ്രാ కిగ్రా कीग्रा किग्रा কিগ্রা ਕਿਗ੍ਰਾ કિગ્રા ಕಿಗ್ರಾ ಕೆಜಿ",
    "g": "g gm gms gram grams gramme grm gr ग्राम ग्रॅम கிராம் గ్రాములు గ్రాము గ్రామ్ ಗ್ರಾಂ ಗ್ರಾಮ್ "
         "ഗ്രാം ਗ੍ਰਾਮ ગ્રામ গ্রাম "
         # gram abbreviated (500 கி, 500 గ్రా., 500 ग्रा.)
         "கி ഗ്രാ గ్రా ग्रा গ্রা ગ્રા ਗ੍ਰਾ ಗ್ರಾ",
    "l": "l lt lts ltr ltrs litre litres liter liters litter lit litr लीटर लिटर லிட்டர் லிட்டரு లీటర్ లీటరు లీటర్లు "
         "ಲೀಟರ್ ಲೀಟರ ലിറ്റർ ലിറ്റര് ਲੀਟਰ લીટર লিটার",
    "ml": "ml mls millilitre milliliter मिली एमएल മില്ലി മി.ലി മില്ലിലിറ്റർ மிலி மில்லி மி.லி మి.లీ మిల్లీ "
          "ಮಿಲಿ ಮಿ.ಲೀ মিলি মি.লি મિલી મિ.લી ਮਿ.ਲੀ ਮਿਲੀ मि.ली",
    "dozen": "dozen dozens darjan darjen dojon dazan dajan dzn doz दर्जन डझन டஜன் డజను డజన్ ಡಜನ್ ഡസൻ ਦਰਜਨ ડઝન ডজন",
    "piece": "piece pieces pc pcs nos nag नग पीस गड्डी gaddi gaddiyan bunch bunches kattu jhudi "
             "கட்டு கட்டுகள் కట్ట ಕಟ್ಟು കെട്ട് ਗੱਠੀ ઝૂડી আঁটি আটি জুড়ি ਗੁੱਛੀ ਗੁੱਛਾ ਗੁੱਛੇ जुडी जुडया "
             # "piece" as each script writes the English word
             "पीस পিস ਪੀਸ પીસ பீஸ் పీస్ ಪೀಸ್ പീസ്",
    "pack": "packet packets pkt pkts pack packs pckt pckts packt packts paket pouch pouches bottle "
            "bottles btl bar bars tikki tikkis dabba dabbe dibba jar jars can cans box boxes sachet "
            "sachets tube tubes loaf loaves pishvi theli cup cups puda pude pudi "
            "पुडा पुडे पुडी थैली पिशवी પડીકું થેલી "
            "पैकेट पैकट पाकेट पैक पाउच बोतल बोतलें डिब्बा डिब्बे टिक्की पिशवी पाकीट बाटली पॅक पॅकेट पाकिट "
            "பாக்கெட் பாட்டில் டப்பா பாக்கெட்டு ప్యాకెట్ ప్యాకెట్లు సీసా బాటిల్ డబ్బా "
            "ಪ್ಯಾಕೆಟ್ ಬಾಟಲ್ ಬಾಟಲಿ ಡಬ್ಬ പാക്കറ്റ് കുപ്പി ബോട്ടിൽ ਪੈਕੇਟ ਬੋਤਲ ਡੱਬਾ "
            # plurals whose stem changes (Marathi pishvi -> pishvya, batli -> batlya), so no ending reaches
            # them, and the shorter Punjabi / English-plural spellings of "packet"
            "पिशव्या बाटल्या डबा डबे ਪੈਕਟ ਡੱਬੇ पैकेट्स ਪੈਕੇਟਸ ਪੈਕਟਸ ડબ્બા બોટલો "
            "પેકેટ બોટલ ડબ્બો প্যাকেট বোতল প্যাকেটে "
            # "pack" as each script writes the English word
            "ಪ್ಯಾಕ್ ప్యాక్ প্যাক પેક ਪੈਕ പാക്ക്",
    "inr": "rs rupee rupees rupay rupaye rupaiya rupiya rupe rupya rupaya rupayi rupees "
           "रुपये रुपए रुपया रु रुपयों रुपयाचा रुपयांचे रुपयांची रुपयांचा रुपयाची ரூபாய் ரூபாய்க்கு ரூ రూపాయల రూపాయలు రూపాయి "
           "ರೂಪಾಯಿ ರೂಪಾಯಿಗೆ ರೂ രൂപ രൂപയ്ക്ക് ਰੁਪਏ ਰੁਪਈਏ રૂપિયા રૂપિયાની রুপি টাকা টাকার taka tk",
}
# English pack words as a script writes them that are pack words only as typed, never with an ending
# (ಕ್ಯಾನ್ಸಲ್ is cancel; Tamil பார் is also "look", Bengali বার "times"), by the English word, which may
# name the product's form.
_EXACT_PACK_WORDS = {"can": "ಕ್ಯಾನ್ క్యాన్ ক্যান કેન ਕੈਨ കാൻ கேன் कैन कॅन", "bar": "பார் বার"}
# Suffixed forms: a native unit word followed by a case ending (கிலோவா, రూపాయలకు).
_MAX_SUFFIX = 4
# Case endings end in a vowel or a soft consonant (-ukku, -il, -kaL, Bengali -r, -an); a word that goes on
# to a stop after a unit's letters is another word (பிஸ்கட் biscuit is no பீஸ் piece with an ending).
_ENDING_LAST = frozenset("aeiouAEIOUlLmnNr‌")


@lru_cache(maxsize=1)
def unit_words() -> dict[str, str]:
    return {word_key(w): unit for unit, words in _UNITS.items() for w in words.split()}


@lru_cache(maxsize=16)
def _unit_words_in(script: str) -> dict[str, str]:
    """Unit words of one script; native ones by `script_key` (गड्डी, a bunch, is not घड़ी, the brand Ghadi)."""
    to_key = word_key if script == "Latn" else script_key
    return {to_key(w): unit for unit, words in _UNITS.items() for w in words.split()
            if (token_script(w) or "Latn") == script}


@lru_cache(maxsize=1)
def _spellings() -> frozenset[str]:
    return frozenset(w.lower() for words in _UNITS.values() for w in words.split())


def spelled_as_unit(token: str) -> bool:
    """The word is typed exactly as a unit word is ("gaddi"), not only folded to its key ("ghadi")."""
    return token.lower() in _spellings()


@lru_cache(maxsize=16)
def _exact_pack_words(script: str) -> dict[str, str]:
    """By the word as typed (NFC): the script key folds Bengali বড় (big) onto বার (a bar)."""
    return {unicodedata.normalize("NFC", w): english for english, words in _EXACT_PACK_WORDS.items()
            for w in words.split() if token_script(w) == script}


def loaned_pack_word(token: str) -> str | None:
    """The English pack word a native token spells exactly ("பார்" -> "bar"), or None."""
    script = token_script(token)
    return _exact_pack_words(script).get(unicodedata.normalize("NFC", token)) if script not in (None, "Latn") else None


def unit_of(token: str) -> str | None:
    """The unit a token names, allowing a short case ending on native-script words. A native word is
    compared with words of its own script only (தக்காளி must not meet টাকা)."""
    script = token_script(token) or "Latn"
    k = word_key(token) if script == "Latn" else script_key(token)
    table = _unit_words_in(script)
    if k in table:
        return table[k]
    if script != "Latn" and unicodedata.normalize("NFC", token) in _exact_pack_words(script):
        return "pack"
    if script == "Latn" or len(k) < 4:
        return None
    bare = _without_stacked_endings(token, script)
    if bare != token and script_key(bare) in table:
        return table[script_key(bare)]
    for cut in range(1, _MAX_SUFFIX + 1):
        head = k[:-cut]
        if len(head) >= 3 and head in table and k[-1] in _ENDING_LAST:
            return table[head]
    return None


# Endings that stack on a unit word, the last first: Bengali genitive + classifier + genitive
# (গ্রামেরটার "of the 100 g one", কেজির-টা, লিটারেরটা).
_STACKED_ENDINGS = {"Beng": ("টার", "টির", "টা", "টি", "টো", "-", "ের", "র")}


def _without_stacked_endings(token: str, script: str) -> str:
    endings = _STACKED_ENDINGS.get(script, ())
    cut = True
    while cut:
        cut = False
        for e in endings:
            if token.endswith(e) and len(token) > len(e) + 2:
                token, cut = token[: -len(e)], True
                break
    return token


@lru_cache(maxsize=4096)
def misspelled_unit(k: str) -> str | None:
    """"dozn", "kilio", "gramm": a Latin unit word typed wrong (only asked right after a number)."""
    from rapidfuzz import fuzz, process

    if len(k) < 4:
        return None
    table = {w: u for w, u in _unit_words_in("Latn").items() if len(w) >= 4}
    found = process.extractOne(k, list(table), scorer=fuzz.ratio, score_cutoff=84)
    return table[found[0]] if found else None


def glued_unit_prefix(k: str) -> tuple[str, str] | None:
    """A Latin key that starts with a unit ("kgcheeni") -> (unit key, rest)."""
    table = unit_words()
    for n in range(min(len(k) - 2, 6), 1, -1):
        if k[:n] in table and table[k[:n]] in ("kg", "g", "l", "ml", "dozen") and len(k) - n >= 3:
            return k[:n], k[n:]
    return None


_DOTTED = regex.compile(r"(?<![\p{L}\p{M}])([\p{L}\p{M}]{1,4})\.([\p{L}\p{M}]{1,6})\.?(?![\p{L}\p{M}])")


def join_dotted(text: str) -> str:
    """"250 மி.லி", "500 मि.ली.", "500 గ్రా. చక్కెర": a dotted unit abbreviation is one word, not a sentence
    break."""
    def joined(m: regex.Match) -> str:
        whole = m.group(1) + m.group(2)
        return whole if unit_of(m.group(0).rstrip(".")) or unit_of(whole) else m.group(0)

    def undotted(m: regex.Match) -> str:
        return m.group(1) if unit_of(m.group(1)) else m.group(0)
    return _ABBREVIATION_DOT.sub(undotted, _DOTTED.sub(joined, text))


# A unit abbreviation with its dot after a number ("500 గ్రా. చక్కెర", "2 ग्रा. जीरा", "2 kg. sugar").
_ABBREVIATION_DOT = regex.compile(r"(?<=\d\s*)([\p{L}\p{M}]{1,5})\.(?=\s|$)")
