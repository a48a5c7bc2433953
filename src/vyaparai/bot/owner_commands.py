"""Read a shopkeeper's message ("accept 1042", "1009 पैक हो गया", "maggi ka stock 40 kar do") into a command. Pure.

The nlu reads it as it reads a customer's (language, tokens with signal flags, numbers in any
script); owner_words adds the classes of command words (accept, packed, stock, report...).
"""
from __future__ import annotations

from dataclasses import dataclass

from vyaparai.bot.owner_words import classes_of
from vyaparai.nlu import lexicon
from vyaparai.nlu.normalize import normalize
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.signals import language_named
from vyaparai.nlu.tokens import Token, tokenize
from vyaparai.nlu.vocabulary import Vocabulary

# Classes that move an order; with an order number (or alone) they make a status command.
STATUS_CLASSES = frozenset({"accept", "reject", "packed", "out", "delivery", "delivered", "done"})
# nlu flags of words that carry no meaning of their own in a command or a reason ("karo", "please").
FUNCTION_FLAGS = frozenset({"filler", "make", "want", "yes", "order", "cancel"})
_BUTTONS = {"accept": "confirmed", "reject": "cancelled"}


@dataclass(frozen=True)
class OwnerCommand:
    action: str  # status, summary, pending, low_stock, stock, stock_query, language, help, unknown
    status: str | None = None
    number: int | None = None
    reason: str | None = None  # the owner's own words, as typed, for the customer
    words: str | None = None  # product words of a stock command
    stock: float | None = None  # the counted amount (in `unit`, or packs)
    unit: str | None = None
    lang: str | None = None  # the language the message is written in
    target_lang: str | None = None  # for "language": the language asked for


@dataclass
class Word:
    token: Token
    classes: frozenset[str]
    product: bool = False  # a product word: known to the store or the grocery lexicon

    @property
    def flags(self) -> frozenset[str]:
        return self.token.flags

    @property
    def is_function(self) -> bool:
        return self.token.kind in ("sep", "punct", "dots") or (
            self.token.kind == "word" and bool(self.flags) and self.flags <= FUNCTION_FLAGS and not self.classes)


def parse_owner_command(text: str, button_id: str | None = None,
                        vocabulary: Vocabulary | None = None) -> OwnerCommand:
    """With the store's vocabulary, only product words count as products, so "which items are low"
    is a question; without one every word that is no signal might be a product."""
    if button_id and ":" in button_id:
        verb, _, num = button_id.partition(":")
        if verb in _BUTTONS and num.isdigit():
            return OwnerCommand("status", status=_BUTTONS[verb], number=int(num))
    u = understand(text)
    words = read_words(text, u.lang, vocabulary)
    if not words:  # a photo, a voice note, an emoji: the short help, not the whole list
        return OwnerCommand("unknown", lang=u.lang)
    target = u.target_lang if u.intent == "change_language" else _language_asked(words)
    if target:
        return OwnerCommand("language", lang=u.lang, target_lang=target)
    command = _status_command(text, words) or _question(words) or _stock_command(words)
    return _with_lang(command or OwnerCommand("unknown"), u.lang)


def read_words(text: str, lang: str, vocabulary: Vocabulary | None = None) -> list[Word]:
    words = [Word(t, classes_of(t.text, t.key)) for t in tokenize(normalize(text), lang)]
    grocery = lexicon.load().concepts_of
    for w in words:
        plain = w.token.kind == "word" and not w.flags and not w.classes
        w.product = plain and (vocabulary is None or w.token.key in grocery or vocabulary.knows(w.token.key))
    return words


def _language_asked(words: list[Word]) -> str | None:
    """A language name with a speak/reply word ("English లో మాట్లాడండి"), even where a postposition
    stands apart and the customer-side reading takes it for something else."""
    if not any("language" in w.flags for w in words) or any(w.token.kind == "num" for w in words):
        return None
    named = [language_named(w.token.text, w.token.key) for w in words if "langname" in w.flags]
    return next((code for code in named if code), None)


def _with_lang(cmd: OwnerCommand, lang: str) -> OwnerCommand:
    return OwnerCommand(**{**cmd.__dict__, "lang": lang})


def _order_number(words: list[Word]) -> Word | None:
    """Order numbers are 3+ digits ("1042", "#1042", "১০৪২" arrives as 1042 from the normalizer)."""
    for w in words:
        t = w.token
        if t.kind in ("num", "order_number") and t.text.isdigit() and len(t.text) >= 3:
            return w
    return None


def _status_of(classes: set[str], words: list[Word]) -> str | None:
    """The status the message asks for; of several steps the furthest wins ("pack karke bhej diya" is out)."""
    if "accept" in classes:
        return "confirmed"
    if "reject" in classes or any("cancel" in w.flags for w in words):
        return "cancelled"
    if "delivered" in classes or {"delivery", "done"} <= classes:
        return "delivered"
    if "out" in classes or "delivery" in classes:
        return "out_for_delivery"
    if "packed" in classes:
        return "processing"
    if "done" in classes:
        return "delivered"  # "1042 ho gaya": the order is done
    return None


def _status_command(text: str, words: list[Word]) -> OwnerCommand | None:
    number = _order_number(words)
    rest = [w for w in words if w is not number]
    classes = {c for w in rest for c in w.classes} & STATUS_CLASSES
    status = _status_of(classes, rest)
    bare = _bare_answer(rest) if status is None else None
    if status is None and bare is None:
        return None
    if number is None and any(w.product or w.token.kind in ("num", "unit") or w.classes - STATUS_CLASSES
                              for w in rest if not w.classes & STATUS_CLASSES):
        return None  # "maggi khatam ho gaya", "aaj ki bikri kitni hui": not about an order
    reason = _reason(text, rest) if status == "cancelled" else None
    value = int(number.token.text) if number else None
    return OwnerCommand("status", status=status or bare, number=value, reason=reason)


def _bare_answer(words: list[Word]) -> str | None:
    """"haan", "ok", "✅" alone accept the order waiting; "nahi", "❌" alone refuse it. A short
    particle may follow ("theek hai", "haan ji")."""
    core = words[:-1] if len(words) > 1 and len(words[-1].token.key) <= 3 and words[-1].is_function else words
    if not core:
        return None
    if all("yes" in w.flags for w in core):
        return "confirmed"
    if all(w.token.kind == "not" or "no" in w.flags for w in core):
        return "cancelled"
    return None


def _reason(text: str, words: list[Word]) -> str | None:
    """The owner's reason, as typed. Command words and the words around them ("reject", "please", the
    "karo" / "kar do" of an imperative) are not part of it; a cancel with nothing else has no reason."""
    kept = list(words)
    while kept and (kept[0].is_function or kept[0].classes & {"reject"}):
        kept.pop(0)
    while kept and _command_tail(kept):
        kept.pop()
    if all(w.is_function for w in kept):
        return None
    return _as_typed(text, kept)


def _command_tail(kept: list[Word]) -> bool:
    """The last word closes the command, not the reason: a separator, "reject"/"cancel", an imperative
    verb, or the particle after one ("kar do", "cancel kar dijiye")."""
    last = kept[-1]
    if last.token.kind in ("sep", "punct", "dots") or last.classes & {"reject"} or "cancel" in last.flags:
        return True
    if last.flags & {"make", "want"}:
        return True
    return len(kept) >= 2 and last.is_function and bool(kept[-2].flags & {"make", "want"})


def _as_typed(text: str, kept: list[Word]) -> str:
    """The span of the original message the kept tokens cover (its case and spelling), else the tokens."""
    lowered, start, end, cursor = text.lower(), None, None, 0
    for w in kept:
        at = lowered.find(w.token.text, cursor)
        if at < 0:
            return " ".join(w.token.text for w in kept)
        start = at if start is None else start
        end = cursor = at + len(w.token.text)
    return text[start:end].strip()


def _question(words: list[Word]) -> OwnerCommand | None:
    """Report-like messages with no product in them: low stock, today's figures, orders waiting, help."""
    if any(w.product for w in words) or _order_number(words):
        return None
    classes = {c for w in words for c in w.classes}
    flags = {f for w in words for f in w.flags}
    if "low" in classes or ("less" in flags and "stock" in classes):
        return OwnerCommand("low_stock")
    if classes & {"report", "today"}:
        return OwnerCommand("summary")
    if "pending" in classes or ("order" in flags and not classes):
        return OwnerCommand("pending")
    if "help" in flags:
        return OwnerCommand("help")
    return None


def _stock_command(words: list[Word]) -> OwnerCommand | None:
    """"maggi 50", "stock aata 20 kg", "maggi ka stock 40 kar do", "amul butter 100 g khatam", "maggi kitna hai"."""
    product = [w for w in words if w.product]
    if not product:
        return None
    classes = {c for w in words for c in w.classes}
    amounts = [i for i, w in enumerate(words) if w.token.kind == "num"]
    count = _count_at(words, amounts, counted=not classes & {"finished", "question"})
    # An amount with a unit that is not the count names the pack ("amul butter 500 g 10").
    sizes = [f"{words[i].token.text} {words[i + 1].token.text}" for i in amounts if i != count and _unit_after(words, i)]
    text = " ".join([*(w.token.text for w in product), *sizes])
    if count is None and "finished" in classes:
        return OwnerCommand("stock", words=text, stock=0)
    if count is None:
        return OwnerCommand("stock_query", words=text) if classes & {"stock", "low", "question"} else None
    unit = words[count + 1].token.unit if _unit_after(words, count) else None
    return OwnerCommand("stock", words=text, stock=words[count].token.value, unit=unit)


def _count_at(words: list[Word], amounts: list[int], *, counted: bool) -> int | None:
    """Where the counted amount is: the last number without a unit, or a lone number ("aata 20 kg").
    "khatam" and "kitna" say there is no count, so every amount there is a pack size."""
    if not amounts or not counted:
        return None
    bare = [i for i in amounts if not _unit_after(words, i)]
    if bare:
        return bare[-1]
    return amounts[0] if len(amounts) == 1 else amounts[-1]


def _unit_after(words: list[Word], i: int) -> bool:
    return i + 1 < len(words) and words[i + 1].token.kind == "unit"
