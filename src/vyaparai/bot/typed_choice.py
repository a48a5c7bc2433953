"""An answer to "which one?" typed in words, not a number: a brand, a kind, a size ("masoor", "saffola",
"bada wala", "1 litre wala"). It is read together with the words the question was about ("dal" + "masoor"),
and it picks an option only when it names one of those offered better than the others; anything else
(a new item, another question) is not an answer and goes on as usual."""
from __future__ import annotations

from dataclasses import replace

from vyaparai.bot.split_names import join_split_names
from vyaparai.catalog.matcher import MATCH_THRESHOLD, ProductIndex
from vyaparai.catalog.quantity import MILLI, to_milli
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.types import ItemMention, Understanding

ANSWER_INTENTS = ("add_items", "change_quantity", "unknown", "yes")
_CANDIDATES = 40
_CLEAR_LEAD = 1.0  # the option named must fit better than the next one offered by this much
_WEIGHTS_AND_VOLUMES = ("kg", "g", "l", "ml")  # units a pack's own size is said in


def picked_by_words(u: Understanding, asked: ItemMention, options: list[str],
                    index: ProductIndex) -> tuple[str, ItemMention] | None:
    """The sku among `options` the answer names, and the mention to add it with: the answer's amount when
    it says one, else the amount asked for first. None when the answer names none of them."""
    items = join_split_names(list(u.items), index)  # "cream and onion" is one answer
    if u.intent not in ANSWER_INTENTS or len(items) > 1 or any(m.exclude for m in items):
        return None  # "coke nahi, sprite do": a swap in the cart, not a pick
    answer = items[0] if items else None
    joined = _read_with_question(u, asked, answer, index)
    if joined is None:
        return None
    if joined.qty is None:
        joined = replace(joined, qty=asked.qty, unit=asked.unit)
    match = index.match(joined, limit=_CANDIDATES)
    found = match.candidates
    ranked = [(r.sku, score) for r, score in found if r.sku in options]
    if found and found[0][0].sku not in options and (not ranked or found[0][1] >= ranked[0][1]):
        # It names a product not offered ("Dhara", "fortune sarso wala" when other oils were): that one, as
        # read with the question's words, when they name it for sure.
        if match.decision != "matched" or answer is None:
            return None
        return found[0][0].sku, _count_asked(joined, asked, found[0][0])
    if match.decision == "matched" and match.product is not None and match.product.sku in options \
            and _says_a_size(joined, asked):
        return match.product.sku, _count_asked(joined, asked, match.product)  # "the small one" broke the tie
    if not ranked or (len(ranked) > 1 and ranked[1][1] > ranked[0][1] - _CLEAR_LEAD):
        return None
    sku = ranked[0][0]
    if not (_says_a_size(joined, asked) or (answer is not None and _names(answer, sku, index))):
        return None
    record = next(r for r, _ in found if r.sku == sku)
    return sku, _count_asked(joined, asked, record)


def _count_asked(joined: ItemMention, asked: ItemMention, product: ProductRecord) -> ItemMention:
    """"2 milk", then "amul taaza 1 litre": a weight or volume that is exactly one pack of the product picked
    names that pack, so the count asked for first stays (2 packs, not 1)."""
    if asked.qty is None or joined.unit not in _WEIGHTS_AND_VOLUMES or product.loose:
        return joined
    if to_milli(product, joined.qty, joined.unit) != MILLI:
        return joined
    return replace(joined, qty=asked.qty, unit=asked.unit)


def _read_with_question(u: Understanding, asked: ItemMention, answer: ItemMention | None,
                        index: ProductIndex) -> ItemMention | None:
    """The answer as one mention with the question's words: "1 litre wala" after "amul doodh" is
    "amul doodh 1 litre wala"."""
    again = understand(f"{asked.text} {u.text}", index.vocabulary())
    if len(again.items) == 1:
        return again.items[0]
    if answer is None:
        return None
    return replace(answer, text=f"{asked.text} {answer.text}", key=f"{asked.key} {answer.key}")


def _says_a_size(joined: ItemMention, asked: ItemMention) -> bool:
    """The answer adds a size to the question's words: "the big one", "500 ml wala"."""
    return any(getattr(joined, f) is not None and getattr(asked, f) is None
               for f in ("size", "size_hint", "size_number"))


def _names(answer: ItemMention, sku: str, index: ProductIndex) -> bool:
    """The answer's own words fit that product best, or well ("masoor" of Masoor Dal, "saffola", सरसों)."""
    own = index.match(answer, limit=_CANDIDATES).candidates
    return bool(own) and (own[0][0].sku == sku or any(r.sku == sku and s >= MATCH_THRESHOLD for r, s in own))
