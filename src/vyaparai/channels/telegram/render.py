"""OutboundMessage -> the sendMessage calls that show it on Telegram: escaped HTML, ≤4096 characters each.

Buttons become an inline keyboard (a tap comes back as a callback query with the button's id),
a link a URL button, and a request for the customer's phone a one-time "share my number" keyboard.
https://core.telegram.org/bots/api#sendmessage
"""
from __future__ import annotations

import html

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from vyaparai.bot.messages import Button, OutboundMessage

TEXT_MAX = 4096  # counted after the HTML entities are parsed, so the plain text is what is split
CALLBACK_DATA_MAX = 64  # bytes
SHORT_TITLES = 16  # up to three buttons this short share one row
ELLIPSIS = "…"


def render(message: OutboundMessage) -> list[dict]:
    """Keyword arguments for Bot.send_message, one dict per part; the keyboard rides on the last part."""
    parts = split_text(message.text.strip() or ELLIPSIS, TEXT_MAX)
    calls = [{"text": html.escape(part, quote=False), "parse_mode": "HTML"} for part in parts]
    markup = _keyboard(message)
    if markup is not None:
        calls[-1]["reply_markup"] = markup
    return calls


def split_text(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut at a line break, else a space, else anywhere."""
    pieces = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit + 1)
        if cut <= 0:
            cut = text.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip("\n ")
    pieces.append(text)
    return [p for p in pieces if p] or [ELLIPSIS]


def _keyboard(message: OutboundMessage):
    if message.meta.get("asks") == "phone":
        label = message.meta.get("share_label") or "📱"
        return ReplyKeyboardMarkup([[KeyboardButton(label, request_contact=True)]], resize_keyboard=True,
                                   one_time_keyboard=True)
    rows = _button_rows([b for b in message.buttons if _fits(b)])
    if message.link_url:
        rows.insert(0, [InlineKeyboardButton(message.link_title or message.link_url, url=message.link_url)])
    return InlineKeyboardMarkup(rows) if rows else None


def _fits(button: Button) -> bool:
    # Our ids are short ("pick:2", "accept:1042"); one too long for Telegram is better left out than cut.
    return 0 < len(button.id.encode()) <= CALLBACK_DATA_MAX


def _button_rows(buttons: list[Button]) -> list[list[InlineKeyboardButton]]:
    keys = [InlineKeyboardButton(b.title.strip() or b.id, callback_data=b.id) for b in buttons]
    if len(keys) <= 3 and all(len(b.title) <= SHORT_TITLES for b in buttons):
        return [keys] if keys else []
    return [[k] for k in keys]  # one per row: long product names stay readable
