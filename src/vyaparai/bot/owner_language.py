"""Which language each shop owner is answered in: the one they chose by chat, else the one they write in."""
from __future__ import annotations

from vyaparai.catalog.stores import InvalidStoreValue, normalize_phone
from vyaparai.db.models import Store

LANGUAGES = ("en", "hi", "hinglish", "ta", "te", "bn", "mr", "gu", "kn", "ml", "pa")


def owner_key(phone: str | None) -> str:
    """Owners are known by their phone as stored in Store.owner_phones."""
    try:
        return normalize_phone(phone or "")
    except InvalidStoreValue:
        return phone or ""


def owner_language(store: Store, phone: str | None) -> str:
    entry = (store.owner_languages or {}).get(owner_key(phone)) or {}
    return entry.get("lang") or store.default_language or "en"


def language_chosen(store: Store, phone: str | None) -> bool:
    return bool(((store.owner_languages or {}).get(owner_key(phone)) or {}).get("chosen"))


def remember_owner_language(store: Store, phone: str | None, lang: str, *, chosen: bool) -> None:
    if lang not in LANGUAGES:
        return
    # A new dict: the JSON column notices assignment, not changes inside it.
    store.owner_languages = {**(store.owner_languages or {}), owner_key(phone): {"lang": lang, "chosen": chosen}}


def says_enough(text: str) -> bool:
    """Enough to tell a language: native letters, or two words of Latin letters ("1042 packed" is not)."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    return any(ord(ch) > 0x2FF and ch.isalpha() for ch in text) or len(words) >= 2
