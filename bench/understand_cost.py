"""CPU a served message spends understanding its text and matching its items, in-process, no database.

usage: python bench/understand_cost.py [--messages 300] [--repeat 5] [--profile understand|match] [--catalog CSV]

The texts are the load bench's (bench/load_traffic.py: Hinglish order lines), the products the demo
catalog's (the store `serve_cost` and `load` seed). Each text is understood with the index's vocabulary
and each of its mentions matched once, on an index built for the pass (a turn matches a mention twice,
`bot/customer.py` to check it and `bot/cart_flow.py` to add it; the second comes from the index's memory);
the figure is the median over `--repeat`
passes of process CPU per message (µs), so the machine's other load moves it less than wall time would.
`--profile` runs cProfile over the understanding or the matching and prints the top functions.
"""
from __future__ import annotations

import argparse
import cProfile
import csv
import gc
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from load_traffic import order_lines  # noqa: E402

from vyaparai.catalog.csvrecords import parse_rows, read_records  # noqa: E402
from vyaparai.catalog.demo import demo_catalog_bytes  # noqa: E402
from vyaparai.catalog.matcher import ProductIndex  # noqa: E402
from vyaparai.nlu.normalize import normalize  # noqa: E402
from vyaparai.nlu.pipeline import understand  # noqa: E402


def demo_records():
    return list(parse_rows(csv.DictReader(io.StringIO(demo_catalog_bytes().decode("utf-8-sig")))))


def passes(texts, records, repeat: int):
    index = ProductIndex.build(records)
    vocabulary = index.vocabulary()
    understood = [understand(t, vocabulary) for t in texts]  # warm the word caches once, as a served process is
    mentions = [m for u in understood for m in (*u.items, *u.adds)]
    u_us, m_us = [], []
    for _ in range(repeat):
        # Each message's text is new to a server, and so is a mention to a fresh index: neither is timed from memory.
        getattr(normalize, "cache_clear", lambda: None)()
        index = ProductIndex.build(records)
        start = time.process_time()
        for t in texts:
            understand(t, vocabulary)
        middle = time.process_time()
        for m in mentions:
            index.match(m)
        end = time.process_time()
        u_us.append((middle - start) / len(texts) * 1e6)
        m_us.append((end - middle) / len(texts) * 1e6)
    return u_us, m_us, len(mentions)


def profile(what: str, texts, records, top: int) -> None:
    index = ProductIndex.build(records)
    vocabulary = index.vocabulary()
    mentions = [m for t in texts for u in (understand(t, vocabulary),) for m in (*u.items, *u.adds)]
    prof = cProfile.Profile()
    for _ in range(3):
        getattr(normalize, "cache_clear", lambda: None)()
        index = ProductIndex.build(records)
        prof.enable()
        if what == "understand":
            for t in texts:
                understand(t, vocabulary)
        else:
            for m in mentions:
                index.match(m)
        prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--catalog", help="a catalog CSV instead of the demo store's")
    parser.add_argument("--profile", choices=("understand", "match"))
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    records = read_records(args.catalog) if args.catalog else demo_records()
    texts = order_lines(args.messages)
    gc.freeze()  # the loaded data out of collection, as `serve` does
    if args.profile:
        profile(args.profile, texts, records, args.top)
        return 0
    u_us, m_us, mentions = passes(texts, records, args.repeat)
    print(f"{len(texts)} messages, {mentions} mentions, {len(records)} products, {args.repeat} passes")
    for name, figures in (("understanding", u_us), ("matching", m_us)):
        print(f"{name:14} µs/message: median {statistics.median(figures):7.1f}  "
              f"(passes {', '.join(f'{x:.0f}' for x in figures)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
