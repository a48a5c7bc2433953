"""The values `nlu` hands to the rest of the system. Fields may be added; none renamed."""
from __future__ import annotations

from dataclasses import dataclass, field

LANGUAGES = ("en", "hi", "hinglish", "ta", "te", "bn", "mr", "gu", "kn", "ml", "pa")

INTENTS = (
    "add_items", "remove_item", "change_quantity", "show_cart", "checkout", "pay_online",
    "cash_on_delivery", "track_order", "cancel_order", "greet", "help", "change_language",
    "provide_address", "yes", "no", "unknown",
    "ask_price", "ask_stock", "ask_total",  # questions: answered, nothing changes in the cart
)

# Units of a mentioned quantity. "pack" is a count of the product's packs (packet, bottle, bar...).
UNITS = ("kg", "g", "l", "ml", "pack", "piece", "dozen", "inr")


@dataclass(frozen=True)
class Size:
    """A size that picks a variant ("Taaza 500 ml wala"): 1 l, not a quantity to buy."""

    value: float
    unit: str  # kg, g, l, ml, piece, inr (a price that names the pack: "5 rupee wala")


@dataclass(frozen=True)
class ItemMention:
    """One product the customer talks about, with the amount they asked for."""

    text: str  # the product words as typed, for echoing back ("aata")
    key: str  # the same words as one comparable Latin key ("ata")
    qty: float | None = None  # None: not said (one pack for an add; "all of it" for a remove)
    unit: str | None = None  # one of UNITS, or None when only a count was given
    mode: str = "set"  # "set": the amount wanted; "delta": a relative change ("one more" = +1, "ek kam" = -1)
    size: Size | None = None
    exclude: tuple[str, ...] = ()  # keys of words the customer ruled out ("masala nahi" -> ("masala",))
    size_hint: str | None = None  # "small" / "large": "chota wala", "bada packet" (pick by pack size)
    hints: tuple[str, ...] = ()  # keys of pack words said with it ("bar", "pouch"): they may name the form
    # A bare number that names the pack, not how many ("parle g 250 wala", "coke 750"): the pack size in
    # the product's own unit (g, ml, pieces) or its price; the candidate it fits is the one meant.
    size_number: float | None = None
    # Words of the item said just before, when this one names only a brand ("..., arokya ka ek"):
    # a hint to pick that brand's product of the same kind (nlu.kinds).
    like: tuple[str, ...] = ()


@dataclass(frozen=True)
class Understanding:
    text: str
    lang: str  # one of LANGUAGES
    intent: str  # one of INTENTS
    items: tuple[ItemMention, ...] = ()
    target_lang: str | None = None  # for change_language
    choice: int | None = None  # a bare number answering a numbered question ("2")
    order_number: int | None = None  # "cancel 1042", "track order 1042"
    scripts: tuple[str, ...] = field(default=())  # ISO 15924 codes of the letters seen
    # An amount or an exactly known product word backs the items (not only a fuzzy guess): the dialogue
    # lets such a message change the cart mid-checkout, and reads a guess there as something else.
    sure_items: bool = False
    # An amount refused for another ("maggi 2 nahi 3"): the amounts said are the totals wanted, so a product
    # already in the cart is set to them, not given more.
    corrects: bool = False
    # "make it 3", "2 kar do", "दो कर दो" (intent change_quantity, no items): the new count of the line the
    # customer just added.
    count: int | None = None
    # Products to put in the cart after the removal that `items` names, said in the same message
    # ("lux hata do, 1 kg sugar"; intent remove_item): nlu/remove_and_add.py.
    adds: tuple[ItemMention, ...] = ()
    # Products a question clause of an ordering message asks about ("..., aur pyaz kitne ka hai?"): not added.
    asked: tuple[ItemMention, ...] = ()
    # The way to pay said with the goods ("2 kg sugar, will pay cash"; intent add_items): "cash_on_delivery" or
    # "pay_online", for the checkout to come.
    pays: str | None = None
