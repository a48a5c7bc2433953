"""The chat page's first words: in the browser's language, complete in all 11, examples in the language's own letters."""
import re

import pytest

from vyaparai.locales import SUPPORTED
from vyaparai.web.chat_greeting import _catalogs, examples_for, greeting, page_language

SCRIPTS = {
    "hi": "\u0900-\u097f", "mr": "\u0900-\u097f", "bn": "\u0980-\u09ff", "pa": "\u0a00-\u0a7f",
    "gu": "\u0a80-\u0aff", "ta": "\u0b80-\u0bff", "te": "\u0c00-\u0c7f", "kn": "\u0c80-\u0cff", "ml": "\u0d00-\u0d7f",
}
KEYS = set(_catalogs.messages("en"))


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_language_has_all_the_pages_words(lang):
    assert KEYS == {"chat_examples", "chat_placeholder", "chat_send", "chat_network_problem"}
    assert set(_catalogs.messages(lang)) == KEYS


@pytest.mark.parametrize("lang", sorted(SCRIPTS))
def test_a_languages_examples_and_box_are_in_its_own_letters(lang):
    own = examples_for(lang)[:2]
    assert all(re.search(f"[{SCRIPTS[lang]}]", text) for text in (*own, greeting("Shop", lang).placeholder))


def test_every_page_also_offers_english_and_hindi():
    for lang in SUPPORTED:
        offered = examples_for(lang)
        assert len(offered) == len(set(offered)) >= 3
        assert any(e.isascii() for e in offered) and any(re.search("[\u0900-\u097f]", e) for e in offered)


@pytest.mark.parametrize(("header", "lang"), [
    ("hi-IN,hi;q=0.9,en;q=0.8", "hi"),
    ("fr-FR, ta;q=0.5, en;q=0.4", "ta"),
    ("en;q=0.2, kn;q=0.9", "kn"),
    ("ml;q=0, de", "en"),  # q=0 means "not this one"
    ("", "en"),
    ("garbage;;q=x, bn", "bn"),
])
def test_the_page_speaks_the_first_of_our_languages_the_browser_asks_for(header, lang):
    assert page_language(header) == lang
    assert greeting("Gupta General Store", header).lang == lang
