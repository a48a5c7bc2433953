"""The import direction of docs/architecture.md, checked on every run: a wrong-way import fails the build."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_package_imports_a_higher_layer():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr  # contracts: pyproject.toml [tool.importlinter]
    assert "0 broken" in done.stdout
