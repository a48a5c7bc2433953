"""A local stand-in for api.razorpay.com: a real aiohttp server on port 0 that answers like Razorpay.

It keeps payment links and refunds in memory, records every request, and can be told to fail
the next call (`fail_next`) or to do the work but answer too late (`delay_next`), the way a
timeout looks from our side. Point RAZORPAY_API_BASE_URL (or RazorpayClient's base_url) at `.url`.
"""
from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass

import aiohttp
import pytest
from aiohttp import web

KEY_ID, KEY_SECRET = "rzp_test_fakekey", "fake_key_secret"


@dataclass
class Recorded:
    method: str
    path: str
    query: dict
    json: dict | None
    authorization: str | None


class FakeRazorpay:
    def __init__(self):
        self.links: dict[str, dict] = {}
        self.refunds: list[dict] = []
        self.requests: list[Recorded] = []
        self.fail_next: list[tuple[int, dict]] = []  # (status, body) answered instead of the real thing
        self.delay_next: list[float] = []  # seconds to wait, after doing the work, before answering
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.url = ""

    def pay(self, link_id: str, payment_id: str, method: str = "upi") -> None:
        """The customer pays the link (no webhook is sent: tests post events themselves)."""
        link = self.links[link_id]
        link.update(status="paid", amount_paid=link["amount"], payments=[
            {"payment_id": payment_id, "amount": link["amount"], "method": method, "status": "captured",
             "plink_id": link_id, "created_at": 1767600300}])

    def expire(self, link_id: str) -> None:
        self.links[link_id]["status"] = "expired"

    def calls(self, method: str, path: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and r.path == path]

    async def start(self) -> FakeRazorpay:
        app = web.Application(middlewares=[self._record])
        app.router.add_post("/v1/payment_links", self._create_link)
        app.router.add_get("/v1/payment_links", self._list_links)
        app.router.add_get("/v1/payment_links/{id}", self._fetch_link)
        app.router.add_post("/v1/payment_links/{id}/cancel", self._cancel_link)
        app.router.add_post("/v1/payments/{id}/refund", self._refund)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    @web.middleware
    async def _record(self, request: web.Request, handler):
        body = await request.json() if request.body_exists else None
        self.requests.append(Recorded(request.method, request.path, dict(request.query), body,
                                      request.headers.get("Authorization")))
        if request.headers.get("Authorization") != aiohttp.encode_basic_auth(KEY_ID, KEY_SECRET):
            return _error(401, "BAD_REQUEST_ERROR", "The api key provided is invalid")
        if self.fail_next:
            status, payload = self.fail_next.pop(0)
            return web.json_response(payload, status=status)
        response = await handler(request)
        if self.delay_next:
            await asyncio.sleep(self.delay_next.pop(0))
        return response

    async def _create_link(self, request: web.Request) -> web.Response:
        data = await request.json()
        if not isinstance(data.get("amount"), int) or data["amount"] < 100:
            return _error(400, "BAD_REQUEST_ERROR", "The amount must be atleast INR 1.00")
        if any(link["reference_id"] == data.get("reference_id") for link in self.links.values()):
            return _error(400, "BAD_REQUEST_ERROR", "Payment Link with this reference_id already exists")
        n = next(self._ids)
        link = {**data, "id": f"plink_Fake{n:010d}", "short_url": f"https://rzp.io/i/fake{n}",
                "status": "created", "amount_paid": 0, "entity": "payment_link", "cancelled_at": 0,
                "expired_at": 0, "created_at": 1767600000, "payments": None}
        self.links[link["id"]] = link
        return web.json_response(link)

    async def _list_links(self, request: web.Request) -> web.Response:
        ref = request.query.get("reference_id")
        found = [link for link in self.links.values() if ref is None or link["reference_id"] == ref]
        return web.json_response({"payment_links": found})

    async def _fetch_link(self, request: web.Request) -> web.Response:
        link = self.links.get(request.match_info["id"])
        if link is None:
            return _error(400, "BAD_REQUEST_ERROR", "The id provided does not exist")
        return web.json_response(link)

    async def _cancel_link(self, request: web.Request) -> web.Response:
        link = self.links.get(request.match_info["id"])
        if link is None or link["status"] != "created":
            return _error(400, "BAD_REQUEST_ERROR", "Cannot cancel this payment link")
        link["status"] = "cancelled"
        return web.json_response(link)

    async def _refund(self, request: web.Request) -> web.Response:
        data = await request.json() if request.body_exists else {}
        payment_id = request.match_info["id"]
        refund = {"id": f"rfnd_Fake{next(self._ids):010d}", "entity": "refund", "payment_id": payment_id,
                  "amount": data.get("amount"), "currency": "INR", "status": "processed",
                  "receipt": data.get("receipt")}
        self.refunds.append(refund)
        return web.json_response(refund)


def _error(status: int, code: str, description: str) -> web.Response:
    return web.json_response({"error": {"code": code, "description": description, "source": "business",
                                        "step": "payment_initiation", "reason": "input_validation_failed",
                                        "metadata": {}}}, status=status)


@pytest.fixture
async def razorpay_fake():
    fake = await FakeRazorpay().start()
    yield fake
    await fake.stop()
