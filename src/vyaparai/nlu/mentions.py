"""Cut a message into item mentions: product words with their quantity, size, exclusions and mode."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from vyaparai.nlu.chat_words import ALSO_AFTER
from vyaparai.nlu.instead_endings import strip_before_instead
from vyaparai.nlu.quantities import Quantity, read_quantity
from vyaparai.nlu.size_words import is_large, is_small, is_size_word, is_wala
from vyaparai.nlu.tokens import Token
from vyaparai.nlu.translit import key
from vyaparai.nlu.types import ItemMention, Size

# Flags of words that are never product words.
NON_PRODUCT = frozenset({"want", "filler", "remove", "change", "more", "less", "make", "cart", "show",
                         "checkout", "online", "pay", "cash", "money", "arrival", "where", "order",
                         "cancel", "greet", "help", "yes", "no", "offtopic", "address", "language",
                         "langname", "enough", "all", "hold"})


@dataclass
class Run:
    """Consecutive product words of one chunk."""

    tokens: list[Token]
    negated: bool = False
    selector: bool = False  # followed by "wala": "amul wala" picks the brand of the item before it
    head: int = 0  # "masala wala maggi": tokens from here name the thing, those before say which one
    replaced: bool = False  # refused by an "instead" word ("X ki jagah Y"), not by a "no" word
    also: bool = False  # followed by "too" / "bhi" / "கூட": an item of its own (chat_words.ALSO_AFTER)
    quantities: list[Quantity] = field(default_factory=list)
    sizes: list[Quantity] = field(default_factory=list)


def extract(tokens: list[Token], lang: str) -> tuple[list[Run], list[Quantity]]:
    """Product runs with their quantities, and quantities that belong to no words (a bare "2")."""
    runs: list[Run] = []
    loose: list[Quantity] = []
    for chunk in _chunks(tokens):
        chunk_runs, chunk_loose = _read_chunk(tokens, chunk, lang)
        live = [r for r in runs if not r.negated]
        if not chunk_runs and chunk_loose and live:
            _correct(live[-1], chunk_loose)
            continue
        if not chunk_runs and any(not q.is_size for q in chunk_loose) and runs:
            runs[-1].negated = False  # "aadha kilo dhaniya nahi, bees rupaye ka do": the amount was refused
            _correct(runs[-1], chunk_loose)
            continue
        if live and _only_describes(chunk_runs):
            live[-1].tokens.extend(chunk_runs[0].tokens)  # "haldi, the everest one", "chawal, basmati wala"
            live[-1].sizes.extend(chunk_runs[0].sizes)
            continue
        runs.extend(chunk_runs)
        loose.extend(q for q in chunk_loose if not q.is_size)
    if any("each" in t.flags for t in tokens):
        _share_each(runs)
    return runs, loose


def _only_describes(chunk_runs: list[Run]) -> bool:
    """A chunk that is one "X wala" / "the X one" of a single word and no amount says which of the item
    before it ("brown wala", "the everest one"); "lays green one" names a product of its own."""
    if len(chunk_runs) != 1:
        return False
    run = chunk_runs[0]
    return len(run.tokens) == 1 and run.selector and not run.negated and not any(q.value is not None for q in run.quantities)


def _share_each(runs: list[Run]) -> None:
    """"2 each maggi and parle g", "தலா 2": one amount said for every item goes to those without one."""
    live = [r for r in runs if not r.negated]
    said = [q for r in live for q in r.quantities if q.value is not None]
    if not said:
        return
    for r in live:
        if not any(q.value is not None for q in r.quantities):
            r.quantities.append(said[-1])


def _chunks(tokens: list[Token]) -> list[range]:
    chunks, start = [], 0
    for i, t in enumerate(tokens):
        if t.kind in ("sep", "dots"):
            chunks.append(range(start, i))
            start = i + 1
    chunks.append(range(start, len(tokens)))
    return [c for c in chunks if len(c)]


def _correct(run: Run, quantities: list[Quantity]) -> None:
    """"chawal 5 kilo... nahi, 4 kilo": a chunk of only an amount corrects the item before it;
    "sprite 2 litre, two bottles": a count after a measured amount makes that amount the size."""
    run.sizes.extend(q for q in quantities if q.is_size and q.value is not None)  # "tel, 1 litre wala"
    quantities = [q for q in quantities if not q.is_size]
    real = [q for q in quantities if q.value is not None]
    if not quantities:
        return
    if not real:
        run.quantities.extend(quantities)
        return
    new = real[-1]
    old = [q for q in run.quantities if q.value is not None]
    if old and old[-1].measured and not new.measured:
        run.sizes.append(old[-1])
    # "rin bar, 2": a pack word said without a number stays, as the form asked for, with the new count
    run.quantities = [q for q in run.quantities if q.value is None and q.word and q.unit == "pack"] + [new]


def _read_chunk(tokens: list[Token], chunk: range, lang: str) -> tuple[list[Run], list[Quantity]]:
    elements = _elements(tokens, chunk)
    _mark_sizes(tokens, elements)
    _apply_negation_and_instead(elements, lang)
    _lend_size_words(elements)
    runs = [e for e in elements if isinstance(e, Run)]
    quantities = [e for e in elements if isinstance(e, Quantity)]
    if not runs:
        return [], quantities
    _pair(elements)
    _mark_also(tokens, chunk, runs)
    return _merge_bare_runs(elements), []


def _mark_also(tokens: list[Token], chunk: range, runs: list[Run]) -> None:
    for run in runs:
        after = next(i for i in chunk if tokens[i] is run.tokens[-1]) + 1
        if after < chunk.stop and tokens[after].key in _also_keys():
            run.also = True


@lru_cache(maxsize=1)
def _also_keys() -> frozenset[str]:
    return frozenset(key(w) for w in ALSO_AFTER.split())


def _lend_size_words(elements: list) -> None:
    """"teen chhote packet maggi", "দুটো ছোট প্যাকেট Maggi": a size word cut off from its product by a
    pack word describes that product (the next one in the chunk, else the one before), never a product."""
    runs = [e for e in elements if isinstance(e, Run)]
    for run in runs:
        if len(runs) < 2 or not all(is_size_word(t) for t in run.tokens):
            continue
        others = [r for r in runs if r is not run and r in elements]
        after = [r for r in others if elements.index(r) > elements.index(run)]
        target = after[0] if after else others[-1]
        target.tokens[:0] = run.tokens
        elements.remove(run)


def _elements(tokens: list[Token], chunk: range) -> list:
    elements: list = []
    i = chunk.start
    while i < chunk.stop:
        if tokens[i].text.lower() in _PRONOUN_ONE and i + 1 >= chunk.stop and elements and _named_by(elements[-1]):
            if isinstance(elements[-1], Quantity):
                elements.append("wala")  # "2 of the 1 litre one": the litre names the pack, as "1 litre wala"
            else:
                elements[-1].selector = True
            break  # "the LG one", "not the masala one": a pronoun, not a count
        q = read_quantity(tokens, i)
        if q is not None and q.end <= chunk.stop:
            elements.append(q)
            i = q.end
            continue
        t = tokens[i]
        if _fraction_after_name(tokens, i, chunk, elements):
            elements.append(Quantity(t.value, None, i, i + 1))  # "tomato half, onion 1": half of it
            i += 1
            continue
        if t.kind in ("not", "instead"):
            elements.append(_NOT_WHAT_FOLLOWS if t.text.lower() in _NOT_BEFORE else t.kind)
        elif is_wala(t) and t.kind == "word":
            if elements and isinstance(elements[-1], Run):
                elements[-1].selector = True
            elements.append("wala")
        elif _is_product_word(t):
            if elements and isinstance(elements[-1], Run):
                elements[-1].tokens.append(t)
            elif len(elements) >= 2 and elements[-1] == "wala" and isinstance(elements[-2], Run):
                run = elements.pop(-2)  # "masala wala maggi": one thing, so one negation covers it
                elements[-1] = run
                run.selector, run.head = False, len(run.tokens)
                run.tokens.append(t)
            else:
                elements.append(Run([t]))
        i += 1
    return elements


_PRONOUN_ONE = ("one", "ones")


def _fraction_after_name(tokens: list[Token], i: int, chunk: range, elements: list) -> bool:
    """"onion 1 potato 2 tomato half": a fraction word right after the product words, with no unit after
    it and the next product (or the end) following, is that product's amount, as a number would be, when
    the message names products before their amounts ("do ladi pav": the count comes first, pav is bread)."""
    t = tokens[i]
    if not isinstance(elements[0] if elements else None, Run):
        return False
    nxt = tokens[i + 1] if i + 1 < chunk.stop else None
    return (t.kind == "frac" and t.value is not None and t.value < 1 and bool(elements)
            and isinstance(elements[-1], Run) and elements[-1].tokens[-1] is tokens[i - 1]
            and (nxt is None or (nxt.kind == "word" and _is_product_word(nxt) and not nxt.key.endswith(_GLUED_WALA))))


# "લિટરવાળા", "litrewala": a unit glued to "wala" after a fraction names the pack ("half-litre one").
_GLUED_WALA = ("vala", "vali", "vale", "wala", "wali", "wale", "valo", "valu")


def _named_by(e) -> bool:
    """A final "one" after product words or a measured amount stands for the thing they describe."""
    return isinstance(e, Run) or (isinstance(e, Quantity) and e.measured and e.value is not None)


def _is_product_word(t: Token) -> bool:
    return t.kind in ("word", "frac", "mod") and not (t.flags & NON_PRODUCT) and len(t.key) >= 2


def _mark_sizes(tokens: list[Token], elements: list) -> None:
    """An amount followed by "wala" or by a bare pack word names the pack: "1 litre wala", "5 rupee packet"."""
    for i, e in enumerate(elements):
        if not isinstance(e, Quantity) or e.value is None or i + 1 >= len(elements):
            continue
        nxt = elements[i + 1]
        if nxt == "wala":
            e.is_size = True  # "250 g wala", "10 wala", "4 wala pack": the amount names the pack
        elif isinstance(nxt, Quantity) and nxt.value is None and nxt.unit == "pack" and e.measured:
            e.is_size = True
            nxt.unit = "pack-named"


# English "not" refuses what follows it ("coke 1 not 2", "only 1 coke, not 2"); "nahi", "illa" what precedes.
_NOT_BEFORE = frozenset({"not"})
_NOT_WHAT_FOLLOWS = "not-before"


def _apply_negation_and_instead(elements: list, lang: str) -> None:
    for i, e in enumerate(elements):
        if e == _NOT_WHAT_FOLLOWS:
            nxt = _neighbour(elements, i, +1)
            others = [x for x in elements if isinstance(x, Quantity) and x is not nxt]
            if isinstance(nxt, Quantity) and others:
                nxt.value, nxt.unit = None, "dropped"  # "1 not 2", "not 2 but 3": the amount after "not" is refused
                continue
            e = "not"
        if e == "not":
            prev = _neighbour(elements, i, -1)
            nxt = _neighbour(elements, i, +1)
            if isinstance(nxt, Quantity) and any(isinstance(x, Quantity) for x in elements[:i]):
                before = [x for x in elements[:i] if isinstance(x, Quantity)][-1]
                before.value, before.unit = None, "dropped"  # "2 kg atta nahi 3 kg"
            elif isinstance(prev, Run) and not any(isinstance(x, Quantity) for x in elements[:i]):
                prev.negated = True  # "coke nahi", "masala nahi"
            elif isinstance(nxt, Run) and not isinstance(prev, Run) and not _amount_corrected_after(elements, i):
                nxt.negated = True  # "not the masala one"; "nahi cheeni 2 nahi 3": the amount is refused, not it
            elif isinstance(prev, Quantity):
                prev.value = None  # "3 kilo... nahi nahi 4 kilo"
                prev.unit = "dropped"
            elif isinstance(prev, Run):
                prev.negated = True
        elif e == "instead":
            # "X ki jagah Y", "X-க்கு பதிலா Y": X is refused; "Y instead of X": X, after it, is.
            drop = _neighbour(elements, i, +1 if lang == "en" else -1)
            if isinstance(drop, Quantity):
                drop.value, drop.unit = None, "dropped"
            elif isinstance(drop, Run) and any(isinstance(x, Run) and x is not drop for x in elements):
                drop.negated = drop.replaced = True
                if lang != "en":
                    strip_before_instead(drop.tokens)  # "ലക്സിന് പകരം": Lux is refused, -ിന് is "to"


def _amount_corrected_after(elements: list, i: int) -> bool:
    """An amount, a negation and another amount come later in the chunk ("nahi maggi 1 nahi 2")."""
    later = elements[i + 1:]
    return any(isinstance(a, Quantity) and b in ("not", _NOT_WHAT_FOLLOWS) and isinstance(c, Quantity)
               for a, b, c in zip(later, later[1:], later[2:]))


def _neighbour(elements: list, i: int, step: int):
    j = i + step
    while 0 <= j < len(elements):
        if elements[j] not in ("not", "wala", _NOT_WHAT_FOLLOWS):
            return elements[j]
        j += step
    return None


def _pair(elements: list) -> None:
    """Give each run its amounts: quantity-first ("2 kg onion 1 kg tomato") or run-first ("chini 2kg tel 1ltr")."""
    items = [e for e in elements if isinstance(e, Run) and not e.negated]
    if not items:
        return
    first = next((e for e in elements if isinstance(e, (Run, Quantity)) and _live(e)), None)
    qty_first = isinstance(first, Quantity) and not first.is_size
    current: Run | None = None
    pending: list[Quantity] = []
    for e in elements:
        if isinstance(e, Run) and not e.negated:
            if qty_first:
                e.quantities.extend(q for q in pending if not q.is_size)
                e.sizes.extend(q for q in pending if q.is_size)
                pending = []
            current = e
        elif isinstance(e, Quantity) and _live(e):
            if qty_first or current is None:
                pending.append(e)
            else:
                (current.sizes if e.is_size else current.quantities).append(e)
    if pending:
        target = current or items[-1]
        target.quantities.extend(q for q in pending if not q.is_size)
        target.sizes.extend(q for q in pending if q.is_size)


def _live(q) -> bool:
    return not isinstance(q, Quantity) or q.unit != "dropped"


def _merge_bare_runs(elements: list) -> list[Run]:
    """A run with no amount right after another run of the same chunk describes the same item
    ("ghee 500 ml patanjali", "butter 100 gram amul wala 3 packet")."""
    out: list[Run] = []
    for e in elements:
        if not isinstance(e, Run):
            continue
        prev = out[-1] if out else None
        if prev and not e.negated and not prev.negated and (not e.quantities or e.selector) and not e.also:
            if e.selector and e.quantities:
                prev.sizes.extend(q for q in prev.quantities if q.measured)
                prev.quantities = [q for q in prev.quantities if not q.measured]
            prev.tokens.extend(e.tokens)
            prev.quantities.extend(e.quantities)
            prev.sizes.extend(e.sizes)
            continue
        out.append(e)
    return out


def to_mention(run: Run, exclude: tuple[str, ...]) -> ItemMention:
    words = [t for t in run.tokens if not is_size_word(t)]
    hint = "small" if any(is_small(t) for t in run.tokens) else \
        "large" if any(is_large(t) for t in run.tokens) else None
    qty, unit, size, number = _amount(run)
    text = " ".join(t.text for t in words) or " ".join(t.text for t in run.tokens)
    hints = tuple(dict.fromkeys(q.word for q in run.quantities + run.sizes
                                if q.word and q.unit in ("pack", "pack-named")))
    keyed = " ".join(k for k in (t.key if t.respelled else key(t.text) for t in words) if k) if words else key(text)
    return ItemMention(text=text, key=keyed, qty=qty, unit=unit, size=size, exclude=exclude,
                       size_hint=hint, hints=hints, size_number=number)


# A count without a unit this large names the pack ("coke 750", "parle g 250"), not how many to buy.
_PACK_NUMBER_FROM = 50
_PRICE_UP_TO = 100  # "10 wala", "50 wala": a bare pack number up to this is most often its price


def _amount(run: Run) -> tuple[float | None, str | None, Size | None, float | None]:
    quantities = [q for q in run.quantities if q.value is not None or q.unit == "pack"]
    sizes = [q for q in run.sizes if q.value is not None]
    named = [q for q in quantities if q.unit is None and not q.times and (q.value or 0) >= _PACK_NUMBER_FROM]
    quantities = [q for q in quantities if q not in named]
    sizes = sizes or named[-1:]
    counts = [q for q in quantities if not q.measured and q.value is not None]
    measured = [q for q in quantities if q.measured and q.value is not None]
    if counts and measured and not sizes:
        sizes, quantities = measured[-1:], counts  # "pepsodent 150 gram 2", "3 bottles of sprite 600 ml"
    real = [q for q in quantities if q.value is not None]
    size, number = _size(sizes[-1]) if sizes else (None, None)
    if not real:
        return None, ("pack" if any(q.unit == "pack" for q in quantities) else None), size, number
    q = real[-1]
    unit = q.unit
    if unit is None and any(x.unit == "pack" and x.value is None for x in quantities):
        unit = "pack"
    return q.value, unit, size, number


def _size(q: Quantity) -> tuple[Size | None, float | None]:
    """The size a pack-naming amount gives, and the bare number when no unit was said: "4 wala" holds
    four, "10 wala" is the ₹10 pack, "250 wala" may be grams, millilitres or rupees (the catalog knows)."""
    if q.unit in ("kg", "g", "l", "ml", "inr", "piece", "dozen"):
        return Size(value=q.value, unit=q.unit), None
    if q.value < 5:
        return Size(value=q.value, unit="piece"), None
    if q.value <= _PRICE_UP_TO:
        return Size(value=q.value, unit="inr"), q.value
    return None, q.value
