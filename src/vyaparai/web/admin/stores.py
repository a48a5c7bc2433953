"""The console's store pages: the list (problems first, searchable), one store's page, and its actions."""
from __future__ import annotations

from datetime import datetime, timezone

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
    async with request.config_dict[SERVICES].read() as db:
        store = await _store(db, request)
        history = await store_history(db, store.id, limit=50)
        products = await db.scalar(select(func.count()).select_from(Product).where(Product.store_id == store.id))
        sold = set((await db.scalars(select(Product.category).where(Product.store_id == store.id).distinct())).all())
        channels = list((await db.scalars(select(StoreChannel.channel).where(StoreChannel.store_id == store.id))).all())
        if await db.scalar(select(TelegramBot.id).where(TelegramBot.store_id == store.id)):
            channels.append("telegram")
    return await render(request, "admin/store.html", {
        "operator": operator, "active": "stores", "store": store, "history": history, "products": products,
        "channels": channels, "hours": format_hours(store.opening_hours or {}), "starter": starter_categories(),
        "sold": sold, "chosen": set(), "base_url": request.config_dict[SERVICES].settings.public_base_url.rstrip("/"),
        "max_reason": MAX_REASON_LENGTH})


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
