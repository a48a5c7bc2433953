"""Every sentence of the operator console has a Hindi translation in panel.po, with the same placeholders."""
from pathlib import Path

from babel.messages.extract import extract
from jinja2.ext import babel_extract

from tests.unit.test_panel_locales import PLACEHOLDER, _first
from vyaparai.web import admin
from vyaparai.web.panel import i18n

CONSOLE = Path(admin.__file__).parent
TEMPLATES = CONSOLE.parent / "templates" / "admin"


def console_msgids() -> set[str]:
    found = set()
    for path in sorted(TEMPLATES.glob("*.html")):
        with path.open("rb") as f:
            found |= {_first(m[2]) for m in babel_extract(f, ("_",), [], {}) if _first(m[2])}
    for path in sorted(CONSOLE.glob("*.py")):
        with path.open("rb") as f:
            found |= {_first(m[1]) for m in extract("python", f, keywords={"_": None}) if _first(m[1])}
    return found


def test_the_console_has_sentences_to_translate():
    assert {"Operator console", "Pause the store", "Give a reason for pausing the store."} <= console_msgids()


def test_every_console_sentence_has_a_hindi_translation():
    hindi = i18n.messages("hi")
    missing = sorted(console_msgids() - set(hindi))
    assert not missing, f"add these to locales/hi/LC_MESSAGES/panel.po: {missing}"
    for msgid in console_msgids():
        assert set(PLACEHOLDER.findall(hindi[msgid])) == set(PLACEHOLDER.findall(msgid)), msgid
