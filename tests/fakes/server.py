"""A provider stand-in on a free local port: each fake says which routes it answers, this runs them."""
from __future__ import annotations

import asyncio

from aiohttp import web
from aiohttp.test_utils import TestServer


class FakeServer:
    """Subclasses keep `self._arrived` (an asyncio.Event set on each request) and `to(recipient)`."""

    _server: TestServer | None = None
    _arrived: asyncio.Event

    def add_routes(self, app: web.Application) -> None:
        raise NotImplementedError

    @property
    def base_url(self) -> str:
        return str(self._server.make_url("")).rstrip("/")

    async def start(self):
        app = web.Application()
        self.add_routes(app)
        self._server = TestServer(app, port=0)
        await self._server.start_server()
        return self

    async def close(self) -> None:
        if self._server:
            await self._server.close()

    def to(self, recipient: str) -> list:
        raise NotImplementedError

    async def wait_for(self, recipient: str, count: int = 1, timeout: float = 5.0) -> list:
        """What was sent to `recipient` once there are `count` of them, or whatever came within `timeout`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while len(self.to(recipient)) < count and loop.time() < deadline:
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), deadline - loop.time())
            except asyncio.TimeoutError:
                break
        return self.to(recipient)
