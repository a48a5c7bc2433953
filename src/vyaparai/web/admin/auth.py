"""Operator login for the console: phone + password, the console's own session, logout, and the login guard."""
from __future__ import annotations

import asyncio
import logging
import math
from dataclasses import dataclass

from aiohttp import web
from aiohttp_session import get_session, new_session

from vyaparai.db.models import Operator
from vyaparai.web.admin.operators import end_operator_sessions, operator_by_phone, password_matches
from vyaparai.web.keys import SERVICES
from vyaparai.web.panel.auth import ADDRESS_ATTEMPTS, phone_or_none
from vyaparai.web.panel.csrf import checked_form, csrf_token
from vyaparai.web.panel.i18n import choose_language, translator
from vyaparai.web.panel.render import render
from vyaparai.web.panel.throttle import Throttle

logger = logging.getLogger(__name__)

THROTTLE = web.AppKey("admin_login_throttle", Throttle)
LOGIN_URL = "/admin/login"
HOME_URL = "/admin/"

routes = web.RouteTableDef()


@dataclass(frozen=True)
class CurrentOperator:
    """Who is logged in to the console; `actor` is how their actions are written in a store's history."""

    id: int
    phone: str
    csrf: str

    @property
    def actor(self) -> str:
        return f"operator:+{self.phone}"


async def current_operator(request: web.Request) -> CurrentOperator:
    """The logged-in operator, or a redirect to the console's login (also after a logout elsewhere)."""
    session = await get_session(request)
    operator_id, phone = session.get("operator_id"), session.get("phone")
    operator = None
    if isinstance(operator_id, int) and isinstance(phone, str):
        async with request.config_dict[SERVICES].read() as db:
            operator = await db.get(Operator, operator_id)
    if operator is None or operator.phone != phone or session.get("version") != operator.session_version:
        session.invalidate()
        raise web.HTTPSeeOther(LOGIN_URL)
    return CurrentOperator(id=operator.id, phone=operator.phone, csrf=csrf_token(session))


@routes.get("")
async def console_root(request: web.Request) -> web.Response:
    raise web.HTTPSeeOther(HOME_URL)


@routes.get("/login")
async def login_page(request: web.Request) -> web.Response:
    return await _login_form(request)


@routes.post("/login")
async def login(request: web.Request) -> web.Response:
    form = await checked_form(request)
    phone = phone_or_none(str(form.get("phone", "")))
    throttle = request.config_dict[THROTTLE]
    key = f"phone:{phone or 'invalid'}"
    _ = await translator(request)
    # Counted before the password is checked, so guesses sent in parallel are counted too (as in the panel).
    wait = max(await throttle.attempt(key), await throttle.attempt(f"address:{request.remote}", ADDRESS_ATTEMPTS))
    if wait:
        return await _login_form(request, status=429, phone=form.get("phone", ""), error=_(
            "Too many wrong passwords. Try again in {minutes} minutes.", minutes=math.ceil(wait / 60)))
    operator = await _operator_for(request, phone, str(form.get("password", ""))) if phone else None
    if operator is None:
        logger.info("console login refused for a phone ending %s", key[-4:])
        return await _login_form(request, status=401, phone=form.get("phone", ""),
                                 error=_("Wrong phone number or password."))
    await throttle.succeeded(key)
    # A fresh session, so a cookie planted before the login (session fixation) is worth nothing.
    session = await new_session(request)
    session["operator_id"], session["phone"], session["version"] = operator.id, operator.phone, operator.session_version
    choose_language(session, _.lang)
    csrf_token(session)
    logger.info("console login for an operator with a phone ending %s", operator.phone[-4:])
    raise web.HTTPSeeOther(HOME_URL)


@routes.post("/logout")
async def logout(request: web.Request) -> web.Response:
    """End this operator's console sessions on every device."""
    await checked_form(request)
    session = await get_session(request)
    if isinstance(session.get("operator_id"), int):
        async with request.config_dict[SERVICES].sessions() as db, db.begin():
            await end_operator_sessions(db, session["operator_id"])
    session.invalidate()
    raise web.HTTPSeeOther(LOGIN_URL)


@routes.post("/language")
async def change_language(request: web.Request) -> web.Response:
    form = await checked_form(request)
    choose_language(await get_session(request), str(form.get("lang", "")))
    back = str(form.get("next", ""))
    # Only a path inside the console, so the switch cannot send anyone elsewhere.
    raise web.HTTPSeeOther(back if back.startswith("/admin") and "//" not in back else HOME_URL)


async def _login_form(request: web.Request, *, status: int = 200, error: str | None = None,
                      phone: str = "") -> web.Response:
    csrf = csrf_token(await get_session(request))
    return await render(request, "admin/login.html", {"csrf": csrf, "error": error, "phone": phone}, status=status)


async def _operator_for(request: web.Request, phone: str, password: str) -> Operator | None:
    async with request.config_dict[SERVICES].sessions() as db, db.begin():
        operator = await operator_by_phone(db, phone)
        # Argon2 takes tens of milliseconds of CPU: keep the event loop free for other requests.
        if operator is not None and await asyncio.to_thread(password_matches, operator, password):
            return operator  # a rehashed password is saved by the commit on leaving
    return None
