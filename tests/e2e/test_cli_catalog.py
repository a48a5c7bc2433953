"""The operator's commands, run as a real `python -m vyaparai` process against a SQLite file."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.fixture
def vyaparai(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'shop.db'}"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "vyaparai", *args], env=env, cwd=tmp_path,
                              capture_output=True, text=True, encoding="utf-8", timeout=60)

    assert run("migrate").returncode == 0
    return run


def test_operator_registers_a_store_and_imports_a_catalog_with_a_bad_line(vyaparai, tmp_path):
    created = vyaparai("store", "create", "--code", "sharma2", "--name", "Sharma Kirana",
                       "--owner-phone", "98765 43210", "--owner-password", "kirana-2024")
    assert created.returncode == 0, created.stderr
    assert "created store SHARMA2" in created.stdout and "+919876543210" in created.stdout

    catalog = tmp_path / "catalog.csv"
    catalog.write_text(
        "\ufeffsku,name,brand,category,unit,pack_size,price_inr,aliases,stock\r\n"
        'SUGAR,"Sugar (loose, per kg)",,staples,kg,1,46,cheeni|चीनी,20\r\n'
        "EGGS,Eggs,,eggs,dozen,1,84,,5\r\n"
        "MAGGI-70,Maggi 70 g,Maggi,noodles,g,70,15,,48\r\n",
        encoding="utf-8", newline="",
    )
    partial = vyaparai("catalog", "import", "--store", "SHARMA2", str(catalog))
    assert partial.returncode == 1
    assert "line 3: unit: 'dozen' is not one of kg, g, l, ml, piece" in partial.stdout
    assert "2 products created, 0 updated" in partial.stdout

    duplicate = vyaparai("store", "create", "--code", "SHARMA2", "--name", "Copy", "--owner-phone", "9876543210")
    assert duplicate.returncode == 1
    assert "a store with code SHARMA2 already exists" in duplicate.stderr


def test_import_that_can_import_nothing_exits_2_and_unknown_store_exits_1(vyaparai, tmp_path):
    vyaparai("store", "create", "--code", "VERMA", "--name", "Verma Stores", "--owner-phone", "9876543210")
    no_price = tmp_path / "no_price.csv"
    no_price.write_text("sku,name,brand,category,unit,pack_size\nA,Atta,,staples,kg,1\n", encoding="utf-8")

    nothing = vyaparai("catalog", "import", "--store", "VERMA", str(no_price))
    assert nothing.returncode == 2
    assert "missing required column(s): price_inr" in nothing.stderr

    unknown = vyaparai("catalog", "import", "--store", "NOBODY", str(no_price))
    assert unknown.returncode == 1
    assert "no store with code 'NOBODY'" in unknown.stderr
