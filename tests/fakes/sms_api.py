"""Fake SMS gateways (Twilio's Messages API, Gupshup's Enterprise API): a real aiohttp server on port 0."""
from __future__ import annotations

import asyncio
import base64
import itertools
from dataclasses import dataclass

import pytest
from aiohttp import web

from tests.fakes.server import FakeServer

ACCOUNT_SID = "AC3f6a1c0e9b2d4875a1e0c7b9d2f4e6a8"
AUTH_TOKEN = "9f0c2a7e5b1d4c3a8e6f0b2d4a6c8e0f"
GUPSHUP_USER, GUPSHUP_PASSWORD = "2000123456", "gupshup-pass"


@dataclass
class Sms:
    gateway: str
    to: str  # digits
    sender: str | None
    text: str
    params: dict
    sid: str


class FakeSmsAPI(FakeServer):
    def __init__(self):
        self.sent: list[Sms] = []
        self.fail_next: list[tuple[int, dict]] = []
        self._sids = itertools.count(1)
        self._arrived = asyncio.Event()

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", self._twilio)
        app.router.add_route("*", "/GatewayAPI/rest", self._gupshup)

    async def _twilio(self, request: web.Request) -> web.Response:
        # https://www.twilio.com/docs/usage/twilios-response (error bodies: code, message, more_info, status)
        expected = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
        if request.match_info["sid"] != ACCOUNT_SID or request.headers.get("Authorization") != expected:
            return _twilio_error(401, 20003, "Authenticate")
        form = dict(await request.post())
        if self.fail_next:
            status, body = self.fail_next.pop(0)
            return web.json_response(body, status=status)
        to = form.get("To", "")
        if not to.startswith("+") or not to[1:].isdigit():
            return _twilio_error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
        if not form.get("Body"):
            return _twilio_error(400, 21602, "Message body is required.")
        sid = f"SM{next(self._sids):032x}"
        self._record(Sms("twilio", to[1:], form.get("From"), form["Body"], form, sid))
        return web.json_response({"sid": sid, "status": "queued", "to": to, "from": form.get("From"),
                                  "body": form["Body"], "account_sid": ACCOUNT_SID, "num_segments": "1"}, status=201)

    async def _gupshup(self, request: web.Request) -> web.Response:
        params = dict(request.query) | dict(await request.post())
        if params.get("userid") != GUPSHUP_USER or params.get("password") != GUPSHUP_PASSWORD:
            return web.json_response({"response": {"id": "105", "phone": "", "details": "Authentication failed",
                                                   "status": "error"}})
        sid = f"{next(self._sids)}-4052781036"
        self._record(Sms("gupshup", params.get("send_to", ""), params.get("mask"), params.get("msg", ""), params, sid))
        return web.json_response({"response": {"id": sid, "phone": params.get("send_to"), "details": "",
                                               "status": "success"}})

    def _record(self, sms: Sms) -> None:
        self.sent.append(sms)
        self._arrived.set()

    def to(self, phone: str) -> list[Sms]:
        return [s for s in self.sent if s.to == phone]


def _twilio_error(status: int, code: int, message: str) -> web.Response:
    return web.json_response({"code": code, "message": message, "status": status,
                              "more_info": f"https://www.twilio.com/docs/errors/{code}"}, status=status)


@pytest.fixture
async def sms_api():
    fake = await FakeSmsAPI().start()
    yield fake
    await fake.close()
