"""Every sentence the panel shows has a Hindi translation with the same placeholders."""
import re
from pathlib import Path

from babel.messages.extract import extract
from jinja2.ext import babel_extract

from vyaparai.web.panel import i18n

PANEL = Path(i18n.__file__).parent
TEMPLATES = PANEL.parent / "templates" / "panel"
# The operator console (web/admin) speaks through the panel's translator and its panel.po.
ADMIN = PANEL.parent / "admin"
ADMIN_TEMPLATES = PANEL.parent / "templates" / "admin"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def panel_msgids() -> set[str]:
    found = set()
    for path in sorted([*TEMPLATES.glob("*.html"), *ADMIN_TEMPLATES.glob("*.html")]):
        with path.open("rb") as f:
            # A call with keyword arguments comes out as (msgid, None, ...).
            found |= {_first(m[2]) for m in babel_extract(f, ("_",), [], {}) if _first(m[2])}
    for path in sorted([*PANEL.glob("*.py"), *ADMIN.glob("*.py")]):
        with path.open("rb") as f:
            found |= {_first(m[1]) for m in extract("python", f, keywords={"_": None, "self": None})
                      if _first(m[1])}
    return found


def _first(message) -> str | None:
    text = message[0] if isinstance(message, tuple) else message
    return text if isinstance(text, str) and text else None


def test_the_panel_has_sentences_to_translate():
    ids = panel_msgids()
    assert {"Open orders", "Log in", "Order #{number} is now {status}. The customer has been told."} <= ids


def test_every_panel_sentence_has_a_hindi_translation():
    missing = sorted(panel_msgids() - set(i18n.messages("hi")))
    assert not missing, f"add these to locales/hi/LC_MESSAGES/panel.po: {missing}"


def test_hindi_keeps_the_placeholders_and_is_written_in_devanagari():
    for msgid, text in i18n.messages("hi").items():
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(msgid)), msgid
        assert re.search(r"[\u0900-\u097F]", text), f"{msgid!r} is not in Devanagari: {text!r}"


def test_a_sentence_falls_back_to_english_and_fills_its_placeholders():
    hi, en = i18n.Translator("hi"), i18n.Translator("en")
    assert en("Order #{number}", number=7) == "Order #7"
    assert hi("Order #{number}", number=7) != "Order #7" and "7" in hi("Order #{number}", number=7)
    assert hi("A sentence nobody translated") == "A sentence nobody translated"
    assert i18n.Translator("xx").lang == "en"


def test_the_browser_language_picks_hindi_only_when_asked_first():
    assert i18n._from_accept_language("hi-IN,hi;q=0.9,en;q=0.8") == "hi"
    assert i18n._from_accept_language("en-GB,en;q=0.9,hi;q=0.5") == "en"
    assert i18n._from_accept_language("fr;q=0.9,hi;q=0.4") == "hi"
    assert i18n._from_accept_language("") == "en"


def test_the_hindi_catalog_holds_no_sentence_the_panel_no_longer_says():
    unused = sorted(set(i18n.messages("hi")) - panel_msgids())
    assert not unused, f"remove these from locales/hi/LC_MESSAGES/panel.po: {unused}"
