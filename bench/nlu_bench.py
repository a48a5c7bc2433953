"""Speed of understanding + matching, index build time and index memory on synthetic catalogs.

    .venv/bin/python bench/nlu_bench.py [--sizes 1000 10000 100000] [--messages 2000]

Targets at 10,000 products: p50 <= 2 ms, p99 <= 10 ms per message, build <= 2 s, memory <= 100 MB.
"""
from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
import tracemalloc

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu import lexicon
from vyaparai.nlu.pipeline import understand

_SYLLABLES = "ka ri mo na su pa le ti go ra ve di ba lo mi sha ne ta ru ho".split()
_VARIANTS = "gold classic premium lite active fresh masala plain spicy special royal green blue".split()
_SIZES = [("g", 100), ("g", 200), ("g", 500), ("kg", 1), ("kg", 5), ("ml", 500), ("l", 1), ("piece", 1)]
_TEMPLATES = [
    "{n} kilo {w}", "{w} {n} packet bhej do", "मुझे दो किलो चीनी चाहिए", "ரெண்டு லிட்டர் பால்",
    "{b} {w} {n} pack", "aadha kilo {w} aur ek {b}", "{b} {v} 1 kg wala do", "show my cart", "cancel 1042",
    "{w} hata do", "2 kg {w}, 1 {b} {w}, paav kilo {w2}", "where is my order?", "{b} nahi, {b2} chahiye",
]


def synthetic_catalog(size: int, rng: random.Random) -> list[ProductRecord]:
    """Products named like a real inventory: brand + variant + lexicon concept + size."""
    concepts = [words[0] for words in lexicon.load().english.values() if words]
    brands = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).title() for _ in range(size // 8 + 10)]
    records = []
    for i in range(size):
        unit, pack = rng.choice(_SIZES)
        brand = rng.choice(brands) if rng.random() < 0.8 else ""
        name = " ".join(x for x in (brand, rng.choice(_VARIANTS) if rng.random() < 0.5 else "",
                                    rng.choice(concepts).title(), f"{pack}{unit}") if x)
        base = pack * (1000 if unit in ("kg", "l") else 1)
        records.append(ProductRecord(sku=f"P{i}", name=name, unit=unit, pack_base=base, price_paise=rng.randint(500, 90000),
                                     brand=brand, loose=not brand, stock_milli=rng.choice([0, 5000, 100000])))
    return records


def messages(records: list[ProductRecord], count: int, rng: random.Random) -> list[str]:
    concept_words = [k for k in lexicon.load().concepts_of if " " not in k]
    out = []
    for _ in range(count):
        b, b2 = rng.choice(records).brand or "amul", rng.choice(records).brand or "tata"
        out.append(rng.choice(_TEMPLATES).format(n=rng.randint(1, 5), w=rng.choice(concept_words),
                                                 w2=rng.choice(concept_words), b=b, b2=b2,
                                                 v=rng.choice(_VARIANTS)))
    return out


def run(size: int, count: int) -> dict[str, float]:
    rng = random.Random(size)
    records = synthetic_catalog(size, rng)
    lexicon.load()
    gc.collect()
    start = time.perf_counter()
    index = ProductIndex.build(records)
    vocabulary = index.vocabulary()
    build = time.perf_counter() - start
    del index, vocabulary
    gc.collect()
    tracemalloc.start()  # a second build under tracemalloc, which slows allocation too much to time
    index = ProductIndex.build(records)
    vocabulary = index.vocabulary()
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    texts = messages(records, count, rng)
    for text in texts[:50]:  # warm the lazily loaded tables
        _handle(text, index, vocabulary)
    timings = []
    for text in texts:
        t0 = time.perf_counter()
        _handle(text, index, vocabulary)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    return {"products": size, "build_s": build, "memory_mb": memory / 2**20,
            "p50_ms": statistics.median(timings), "p99_ms": timings[int(len(timings) * 0.99) - 1]}


def _handle(text: str, index: ProductIndex, vocabulary) -> None:
    u = understand(text, vocabulary)
    for mention in u.items:
        index.match(mention)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--messages", type=int, default=2000)
    args = parser.parse_args()
    print(f"{'products':>9} {'build s':>8} {'index MB':>9} {'p50 ms':>7} {'p99 ms':>7}")
    for size in args.sizes:
        r = run(size, args.messages)
        print(f"{r['products']:9d} {r['build_s']:8.2f} {r['memory_mb']:9.1f} {r['p50_ms']:7.2f} {r['p99_ms']:7.2f}",
              flush=True)


if __name__ == "__main__":
    main()
