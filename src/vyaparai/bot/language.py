"""Which language the bot answers in: the conversation keeps its language until the customer clearly
writes in another. A short "ok", a number or a product name ("Surf Excel Matic") is no switch. A customer
who types Latin letters is answered in Latin letters (English, or Hinglish on Hindi grammar words), even
when the words are Tamil or Bengali: "1kg thuvaram paruppu" reads as Tamil, but its writer may not read
Tamil script. The customer's preferred language follows, written when the turn ends (bot/turn_end.py)."""
from __future__ import annotations

import regex

from vyaparai.bot.turn import Turn
from vyaparai.nlu.langid import evidence
from vyaparai.nlu.script import SCRIPT_LANG, token_script
from vyaparai.nlu.types import Understanding

_WORD = regex.compile(r"[\p{L}\p{M}]+")
# States whose answers say nothing about the language: an address, a phone number.
_NEUTRAL_STATES = frozenset({"ask_address", "ask_phone"})
_LATIN_LANGUAGES = frozenset({"en", "hinglish"})  # the bot's languages written in Latin letters


def remember_language(turn: Turn, u: Understanding) -> None:
    conv = turn.conversation
    conv.language = next_language(u, conv.language, conv.state)


def next_language(u: Understanding, current: str | None, state: str | None = None) -> str:
    """The language of the replies after this message, in a chat that was answered in `current`."""
    if u.intent == "change_language" and u.target_lang:
        return u.target_lang  # asked for by name: in its own script
    if current is None:
        return reply_language(u)
    if state not in _NEUTRAL_STATES and u.lang != current and switches(u, current):
        return reply_language(u)
    return current


def reply_language(u: Understanding) -> str:
    """The message's language as the bot can write it to this customer: a regional language read from
    Latin letters is answered in the Latin-letter language its grammar words lean to."""
    words = _WORD.findall(u.text)
    if u.lang in _LATIN_LANGUAGES or any((token_script(w) or "Latn") != "Latn" for w in words):
        return u.lang
    hindi = evidence(words, "hinglish")  # "bhaiya" in a Tamil line is a courtesy: it makes no Hinglish speaker
    return "hinglish" if hindi > evidence(words, "en") and hindi >= evidence(words, u.lang) else "en"


def switches(u: Understanding, current: str) -> bool:
    """Does this message clearly speak `u.lang` rather than the conversation's `current` language?"""
    words = _WORD.findall(u.text)
    native = sum((token_script(w) or "Latn") != "Latn" for w in words)
    if native and 2 * native >= len(words) and _native_script(u.lang):
        if _native_script(current) != _native_script(u.lang):
            return True  # mostly letters of another Indian script
        # Hindi and Marathi share theirs: the new one's own grammar words must say so - or, from Hindi to
        # Marathi, any Marathi word or letter with no Hindi word beside it (डाळ द्या, गूळ), since Devanagari
        # reads as Hindi until Marathi shows.
        said, before = evidence(words, u.lang), evidence(words, current)
        if current == "hi" and u.lang == "mr" and said and not before:
            return True
        return said >= 2 and said > before
    # Latin letters: a switch only on the new language's grammar words, more of them than the old one's.
    said = evidence(words, u.lang)
    return said >= 2 and said > evidence(words, current)


def _native_script(lang: str) -> str | None:
    return "Deva" if lang == "mr" else next((s for s, code in SCRIPT_LANG.items() if code == lang), None)
