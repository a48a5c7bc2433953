"""`understand(text)`: the nlu's one entry point, from raw chat text to an `Understanding`."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

import regex

from vyaparai.nlu import lexicon, questions, signals
from vyaparai.nlu.asides import common_words_out_of_context, hesitations_out
from vyaparai.nlu.compounds import read_compounds
from vyaparai.nlu.corrections import drop_leading_no, refuses_an_amount
from vyaparai.nlu.courtesy import courtesies_out
from vyaparai.nlu.done_alone import says_done
from vyaparai.nlu.endings import strip_case_endings
from vyaparai.nlu.intents import amount_is_enough, decide, payment_of
from vyaparai.nlu.kinds import carry_kind
from vyaparai.nlu.langid import identify
from vyaparai.nlu.leave_taking import takes_leave
from vyaparai.nlu.mentions import Run, extract, to_mention
from vyaparai.nlu.mixed_clauses import asked_runs
from vyaparai.nlu.multipliers import scale_factor
from vyaparai.nlu.normalize import normalize
from vyaparai.nlu.payment_ways import way_chosen
from vyaparai.nlu.phonetic import spell_letters
from vyaparai.nlu.refusals import borrow_from_refused, exclusions
from vyaparai.nlu.remove_and_add import split_adds
from vyaparai.nlu.script import scripts_of
from vyaparai.nlu.tokens import Token, tokenize
from vyaparai.nlu.translit import key
from vyaparai.nlu.types import ItemMention, Understanding
from vyaparai.nlu.vocabulary import Vocabulary, brands_over_units, join_name_numbers, pack_words_after_brands
from vyaparai.nlu.voicing import read_other_sounds
from vyaparai.nlu.weighed import grams_of_weighed

__all__ = ["understand", "key", "Vocabulary"]

_WORD = regex.compile(r"[\p{L}\p{M}]+")
_ITEM_INTENTS = ("add_items", "remove_item", "change_quantity")
_ASKING_ABOUT_ITEMS = ("ask_price", "ask_stock")  # questions keep the products they name


def understand(text: str, vocabulary: Vocabulary | None = None) -> Understanding:
    clean = normalize(text)
    words = _WORD.findall(clean)[:200]
    lang = identify(words)
    tokens = tokenize(clean, lang)
    if takes_leave(tokens):  # "I'll come later", "baad me aata hu": going, nothing to add
        return Understanding(text=text, lang=lang, intent="unknown", scripts=scripts_of(words))
    courtesies_out(tokens)  # "..., thank you bhaiya", "..., baaki kal bataunga": no item
    if says_done(tokens):  # "ho gaya", "झालं", "হয়ে গেছে" alone: the list is done
        return Understanding(text=text, lang=lang, intent="checkout", scripts=scripts_of(words))
    read_compounds(tokens)
    if vocabulary is not None:
        tokens = join_name_numbers(tokens, vocabulary)
        brands_over_units(tokens, vocabulary)
        pack_words_after_brands(tokens, vocabulary)
        _prefer_brands(tokens, vocabulary, lang)
        _letters_of_brands(tokens, vocabulary)
        _language_names_in_names(tokens, vocabulary)
        _and_words_in_names(tokens, vocabulary)
        _quarters_that_are_products(tokens, vocabulary)
    read_other_sounds(tokens, vocabulary.brands if vocabulary is not None else frozenset())
    cues = questions.mark(tokens, lang, vocabulary)
    strip_case_endings(tokens, lexicon.load().concepts_of.__contains__, _knower(vocabulary),
                       _brand_like(vocabulary))  # after the question words are known as such
    common_words_out_of_context(tokens, _knower(vocabulary))
    tokens = hesitations_out(tokens)
    drop_leading_no(tokens)
    factor = scale_factor(tokens)  # "aloo double kar do"
    runs, loose = extract(tokens, lang)
    borrow_from_refused(runs, vocabulary.brands if vocabulary is not None else frozenset())
    if any(r.negated and not r.replaced for r in runs):
        runs = [r for r in runs if not r.replaced]  # "X vaddu, daani badulu Y": X is refused; "daani" is "it"
    live = [r for r in runs if not r.negated and _is_item(r, vocabulary)]
    sure = any(_is_item(r, vocabulary, exact=True) for r in live)
    decision = decide(clean, tokens, bool(live), sure, cues)
    decision = replace(decision, intent=way_chosen(tokens, decision.intent))  # "online nahi": cash
    asked = asked_runs(tokens, live) if decision.intent in ("add_items", "ask_price", "ask_stock") else []
    if asked:  # "2 kilo aloo de do, aur pyaz kitne ka hai?": the onion is asked about, the potato ordered
        live = [r for r in live if all(r is not a for a in asked)]
        decision = replace(decision, intent="add_items")
    refused = [r for r in runs if r.negated and _is_item(r, vocabulary, exact=True)]
    if decision.intent == "no" and not live and refused and _no_service_words(tokens):
        decision = replace(decision, intent="remove_item")  # "cheeni nahi chahiye", "don't want maggi"
        live, runs = refused, []
    items: tuple[ItemMention, ...] = ()
    adds: tuple[ItemMention, ...] = ()
    if decision.intent in _ITEM_INTENTS:
        exclude = exclusions(runs)
        if decision.intent == "remove_item":
            live, added = split_adds(live, tokens)
            adds = carry_kind(tuple(to_mention(r, exclude) for r in added), vocabulary)
        items = carry_kind(tuple(_shape(to_mention(r, exclude), decision.intent, tokens) for r in live), vocabulary)
    if factor is not None and len(items) == 1 and decision.intent in ("add_items", "change_quantity"):
        items = (replace(items[0], qty=factor, unit=None, mode="scale"),)
        decision = replace(decision, intent="change_quantity")
    elif decision.intent in _ASKING_ABOUT_ITEMS:
        items = tuple(to_mention(r, ()) for r in live)
    way = payment_of(tokens) if decision.intent == "add_items" and items else None
    pays = way_chosen(tokens, way) if way else None
    return Understanding(text=text, lang=lang, intent=decision.intent, items=items, pays=pays,
                         target_lang=decision.target_lang, choice=decision.choice, count=decision.count,
                         order_number=decision.order_number, scripts=scripts_of(words), sure_items=sure,
                         corrects=refuses_an_amount(tokens) or (decision.intent == "unknown" and not items
                                                                 and amount_is_enough(tokens)), adds=adds,
                         asked=tuple(to_mention(r, ()) for r in asked))


def _is_item(run: Run, vocabulary: Vocabulary | None, exact: bool = False) -> bool:
    if any(q.value is not None or q.unit == "pack" for q in run.quantities):
        return True
    known = lexicon.load().concepts_of
    for t in run.tokens:
        if t.key in known or (vocabulary is not None and vocabulary.knows(t.key, exact)):
            return True
    return vocabulary is None and len(run.tokens) <= 4 and not exact


def _knower(vocabulary: Vocabulary | None):
    """Whether a key is a product word exactly as typed: a lexicon word or one of the store's words."""
    concepts = lexicon.load().concepts_of
    return lambda k: k in concepts or (vocabulary is not None and vocabulary.knows(k, exact=True))


def _brand_like(vocabulary: Vocabulary | None):
    """Whether a key has the consonants of a store brand (ডাবর "davr" and Dabur), so no ending is cut."""
    skeletons = _brand_skeletons(vocabulary) if vocabulary is not None else frozenset()
    return lambda k: len(_skeleton(k)) >= 3 and _skeleton(k) in skeletons


@lru_cache(maxsize=4)
def _brand_skeletons(vocabulary: Vocabulary) -> frozenset[str]:
    return frozenset(_skeleton(b) for b in vocabulary.brands)


_NO_VOWELS = str.maketrans({"b": "v", "w": "v", "a": None, "e": None, "i": None, "o": None, "u": None, "y": None})


def _skeleton(k: str) -> str:
    return regex.sub(r"(.)\1+", r"\1", k.replace(" ", "").translate(_NO_VOWELS))


def _prefer_brands(tokens: list[Token], vocabulary: Vocabulary, lang: str) -> None:
    """A filler word of another language that is also a brand of this store is the brand: Marathi
    "majha" (my) and the drink "Maaza" share a key, and "3 maaza 600ml" is English. Said with a number
    next to it, as the whole message, or before another word of the store's names, it is the brand in any
    language ("2 maaza", "माझा 2", "maaza mango drink")."""
    words = [t for t in tokens if t.kind == "word"]
    for i, t in enumerate(tokens):
        if (t.kind == "word" and t.flags and t.flags <= {"filler", "want"} and len(t.key) >= 4
                and t.key in vocabulary.brands
                and (words == [t] or _counted(tokens, i) or _names_with_next(tokens, i, vocabulary)
                     or not any(signals.own_language_signal(t.text, t.key, s, lang) for s in t.flags))):
            t.flags = frozenset()


def _names_with_next(tokens: list[Token], i: int, vocabulary: Vocabulary) -> bool:
    """A product word of the store right after it ("maaza mango drink", "माझा मँगो"): the brand's name goes on."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and nxt.kind == "word" and not nxt.flags and nxt.key in vocabulary.words


def _counted(tokens: list[Token], i: int) -> bool:
    """A number right before the word, or right after it with no unit (a count of it, not "2 kilo ...")."""
    before = i > 0 and tokens[i - 1].kind == "num"
    after = i + 1 < len(tokens) and tokens[i + 1].kind == "num" and (
        i + 2 >= len(tokens) or tokens[i + 2].kind != "unit")
    return before or after


def _letters_of_brands(tokens: list[Token], vocabulary: Vocabulary) -> None:
    """"पारले जी", "ਪਾਰਲੇ ਜੀ": right after a brand of this store, a polite "ji" that sounds like a lone
    letter of the store's names (G) is that letter of the name, not a courtesy."""
    letters = _letter_names(vocabulary)
    for prev, t in zip(tokens, tokens[1:]):
        if t.flags and t.flags <= {"filler", "yes"} and key(t.text) in letters and prev.key in vocabulary.brands:
            t.flags = frozenset()


def _language_names_in_names(tokens: list[Token], vocabulary: Vocabulary) -> None:
    """"இந்தியா கேட் ரோசானா", "India Gate": a language or country name that is a word of the store's
    names, followed by a word that is no chat word, begins that name (rice of India Gate); it asks for
    no other language."""
    for t, nxt in zip(tokens, tokens[1:]):
        if (t.kind == "word" and signals.language_named(t.text, t.key) and vocabulary.knows(t.key, exact=True)
                and nxt.kind == "word" and not nxt.flags and len(nxt.key) >= 3):
            t.flags = (t.flags - {"langname"}) | {"name_part"}


def _and_words_in_names(tokens: list[Token], vocabulary: Vocabulary) -> None:
    """"clinic plus shampoo": an and-word right after a word it makes one of the store's names with
    (Clinic Plus) is that name's word, not a break between two items."""
    for prev, t in zip(tokens, tokens[1:]):
        if (t.kind == "sep" and "and" in t.flags and prev.kind == "word" and not prev.flags
                and f"{prev.key}{t.key}" in vocabulary.words):
            t.kind, t.flags = "word", frozenset()


def _quarters_that_are_products(tokens: list[Token], vocabulary: Vocabulary) -> None:
    """"6 pav" where the store sells Pav: a quarter word right after a count, with no unit or product word
    after it for it to measure, is the store's product, counted."""
    for i in range(1, len(tokens)):
        t, prev = tokens[i], tokens[i - 1]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (t.kind == "frac" and prev.kind == "num" and (nxt is None or nxt.kind in ("sep", "dots"))
                and vocabulary.knows(t.key, exact=True) and not _word_before(tokens, i - 1)):
            t.kind, t.value = "word", None


def _word_before(tokens: list[Token], i: int) -> bool:
    """A product-like word earlier in the same chunk ("aloo 2 pav": a quarter kilo of it)."""
    for t in reversed(tokens[:i]):
        if t.kind in ("sep", "dots"):
            return False
        if t.kind == "word" and not t.flags:
            return True
    return False


@lru_cache(maxsize=4)
def _letter_names(vocabulary: Vocabulary) -> frozenset[str]:
    """Keys of the spoken names ("ji", "bi") of the lone letters among the store's name words."""
    names = (spell_letters(w) for w in vocabulary.words if len(w) == 1 and w.isalpha())
    return frozenset(key(n) for n in names if n)


def _no_service_words(tokens: list[Token]) -> bool:
    return not any(t.flags & {"order", "where", "arrival", "cart", "pay", "cash", "online"} for t in tokens)


def _shape(mention: ItemMention, intent: str, tokens: list[Token]) -> ItemMention:
    """Remove lines carry no amount but a count ("remove 1 dettol": that many of the line come out);
    relative changes ("ek kam", "one more") become deltas."""
    mention = grams_of_weighed(mention)  # "do sau dhaniya": 200 g
    if intent == "remove_item":
        counted = mention.qty is not None and mention.qty > 0 and mention.unit in (None, "pack", "piece")
        return mention if counted else replace(mention, qty=None, unit=None)
    if intent != "change_quantity":
        return mention
    flags = Counter(f for t in tokens for f in t.flags)
    says_to = any(t.text.lower() == "to" for t in tokens)  # English "to", not Hindi तो (so)
    by = _changed_by(tokens)
    if by:  # "reduce sugar by half kg": that much less, not half a kilo left
        return replace(mention, qty=by * abs(mention.qty or 1.0), unit=mention.unit or "pack", mode="delta")
    if (flags["less"] or flags["more"]) and not says_to:
        qty = mention.qty if mention.qty is not None else 1.0
        unit = mention.unit or "pack"
        sign = -1 if flags["less"] else 1
        return replace(mention, qty=sign * abs(qty), unit=unit, mode="delta")
    return mention


# English verbs of lowering or raising an amount, which "by" turns into a change of that much.
_LOWER = frozenset({"reduce", "decrease", "lower", "less"})
_RAISE = frozenset({"increase", "raise", "more"})


def _changed_by(tokens: list[Token]) -> int:
    """-1 for "reduce / decrease X by N", +1 for "increase X by N"; 0 without "by" ("reduce X to N" sets it)."""
    words = {t.text.lower() for t in tokens}
    if "by" not in words or "to" in words:
        return 0
    return -1 if words & _LOWER else 1 if words & _RAISE else 0
