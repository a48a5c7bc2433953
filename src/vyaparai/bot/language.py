"""Which language the bot answers in: the conversation keeps its language until the customer clearly
writes in another. A short "ok", a number or a product name ("Surf Excel Matic") is no switch. The customer's
preferred language follows, written when the turn ends (bot/turn_end.py)."""
from __future__ import annotations

import regex

from vyaparai.bot.turn import Turn
from vyaparai.nlu.langid import evidence
from vyaparai.nlu.script import SCRIPT_LANG, token_script
from vyaparai.nlu.types import Understanding

_WORD = regex.compile(r"[\p{L}\p{M}]+")
# States whose answers say nothing about the language: an address, a phone number.
_NEUTRAL_STATES = frozenset({"ask_address", "ask_phone"})


def remember_language(turn: Turn, u: Understanding) -> None:
    conv = turn.conversation
    if u.intent == "change_language" and u.target_lang:
        conv.language = u.target_lang
    elif conv.language is None:
        conv.language = u.lang
    elif conv.state not in _NEUTRAL_STATES and u.lang != conv.language and switches(u, conv.language):
        conv.language = u.lang


def switches(u: Understanding, current: str) -> bool:
    """Does this message clearly speak `u.lang` rather than the conversation's `current` language?"""
    words = _WORD.findall(u.text)
    native = sum((token_script(w) or "Latn") != "Latn" for w in words)
    if native and 2 * native >= len(words) and _native_script(u.lang):
        if _native_script(current) != _native_script(u.lang):
            return True  # mostly letters of another Indian script
        # Hindi and Marathi share theirs: the new one's own grammar words must say so.
        said = evidence(words, u.lang)
        return said >= 2 and said > evidence(words, current)
    # Latin letters: a switch only on the new language's grammar words, more of them than the old one's.
    said = evidence(words, u.lang)
    return said >= 2 and said > evidence(words, current)


def _native_script(lang: str) -> str | None:
    return "Deva" if lang == "mr" else next((s for s, code in SCRIPT_LANG.items() if code == lang), None)
