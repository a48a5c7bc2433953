"""The built-in web chat: a page per store and a small JSON API the page (or anyone) can use."""
from __future__ import annotations

import json
import re
import uuid

import aiohttp_jinja2
from aiohttp import web

from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage, OutboundMessage
from vyaparai.bot.outbox import take_pulled
from vyaparai.catalog.stores import get_store_by_code
from vyaparai.web.health import INBOUND
from vyaparai.web.keys import SERVICES

CHANNEL = "web"
SESSION_RE = re.compile(r"[A-Za-z0-9_-]{8,64}")
MAX_BODY = 256 * 1024  # a 100 KB message still gets a polite answer; bigger bodies get 413

routes = web.RouteTableDef()


def _bad_request(message: str) -> web.HTTPBadRequest:
    return web.HTTPBadRequest(text=json.dumps({"error": message}), content_type="application/json")


@routes.get("/chat/{store_code}")
async def chat_page(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    async with services.sessions() as session:
        store = await get_store_by_code(session, request.match_info["store_code"])
    if store is None:
        raise web.HTTPNotFound(text="No such store.")
    return aiohttp_jinja2.render_template("chat.html", request, {"store": store})


async def _read_json(request: web.Request) -> dict:
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=request.content_length)
    try:
        body = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise _bad_request("the body must be JSON: {\"session\": \"...\", \"text\": \"...\"}") from None
    if not isinstance(body, dict):
        raise _bad_request("the body must be a JSON object")
    return body


def _session_of(value) -> str:
    if not isinstance(value, str) or not SESSION_RE.fullmatch(value):
        raise _bad_request("session must be 8-64 letters, digits, '-' or '_'")
    return value


@routes.post("/api/chat/{store_code}")
async def chat_message(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    body = await _read_json(request)
    session_id = _session_of(body.get("session"))
    text, button = body.get("text", ""), body.get("button")
    if not isinstance(text, str) or (button is not None and not isinstance(button, str)):
        raise _bad_request("text and button must be strings")
    message_id = body.get("id") if isinstance(body.get("id"), str) and body["id"] else uuid.uuid4().hex
    async with services.sessions() as session, session.begin():
        store = await get_store_by_code(session, request.match_info["store_code"])
        if store is None:
            raise web.HTTPNotFound(text=json.dumps({"error": "no such store"}), content_type="application/json")
        msg = InboundMessage(channel=CHANNEL, provider_message_id=message_id[:191], sender=session_id,
                             kind="button" if button else "text", text=text, button_id=button,
                             store_code=store.code)
        inbound_id = await record_inbound(session, msg, store.id)
    INBOUND.labels(CHANNEL, "new" if inbound_id else "duplicate").inc()
    if inbound_id is not None:
        await services.bot.process(inbound_id)
    return web.json_response({"replies": await _take(request, session_id)})


@routes.get("/api/chat/{store_code}/updates")
async def chat_updates(request: web.Request) -> web.Response:
    """Replies that came later (the shop accepted the order...): the page polls this."""
    session_id = _session_of(request.query.get("session"))
    return web.json_response({"replies": await _take(request, session_id)})


async def _take(request: web.Request, session_id: str) -> list[dict]:
    services = request.app[SERVICES]
    async with services.sessions() as session, session.begin():
        replies = await take_pulled(session, CHANNEL, session_id)
    return [_as_json(r) for r in replies]


def _as_json(r: OutboundMessage) -> dict:
    out: dict = {"text": r.text, "buttons": [{"id": b.id, "title": b.title} for b in r.buttons]}
    if r.link_url:
        out["link"] = {"url": r.link_url, "title": r.link_title or r.link_url}
    return out
