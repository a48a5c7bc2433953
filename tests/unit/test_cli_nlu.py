"""`vyaparai understand` and `vyaparai eval` on a small catalog file written by the test."""
import io
import json
import sys

from vyaparai.cli.main import main

CATALOG = """sku,name,brand,category,unit,pack_size,price_inr,aliases
SUG-LOOSE,"Sugar (loose, per kg)",,staples,kg,1,46,
MILK-500,Amul Taaza Toned Milk 500ml,Amul,dairy,ml,500,28,
MAGGI-70,Maggi Masala Noodles 70g,Maggi,snacks,g,70,14,
"""


def _run(argv, stdin_text, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin_text))
    assert main(argv) == 0
    return capsys.readouterr().out


def test_understand_prints_one_json_line_per_message(tmp_path, capsys, monkeypatch):
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(CATALOG, encoding="utf-8")
    lines = "\n".join(json.dumps({"id": i, "text": t}) for i, t in
                      [("a", "do kilo cheeni aur 2 packet doodh"), ("b", "maggi hata do"), ("c", "dudh ek packet kam karo")])
    out = [json.loads(x) for x in _run(["understand", "--catalog", str(catalog)], lines, capsys, monkeypatch).splitlines()]
    assert out[0] == {"id": "a", "lang": "hinglish", "intent": "add_items",
                      "items": [{"sku": "SUG-LOOSE", "qty": 2, "unit": "kg"}, {"sku": "MILK-500", "qty": 2, "unit": "pack"}]}
    assert out[1]["intent"] == "remove_item" and out[1]["items"] == [{"sku": "MAGGI-70", "qty": None, "unit": None}]
    assert out[2]["items"] == [{"sku": "MILK-500", "qty": -1, "unit": "pack", "mode": "delta"}]


def test_eval_scores_per_language_and_intent(tmp_path, capsys, monkeypatch):
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(CATALOG, encoding="utf-8")
    labelled = tmp_path / "u.jsonl"
    labelled.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "1", "text": "मुझे दो किलो चीनी चाहिए", "lang": "hi", "intent": "add_items",
         "items": [{"sku": "SUG-LOOSE", "qty": 2, "unit": "kg"}]},
        {"id": "2", "text": "show my cart", "lang": "en", "intent": "show_cart", "items": []},
        {"id": "3", "text": "send 5 pizzas", "lang": "en", "intent": "add_items",
         "items": [{"sku": "MAGGI-70", "qty": 5, "unit": "pack"}]},
    ]), encoding="utf-8")
    out = _run(["eval", "--catalog", str(catalog), "--utterances", str(labelled), "--json"], "", capsys, monkeypatch)
    figures = json.loads(out)
    assert figures["ALL"]["intent"] == 1.0
    assert figures["lang=hi"]["items"] == 1.0
    assert figures["lang=en"]["items"] == 0.0  # there is no pizza in the store
