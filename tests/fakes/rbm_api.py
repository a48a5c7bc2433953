"""A fake RBM API and Google token endpoint: a real aiohttp server on port 0 that answers like Google."""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass

import pytest
from aiohttp import web

from tests.fakes.server import FakeServer
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


@dataclass
class AgentMessage:
    phone: str  # digits, without the "+"
    message_id: str
    agent_id: str | None
    body: dict

    @property
    def content(self) -> dict:
        return self.body.get("contentMessage", {})

    @property
    def text(self) -> str:
        """What the person reads: the text, or a rich card's title and description."""
        card = self.content.get("richCard", {}).get("standaloneCard", {}).get("cardContent", {})
        if card:
            return "\n".join(p for p in (card.get("title"), card.get("description")) if p)
        return self.content.get("text", "")

    @property
    def suggestions(self) -> list[dict]:
        card = self.content.get("richCard", {}).get("standaloneCard", {}).get("cardContent", {})
        return card.get("suggestions") or self.content.get("suggestions") or []

    @property
    def postbacks(self) -> list[str]:
        return [s.get("reply", s.get("action", {})).get("postbackData") for s in self.suggestions]


class FakeRBMAPI(FakeServer):
    def __init__(self):
        self.messages: list[AgentMessage] = []
        self.tokens_issued = 0
        self.not_rcs: set[str] = set()  # phones (digits) RBM answers 404 for
        self.fail_next: list[tuple[int, dict]] = []
        self._arrived = asyncio.Event()

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/token", self._token)
        app.router.add_post("/v1/phones/{phone}/agentMessages", self._agent_message)

    def service_account_file(self, directory) -> str:
        """A service-account key file (a throw-away RSA key) whose token_uri is this fake."""
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
        path = directory / "rbm-service-account.json"
        path.write_text(json.dumps({
            "type": "service_account", "project_id": "rbm-test", "private_key_id": "k1", "private_key": pem,
            "client_email": "rbm-agent@rbm-test.iam.gserviceaccount.com", "client_id": "1",
            "token_uri": f"{self.base_url}/token"}))
        return str(path)

    async def _token(self, request: web.Request) -> web.Response:
        form = await request.post()
        if form.get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" or not form.get("assertion"):
            return web.json_response({"error": "invalid_grant"}, status=400)
        self.tokens_issued += 1
        return web.json_response({"access_token": f"ya29.fake-{self.tokens_issued}", "expires_in": 3599,
                                  "token_type": "Bearer"})

    async def _agent_message(self, request: web.Request) -> web.Response:
        if not request.headers.get("Authorization", "").startswith("Bearer ya29.fake-"):
            return _error(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED")
        phone = request.match_info["phone"].lstrip("+")
        message_id = request.query.get("messageId", "")
        body = await request.json()
        if self.fail_next:
            status, answer = self.fail_next.pop(0)
            return web.json_response(answer, status=status)
        if phone in self.not_rcs:
            return _error(404, "Requested entity was not found.", "NOT_FOUND")
        if any(m.message_id == message_id for m in self.messages):
            return _error(409, "Requested entity already exists", "ALREADY_EXISTS")
        self.messages.append(AgentMessage(phone, message_id, request.query.get("agentId"), body))
        self._arrived.set()
        return web.json_response({"name": f"phones/+{phone}/agentMessages/{message_id}",
                                  "sendTime": "2026-12-06T10:00:00.000000Z", **body})

    def to(self, phone: str) -> list[AgentMessage]:
        return [m for m in self.messages if m.phone == phone]


def _error(status: int, message: str, code: str) -> web.Response:
    # https://cloud.google.com/apis/design/errors#http_mapping
    return web.json_response({"error": {"code": status, "message": message, "status": code}}, status=status)


@pytest.fixture
async def rbm_api():
    fake = await FakeRBMAPI().start()
    yield fake
    await fake.close()
