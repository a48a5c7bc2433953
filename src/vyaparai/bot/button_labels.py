"""Typed text that equals a button the bot just offered is that button ("Yes", "ஆம்", "Place order")."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from vyaparai import locales
from vyaparai.bot.turn import Turn

# The sentence key of each fixed button, so its label can be recognised in any of the 11 languages.
BUTTON_KEYS = {"yes": "button_yes", "no": "button_no", "checkout": "button_place_order", "cart": "button_view_cart",
               "pay:cod": "pay_cod", "pay:online": "pay_online", "cancel": "button_cancel"}
OFFERED = "offered"  # conversation.data key: the buttons of the last reply that had any
_NOT_LETTERS = regex.compile(r"[^\p{L}\p{M}\p{N}]+")


def remember_buttons(turn: Turn) -> None:
    """Keep the last reply's buttons with the conversation, so a typed label can be read as a tap."""
    offered = next(([{"id": b.id, "title": b.title} for b in r.buttons] for r in reversed(turn.replies) if r.buttons),
                   None)
    data = dict(turn.conversation.data or {})
    if offered is None and not turn.replies:
        return  # nothing was said: what was offered before still stands
    if offered:
        data[OFFERED] = offered
    else:
        data.pop(OFFERED, None)
    turn.conversation.data = data


def typed_button(turn: Turn, text: str) -> str | None:
    """The id of the offered button whose label (in any language) the text spells, or None."""
    typed = _plain(text)
    if not typed:
        return None
    for button in (turn.conversation.data or {}).get(OFFERED) or []:
        labels = {_plain(button.get("title", ""))}
        key = BUTTON_KEYS.get(button.get("id", ""))
        if key:
            labels |= {_plain(locales.t(lang, key)) for lang in locales.SUPPORTED}
        if typed in labels:
            return button.get("id")
    return None


@lru_cache(maxsize=4096)  # every message is held against each offered label in all 11 languages
def _plain(text: str) -> str:
    return _NOT_LETTERS.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()
