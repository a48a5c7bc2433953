"""Questions about products and the bill: "maggi kitne ka hai", "do you have X", "total kitna hua"."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from vyaparai.nlu import lexicon, signals
from vyaparai.nlu.rate_asking import mark_rate_asked
from vyaparai.nlu.tokens import Token
from vyaparai.nlu.vocabulary import Vocabulary

# Word classes of signals.TABLE this module reads. The short "is there" verbs and question particles
# ("hai", "che", "ki", "ka") are other words in other languages, so they count only in their own.
CLASSES = ("price", "howmuch", "stock", "exists", "exists_q", "question", "total", "holder", "became",
           "duration", "coming", "service")  # the last three: nlu/service_words.py
_OWN_LANGUAGE_ONLY = frozenset({"exists", "question", "became"})
# Languages written in one script whose question words are told apart from each other by nothing
# but the language guess, which short messages often get wrong ("एकूण किती झाले?" reads as Hindi).
_SAME_SCRIPT = {"hi": ("mr",), "mr": ("hi",)}
# Classes whose words never name a product: they leave the product runs ("maggi rate" is maggi).
_NOT_PRODUCT = frozenset(CLASSES)
# English asks with "you" and a verb of having or selling: "do you have", "have you got", "u sell".
_YOU = frozenset({"you", "u", "ya", "yall", "aap", "ap", "aapke", "tum", "आप", "आपके"})
_HAVING = frozenset({"have", "got", "sell", "carry", "keep", "stock"})
# Verb flags a case particle after "how much" may carry by its spelling, and how long such a particle is.
_PARTICLE_LOOKALIKES = frozenset({"want", "make"})
_PARTICLE_MAX = 4
# Classes of service_words.py: asking about the shop's delivery, hours and fees, not about goods.
_SERVICE = frozenset({"duration", "coming", "service"})
# Flags of changing the order or the cart: "order band karo" cancels, whatever "band" (closed) says of shops.
_NOT_ABOUT_SERVICE = ("cancel", "remove", "cart", "pay", "cash", "online", "address")
# Classes that ask about one product (nlu/mixed_clauses.py tells an asking clause from an ordering one).
_ASKING = frozenset({"price", "howmuch", "stock", "exists_q"})
# Flags (from the tokenizer) that make a message an order or a change, not a question.
_ORDERING = ("want", "make", "remove", "change", "more", "less", "instead")


def mark(tokens: list[Token], lang: str, vocabulary: Vocabulary | None = None) -> Counter:
    """Count the question words of each class; flag the ones that are no product word as fillers,
    so "maggi ka rate" leaves "maggi" as the product."""
    cues: Counter = Counter()
    classes: dict[int, frozenset[str]] = {}  # id(token) -> its question classes
    brands = vocabulary.brands if vocabulary is not None else frozenset()
    for i, t in enumerate(tokens):
        if (t.kind != "word" or "courtesy" in t.flags or ("address" in t.flags and t.text.isascii())
                or (t.key in brands and not _price_word_after_a_product(tokens, i, brands))):
            continue  # "thank you so much" asks no price
        found = _classes_of(t.text, t.key, lang)
        if (found & _SERVICE and vocabulary is not None and t.text.isascii() and t.key in vocabulary.words
                and not lexicon_word(t.key)):
            found -= _SERVICE  # a store's name word ("Good Day", "2-Minute") stays a product word
        cues.update(found)
        classes[id(t)] = found
        if found & _NOT_PRODUCT:
            t.flags = t.flags | {"filler"} | ({"asks"} if found & _ASKING else set())
        if "howmuch" in found and i >= 2 and tokens[i - 2].kind == "unit" and "want" in tokens[i - 1].flags:
            tokens[i - 1].flags = frozenset({"filler"})  # "ਕਿੱਲੋ ਦੇ ਕਿੰਨੇ": "of a kilo", no "give"
    _particle_after_how_much(tokens, lang)
    cues["price"] += mark_rate_asked(tokens)  # "aloo kaise diye": at what rate
    if any(t.text == "?" for t in tokens):
        cues["mark"] += 1
        if _elliptic(tokens):
            cues["elliptic"] += 1
    if _you_have(tokens):
        cues["stock"] += 1
    cues["service_clause"] += _asked_of_the_service(tokens, classes)
    cues["you"] += sum(t.text.lower() in _YOU and "courtesy" not in t.flags for t in tokens)
    cues["rupees"] += sum(t.kind == "unit" and t.unit == "inr" for t in tokens)
    return cues


def _asked_of_the_service(tokens: list[Token], classes: dict[int, frozenset[str]]) -> int:
    """1 when every how-much or price word stands in a clause about the service (a fee, the delivery) that
    holds no amount, and another clause holds one: "2 maggi, delivery charge kitna?" orders the maggi."""
    clauses: list[list[Token]] = [[]]
    for t in tokens:
        if t.kind == "sep":
            clauses.append([])
        else:
            clauses[-1].append(t)
    def of(t: Token) -> frozenset[str]:
        return classes.get(id(t), frozenset())

    asking = [c for c in clauses if any(of(t) & {"price", "howmuch"} for t in c)]
    if not asking or not all(any(of(t) & _SERVICE for t in c) for c in asking):
        return 0
    amounted = [c for c in clauses if any(t.kind in ("num", "unit", "frac", "hundred") for t in c)]
    return int(bool(amounted) and not any(c in asking for c in amounted))


def _price_word_after_a_product(tokens: list[Token], i: int, brands: frozenset[str]) -> bool:
    """"పంచదార ధర ఎంత": Telugu ధర (price) spells the brand Dhara; typed as the price word right after
    another product's name, it asks that product's price."""
    prev = tokens[i - 1] if i else None
    return (not tokens[i].text.isascii()  # Latin "dhara" after a word is the brand ("fortune dhara")
            and tokens[i].text in _typed_words("price") and prev is not None and prev.kind == "word"
            and not prev.flags and prev.key not in brands)


def _particle_after_how_much(tokens: list[Token], lang: str) -> None:
    """"किती ला आहे?", "কত করে?": a short word right after "how much" is its case particle ("for", "each"),
    not the verb of an order (Hindi ला "bring", করে "do")."""
    for prev, t in zip(tokens, tokens[1:]):
        if (t.kind == "word" and t.flags & _PARTICLE_LOOKALIKES and len(t.key) <= _PARTICLE_MAX
                and _is_class_word(prev, "howmuch", lang)):
            t.flags = (t.flags - _PARTICLE_LOOKALIKES) | {"filler"}


def _elliptic(tokens: list[Token]) -> bool:
    """"Bournvita?", "aur Fortune 1 litre?": a product and a question mark, with no count of packs to
    buy (a size may follow an "and" that carries the question over from the line before)."""
    after_and = bool(tokens) and "and" in tokens[0].flags
    counts = [t for i, t in enumerate(tokens) if t.kind in ("num", "frac", "mod")
              and not (after_and and i + 1 < len(tokens) and tokens[i + 1].kind == "unit")]
    return not counts and not any(t.kind == "unit" for t in tokens if not after_and)


def lexicon_word(k: str) -> bool:
    return k in lexicon.load().concepts_of


@lru_cache(maxsize=16384)
def _classes_of(text: str, k: str, lang: str) -> frozenset[str]:
    """The question classes a word is of; a word's classes depend on it alone, so each is read once a process."""
    word = Token(text, k, None)
    return frozenset(c for c in CLASSES if _is_class_word(word, c, lang))


def _is_class_word(t: Token, cls: str, lang: str) -> bool:
    langs = (lang, *_SAME_SCRIPT.get(lang, ()))
    if cls in _OWN_LANGUAGE_ONLY:
        found = any(signals.own_language_signal(t.text, t.key, cls, x) for x in langs)
    else:
        found = any(signals.has_signal(t.text, t.key, cls, x) for x in langs)
    # Keys fold lossily: Kannada ಬೇಳೆ (dal) and ಬೆಲೆ (price) share one. A grocery word is a question
    # word only as typed in the list.
    return found and (t.key not in lexicon.load().concepts_of or t.text in _typed_words(cls))


@lru_cache(maxsize=16)
def _typed_words(cls: str) -> frozenset[str]:
    return frozenset(" ".join(signals.TABLE[cls].values()).split())


def _you_have(tokens: list[Token]) -> bool:
    """"do you have", "have you got": the verb asks what the shop holds; it is not Marathi "have" (want)."""
    found = False
    for a, b in zip(tokens, tokens[1:]):
        verb = b if a.text in _YOU and b.text in _HAVING else a if a.text in _HAVING and b.text in _YOU else None
        if verb is not None:
            verb.flags = (verb.flags - {"want"}) | {"filler"}
            found = True
    return found


def asked(cues: Counter, flags: Counter, has_items: bool, sure: bool) -> str | None:
    """"ask_price", "ask_stock", "ask_total" when the message asks one of them, else None. `sure`: an
    exact product word or an amount backs the items; a fuzzy guess ("longer" for laung) does not
    outrank the words of tracking an order. A question about the service itself is "track_order"
    (how long the delivery takes) or "unknown" (hours, fees), never a product."""
    service = _about_the_service(cues, flags, sure)
    if service:
        return service
    if cues["howmuch"] and (flags["money"] or cues["rupees"]) and not has_items:
        return "ask_total"  # "kitna paisa dena hai", "এখন কত টাকা দিতে হবে": the bill, though "give" is a want word
    if any(flags[f] for f in _ORDERING):
        return None  # "maggi bhej do", "rate kam karo": an order or a bargain, not a question
    if has_items and not sure and (flags["where"] or flags["arrival"] or flags["order"]):
        has_items = False
    if cues["total"] and (cues["howmuch"] or cues["question"] or cues["mark"]):
        return "ask_total"  # "ਕੁੱਲ ਕਿੰਨੇ ਬਣ ਗਏ?": next to "total", a word like "bun" names no product
    if has_items and not flags["cart"]:
        if cues["service_clause"] and sure:
            return None  # "2 maggi, delivery charge kitna?": the fee is asked, the maggi ordered
        if cues["price"] or cues["howmuch"]:
            return None if flags["where"] and not cues["stock"] else "ask_price"  # "daam kab ghatenge"
        asking = cues["question"] or cues["mark"] or cues["holder"]  # "hai kya", "hai?", "aapke paas ... hai"
        if cues["stock"] or cues["exists_q"] or (cues["exists"] and asking):
            return "ask_stock"
        if cues["elliptic"] and sure:
            return "ask_stock"  # "Bournvita?": is it there (the answer gives its price too)
        return None
    if has_items or flags["where"] or flags["arrival"] or flags["order"]:
        return None  # "kitne din lagenge", "how much longer for my order": tracking, not the bill
    if cues["howmuch"]:
        return "ask_price" if cues["price"] else "ask_total"  # "kitna hua?", "how much?"
    if cues["price"] and (cues["question"] or cues["mark"]):
        return "ask_price"  # "what's the rate?": the bot asks which product
    return None


def _about_the_service(cues: Counter, flags: Counter, sure: bool) -> str | None:
    """"kitne din mein aayega", "how many days will it take", "ಎಷ್ಟು ಹೊತ್ತಲ್ಲಿ ಬರುತ್ತೆ": a time word asked
    about, or with a verb of coming, asks when the goods come; "dukaan kab khulti hai", "delivery charge
    kitna": the shop's hours or fees, which no product answers. An order said with it stays an order."""
    if sure or any(flags[f] for f in _NOT_ABOUT_SERVICE):
        return None
    asking = cues["howmuch"] or cues["question"] or cues["mark"] or flags["where"]
    if cues["service"] and not flags["order"] and (asking or cues["you"] or cues["duration"] or cues["coming"]):
        return "unknown"
    if cues["duration"] and (asking or cues["coming"] or flags["arrival"]):
        return "track_order"
    return None
