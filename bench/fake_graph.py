"""A lean stand-in for WhatsApp's Graph API: answers each send like Meta and records when it came and for whom.

The load bench runs it in its own process (see `main`) so that the replies are timed by a loop that
is not also busy sending webhooks; the bench reads what arrived over HTTP (`GET /_replies?since=N`).
Times are `time.monotonic()`, one clock for every process on the machine (CLOCK_MONOTONIC).

usage: python bench/fake_graph.py --port 0   (prints "listening on PORT" when ready)
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import zlib

from aiohttp import web

SENT = json.dumps({"messaging_product": "whatsapp", "contacts": [], "messages": [{"id": "wamid.FAKE"}]})


class FakeGraph:
    """Each recorded reply is [arrival time, recipient, crc32 of the body]: equal bodies mean the same message."""

    def __init__(self) -> None:
        self.replies: list[list] = []

    def app(self) -> web.Application:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_post("/{version}/{phone_number_id}/messages", self._messages)
        app.router.add_get("/_replies", self._recorded)
        return app

    async def _messages(self, request: web.Request) -> web.Response:
        raw = await request.read()
        arrived = time.monotonic()
        body = json.loads(raw)
        # The id must be unique: the server keeps it to match later delivery statuses.
        self.replies.append([arrived, body.get("to") or body.get("recipient"), zlib.crc32(raw)])
        return web.Response(text=SENT.replace("FAKE", str(len(self.replies))), content_type="application/json")

    async def _recorded(self, request: web.Request) -> web.Response:
        since = int(request.query.get("since", "0"))
        return web.json_response(self.replies[since:])


async def serve(port: int) -> None:
    runner = web.AppRunner(FakeGraph().app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port, backlog=2048)
    await site.start()
    print(f"listening on {runner.addresses[0][1]}", flush=True)
    await asyncio.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.port))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
