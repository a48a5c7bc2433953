"""Judge one finished chat against its expectations (the conversation-set format of eval/README.md)."""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

# The script each customer language's replies must be written in.
LANG_SCRIPT = {"en": "Latin", "hinglish": "Latin", "hi": "Devanagari", "mr": "Devanagari", "bn": "Bengali",
               "ta": "Tamil", "te": "Telugu", "gu": "Gujarati", "kn": "Kannada", "ml": "Malayalam",
               "pa": "Gurmukhi"}
SCRIPT_RANGES = {"Devanagari": (0x0900, 0x097F), "Bengali": (0x0980, 0x09FF), "Gurmukhi": (0x0A00, 0x0A7F),
                 "Gujarati": (0x0A80, 0x0AFF), "Tamil": (0x0B80, 0x0BFF), "Telugu": (0x0C00, 0x0C7F),
                 "Kannada": (0x0C80, 0x0CFF), "Malayalam": (0x0D00, 0x0D7F)}
# "Mainly": more than half of a reply's letters, not counting the products' names: they are the shop's
# data, shown as the shop wrote them (mostly English), not words the bot chose in a language.
MAIN_SHARE = 0.5


@dataclass
class Exchange:
    sent: str  # what the customer typed, or "[tap N: title]"
    replies: list[str]


@dataclass
class ChatResult:
    id: str
    lang: str
    exchanges: list[Exchange] = field(default_factory=list)
    orders: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def script_share(text: str, script: str) -> float:
    letters = [ch for ch in text if unicodedata.category(ch)[0] in "LM"]
    if not letters:
        return 1.0
    if script == "Latin":
        hits = sum(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in letters)
    else:
        lo, hi = SCRIPT_RANGES[script]
        hits = sum(lo <= ord(ch) <= hi for ch in letters)
    return hits / len(letters)


def judge(chat: dict, result: ChatResult, catalog: dict[str, dict]) -> None:
    """Fill `result.problems` with every expectation the chat missed (empty: it passed)."""
    for n, (turn, ex) in enumerate(zip(chat["turns"], result.exchanges), start=1):
        said = "\n".join(ex.replies)
        for s in turn.get("reply_has", []):
            if s not in said:
                result.problems.append(f"turn {n}: reply lacks {s!r}")
        for s in turn.get("reply_not_has", []):
            if s in said:
                result.problems.append(f"turn {n}: reply has {s!r}")
    expect = chat.get("expect", {})
    _judge_order(expect, result, catalog)
    script = expect.get("reply_script")
    if script:
        names = sorted((row["name"] for row in catalog.values()), key=len, reverse=True)
        for n, ex in enumerate(result.exchanges[1:], start=2):
            for reply in ex.replies:
                if script_share(_without(reply, names), script) <= MAIN_SHARE:
                    result.problems.append(f"turn {n}: reply not in {script}: {reply[:60]!r}")


def _without(text: str, names: list[str]) -> str:
    for name in names:
        if name in text:
            text = text.replace(name, " ")
    return text


def _judge_order(expect: dict, result: ChatResult, catalog: dict[str, dict]) -> None:
    never = set(expect.get("never_sku", []))
    for order in result.orders:
        for item in order["items"]:
            if item["sku"] in never:
                result.problems.append(f"order has {item['sku']}, which it must never have")
    if "order" not in expect:
        return
    want = expect["order"]
    if want is None:
        if result.orders:
            result.problems.append(f"no order was expected, {len(result.orders)} placed")
        return
    if len(result.orders) != 1:
        result.problems.append(f"expected one order, {len(result.orders)} placed")
        if not result.orders:
            return
    order = result.orders[-1]
    got = _amounts(order["items"], catalog)
    expected = _amounts(want["items"], catalog)
    if got != expected:
        result.problems.append(f"items {_show(got)} != expected {_show(expected)}")
    payment = "cod" if order["payment_method"] == "cod" else "online"
    if want.get("payment") and payment != want["payment"]:
        result.problems.append(f"paid {payment}, expected {want['payment']}")
    if want.get("address_has") and want["address_has"] not in (order.get("delivery_address") or ""):
        result.problems.append(f"address {order.get('delivery_address')!r} lacks {want['address_has']!r}")


def _amounts(items: list[dict], catalog: dict[str, dict]) -> dict[str, float]:
    """sku -> amount in the product's catalog unit (500 g of a kg product is 0.5), summed."""
    out: dict[str, float] = defaultdict(float)
    for item in items:
        out[item["sku"]] += base_amount(catalog.get(item["sku"]), float(item["qty"]), item["unit"])
    return {sku: round(v, 3) for sku, v in out.items()}


def base_amount(product: dict | None, qty: float, unit: str) -> float:
    if product is None:
        return qty
    size = float(product["pack_size"])
    if unit == "pack":
        return qty * size
    if unit == "dozen":
        return qty * 12
    per = {("g", "kg"): 0.001, ("ml", "l"): 0.001, ("kg", "g"): 1000, ("l", "ml"): 1000}
    return qty * per.get((unit, product["unit"]), 1)


def _show(amounts: dict[str, float]) -> str:
    return "{" + ", ".join(f"{sku}: {v:g}" for sku, v in sorted(amounts.items())) + "}"


def summary(results: list[ChatResult]) -> dict:
    by_lang: dict[str, list[bool]] = defaultdict(list)
    for r in results:
        by_lang[r.lang].append(r.passed)
    passed = sum(r.passed for r in results)
    return {"chats": len(results), "passed": passed, "pass_rate": passed / len(results) if results else 0.0,
            "by_lang": {lang: {"chats": len(v), "passed": sum(v), "pass_rate": sum(v) / len(v)}
                        for lang, v in sorted(by_lang.items())}}


def render(results: list[ChatResult], *, transcripts: bool = True) -> str:
    lines = []
    if transcripts:
        for r in results:
            if not r.passed:
                lines += _transcript(r)
    s = summary(results)
    lines.append(f"{'slice':<12}{'chats':>7}{'passed':>8}{'rate':>8}")
    lines.append(f"{'ALL':<12}{s['chats']:>7}{s['passed']:>8}{s['pass_rate']:>8.3f}")
    for lang, f in s["by_lang"].items():
        lines.append(f"{'lang=' + lang:<12}{f['chats']:>7}{f['passed']:>8}{f['pass_rate']:>8.3f}")
    return "\n".join(lines)


def _transcript(r: ChatResult) -> list[str]:
    out = [f"=== {r.id} ({r.lang}) FAILED"]
    out += [f"  ! {p}" for p in r.problems]
    for ex in r.exchanges:
        out.append(f"  > {ex.sent}")
        for reply in ex.replies:
            out += ["    < " + line for line in reply.splitlines()]
    for order in r.orders:
        items = ", ".join(f"{i['sku']} {i['qty']:g} {i['unit']}" for i in order["items"])
        out.append(f"  order #{order['number']}: {items}; {order['payment_method']}; {order.get('delivery_address')}")
    out.append("")
    return out
