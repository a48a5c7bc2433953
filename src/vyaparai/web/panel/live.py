"""The live order list: a WebSocket that sends each new or changed order as the HTML of its row.

The page holds the rows; the socket only says "this row is now this". After a drop the page
fetches /panel/orders/open (the whole list) before listening again, so nothing missed while
offline stays missing. The socket closes when the login session ends.
"""
from __future__ import annotations

import asyncio
import logging
import time
import weakref
from urllib.parse import urlsplit

from aiohttp import WSCloseCode, web
from aiohttp_session import get_session

from vyaparai.db.order_changes import OrderChange
from vyaparai.orders.listing import order_dict, orders_as_dicts
from vyaparai.orders.states import OPEN_STATUSES
from vyaparai.web.keys import SERVICES
from vyaparai.web.panel.auth import SESSION_MAX_AGE, Owner, current_owner
from vyaparai.web.panel.session_versions import session_version
from vyaparai.web.panel.render import render_fragment
from vyaparai.workers.order_feed import RESYNC

logger = logging.getLogger(__name__)

OPEN_ORDERS_SHOWN = 100
SOCKETS = web.AppKey("panel_live_sockets", weakref.WeakSet)
SESSION_ENDED = 4401  # an application close code: the page goes to the login form

routes = web.RouteTableDef()


def setup(app: web.Application) -> None:
    app[SOCKETS] = weakref.WeakSet()
    app.on_shutdown.append(_close_all)


@routes.get("/panel/orders/open")
async def open_orders_fragment(request: web.Request) -> web.Response:
    """The open orders' rows alone: what the page reloads after its socket was down."""
    owner = await current_owner(request)
    async with request.app[SERVICES].read() as db:
        orders = await orders_as_dicts(db, owner.store.id, limit=OPEN_ORDERS_SHOWN, statuses=OPEN_STATUSES)
    html = await render_fragment(request, "panel/_order_list.html", {"owner": owner, "orders": orders})
    return web.Response(text=html, content_type="text/html", headers={"Cache-Control": "no-store"})


@routes.get("/panel/live")
async def live(request: web.Request) -> web.WebSocketResponse:
    _same_origin_only(request)
    try:
        owner = await current_owner(request)
    except web.HTTPSeeOther:
        raise web.HTTPUnauthorized(text="Log in first.") from None
    ws = web.WebSocketResponse(heartbeat=25, max_msg_size=1024)
    await ws.prepare(request)
    request.app[SOCKETS].add(ws)
    session = await get_session(request)
    seconds_left, version = session.created + SESSION_MAX_AGE - time.time(), session.get("version", 0)
    async with request.app[SERVICES].feed.subscribe(owner.store.id) as changes:
        sender = asyncio.create_task(_send_changes(request, ws, owner, changes, seconds_left, version))
        try:
            await ws.send_json({"type": "hello"})
            async for _message in ws:
                pass  # the page says nothing; reading keeps pings answered and notices the close
        finally:
            sender.cancel()
            await asyncio.gather(sender, return_exceptions=True)
    return ws


async def _send_changes(request: web.Request, ws: web.WebSocketResponse, owner: Owner,
                        changes: asyncio.Queue[OrderChange], seconds_left: float, version: int) -> None:
    deadline = asyncio.get_running_loop().time() + seconds_left
    try:
        while True:
            remaining = deadline - asyncio.get_running_loop().time()
            change = await asyncio.wait_for(changes.get(), timeout=max(remaining, 0))
            if change == RESYNC:
                await ws.send_json({"type": "resync"})
            elif not await _still_logged_in(request, owner, version):
                await ws.close(code=SESSION_ENDED, message=b"logged out")
                return
            elif (message := await _order_message(request, owner, change)) is not None:
                await ws.send_json(message)
    except TimeoutError:
        await ws.close(code=SESSION_ENDED, message=b"session ended")
    except ConnectionResetError:
        pass  # the page went away mid-send; its reader ends the handler


async def _still_logged_in(request: web.Request, owner: Owner, version: int) -> bool:
    """False once the owner logged out (anywhere): an open feed then stops before telling anything more."""
    async with request.app[SERVICES].read() as db:
        return await session_version(db, owner.store.id, owner.phone) == version


async def _order_message(request: web.Request, owner: Owner, change: OrderChange) -> dict | None:
    async with request.app[SERVICES].read() as db:
        order = await order_dict(db, owner.store.id, change.number)
    if order is None:
        return None
    html = await render_fragment(request, "panel/_order_item.html", {"owner": owner, "o": order})
    return {"type": "order", "number": order["number"], "status": order["status"], "placed": change.placed,
            "open": order["status"] in OPEN_STATUSES, "html": html}


def _same_origin_only(request: web.Request) -> None:
    """Refuse a socket opened by another site's page with the owner's cookie (cross-site WebSocket hijacking)."""
    origin = request.headers.get("Origin")
    if origin is not None and urlsplit(origin).netloc != request.host:
        logger.warning("refused a panel socket from origin %s", origin)
        raise web.HTTPForbidden(text="Cross-origin connection refused.")


async def _close_all(app: web.Application) -> None:
    for ws in list(app[SOCKETS]):
        await ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutting down")
