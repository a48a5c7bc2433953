"""A fake WhatsApp Cloud (Graph) API: a real aiohttp server on port 0 that answers like Meta and records requests."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pytest
from aiohttp import web

from tests.fakes.server import FakeServer


@dataclass
class GraphRequest:
    path: str
    phone_number_id: str
    headers: dict
    json: dict

    @property
    def to(self) -> str | None:
        return self.json.get("to") or self.json.get("recipient")

    @property
    def text(self) -> str:
        """What the person reads: the text body, or the body of an interactive message."""
        if self.json.get("type") == "text":
            return self.json["text"]["body"]
        return self.json.get("interactive", {}).get("body", {}).get("text", "")

    @property
    def button_ids(self) -> list[str]:
        action = self.json.get("interactive", {}).get("action", {})
        return [b["reply"]["id"] for b in action.get("buttons", [])]


class FakeGraphAPI(FakeServer):
    def __init__(self):
        self.requests: list[GraphRequest] = []
        # (status, body) answers to give instead of success, first in first out.
        self.fail_next: list[tuple[int, dict]] = []
        self._arrived = asyncio.Event()

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/{version}/{phone_number_id}/messages", self._messages)

    async def _messages(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append(GraphRequest(request.path, request.match_info["phone_number_id"],
                                          dict(request.headers), body))
        self._arrived.set()
        if self.fail_next:
            status, answer = self.fail_next.pop(0)
            return web.json_response(answer, status=status)
        # Like Meta: a message sent "to" a phone number names its wa_id, one sent to a "recipient" BSUID its user_id.
        key = "wa_id" if "to" in body else "user_id"
        addressee = body.get("to") or body.get("recipient")
        return web.json_response({
            "messaging_product": "whatsapp",
            "contacts": [{"input": addressee, key: addressee}],
            "messages": [{"id": f"wamid.{len(self.requests)}"}],
        })

    def to(self, recipient: str) -> list[GraphRequest]:
        return [r for r in self.requests if r.to == recipient]


@pytest.fixture
async def graph():
    """A running fake Graph API; point WHATSAPP_API_BASE_URL (or the channel's base_url) at `graph.url`."""
    fake = await FakeGraphAPI().start()
    yield fake
    await fake.close()
