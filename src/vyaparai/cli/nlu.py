"""`vyaparai understand` and `vyaparai eval`: offline language understanding and matching on a catalog CSV."""
from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

from vyaparai.catalog.csvrecords import read_records
from vyaparai.catalog.lines import order_line
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.cli import nlu_scoring
from vyaparai.nlu.pipeline import understand


def register(sub) -> None:
    p = sub.add_parser("understand", help="read JSON lines {id, text} on stdin, print what each one asks for")
    p.add_argument("--catalog", required=True, type=Path, help="catalog CSV (the import columns)")
    p.set_defaults(handler=run_understand)
    p = sub.add_parser("eval", help="score understanding and matching against a labelled JSONL file")
    p.add_argument("--catalog", required=True, type=Path)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--utterances", type=Path, help="labelled messages, one JSON object a line")
    what.add_argument("--conversations", type=Path, help="whole chats, run through the web chat against a fresh store")
    p.add_argument("--no-aliases", action="store_true",
                   help="ignore the catalog's aliases (as a store that typed none would have it)")
    p.add_argument("--only", metavar="ID|LANG", help="with --conversations: only chats with this id, id prefix or lang")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(handler=run_eval)


def predict(text: str, index: ProductIndex) -> dict:
    """{"lang", "intent", "items": [{"sku", "qty", "unit"[, "mode"]}]} for one message."""
    u = understand(text, index.vocabulary())
    items = []
    for mention in u.items:
        match = index.match(mention)
        if not match.candidates:
            continue
        product = match.product or match.candidates[0][0]
        if mention.qty is None and any(i["sku"] == product.sku for i in items):
            continue  # "a packet of jeera, the Everest one": the second mention only names the first
        line = order_line(mention, product, removing=u.intent == "remove_item")
        item = {"sku": line.sku, "qty": line.qty, "unit": line.unit}
        if line.mode == "delta":
            item["mode"] = "delta"
        items.append(item)
    return {"lang": u.lang, "intent": u.intent, "items": items}


def run_understand(args) -> int:
    index = ProductIndex.build(read_records(args.catalog))
    for line in sys.stdin:
        if not line.strip():
            continue
        row = json.loads(line)
        out = {"id": row.get("id"), **predict(row.get("text", ""), index)}
        print(json.dumps(out, ensure_ascii=False), flush=False)
    sys.stdout.flush()
    return 0


def run_eval(args) -> int:
    if args.conversations is not None:
        from vyaparai.cli.conversation_eval import run_conversations  # imports the whole web app

        return run_conversations(args)
    records = read_records(args.catalog)
    if args.no_aliases:
        records = [replace(r, aliases=()) for r in records]
    index = ProductIndex.build(records)
    rows = [json.loads(line) for line in args.utterances.read_text(encoding="utf-8").splitlines() if line.strip()]
    predictions = {row["id"]: predict(row["text"], index) for row in rows}
    table = nlu_scoring.score(rows, predictions, {r.sku: r for r in records})
    if args.json:
        print(json.dumps(nlu_scoring.figures(table), indent=2))
    else:
        print(nlu_scoring.render(table))
    return 0
