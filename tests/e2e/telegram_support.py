"""Helpers for Telegram end-to-end tests: a shop whose bot is the env-wide one, updates shaped like Telegram's."""
from __future__ import annotations

import itertools
import json
from pathlib import Path

from vyaparai.web.keys import JOBS

PAYLOADS = Path(__file__).parents[1] / "payloads" / "telegram"
VECTORS = json.loads((PAYLOADS / "secret_token_vectors.json").read_text())
SECRET = VECTORS["configured_secret_token"]
BOT_TOKEN = "7012345678:AAH-fake-token-for-tests"
BOT_ID = "7012345678"
CUSTOMER_CHAT = 5123456789  # Ramesh, the sender of the recorded updates
OWNER_CHAT = 6100000001
_update_ids = itertools.count(900000001)


def payload(name: str) -> dict:
    return json.loads((PAYLOADS / name).read_text())


def _person(chat_id: int, name: str = "Ramesh") -> dict:
    return {"id": chat_id, "is_bot": False, "first_name": name, "language_code": "hi"}


def message(chat_id: int, **fields) -> dict:
    """An update with one private message from `chat_id` (the envelope of the recorded payloads)."""
    return {"update_id": next(_update_ids), "message": {
        "message_id": next(_update_ids) % 100000, "from": _person(chat_id),
        "chat": {"id": chat_id, "first_name": "Ramesh", "type": "private"}, "date": 1718000000, **fields}}


def text(chat_id: int, body: str) -> dict:
    entities = [{"offset": 0, "length": len(body.split()[0]), "type": "bot_command"}] if body.startswith("/") else []
    return message(chat_id, text=body, **({"entities": entities} if entities else {}))


def tap(chat_id: int, data: str, sent_message_id: int = 501) -> dict:
    """A tap on an inline button of the message `sent_message_id` the bot sent."""
    return {"update_id": next(_update_ids), "callback_query": {
        "id": str(next(_update_ids)), "from": _person(chat_id), "chat_instance": "-39275682",
        "data": data, "message": {"message_id": sent_message_id, "date": 1718000000, "text": "…",
                                  "chat": {"id": chat_id, "type": "private"},
                                  "from": {"id": int(BOT_ID), "is_bot": True, "first_name": "Kirana"}}}}


def own_contact(chat_id: int, phone: str) -> dict:
    return message(chat_id, contact={"phone_number": phone, "first_name": "Ramesh", "user_id": chat_id})


async def deliver(client, update: dict, store: str = "TGSHOP", secret: str | None = SECRET) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    resp = await client.post(f"/webhooks/telegram/{store}", data=json.dumps(update).encode(), headers=headers)
    await client.app[JOBS].drain()
    return resp.status
