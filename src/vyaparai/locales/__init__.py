"""Every sentence the bot says, per language: gettext catalogs in <lang>/LC_MESSAGES/vyaparai.po, plus money and numbers.

The msgid of each message is a symbolic key ("order_placed"); the msgstr is the sentence, with
Python brace placeholders ("Total {total}"). English is the source and the fallback.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from numbers import Real
from pathlib import Path
from types import MappingProxyType

from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal

logger = logging.getLogger(__name__)

SUPPORTED = ("en", "hi", "hinglish", "ta", "te", "bn", "mr", "gu", "kn", "ml", "pa")
DEFAULT = "en"
DOMAIN = "vyaparai"

# What each language calls itself, for menus and the language switch.
LANGUAGE_NAMES = {
    "en": "English", "hi": "हिन्दी", "hinglish": "Hinglish", "ta": "தமிழ்", "te": "తెలుగు", "bn": "বাংলা",
    "mr": "मराठी", "gu": "ગુજરાતી", "kn": "ಕನ್ನಡ", "ml": "മലയാളം", "pa": "ਪੰਜਾਬੀ",
}
ENGLISH_NAMES = {
    "en": "English", "hi": "Hindi", "hinglish": "Hinglish", "ta": "Tamil", "te": "Telugu", "bn": "Bengali",
    "mr": "Marathi", "gu": "Gujarati", "kn": "Kannada", "ml": "Malayalam", "pa": "Punjabi",
}

# CLDR locales for numbers. Babel defaults to Latin digits, which is what people type on WhatsApp;
# the explicit patterns below give every language Indian grouping (CLDR's ta and mr do not).
_NUMBER_LOCALES = {
    "en": "en_IN", "hi": "hi_IN", "hinglish": "hi_Latn_IN", "ta": "ta_IN", "te": "te_IN", "bn": "bn_IN",
    "mr": "mr_IN", "gu": "gu_IN", "kn": "kn_IN", "ml": "ml_IN", "pa": "pa_Guru_IN",
}
_RUPEES_WHOLE = "¤#,##,##0"
_RUPEES_PAISE = "¤#,##,##0.00"
_QUANTITY = "#,##,##0.###"  # quantities are thousandths of a pack, so three decimals are exact

# What str.format raises when a sentence and its parameters do not fit each other.
_FORMAT_ERRORS = (KeyError, IndexError, ValueError, AttributeError, TypeError)


class Catalogs:
    """The message catalogs under one directory, each read on first use and then kept."""

    def __init__(self, root: Traversable | Path, domain: str = DOMAIN) -> None:
        self._root = root
        self._domain = domain
        self._loaded: dict[str, Mapping[str, str]] = {}

    def messages(self, lang: str | None) -> Mapping[str, str]:
        """key -> sentence for one language; empty for a language we do not have."""
        if lang not in SUPPORTED:
            return MappingProxyType({})
        if lang not in self._loaded:
            self._loaded[lang] = MappingProxyType(self._read(lang))
        return self._loaded[lang]

    def t(self, lang: str | None, key: str, /, **params: object) -> str:
        """The sentence `key` in `lang` with its placeholders filled; English when that fails, else the key."""
        own = self.messages(lang).get(key) if lang != DEFAULT else None
        if own is not None:
            try:
                return own.format(**params)
            except _FORMAT_ERRORS as exc:
                logger.warning("message %r in %r does not fit its parameters (%r); using English", key, lang, exc)
        english = self.messages(DEFAULT).get(key)
        if english is None:
            logger.warning("no message %r in any language", key)
            return key
        try:
            return english.format(**params)
        except _FORMAT_ERRORS as exc:
            logger.warning("English message %r does not fit its parameters (%r)", key, exc)
            return key

    def _read(self, lang: str) -> dict[str, str]:
        source = self._root / lang / "LC_MESSAGES" / f"{self._domain}.po"
        try:
            with source.open("rb") as f:
                catalog = read_po(f, domain=self._domain)
        except FileNotFoundError:
            logger.warning("no message catalog for %r at %s", lang, source)
            return {}
        # Untranslated and fuzzy entries fall back to English, as gettext does.
        return {m.id: m.string for m in catalog
                if isinstance(m.id, str) and m.id and isinstance(m.string, str) and m.string and not m.fuzzy}


_catalogs = Catalogs(resources.files(__name__))


def t(lang: str | None, key: str, /, **params: object) -> str:
    """The bot's sentence `key` in the customer's language, e.g. t("hi", "cart_total", total="₹250")."""
    return _catalogs.t(lang, key, **params)


def messages(lang: str | None) -> Mapping[str, str]:
    """Every sentence of one language, by key (read-only)."""
    return _catalogs.messages(lang)


def money(paise: int, lang: str | None = DEFAULT) -> str:
    """₹14, ₹1,234.50, ₹1,23,456: whole rupees without decimals, otherwise two."""
    if not isinstance(paise, int):
        raise TypeError(f"money() takes integer paise, not {type(paise).__name__}")
    return _money(paise, _number_locale(lang))


# A shop's prices and totals repeat all day, and babel's formatting was 5 % of a turn's CPU.
@lru_cache(maxsize=8192)
def _money(paise: int, locale: str) -> str:
    pattern = _RUPEES_WHOLE if paise % 100 == 0 else _RUPEES_PAISE
    return format_currency(Decimal(paise).scaleb(-2), "INR", format=pattern, locale=locale, currency_digits=False)


def number(x: Real | Decimal, lang: str | None = DEFAULT) -> str:
    """A quantity as a person writes it: 2, 0.25, 1.5, 1,00,000."""
    return _number(x, _number_locale(lang))


# Quantities repeat as prices do; one babel format_decimal costs about as much as a SQL round trip.
@lru_cache(maxsize=8192)
def _number(x: Real | Decimal, locale: str) -> str:
    return format_decimal(x, format=_QUANTITY, locale=locale)


def _number_locale(lang: str | None) -> str:
    return _NUMBER_LOCALES.get(lang or DEFAULT, _NUMBER_LOCALES[DEFAULT])
