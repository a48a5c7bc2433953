"""`vyaparai admin create|list`, run as a real process against a SQLite file."""
from __future__ import annotations

from tests.e2e.test_cli_catalog import vyaparai  # noqa: F401  (fixture)


def test_an_operator_is_created_once_and_listed(vyaparai):  # noqa: F811
    assert "no operators yet" in vyaparai("admin", "list").stdout
    created = vyaparai("admin", "create", "--phone", "98000 11122", "--password", "console pass 2026")
    assert created.returncode == 0, created.stderr
    assert "created operator +919800011122" in created.stdout and "/admin/login" in created.stdout

    again = vyaparai("admin", "create", "--phone", "+91 98000-11122", "--password", "another password")
    assert again.returncode == 1
    assert again.stderr.strip() == "vyaparai: an operator with phone +919800011122 already exists"
    listed = vyaparai("admin", "list")
    assert listed.returncode == 0 and listed.stdout.count("+919800011122") == 1
    assert "console pass" not in listed.stdout


def test_a_bad_phone_or_short_password_is_refused_with_a_sentence(vyaparai):  # noqa: F811
    short = vyaparai("admin", "create", "--phone", "9800011122", "--password", "short")
    assert short.returncode == 1 and "at least 8 characters" in short.stderr
    bad = vyaparai("admin", "create", "--phone", "12", "--password", "long enough pass")
    assert bad.returncode == 1 and "not a phone number" in bad.stderr
    assert "no operators yet" in vyaparai("admin", "list").stdout
