"""A Telegram update (JSON) -> at most one InboundMessage, read with python-telegram-bot's types.

Each bot has its own update_id sequence and chat ids are the same person across bots, so the
message id is "<bot id>:<update id>" and the sender "<bot id>:<chat id>": a reply then names the
bot it goes out through.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from telegram import Message, Update

from vyaparai.bot.messages import InboundMessage, Location

logger = logging.getLogger(__name__)

CHANNEL = "telegram"
# The bot's commands (setMyCommands) as the buttons they stand for; /start is the customer's hello.
COMMAND_BUTTONS = {"cart": "cart", "order": "checkout", "help": "help"}
GREETING = "namaste"  # /start: understood as a greeting in every language the bot speaks
OWNER_COMMAND = "owner"  # /owner PHONE [CODE]: link this chat to a shop owner (handled before the bot)
MEDIA_KINDS = (("voice", "audio"), ("audio", "audio"), ("photo", "image"), ("video", "video"),
               ("video_note", "video"), ("animation", "video"), ("sticker", "sticker"), ("document", "document"))


class UpdateShapeError(ValueError):
    """The body is not JSON, or not shaped like a Telegram Update."""


@dataclass(frozen=True)
class Callback:
    """A tapped inline button: answered with answerCallbackQuery, and its keyboard taken away."""

    query_id: str
    chat_id: int | None
    message_id: int | None


@dataclass(frozen=True)
class ParsedUpdate:
    update_id: int
    message: InboundMessage | None = None
    callback: Callback | None = None
    command: tuple[str, str] | None = None  # (name, argument) for commands handled outside the bot
    chat_id: int | None = None  # where a command came from
    ignored: str | None = None  # why there is nothing to do (an edited message, a bot joining a group)


def sender_of(bot_id: str, chat_id: int | str) -> str:
    return f"{bot_id}:{chat_id}"


def split_sender(sender: str) -> tuple[str, str]:
    """("<bot id>", "<chat id>") from a sender/recipient written by sender_of."""
    bot_id, _, chat_id = sender.partition(":")
    if not bot_id or not chat_id:
        raise ValueError(f"not a Telegram recipient: {sender!r}")
    return bot_id, chat_id


def parse_update(raw_body: bytes, bot_id: str) -> ParsedUpdate:
    try:
        data = json.loads(raw_body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UpdateShapeError(f"not JSON: {e}") from None
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        raise UpdateShapeError("expected an object with an integer 'update_id'")
    try:
        update = Update.de_json(_tolerant(data), None)
    except (TypeError, ValueError, KeyError, AttributeError) as e:
        raise UpdateShapeError(f"not a Telegram update: {e}") from None
    if update.callback_query is not None:
        return _callback(update, bot_id)
    if update.message is not None:
        return _message(update.update_id, update.message, bot_id)
    kind = next((k for k in data if k != "update_id"), "nothing")
    return ParsedUpdate(update.update_id, ignored=kind)  # edited_message, my_chat_member, channel posts ...


def _tolerant(data: dict) -> dict:
    """Telegram's own old update examples leave out fields the current API always sends; fill them in."""
    def fix(node):
        if isinstance(node, dict):
            for key in ("from", "user", "via_bot"):
                if isinstance(node.get(key), dict):
                    node[key].setdefault("is_bot", False)
            if "data" in node and "chat_instance" not in node and "id" in node:
                node["chat_instance"] = ""
            for value in node.values():
                fix(value)
        elif isinstance(node, list):
            for value in node:
                fix(value)
        return node

    return fix(json.loads(json.dumps(data)))


def _callback(update: Update, bot_id: str) -> ParsedUpdate:
    query = update.callback_query
    msg = query.message if isinstance(query.message, Message) else None
    chat_id = msg.chat.id if msg else query.from_user.id
    title = _button_title(msg, query.data)
    inbound = InboundMessage(
        channel=CHANNEL, provider_message_id=f"{bot_id}:{update.update_id}", sender=sender_of(bot_id, chat_id),
        kind="button", button_id=query.data or "", text=title, sender_name=_name(query.from_user),
    )
    return ParsedUpdate(update.update_id, message=inbound if query.data else None,
                        callback=Callback(query.id, msg.chat.id if msg else None, msg.message_id if msg else None),
                        ignored=None if query.data else "callback without data")


def _button_title(msg: Message | None, data: str | None) -> str:
    markup = msg.reply_markup if msg else None
    for row in (markup.inline_keyboard if markup else ()):
        for button in row:
            if button.callback_data == data:
                return button.text
    return ""


def _message(update_id: int, msg: Message, bot_id: str) -> ParsedUpdate:
    content = _content(msg)
    if isinstance(content, tuple):
        return ParsedUpdate(update_id, command=content, chat_id=msg.chat.id)
    inbound = InboundMessage(
        channel=CHANNEL, provider_message_id=f"{bot_id}:{update_id}", sender=sender_of(bot_id, msg.chat.id),
        sender_name=_name(msg.from_user), received_at=msg.date, **content,
    )
    return ParsedUpdate(update_id, message=inbound)


def _content(msg: Message) -> dict | tuple[str, str]:
    """InboundMessage fields for what was sent, or (command, argument) for /owner."""
    if msg.text is not None:
        return _text(msg.text)
    if msg.location is not None:
        # A live location's first message; its later moves arrive as edited messages, which we ignore.
        point = Location(lat=msg.location.latitude, lon=msg.location.longitude,
                         name=msg.venue.title if msg.venue else None, address=msg.venue.address if msg.venue else None)
        return {"kind": "location", "location": point, "text": point.address or point.name or ""}
    if msg.contact is not None:
        sender_id = msg.from_user.id if msg.from_user else None
        if msg.contact.user_id is not None and msg.contact.user_id == sender_id:
            # Their own number, shared with the request_contact button: Telegram vouches for it.
            return {"kind": "text", "text": "+" + msg.contact.phone_number.lstrip("+")}
        return {"kind": "contacts"}  # someone else's card: like WhatsApp, not something we read
    for attribute, kind in MEDIA_KINDS:
        if getattr(msg, attribute):
            return {"kind": kind, "text": msg.caption or ""}
    return {"kind": "unsupported"}


def _text(text: str) -> dict | tuple[str, str]:
    if not text.startswith("/"):
        return {"kind": "text", "text": text}
    head, _, argument = text[1:].partition(" ")
    name = head.split("@", 1)[0].lower()  # "/cart@SharmaKiranaBot" in a group
    argument = argument.strip()
    if name == "start":
        # A deep link (t.me/Bot?start=PAYLOAD) names the store, which the bot's webhook already knows.
        return {"kind": "text", "text": GREETING}
    if name == OWNER_COMMAND:
        return (name, argument)
    if name in COMMAND_BUTTONS and not argument:
        return {"kind": "button", "button_id": COMMAND_BUTTONS[name], "text": text}
    # /language hindi, or a command we don't have: the words after it are read as a message.
    return {"kind": "text", "text": argument or name}


def _name(user) -> str | None:
    if user is None:
        return None
    return " ".join(p for p in (user.first_name, user.last_name) if p) or None
