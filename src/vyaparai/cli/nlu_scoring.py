"""Score `understand` predictions against a labelled file, as eval/README.md describes."""
from __future__ import annotations

import itertools
import math
from collections import Counter

from vyaparai.catalog.records import ProductRecord

ITEM_INTENTS = ("add_items", "remove_item", "change_quantity")
_SPOKEN = {"kg": ("g", 1000), "g": ("g", 1), "l": ("ml", 1000), "ml": ("ml", 1), "piece": ("piece", 1),
           "dozen": ("piece", 12)}


def to_base(p: ProductRecord, qty: float, unit: str) -> tuple[str, float] | None:
    if unit == "inr":
        return "inr", qty
    if unit == "pack":
        return p.base_unit, qty * p.pack_base
    if unit in _SPOKEN:
        return _SPOKEN[unit][0], qty * _SPOKEN[unit][1]
    return None


def item_matches(exp: dict, pred: dict, intent: str, products: dict[str, ProductRecord]) -> bool:
    sku = pred.get("sku")
    if sku not in products or sku not in [exp["sku"], *exp.get("alt_skus", [])]:
        return False
    if intent == "remove_item":
        return True
    if (pred.get("mode") == "delta") != (exp.get("mode") == "delta"):
        return False
    try:
        a = to_base(products[sku], float(exp["qty"]), exp["unit"])
        b = to_base(products[sku], float(pred["qty"]), pred["unit"])
    except (KeyError, TypeError, ValueError):
        return False
    return a is not None and b is not None and a[0] == b[0] and math.isclose(a[1], b[1], rel_tol=1e-6, abs_tol=1e-6)


def items_match(expected: list, predicted: list, intent: str, products) -> bool:
    if len(expected) != len(predicted):
        return False
    if len(expected) > 6:
        return False  # more items than any chat line carries; don't try every pairing
    ok = [[item_matches(e, p, intent, products) for p in predicted] for e in expected]
    return any(all(ok[i][j] for i, j in enumerate(perm)) for perm in itertools.permutations(range(len(predicted))))


def score(rows: list[dict], predictions: dict[str, dict], products) -> dict[str, Counter]:
    table: dict[str, Counter] = {}
    for u in rows:
        p = predictions.get(u["id"], {})
        intent_ok = p.get("intent") == u["intent"]
        items_ok = items_match(u["items"], p.get("items") or [], u["intent"], products)
        for k in ("ALL", "lang=" + u["lang"], "intent=" + u["intent"]):
            c = table.setdefault(k, Counter())
            c["n"] += 1
            c["intent_ok"] += intent_ok
            c["lang_ok"] += p.get("lang") == u["lang"]
            if u["intent"] in ITEM_INTENTS:
                c["item_n"] += 1
                c["items_ok"] += items_ok
            c["exact"] += intent_ok and items_ok
    return table


def figures(table: dict[str, Counter]) -> dict[str, dict]:
    out = {}
    for k in sorted(table, key=lambda k: (k != "ALL", k)):
        c = table[k]
        out[k] = {"n": c["n"], "intent": round(c["intent_ok"] / c["n"], 4),
                  "items": round(c["items_ok"] / c["item_n"], 4) if c["item_n"] else None,
                  "exact": round(c["exact"] / c["n"], 4), "lang": round(c["lang_ok"] / c["n"], 4)}
    return out


def render(table: dict[str, Counter]) -> str:
    lines = [f"{'slice':24} {'n':>5} {'intent':>7} {'items':>7} {'exact':>7} {'lang':>7}"]
    for k, f in figures(table).items():
        items = f"{f['items']:.3f}" if f["items"] is not None else "-"
        lines.append(f"{k:24} {f['n']:5d} {f['intent']:7.3f} {items:>7} {f['exact']:7.3f} {f['lang']:7.3f}")
    return "\n".join(lines)
