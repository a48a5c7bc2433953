"""The built-in web chat: a page per store and a small JSON API the page (or anyone) can use."""
from __future__ import annotations

import json
import re
import uuid

import aiohttp_jinja2
from aiohttp import web

from vyaparai.bot.inbox import record_inbound, sent_by
from vyaparai.bot.messages import InboundMessage, OutboundMessage
from vyaparai.bot.outbox import handed_over, take_pulled
from vyaparai.catalog.stores import InvalidStoreValue, get_store_by_code, normalize_store_code
from vyaparai.channels.payload import UnreadablePayload, read_json
from vyaparai.db.models import Store
from vyaparai.web.chat_greeting import greeting
from vyaparai.web.health import INBOUND
from vyaparai.web.keys import SERVICES
from vyaparai.workers.jobs import process_recorded

CHANNEL = "web"
SESSION_RE = re.compile(r"[A-Za-z0-9_-]{8,64}")
MAX_BODY = 256 * 1024  # a 100 KB message still gets a polite answer; bigger bodies get 413
HISTORY_LIMIT = 60  # messages a reloaded page shows: a whole order and then some, small on a slow line

routes = web.RouteTableDef()


def _bad_request(message: str) -> web.HTTPBadRequest:
    return web.HTTPBadRequest(text=json.dumps({"error": message}), content_type="application/json")


def _no_such_store() -> web.HTTPNotFound:
    return web.HTTPNotFound(text=json.dumps({"error": "no such store"}), content_type="application/json")


async def _store(session, request: web.Request) -> Store | None:
    """The store the URL names; None for a code no store could have (a NUL, 300 letters...), without asking."""
    try:
        code = normalize_store_code(request.match_info["store_code"])
    except InvalidStoreValue:
        return None
    return await get_store_by_code(session, code)


@routes.get("/chat/{store_code}")
async def chat_page(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    async with services.sessions() as session:
        store = await _store(session, request)
    if store is None:
        raise web.HTTPNotFound(text="No such store.")
    hello = greeting(store.name, request.headers.get("Accept-Language", ""))
    return aiohttp_jinja2.render_template("chat.html", request, {"store": store, "hello": hello})


async def _read_json(request: web.Request) -> dict:
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=request.content_length)
    try:
        body = read_json(await request.read())  # strings come back without NUL or lone surrogates
    except UnreadablePayload:
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
        store = await _store(session, request)
        if store is None:
            raise _no_such_store()
        msg = InboundMessage(channel=CHANNEL, provider_message_id=message_id[:191], sender=session_id,
                             kind="button" if button else "text", text=text, button_id=button,
                             store_code=store.code)
        inbound_id = await record_inbound(session, msg, store.id)
    INBOUND.labels(CHANNEL, "new" if inbound_id else "duplicate").inc()
    if inbound_id is not None:
        await process_recorded(services, inbound_id)  # a crash is counted and logged, and the page gets no reply
    return web.json_response({"replies": await _take(request, session_id)})


@routes.get("/api/chat/{store_code}/updates")
async def chat_updates(request: web.Request) -> web.Response:
    """Replies that came later (the shop accepted the order...): the page polls this."""
    session_id = _session_of(request.query.get("session"))
    return web.json_response({"replies": await _take(request, session_id)})


@routes.get("/api/chat/{store_code}/history")
async def chat_history(request: web.Request) -> web.Response:
    """The session's newest messages, both sides, oldest first: what a reloaded page shows again.

    Replies not yet taken are left to /updates, which the page polls next, so none shows twice.
    """
    session_id = _session_of(request.query.get("session"))
    async with request.app[SERVICES].read() as session:  # a reader never waits behind a checkout
        store = await _store(session, request)
        if store is None:
            raise _no_such_store()
        sent = await sent_by(session, store.id, CHANNEL, session_id, HISTORY_LIMIT)
        replies = await handed_over(session, CHANNEL, session_id, store.id, HISTORY_LIMIT)
    # By time, a customer's message before the replies stamped in the same instant; ids break ties.
    both = [(at, 0, id_, {"from": "me", "text": m.text}) for at, id_, m in sent if m.text]
    both += [(at, 1, id_, {"from": "bot", **_as_json(r)}) for at, id_, r in replies]
    both.sort(key=lambda entry: entry[:3])
    return web.json_response({"messages": [entry[3] for entry in both[-HISTORY_LIMIT:]]})


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
