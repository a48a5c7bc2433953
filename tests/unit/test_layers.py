"""The import direction of DESIGN.md, checked on every run: a wrong-way import fails the build."""
from pathlib import Path

from importlinter.application.use_cases import lint_imports

ROOT = Path(__file__).resolve().parents[2]


def test_no_package_imports_a_higher_layer(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert lint_imports(cache_dir=None) is True, "see the contracts in pyproject.toml [tool.importlinter]"
