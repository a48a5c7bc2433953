"""The console's store pages: the list (problems first, searchable), one store's page, and its actions."""
from __future__ import annotations

from datetime import datetime, timezone
from functools import partial

from aiohttp import web
from sqlalchemy import func, select

from vyaparai.catalog.rules_input import format_hours
from vyaparai.catalog.starter import UnknownCategory, apply_starter, starter_categories
from vyaparai.catalog.store_status import (
    MAX_REASON_LENGTH, StatusChangeRefused, pause_store, record_event, resume_store, store_history, verify_store,
)
from vyaparai.catalog.stores import get_store_by_code
from vyaparai.db.models import Product, Store, StoreChannel, TelegramBot
from vyaparai.web.admin.auth import current_operator
from vyaparai.web.admin.overview import stores_health
from vyaparai.web.keys import SERVICES
from vyaparai.web.panel.csrf import checked_form
from vyaparai.web.panel.i18n import Translator, translator
from vyaparai.web.panel.render import flash, render

MAX_SEARCH = 100
STORE_URL = "/admin/stores/{code}"

routes = web.RouteTableDef()


@routes.get("/")
async def store_list(request: web.Request) -> web.Response:
    operator = await current_operator(request)
    search = request.query.get("q", "")[:MAX_SEARCH]
    async with request.config_dict[SERVICES].read() as db:
        stores = await stores_health(db, search=search, now=datetime.now(timezone.utc))
    return await render(request, "admin/stores.html", {
        "operator": operator, "active": "stores", "stores": stores, "search": search})


@routes.get(r"/stores/{code:[A-Za-z0-9_-]{1,32}}")
async def store_page(request: web.Request) -> web.Response:
    operator = await current_operator(request)
    services = request.config_dict[SERVICES]
    async with services.read() as db:
        store = await _store(db, request)
        history = await store_history(db, store.id, limit=50)
        facts = await _facts(db, store.id)
    return await render(request, "admin/store.html", {
        "operator": operator, "active": "stores", "store": store, "history": history, **facts,
        "hours": format_hours(store.opening_hours or {}), "starter": starter_categories(), "chosen": set(),
        "event_label": partial(event_label, await translator(request)), "max_reason": MAX_REASON_LENGTH,
        "base_url": services.settings.public_base_url.rstrip("/")})


async def _facts(db, store_id: int) -> dict:
    """How many products, which categories, which channels besides the web chat."""
    of_store = Product.store_id == store_id
    channels = list((await db.scalars(select(StoreChannel.channel).where(StoreChannel.store_id == store_id))).all())
    if await db.scalar(select(TelegramBot.id).where(TelegramBot.store_id == store_id)):
        channels.append("telegram")
    return {"products": await db.scalar(select(func.count()).select_from(Product).where(of_store)),
            "sold": set((await db.scalars(select(Product.category).where(of_store).distinct())).all()),
            "channels": channels}


@routes.post(r"/stores/{code:[A-Za-z0-9_-]{1,32}}/{action:verify|pause|resume}")
async def change_status(request: web.Request) -> web.Response:
    operator = await current_operator(request)
    form = await checked_form(request)
    action = request.match_info["action"]
    _ = await translator(request)
    async with request.config_dict[SERVICES].sessions() as db, db.begin():
        store = await _store(db, request)
        try:
            if action == "pause":
                await pause_store(db, store, reason=str(form.get("reason", "")), actor=operator.actor)
            elif action == "resume":
                await resume_store(db, store, actor=operator.actor)
            else:
                await verify_store(db, store, actor=operator.actor)
            message = _("{store} is now {status}.", store=store.name, status=status_word(_, store.status))
        except StatusChangeRefused as e:
            message = refusal(_, e)
    await flash(request, message)
    raise web.HTTPSeeOther(STORE_URL.format(code=store.code))


@routes.post(r"/stores/{code:[A-Za-z0-9_-]{1,32}}/starter")
async def add_starter(request: web.Request) -> web.Response:
    """Copy the ticked starter categories into the store (zero stock; the owner sets prices and stock)."""
    operator = await current_operator(request)
    form = await checked_form(request)
    categories = [str(c) for c in form.getall("category", [])]
    _ = await translator(request)
    async with request.config_dict[SERVICES].sessions() as db, db.begin():
        store = await _store(db, request)
        if not categories:
            message = _("Tick at least one category.")
        else:
            try:
                added = await apply_starter(db, store.id, categories)
            except UnknownCategory as e:
                message = _("The starter catalog has no category {names}.", names=", ".join(e.names))
            else:
                await record_event(db, store.id, "starter_applied", actor=operator.actor, detail={
                    "categories": sorted({c.lower() for c in categories}), "added": added.added, "kept": added.kept})
                message = _("{added} products added with zero stock; {kept} were already there.",
                            added=added.added, kept=added.kept)
    await flash(request, message)
    raise web.HTTPSeeOther(STORE_URL.format(code=store.code))


def status_word(_: Translator, status: str) -> str:
    return {"pending": _("waiting for verification"), "active": _("taking orders"),
            "paused": _("paused")}.get(status, status)


def event_label(_: Translator, event) -> str:
    """A history row in words; a kind this page does not know shows as written."""
    label = {"created": _("Registered"), "verified": _("Verified"), "paused": _("Paused"), "resumed": _("Resumed"),
             "starter_applied": _("Starter products added"), "rules_changed": _("Rules changed"),
             "customer_exported": _("A customer's data exported"),
             "customer_forgotten": _("A customer's data erased")}.get(event.kind, event.kind)
    if event.kind == "rules_changed":
        label += ": " + ", ".join(sorted((event.detail or {}).get("new", {})))
    elif event.kind == "starter_applied":
        label += ": " + ", ".join((event.detail or {}).get("categories", []))
    return label


def refusal(_: Translator, e: StatusChangeRefused) -> str:
    """Why a status change did not happen, in the operator's language."""
    if e.problem == "no_reason":
        return _("Give a reason for pausing the store.")
    if e.problem == "reason_too_long":
        return _("The reason is too long: at most {limit} characters.", limit=MAX_REASON_LENGTH)
    return _("Nothing changed: the store is {status}.", status=status_word(_, e.status))


async def _store(db, request: web.Request) -> Store:
    store = await get_store_by_code(db, request.match_info["code"])
    if store is None:
        raise web.HTTPNotFound(text="No store with that code.")
    return store
