"""`vyaparai eval --conversations`: whole chats through the real web chat against a fresh store."""
import json

from vyaparai.cli.main import main

CATALOG = """sku,name,brand,category,unit,pack_size,price_inr
SUGAR-LOOSE,"Sugar (loose, per kg)",,staples,kg,1,46
MAGGI-70,Maggi Masala Noodles 70g,Maggi,packaged_food,g,70,14
"""
PASSES = {"id": "cv-en-1", "lang": "en", "turns": [
    {"text": "half kg sugar and 2 maggi"}, {"text": "how much is maggi?", "reply_has": ["₹14"]},
    {"text": "order"}, {"tap": 1}, {"text": "Flat 2, Lake View, Pune 411001"}, {"text": "online"}],
    "expect": {"order": {"items": [{"sku": "SUGAR-LOOSE", "qty": 0.5, "unit": "kg"},
                                   {"sku": "MAGGI-70", "qty": 2, "unit": "pack"}],
                         "payment": "online", "address_has": "Lake View"}, "reply_script": "Latin"}}
FAILS = {"id": "cv-en-2", "lang": "en", "turns": [{"text": "1 maggi"}, {"text": "order"}, {"text": "yes"}],
         "expect": {"order": {"items": [{"sku": "MAGGI-70", "qty": 1, "unit": "pack"}], "payment": "cod"}}}


def run(tmp_path, capsys, *chats, extra=()):
    (tmp_path / "catalog.csv").write_text(CATALOG, encoding="utf-8")
    (tmp_path / "chats.jsonl").write_text("\n".join(json.dumps(c) for c in chats), encoding="utf-8")
    code = main(["eval", "--catalog", str(tmp_path / "catalog.csv"), "--conversations",
                 str(tmp_path / "chats.jsonl"), *extra])
    return code, capsys.readouterr().out


def test_a_chat_that_ends_in_the_expected_order_passes_and_one_that_never_orders_fails(tmp_path, capsys):
    code, out = run(tmp_path, capsys, PASSES, FAILS, extra=["--json"])
    figures = json.loads(out)
    assert code == 0
    assert (figures["chats"], figures["passed"]) == (2, 1)
    assert figures["failed"] == [{"id": "cv-en-2", "problems": ["expected one order, 0 placed"]}]


def test_a_failing_chat_is_printed_with_its_transcript(tmp_path, capsys):
    _code, out = run(tmp_path, capsys, FAILS)
    assert "=== cv-en-2 (en) FAILED" in out and "  > 1 maggi" in out and "Maggi Masala Noodles 70g" in out
    assert "lang=en" in out


def test_only_runs_the_chats_asked_for(tmp_path, capsys):
    code, out = run(tmp_path, capsys, PASSES, FAILS, extra=["--only", "cv-en-1", "--json"])
    assert json.loads(out)["chats"] == 1


def test_no_aliases_runs_on_a_shop_list_that_has_no_aliases_column(tmp_path, capsys):
    code, out = run(tmp_path, capsys, PASSES, extra=["--no-aliases", "--json"])
    assert code == 0
    assert json.loads(out)["passed"] == 1
