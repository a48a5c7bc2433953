"""A fake Telegram Bot API: a real aiohttp server on port 0 that answers like Telegram and records each call."""
from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass

import pytest
from aiohttp import web

from tests.fakes.server import FakeServer


@dataclass
class BotCall:
    token: str
    method: str
    params: dict
    at: float

    @property
    def chat_id(self) -> str | None:
        value = self.params.get("chat_id")
        return None if value is None else str(value)

    @property
    def text(self) -> str:
        return self.params.get("text", "")

    @property
    def markup(self) -> dict:
        return self.params.get("reply_markup") or {}

    @property
    def callback_data(self) -> list[str]:
        return [b["callback_data"] for row in self.markup.get("inline_keyboard", ()) for b in row
                if "callback_data" in b]

    @property
    def button_texts(self) -> list[str]:
        return [b["text"] for row in self.markup.get("inline_keyboard", ()) for b in row]


class FakeTelegramAPI(FakeServer):
    def __init__(self):
        self.calls: list[BotCall] = []
        self.bots: dict[str, str] = {}  # token -> username; other tokens get 401 like a revoked one
        self.fail_next: list[tuple[int, dict]] = []  # (status, body) answers to give instead, first in first out
        self._arrived = asyncio.Event()
        self._next_message_id = 500

    def add_bot(self, token: str, username: str) -> str:
        self.bots[token] = username
        return token

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/bot{token}/{method}", self._method)

    async def _method(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params = await _params(request)
        self.calls.append(BotCall(token, method, params, time.monotonic()))
        self._arrived.set()
        if token not in self.bots:
            return _error(401, "Unauthorized")
        if self.fail_next and method == "sendMessage":
            status, body = self.fail_next.pop(0)
            return web.json_response(body, status=status)
        return web.json_response({"ok": True, "result": self._result(token, method, params)})

    def _result(self, token: str, method: str, params: dict):
        bot_id = token.split(":", 1)[0]
        if method == "getMe":
            return {"id": int(bot_id), "is_bot": True, "first_name": "Kirana", "username": self.bots[token]}
        if method in ("sendMessage", "editMessageReplyMarkup"):
            self._next_message_id += 1
            return {"message_id": params.get("message_id", self._next_message_id), "date": int(time.time()),
                    "chat": {"id": int(params["chat_id"]), "type": "private"}, "text": params.get("text", "")}
        return True  # answerCallbackQuery, setWebhook, setMyCommands, deleteWebhook

    def sent(self, chat_id: str | int, token: str | None = None) -> list[BotCall]:
        return [c for c in self.calls if c.method == "sendMessage" and c.chat_id == str(chat_id)
                and (token is None or c.token == token)]

    def called(self, method: str) -> list[BotCall]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, chat_id: str | int, count: int = 1, timeout: float = 10.0) -> list[BotCall]:
        """The messages sent to `chat_id`, once there are at least `count` (or what there is after `timeout`)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while len(self.sent(chat_id)) < count:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                break
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), remaining)
            except TimeoutError:
                break
        return self.sent(chat_id)


async def _params(request: web.Request) -> dict:
    """PTB posts form fields, with nested objects (reply_markup, allowed_updates) as JSON strings."""
    if request.content_type == "application/json":
        return await request.json()
    form = await request.post() if request.can_read_body else {}
    params = {}
    for key, value in form.items():
        try:
            params[key] = json.loads(value) if isinstance(value, str) and value[:1] in "[{" else value
        except json.JSONDecodeError:
            params[key] = value
    return params


def _error(code: int, description: str, **parameters) -> web.Response:
    body = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=code)


def flood(retry_after: int) -> tuple[int, dict]:
    """What Telegram answers a bot that sends too fast."""
    return 429, {"ok": False, "error_code": 429, "description": f"Too Many Requests: retry after {retry_after}",
                 "parameters": {"retry_after": retry_after}}


@pytest.fixture
async def telegram_api():
    fake = await FakeTelegramAPI().start()
    yield fake
    await fake.close()
