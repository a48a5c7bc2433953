"""Read a shopkeeper's short message ("accept 1042", "1042 nikal gaya", "maggi 50") into a command. Pure."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Words shopkeepers use, in English and Hinglish; the target status each one moves an order to.
STATUS_WORDS = {
    "confirmed": ("accept", "accepted", "approve", "confirm", "ok", "okay", "haan", "han", "ha", "yes", "theek hai",
                  "thik hai", "le liya", "kar do", "✅"),
    "cancelled": ("reject", "rejected", "decline", "cancel", "nahi", "nahin", "no", "mana", "❌"),
    "processing": ("packed", "pack", "packing", "ready", "taiyar", "tayyar", "pack ho gaya", "pack kar diya"),
    "out_for_delivery": ("out for delivery", "out", "dispatched", "dispatch", "sent", "nikal gaya", "nikla",
                         "bhej diya", "rawana", "on the way"),
    "delivered": ("delivered", "deliver ho gaya", "de diya", "pahunch gaya", "pahuch gaya", "done", "ho gaya"),
}
SUMMARY_WORDS = ("today", "aaj ka hisaab", "aaj ka hisab", "hisaab", "hisab", "summary", "report", "sales")
PENDING_WORDS = ("orders", "pending", "new orders", "list")
HELP_WORDS = ("help", "madad", "commands", "menu", "?")
OUT_OF_STOCK_WORDS = ("khatam", "khatm", "out of stock", "nahi hai", "finished", "over")


@dataclass(frozen=True)
class OwnerCommand:
    action: str  # status, summary, pending, stock, help, unknown
    status: str | None = None
    number: int | None = None
    reason: str | None = None
    words: str | None = None  # product words for a stock change
    stock: float | None = None  # packs


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def parse_owner_command(text: str, button_id: str | None = None) -> OwnerCommand:
    if button_id and ":" in button_id:
        verb, _, num = button_id.partition(":")
        status = {"accept": "confirmed", "reject": "cancelled"}.get(verb)
        if status and num.isdigit():
            return OwnerCommand("status", status=status, number=int(num))
    t = _norm(text)
    if not t:
        return OwnerCommand("help")
    if t in HELP_WORDS:
        return OwnerCommand("help")
    if t in SUMMARY_WORDS:
        return OwnerCommand("summary")
    if t in PENDING_WORDS:
        return OwnerCommand("pending")
    status_cmd = _status_command(t)
    if status_cmd:
        return status_cmd
    return _stock_command(t) or OwnerCommand("unknown")


def _status_command(t: str) -> OwnerCommand | None:
    number_match = re.search(r"#?\b(\d{3,9})\b", t)
    number = int(number_match.group(1)) if number_match else None
    rest = (t[: number_match.start()] + " " + t[number_match.end():]).strip() if number_match else t
    for status, words in STATUS_WORDS.items():
        for w in sorted(words, key=len, reverse=True):
            if rest == w or rest.startswith(w + " ") or rest.endswith(" " + w):
                reason = None
                if status == "cancelled" and rest.startswith(w + " "):
                    reason = rest[len(w):].strip() or None
                if number is None and rest != w:
                    continue  # "ok thanks bhai" is not a command without an order number
                return OwnerCommand("status", status=status, number=number, reason=reason)
    return None


def _stock_command(t: str) -> OwnerCommand | None:
    t = re.sub(r"^(stock|stk|set stock)\s+", "", t)
    for w in OUT_OF_STOCK_WORDS:
        if t.endswith(" " + w):
            return OwnerCommand("stock", words=t[: -len(w)].strip(), stock=0)
    m = re.fullmatch(r"(.+?)\s+(\d+(?:\.\d+)?)", t) or re.fullmatch(r"(\d+(?:\.\d+)?)\s+(.+)", t)
    if not m:
        return None
    words, qty = (m.group(1), m.group(2)) if not m.group(1)[0].isdigit() else (m.group(2), m.group(1))
    return OwnerCommand("stock", words=words.strip(), stock=float(qty))
