"""The example sets in eval/ work in a clone: they name products the demo catalog has, and the README's
eval command scores every message of them."""
import json
from pathlib import Path

from vyaparai.catalog.csvrecords import read_records
from vyaparai.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
DEMO_CATALOG = ROOT / "src/vyaparai/catalog/data/demo_catalog.csv"
LANGS = {"en", "hi", "hinglish", "ta", "te", "bn", "mr", "gu", "kn", "ml", "pa"}


def _lines(name):
    return [json.loads(line) for line in (ROOT / "eval" / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_labelled_product_is_in_the_demo_catalog_in_a_unit_it_sells_in():
    products = {r.sku: r for r in read_records(DEMO_CATALOG)}
    for row in _lines("utterances.jsonl"):
        for item in row["items"]:
            for sku in [item["sku"], *item.get("alt_skus", [])]:
                assert sku in products, (row["id"], sku)
    for chat in _lines("conversations.jsonl"):
        order = chat["expect"]["order"]
        for sku in chat["expect"].get("never_sku", []):
            assert sku in products, (chat["id"], sku)
        for item in (order or {}).get("items", []):
            product = products.get(item["sku"])
            assert product is not None, (chat["id"], item["sku"])
            # loose goods by weight or volume in kg / l; everything else (eggs, lemons too) in packs
            by_measure = product.loose and product.unit in ("kg", "l")
            assert item["unit"] == (product.unit if by_measure else "pack"), (chat["id"], item)


def test_the_sets_cover_all_eleven_languages():
    assert {row["lang"] for row in _lines("utterances.jsonl")} == LANGS
    assert {chat["lang"] for chat in _lines("conversations.jsonl")} == LANGS


def test_the_readme_eval_command_scores_every_message(capsys):
    code = main(["eval", "--catalog", str(DEMO_CATALOG), "--utterances", str(ROOT / "eval/utterances.jsonl"),
                 "--no-aliases", "--json"])
    figures = json.loads(capsys.readouterr().out)
    assert code == 0
    assert figures["ALL"]["n"] == len(_lines("utterances.jsonl"))
    assert figures["ALL"]["intent"] > 0.5  # a wrong label format would score near zero
