"""A provider stand-in on a free local port: each fake says which routes it answers, this runs them."""
from __future__ import annotations

from aiohttp import web
from aiohttp.test_utils import TestServer


class FakeServer:
    _server: TestServer | None = None

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
