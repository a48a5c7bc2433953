"""The bot's sentences: complete in every language, placeholders intact, money and numbers in Indian style."""
from __future__ import annotations

import logging
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from vyaparai import locales
from vyaparai.locales import SUPPORTED, Catalogs, money, number, t

CATALOG_ROOT = Path(locales.__file__).parent
ENGLISH = dict(locales.messages("en"))
TRANSLATED = [lang for lang in SUPPORTED if lang != "en"]

# The letters each language is written in (Unicode blocks); Hinglish is Latin only.
SCRIPTS = {
    "hi": "\u0900-\u097f", "mr": "\u0900-\u097f", "bn": "\u0980-\u09ff", "pa": "\u0a00-\u0a7f",
    "gu": "\u0a80-\u0aff", "ta": "\u0b80-\u0bff", "te": "\u0c00-\u0c7f", "kn": "\u0c80-\u0cff", "ml": "\u0d00-\u0d7f",
}
# Titles that channels show on buttons; WhatsApp rejects reply buttons longer than 20 characters.
BUTTON_KEYS = ("button_place_order", "button_view_cart", "button_yes", "button_no", "button_cancel",
               "owner_accept", "owner_reject", "pay_cod", "pay_online", "pay_now")


def placeholders(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name is not None}


def po_path(lang: str) -> Path:
    return CATALOG_ROOT / lang / "LC_MESSAGES" / "vyaparai.po"


def write_po(root: Path, lang: str, entries: dict[str, str]) -> None:
    path = root / lang / "LC_MESSAGES" / "vyaparai.po"
    path.parent.mkdir(parents=True)
    body = "".join(f'msgid "{key}"\nmsgstr "{text}"\n\n' for key, text in entries.items())
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n' + body, encoding="utf-8")


# --- the catalogs ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", SUPPORTED)
def test_catalog_parses_without_errors(lang):
    with po_path(lang).open("rb") as f:
        catalog = read_po(f, abort_invalid=True)
    assert len([m for m in catalog if m.id]) == len(ENGLISH)


def test_english_has_every_sentence_the_bot_says():
    said = _keys_said_in_code()
    assert len(said) > 80
    assert said <= ENGLISH.keys(), f"no English for {sorted(said - ENGLISH.keys())}"
    assert {"greet", "order_placed", "owner_new_order", "status_out_for_delivery", "pay_link", "pay_now",
            "payment_received", "payment_failed", "owner_order_paid", "refund_started"} <= ENGLISH.keys()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_language_has_exactly_the_english_keys(lang):
    assert set(locales.messages(lang)) == set(ENGLISH)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translation_keeps_the_english_placeholders(lang):
    wrong = {key: sorted(placeholders(text)) for key, text in locales.messages(lang).items()
             if placeholders(text) != placeholders(ENGLISH[key])}
    assert wrong == {}


@pytest.mark.parametrize("lang", SUPPORTED)
def test_sentences_with_placeholders_are_flagged_python_brace_format(lang):
    text = po_path(lang).read_text(encoding="utf-8")
    flagged = set(re.findall(r'^#, .*python-brace-format.*\nmsgid "(\w+)"', text, flags=re.M))
    assert flagged == {key for key, sentence in ENGLISH.items() if placeholders(sentence)}


@pytest.mark.parametrize("lang", SCRIPTS)
def test_every_sentence_is_written_in_the_language_script(lang):
    own_letter = re.compile(f"[{SCRIPTS[lang]}]")
    untranslated = [key for key, text in locales.messages(lang).items()
                    if any(c.isalpha() for c in string.Formatter().vformat(text, (), _Blank()))
                    and not own_letter.search(text)]
    assert untranslated == []


def test_hinglish_is_in_latin_letters():
    assert [key for key, text in locales.messages("hinglish").items() if re.search("[\u0900-\u097f]", text)] == []


@pytest.mark.parametrize("lang", SUPPORTED)
def test_yes_no_hint_names_the_words_on_the_buttons(lang):
    hint = t(lang, "yes_no_hint").lower()
    assert t(lang, "button_yes").lower() in hint
    assert t(lang, "button_no").lower() in hint


@pytest.mark.parametrize("lang", SUPPORTED)
def test_button_titles_fit_whatsapp(lang):
    assert {key: t(lang, key) for key in BUTTON_KEYS if len(t(lang, key)) > 20} == {}


@pytest.mark.parametrize("lang, name", [
    ("en", "English"), ("hinglish", "Hinglish"), ("hi", "हिन्दी"), ("mr", "मराठी"), ("bn", "বাংলা"),
    ("gu", "ગુજરાતી"), ("pa", "ਪੰਜਾਬੀ"), ("ta", "தமிழ"), ("te", "తెలుగు"), ("kn", "ಕನ್ನಡ"), ("ml", "മലയാള"),
])
def test_language_switch_names_the_new_language_in_itself(lang, name):
    assert name in t(lang, "language_switched")


def test_every_language_has_a_name_of_its_own_and_in_english():
    assert set(locales.LANGUAGE_NAMES) == set(locales.ENGLISH_NAMES) == set(SUPPORTED)
    assert locales.LANGUAGE_NAMES["ta"] == "தமிழ்" and locales.ENGLISH_NAMES["ta"] == "Tamil"


# --- t() ------------------------------------------------------------------------------------------------------

def test_sentence_is_filled_in_the_customers_language():
    text = t("hinglish", "order_placed", number=1042, total=money(25000, "hinglish"), payment="cash on delivery")
    assert text.startswith("✅ Order #1042 place ho gaya! Total ₹250, cash on delivery.")


def test_unknown_language_gets_english():
    assert t("fr", "cart_empty") == t(None, "cart_empty") == "Your cart is empty. Tell me what you need."


def test_unknown_key_comes_back_as_the_key():
    assert t("hi", "no_such_message") == "no_such_message"


def test_missing_parameter_does_not_crash_and_is_logged(caplog):
    with caplog.at_level(logging.WARNING, logger="vyaparai.locales"):
        assert t("ta", "cart_total") == "cart_total"
    assert "cart_total" in caplog.text


def test_language_lacking_a_sentence_falls_back_to_english(tmp_path):
    write_po(tmp_path, "en", {"cart_empty": "Your cart is empty.", "greet": "Welcome to {store}."})
    write_po(tmp_path, "hi", {"greet": "{store} में स्वागत है।"})
    catalogs = Catalogs(tmp_path)
    assert catalogs.t("hi", "cart_empty") == "Your cart is empty."
    assert catalogs.t("hi", "greet", store="Sharma Kirana") == "Sharma Kirana में स्वागत है।"


def test_broken_translation_falls_back_to_english_with_a_warning(tmp_path, caplog):
    write_po(tmp_path, "en", {"cart_total": "Total: {total}"})
    write_po(tmp_path, "hi", {"cart_total": "कुल: {totl}"})
    with caplog.at_level(logging.WARNING, logger="vyaparai.locales"):
        assert Catalogs(tmp_path).t("hi", "cart_total", total="₹14") == "Total: ₹14"
    assert "cart_total" in caplog.text and "'hi'" in caplog.text


def test_fuzzy_translation_is_not_used(tmp_path):
    write_po(tmp_path, "en", {"button_yes": "Yes"})
    path = tmp_path / "hi" / "LC_MESSAGES" / "vyaparai.po"
    path.parent.mkdir(parents=True)
    path.write_text('#, fuzzy\nmsgid "button_yes"\nmsgstr "नहीं"\n', encoding="utf-8")
    assert Catalogs(tmp_path).t("hi", "button_yes") == "Yes"


# --- money and numbers ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("paise, shown", [
    (123450, "₹1,234.50"), (1400, "₹14"), (12345600, "₹1,23,456"), (5, "₹0.05"), (0, "₹0"), (1000000000, "₹1,00,00,000"),
])
def test_money_is_written_the_indian_way(paise, shown):
    assert money(paise, "en") == shown


@pytest.mark.parametrize("lang", SUPPORTED)
def test_money_looks_the_same_in_every_language(lang):
    assert money(12345650, lang) == "₹1,23,456.50"


def test_money_refuses_floats():
    with pytest.raises(TypeError):
        money(14.5, "en")


@pytest.mark.parametrize("x, shown", [(0.25, "0.25"), (2.0, "2"), (1.5, "1.5"), (250.00000000000003, "250"),
                                      (100000, "1,00,000")])
def test_number_drops_trailing_zeros(x, shown):
    assert number(x, "hi") == shown


class _Blank(dict):
    """Fills every placeholder with nothing, to see the words a sentence has of its own."""

    def __missing__(self, key: str) -> str:
        return ""


def _keys_said_in_code() -> set[str]:
    """Sentence keys named literally in the code: turn.say("key"), turn.line("key"), locales.t(lang, "key")..."""
    import re
    from pathlib import Path

    src = Path(locales.__file__).parents[1]
    pattern = re.compile(r'\.(?:say|line|t)\(\s*"(\w+)"|\blocales\.t\([^,()]+,\s*"(\w+)"'
                         r'|\.button\([^,()]+,\s*"(\w+)"|\b\w+_key="(\w+)"')
    keys = set()
    for path in src.rglob("*.py"):
        for m in pattern.finditer(path.read_text(encoding="utf-8")):
            keys.add(next(g for g in m.groups() if g))
    return keys
