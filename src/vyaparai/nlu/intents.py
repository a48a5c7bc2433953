"""Decide what a message asks for (one of the 16 intents) from its signal words and item mentions."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from vyaparai.nlu import questions, signals
from vyaparai.nlu.contact import address_signals
from vyaparai.nlu.size_words import size_keys
from vyaparai.nlu.tokens import Token
from vyaparai.nlu.translit import word_key

_PINCODE = re.compile(r"(?<!\d)[1-9]\d{5}(?!\d)")
_ADDRESS_SURE = 3  # contact.address_signals: a house number (2) and an address word ("Flat 2", "B-12 ... nagar")
_HOUSE_NUMBER = re.compile(r"\b[a-z]?-?\d+[a-z]?\s*[,/-]|#\s*\d+|\d+-\d+-\d+")


@dataclass(frozen=True)
class Decision:
    intent: str
    target_lang: str | None = None
    order_number: int | None = None
    choice: int | None = None
    count: int | None = None


# Phrases that say more than their words ("that's all" is a checkout, "what can" asks for help).
_PHRASES = {
    "thats all": "checkout", "bas itna": "checkout", "what can": "help", "how to": "help", "how do": "help",
    "how does": "help", "go ahead": "yes", "theek hai": "yes", "thik hai": "yes", "sahi hai": "yes",
    "rehne do": "no", "rahne do": "no", "nothing else": "no", "on the way": "where", "not yet": "where",
    "how long": "where", "how much time": "where", "kitna time": "where", "kitni der": "where",
    "kitna hua": "cart", "kya hua": "where", "क्या हुआ": "where",
    "kya che": "where", "kyan che": "where",
    # "that's it", "itna hi", "इतना ही", "ਇੰਨਾ ਹੀ", "એટલું જ", "അത്ര മതി": the customer is done
    "thats it": "enough", "itna hi": "enough", "itnaa hi": "enough", "इतना ही": "enough",
    "ਇੰਨਾ ਹੀ": "enough", "એટલું જ": "enough", "അത്ര മതി": "enough", "that is all": "enough",
    # "order band karo" (stop the order): cancelling it, whatever "band" (closed) says of a shop.
    "order band": "cancel", "order bandh": "cancel", "ऑर्डर बंद": "cancel", "आर्डर बंद": "cancel",
    # Paying later is paying on delivery: "pay later", "baad mein dunga", "delivery pe de dunga".
    "pay later": "cash", "will pay later": "cash", "pay on delivery": "cash", "baad mein dunga": "cash",
    "baad me dunga": "cash", "baad mein dungi": "cash", "baad mein de dunga": "cash", "baad mein pay": "cash",
    "delivery pe dunga": "cash", "delivery par dunga": "cash", "delivery pe de dunga": "cash",
    "delivery pe pay": "cash", "बाद में दूंगा": "cash", "बाद में दे दूंगा": "cash", "डिलीवरी पर दूंगा": "cash",
}


@lru_cache(maxsize=1)
def _phrase_keys() -> dict[tuple[str, ...], str]:
    return {tuple(word_key(w) for w in p.split()): s for p, s in _PHRASES.items()}


@lru_cache(maxsize=1)
def _phrase_lengths() -> frozenset[int]:
    """The phrases' word counts: the message's runs of those lengths are looked up, no phrase is scanned for."""
    return frozenset(map(len, _phrase_keys()))


# Marathi हो / होय and Gujarati હા typed in Latin letters: a yes when the whole message ("ho" is Hindi "is"
# inside a sentence, never a message of its own).
_LONE_YES = frozenset({"ho", "hau"})


def decide(text: str, tokens: list[Token], has_items: bool, sure_items: bool | None = None,
           cues: Counter | None = None) -> Decision:
    """`has_items`: some words may name products; `sure_items`: an amount or an exactly known product
    word backs them (a fuzzy guess alone must not hide "ente order evide ethi?"); `cues`: the question
    words of each class (questions.mark)."""
    sure = has_items if sure_items is None else sure_items
    flags = Counter(f for t in tokens for f in t.flags)
    keys = [t.key for t in tokens]
    said = {tuple(keys[i:i + n]) for n in _phrase_lengths() for i in range(len(keys) - n + 1)}
    for phrase, signal in _phrase_keys().items():
        if phrase in said:
            flags[signal] += 2
    words = [t for t in tokens if t.kind not in ("sep", "dots", "punct")]
    if len(words) == 1 and words[0].text.lower() in _LONE_YES:
        return Decision("yes")
    choice = _choice(words)
    if choice is not None:
        return Decision("unknown", choice=choice)  # the bot reads it against the question it asked
    count = bare_count(words) if not has_items else None
    if count is not None:
        return Decision("change_quantity", count=count)  # "make it 3", "2 kar do": the line just added
    order_number = _order_number(tokens, flags)
    target = _target_language(tokens)
    quantities = any(t.kind in ("num", "frac", "unit") for t in tokens)
    if (flags["online"] or flags["cash"]) and not quantities and not _PINCODE.search(text):
        return Decision(_payment(flags))
    if _is_address(text, flags, words, has_items):
        return Decision("provide_address")
    if flags["offtopic"] and not (has_items and flags["want"]):
        return Decision("unknown")
    cues = cues or Counter()
    if ((flags["money"] or flags["pay"] or _says_rupees_alone(tokens)) and not sure and not flags["where"]
            and not cues["howmuch"]  # "kitna paisa dena hai": asks the bill
            and not _asks_the_ways(flags)
            and not any(t.kind in ("num", "frac") for t in tokens)):
        return Decision(_payment(flags) if not _says_rupees_alone(tokens) or flags["online"] else "cash_on_delivery")  # "টাকা হাতে দেব", "paisa de dunga": a guessed product never outranks it
    question = questions.asked(cues, flags, has_items, sure)
    if question:
        return Decision(question)
    if cues["price"] and not (has_items and flags["want"]):
        return Decision("unknown")  # "rate kam karo", "daam kab ghatenge": about prices, asks nothing we answer
    if target and (flags["language"] or len(words) <= 3) and not sure:
        return Decision("change_language", target_lang=target)
    if flags["cancel"] and (flags["order"] or order_number or not has_items):
        return Decision("cancel_order", order_number=order_number)
    if (flags["order"] and flags["not"] and not (has_items or flags["where"] or flags["arrival"])
            and not _no_then_done(words, flags)):
        return Decision("cancel_order", order_number=order_number)  # "order mat bhejo", "order nahi chahiye"
    if flags["cancel"] and has_items:
        return Decision("remove_item")  # "tamatar cancel karo": the item, not the order
    if flags["remove"] and (has_items or flags["cart"] or flags["all"]):
        return Decision("remove_item")  # "clear cart" has no item: the bot asks what to remove
    if (flags["order"] and (not sure or not quantities)
            and (flags["make"] or flags["enough"] or flags["checkout"] or flags["want"]) and not flags["help"]):
        return Decision("checkout")  # "bas, ab order kar do": a guessed word does not make it a change
    if has_items and _is_change(flags, tokens):
        return Decision("change_quantity")
    if (flags["greet"] and not sure and tokens and "greet" in tokens[0].flags
            and not (flags["order"] or flags["cart"])):
        return Decision("greet")
    if not has_items and amount_is_enough(tokens, flags):
        return Decision("unknown")  # "ಎರಡು ಕೆಜಿ ಸಾಕು": the line just added should have that much (bot/last_line.py)
    intent = _without_items(flags, order_number, sure, words)
    if intent:
        return Decision(intent, order_number=order_number)
    if has_items and not sure and (flags["yes"] or flags["no"]) and not flags["want"]:
        return _short_reply(flags, words, order_number)  # "great thanks": a guessed product never outranks an answer
    if has_items:
        return Decision("add_items")
    return _short_reply(flags, words, order_number)


def _no_then_done(words: list[Token], flags: Counter) -> bool:
    """"nahi, itna kaafi, order karo", "no that's it, place the order": the "no" answers "anything else?"
    and the rest is done words; it refuses no order (only that leading word says no)."""
    nots = [i for i, t in enumerate(words) if (t.kind == "not" or "not" in t.flags)
            and not (i and words[i - 1].text.lower() in _ANYTHING)]  # "aur kuch nahi": nothing more
    done = flags["enough"] or flags["checkout"] or _ANYTHING & {t.text.lower() for t in words}
    return nots in ([], [0]) and bool(done)


# "Anything" before a "not" says "nothing (more)" (kuch nahi, আর কিছু না, வேற எதுவும் வேண்டாம், ಏನೂ ಬೇಡ).
_ANYTHING = frozenset("anything kuch kuchh कुछ কিছু ఏమీ ఇంకేమీ எதுவும் ಏನೂ ഒന്നും કંઈ કાંઈ ਕੁਝ काही".split())


def _without_items(flags: Counter, order_number: int | None, has_items: bool, words: list) -> str | None:
    if flags["help"] and not has_items and not flags["where"]:
        return "help"
    if flags["cart"] and (flags["show"] or not has_items):
        return "show_cart"
    if _asks_the_ways(flags):
        return None
    if (flags["cash"] or flags["online"]) and has_items and any(t.kind in ("num", "unit") for t in words):
        return None  # "1 kg besan, cash on delivery dunga": the goods go in; the way is kept (Understanding.pays)
    if flags["cash"] or flags["online"] or ((flags["pay"] or flags["money"]) and not has_items):
        return _payment(flags)
    if (flags["where"] and (flags["order"] or flags["arrival"] or order_number or len(words) <= 4
                            or flags["where"] >= 2) and not has_items):
        return "track_order"
    if flags["arrival"] and flags["order"] and not has_items:
        return "track_order"  # "my order hasn't arrived yet"
    if (flags["checkout"] or flags["enough"]) and not has_items:
        return "checkout"  # "confirm", and "that's all" / "bas" / "അത്ര മതി" with nothing else
    if flags["order"] and not has_items and _only_asks_to_order(words):
        return "checkout"  # "order please", "ऑर्डर करना है", "I want to order"
    if flags["order"] and flags["make"] and not has_items:
        return "checkout"  # "order kar do", "ऑर्डर कर दो"
    if flags["order"] and len(words) == 1:
        return "checkout"  # a bare "order" / "ऑर्डर" / "ஆர்டர்": what the bot's own hints tell people to type
    return None


# Flags that may stand beside "order" in a message that only asks to place it.
_ORDERING_ONLY = frozenset({"order", "filler", "want", "make", "yes", "enough", "checkout"})


def _only_asks_to_order(words: list[Token]) -> bool:
    return all(t.flags and t.flags <= _ORDERING_ONLY for t in words if t.kind == "word")


def _is_change(flags: Counter, tokens: list[Token]) -> bool:
    if flags["change"] or flags["less"] or flags["instead"]:
        return True
    if flags["enough"] and not flags["not"] and _amount_before_enough(tokens):
        return True  # "pyaaz ek kilo bas", "ಈರುಳ್ಳಿ ಎರಡು ಕೆಜಿ ಸಾಕು": that amount, not more
    if any("more" in t.flags and t.kind != "sep" for t in tokens):
        return True  # "one more packet", "ek aur" (an "aur" that is not "and")
    return bool(flags["make"]) and not flags["want"]


def amount_is_enough(tokens: list[Token], flags: Counter | None = None) -> bool:
    """A measured amount then an enough-word, with no order word ("2 kilo kaafi hai", "రెండు కిలోలు చాలు")."""
    flags = flags if flags is not None else Counter(f for t in tokens for f in t.flags)
    return (bool(flags["enough"]) and not (flags["order"] or flags["checkout"] or flags["not"])
            and any(t.kind == "unit" for t in tokens) and _amount_before_enough(tokens))


def _amount_before_enough(tokens: list[Token]) -> bool:
    """"X 2 kilo bas" sets the amount; "bas, 2 maggi aur" is done talking and adds one more thing."""
    amount = False
    for t in tokens:
        amount = amount or t.kind in ("num", "frac", "unit")
        if "enough" in t.flags:
            return amount
    return False


def _asks_the_ways(flags: Counter) -> bool:
    """"how can I pay?", "payment kaise karu", "பேமெண்ட் எப்படி": asks how, chooses no way to pay."""
    return bool(flags["how"] and (flags["pay"] or flags["money"]) and not (flags["cash"] or flags["online"]))


def _says_rupees_alone(tokens: list[Token]) -> bool:
    """"টাকা হাতে দেব": the currency word with no number is money, not an amount of something."""
    return any(t.kind == "unit" and t.unit == "inr" for t in tokens)


def payment_of(tokens: list[Token]) -> str | None:
    """The way to pay a message names beside its goods, as an intent ("cash_on_delivery"), or None."""
    flags = Counter(f for t in tokens for f in t.flags)
    return _payment(flags) if flags["cash"] or flags["online"] else None


def _payment(flags: Counter) -> str:
    if flags["cash"] or (flags["money"] and not flags["online"]) or (flags["pay"] and flags["arrival"]):
        return "cash_on_delivery"  # "paise de dunga", "பணம் கையில": money handed over is cash
    return "pay_online"


def _short_reply(flags: Counter, words: list, order_number: int | None) -> Decision:
    if flags["help"]:
        return Decision("help")
    if flags["greet"] and not flags["no"]:
        return Decision("greet")
    if flags["no"] or flags["not"]:
        return Decision("no")
    if flags["hold"]:
        return Decision("unknown")  # "wait", "ruko", "wait karo": not an answer yet
    # "change to 1 kg": a measured amount to change to; "ek kam", "one more" are moves the bot reads itself
    to_amount = any(t.kind == "unit" for t in words) and not (flags["less"] or flags["more"])
    if flags["yes"] or (flags["want"] or flags["make"] or (flags["change"] and to_amount)) and not flags["order"]:
        return Decision("yes")  # "kar do", "bhej do" with nothing else: go ahead with what was asked; "change to 1 kg"
    if flags["show"] and flags["order"]:
        return Decision("track_order", order_number=order_number)
    return Decision("unknown")


# Flags of the words a bare new count may come with: "make it 3", "teen kar do", "दो पैकेट कर दो".
_AROUND_A_COUNT = frozenset({"make", "change", "filler", "want", "yes"})
_COUNTED_UNITS = (None, "pack", "piece")


def bare_count(words: list[Token]) -> int | None:
    """One whole number, a make/change word, and nothing that names a product or another amount."""
    kept = _without_refused_amount(words)
    corrected, words = len(kept) < len(words), kept
    numbers = [t for t in words if t.kind == "num"]
    if len(numbers) != 1 or not numbers[0].value or not float(numbers[0].value).is_integer():
        return None
    rest = [t for t in words if t is not numbers[0]]
    enough_after = [t for t in words[words.index(numbers[0]) + 1:] if "enough" in t.flags]
    if corrected:
        rest = [t for t in rest if not _refuses(t)]  # "4 nahi 6", "नहीं चार नहीं, बारह": that one, not the other
    elif rest and _refuses(rest[0]) and words[0] is rest[0]:
        while rest and _refuses(rest[0]):
            rest = rest[1:]  # "nahi, 3", "no no, 2 packets", "కాదు కాదు నాలుగు": not that amount, this one
    elif not any(t.flags & {"make", "change"} for t in rest) and not enough_after:
        return None  # "മൂന്ന് മതി", "3 bas": that many is enough
    rest = [t for t in rest if t not in enough_after]
    if all((t.kind == "unit" and t.unit in _COUNTED_UNITS) or (t.kind == "word" and t.flags
                                                               and t.flags <= _AROUND_A_COUNT) for t in rest):
        return int(numbers[0].value)
    return None


def _without_refused_amount(words: list[Token]) -> list[Token]:
    """The words without the number refused: English "not" refuses the number after it ("make it 1 not 2",
    "3, not 4"); the other languages' negation the number before it ("4 nahi 6", "நாலு இல்ல ஆறு")."""
    for i in range(len(words) - 1):
        rest = words[:i] + words[i + 2:]
        if not any(t.kind == "num" for t in rest):
            continue
        if words[i].text.lower() == "not" and words[i + 1].kind == "num":
            return rest
        if words[i].kind == "num" and _refuses(words[i + 1]) and words[i + 1].text.lower() not in ("no", "not"):
            return rest
    return words


# Answers to "which one? 1) ... 2) ...": "2", "option 2", "dusra wala", "the second one".
_ORDINALS = {1: "first 1st pehla pehli pahla pahila mudhal modati modalu prothom pehlo "
                "पहला पहली पहिला पहिली প্রথম প্রথমটা પહેલું પહેલો પહેલી முதல் முதலாவது మొదటి మొదటిది ಮೊದಲ ಮೊದಲನೇ "
                "ആദ്യ ആദ്യത്തെ ਪਹਿਲਾ ਪਹਿਲੀ",
             2: "second 2nd dusra doosra dusri doosri dusre irandavathu rendava eradane ditiyo bijo dooja "
                "दूसरा दूसरी दुसरा दुसरी দ্বিতীয় দ্বিতীয়টা બીજું બીજો બીજી இரண்டாவது ரெண்டாவது రెండవ రెండోది రెండో "
                "ಎರಡನೇ രണ്ടാമത്തെ ਦੂਜਾ ਦੂਜੀ",
             3: "third 3rd teesra tisra teesri munavathu moodava muraneya tritiyo trijo teeja "
                "तीसरा तीसरी तिसरा तिसरी তৃতীয় তৃতীয়টা ત્રીજું ત્રીજો மூன்றாவது மூணாவது మూడవ మూడోది ಮೂರನೇ "
                "മൂന്നാമത്തെ ਤੀਜਾ ਤੀਜੀ",
             4: "fourth 4th chautha chauthi", 5: "fifth 5th"}
_AROUND_CHOICE = ("option no number num wala wali wale vala vali one the ji please pls item nd st rd th "
                  "नंबर নম্বর নং નંબર நம்பர் నంబర్ ನಂಬರ್ നമ്പർ ਨੰਬਰ वाला वाली ওয়ালা টা")
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})  # "2nd one": the 2 is an ordinal, "one" its noun


@lru_cache(maxsize=1)
def _choice_words() -> tuple[dict[str, int], frozenset[str]]:
    sizes = size_keys()  # "chautha" (fourth) folds onto "chota" (small): a size word is never a choice
    ordinals = {k: n for n, words in _ORDINALS.items() for k in map(word_key, words.split()) if k not in sizes}
    return ordinals, frozenset(word_key(w) for w in _AROUND_CHOICE.split())


def _refuses(t: Token) -> bool:
    return t.kind == "not" or bool(t.flags & {"no", "corrected"})  # corrected: nlu/corrections.py


def _choice(words: list) -> int | None:
    ordinals, around = _choice_words()
    ordinal = [ordinals[t.key] for t in words if t.key in ordinals]
    ordinal = ordinal or [0] * any(t.text in _ORDINAL_ENDINGS for t in words)
    numbers = [t for t in words if t.kind == "num" and not (ordinal and t.text == "one")]  # "second one"
    ordinal = [n for n in ordinal if n]
    picks = ordinal + [int(t.value) for t in numbers if t.value and float(t.value).is_integer()]
    rest = [t for t in words if t not in numbers and t.key not in ordinals]
    if len(picks) == 1 and 0 < picks[0] < 100 and all(t.key in around for t in rest):
        return picks[0]
    return None


def _order_number(tokens: list[Token], flags: Counter) -> int | None:
    if not (flags["order"] or flags["cancel"] or flags["where"]):
        return None
    for t in tokens:
        if t.kind == "order_number":
            return int(t.text)
    return None


def _target_language(tokens: list[Token]) -> str | None:
    for t in tokens:
        if t.kind == "word" and "name_part" not in t.flags:  # "India Gate": a brand, see pipeline
            code = signals.language_named(t.text, t.key)
            if code:
                return code
    return None


def _is_address(text: str, flags: Counter, words: list, has_items: bool) -> bool:
    if _PINCODE.search(text):
        return True
    if address_signals(text) >= _ADDRESS_SURE and not any(t.kind == "unit" for t in words):
        return True  # "Flat 2 Rose Villa Shillong": a house number and address words, whatever else it spells
    if not flags["address"] or flags["cancel"]:
        return False
    if flags["money"] or flags["pay"]:
        return bool(_HOUSE_NUMBER.search(text))  # "ghar pe paise dunga": money at home is how they pay
    return bool(_HOUSE_NUMBER.search(text)) or flags["address"] >= 2 or (len(words) >= 4 and not has_items)
