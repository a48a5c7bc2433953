"""A local stand-in for Razorpay's payment-link API, so an evaluation or a demo can take the online path.

It answers the calls `RazorpayClient` makes for a link (create, list by reference, fetch, cancel) from memory,
checks the key pair, and never moves money: a link stays "created" until it expires. Point
RAZORPAY_API_BASE_URL at `.url` with `KEY_ID` / `KEY_SECRET` as the keys.
"""
from __future__ import annotations

import itertools

import aiohttp
from aiohttp import web

KEY_ID, KEY_SECRET = "rzp_test_sandbox", "sandbox_secret"


class PaymentLinkSandbox:
    def __init__(self) -> None:
        self.links: dict[str, dict] = {}
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> PaymentLinkSandbox:
        app = web.Application(middlewares=[self._check_keys])
        app.router.add_post("/v1/payment_links", self._create)
        app.router.add_get("/v1/payment_links", self._list)
        app.router.add_get("/v1/payment_links/{id}", self._fetch)
        app.router.add_post("/v1/payment_links/{id}/cancel", self._cancel)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @web.middleware
    async def _check_keys(self, request: web.Request, handler):
        if request.headers.get("Authorization") != aiohttp.encode_basic_auth(KEY_ID, KEY_SECRET):
            return _error(401, "The api key provided is invalid")
        return await handler(request)

    async def _create(self, request: web.Request) -> web.Response:
        data = await request.json()
        if not isinstance(data.get("amount"), int) or data["amount"] < 100:
            return _error(400, "The amount must be atleast INR 1.00")
        if any(link.get("reference_id") == data.get("reference_id") for link in self.links.values()):
            return _error(400, "Payment Link with this reference_id already exists")
        n = next(self._ids)
        link = {**data, "id": f"plink_Sandbox{n:08d}", "short_url": f"http://127.0.0.1/pay/sandbox{n}",
                "status": "created", "amount_paid": 0, "entity": "payment_link", "payments": None}
        self.links[link["id"]] = link
        return web.json_response(link)

    async def _list(self, request: web.Request) -> web.Response:
        ref = request.query.get("reference_id")
        return web.json_response({"payment_links": [x for x in self.links.values()
                                                    if ref is None or x.get("reference_id") == ref]})

    async def _fetch(self, request: web.Request) -> web.Response:
        link = self.links.get(request.match_info["id"])
        return web.json_response(link) if link else _error(400, "The id provided does not exist")

    async def _cancel(self, request: web.Request) -> web.Response:
        link = self.links.get(request.match_info["id"])
        if link is None or link["status"] != "created":
            return _error(400, "Payment Link cannot be cancelled")  # as Razorpay answers for a paid or closed one
        link["status"] = "cancelled"
        return web.json_response(link)


def _error(status: int, description: str) -> web.Response:
    return web.json_response({"error": {"code": "BAD_REQUEST_ERROR", "description": description}}, status=status)
