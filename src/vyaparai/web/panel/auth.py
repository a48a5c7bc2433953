"""Owner login for the panel: phone + password, an encrypted session cookie, logout, and the login guard."""
from __future__ import annotations

import asyncio
import logging
import math
from dataclasses import dataclass

from aiohttp import web
from aiohttp_session import get_session, new_session
from sqlalchemy import String, cast, select

from vyaparai.catalog.stores import InvalidStoreValue, is_owner, normalize_phone, verify_owner_password
from vyaparai.db.models import Store
from vyaparai.web.keys import SERVICES
from vyaparai.web.panel.csrf import checked_form, csrf_token
from vyaparai.web.panel.i18n import choose_language, translator
from vyaparai.web.panel.render import render
from vyaparai.web.panel.session_versions import end_sessions, session_version
from vyaparai.web.panel.throttle import Throttle

logger = logging.getLogger(__name__)

THROTTLE = web.AppKey("panel_login_throttle", Throttle)
SESSION_MAX_AGE = 12 * 3600
# Guesses from one client address across all phones: more than one owner may share an address (a shop's wifi).
ADDRESS_ATTEMPTS = 20
LOGIN_URL = "/panel/login"
HOME_URL = "/panel/"

routes = web.RouteTableDef()


@dataclass(frozen=True)
class Owner:
    """Who is logged in: the store comes from the session, never from the URL."""

    store: Store
    phone: str
    csrf: str


async def current_owner(request: web.Request) -> Owner:
    """The logged-in owner, or a redirect to the login page (also when they are no longer an owner)."""
    session = await get_session(request)
    store_id, phone = session.get("store_id"), session.get("phone")
    store, version = None, None
    if isinstance(store_id, int) and isinstance(phone, str):
        async with request.app[SERVICES].read() as db:
            store = await db.get(Store, store_id)
            version = await session_version(db, store_id, phone)
    if store is None or not is_owner(store, phone) or session.get("version", 0) != version:
        session.invalidate()
        raise web.HTTPSeeOther(LOGIN_URL)
    return Owner(store=store, phone=phone, csrf=csrf_token(session))


@routes.get("/panel")
async def panel_root(request: web.Request) -> web.Response:
    raise web.HTTPSeeOther(HOME_URL)


@routes.get(LOGIN_URL)
async def login_page(request: web.Request) -> web.Response:
    return await _login_form(request, csrf_token(await get_session(request)))


@routes.post(LOGIN_URL)
async def login(request: web.Request) -> web.Response:
    form = await checked_form(request)
    csrf = csrf_token(await get_session(request))
    phone = phone_or_none(str(form.get("phone", "")))
    throttle = request.app[THROTTLE]
    key = f"phone:{phone or 'invalid'}"
    _ = await translator(request)
    # Counted before the password is checked, so guesses sent in parallel are counted too.
    wait = max(await throttle.attempt(key), await throttle.attempt(f"address:{request.remote}", ADDRESS_ATTEMPTS))
    if wait:
        return await _login_form(request, csrf, status=429, phone=form.get("phone", ""),
                                 error=_("Too many wrong passwords. Try again in {minutes} minutes.",
                                         minutes=math.ceil(wait / 60)))
    store = await _store_for(request, phone, str(form.get("password", ""))) if phone else None
    if store is None:
        logger.info("panel login refused for a phone ending %s", key[-4:])
        return await _login_form(request, csrf, status=401, phone=form.get("phone", ""),
                                 error=_("Wrong phone number or password."))
    await throttle.succeeded(key)
    await start_session(request, store, phone, _.lang)
    raise web.HTTPSeeOther(HOME_URL)


async def start_session(request: web.Request, store: Store, phone: str, lang: str) -> None:
    """Log the owner in. A fresh session, so a cookie planted before it (session fixation) is worth nothing."""
    session = await new_session(request)
    async with request.app[SERVICES].sessions() as db:
        version = await session_version(db, store.id, phone)
    session["store_id"], session["phone"], session["version"] = store.id, phone, version
    choose_language(session, lang)
    csrf_token(session)
    logger.info("panel login for store %s", store.code)


@routes.post("/panel/logout")
async def logout(request: web.Request) -> web.Response:
    """End this owner's sessions everywhere: a copied cookie, or one left on another device, opens nothing after."""
    await checked_form(request)
    session = await get_session(request)
    store_id, phone = session.get("store_id"), session.get("phone")
    if isinstance(store_id, int) and isinstance(phone, str):
        async with request.app[SERVICES].sessions() as db, db.begin():
            await end_sessions(db, store_id, phone)
    session.invalidate()
    raise web.HTTPSeeOther(LOGIN_URL)


@routes.post("/panel/language")
async def change_language(request: web.Request) -> web.Response:
    """The English / हिन्दी switch in the header; works before login too."""
    form = await checked_form(request)
    choose_language(await get_session(request), str(form.get("lang", "")))
    back = str(form.get("next", ""))
    # Only a path inside the panel, so the switch cannot be used to send someone elsewhere.
    raise web.HTTPSeeOther(back if back.startswith("/panel") and "//" not in back else HOME_URL)


async def _login_form(request: web.Request, csrf: str, *, status: int = 200, error: str | None = None,
                      phone: str = "") -> web.Response:
    return await render(request, "panel/login.html", {"csrf": csrf, "error": error, "phone": phone}, status=status)


def phone_or_none(raw: str) -> str | None:
    try:
        return normalize_phone(raw)
    except InvalidStoreValue:
        return None


async def _store_for(request: web.Request, phone: str, password: str) -> Store | None:
    """The store this phone owns and this password opens (the first one, if the phone owns several)."""
    async with request.app[SERVICES].sessions() as db, db.begin():
        # owner_phones is a JSON list of digit strings; a text match narrows, is_owner decides.
        candidates = (await db.scalars(
            select(Store).where(cast(Store.owner_phones, String).contains(phone)).order_by(Store.id)
        )).all()
        for store in candidates:
            # Argon2 takes tens of milliseconds of CPU: keep the event loop free for other requests.
            if is_owner(store, phone) and await asyncio.to_thread(verify_owner_password, store, password):
                return store  # a rehashed password is saved by the commit on leaving
    return None
