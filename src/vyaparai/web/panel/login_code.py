"""Owner login with a one-time code on WhatsApp: ask for a code, type it, get the same session as a password gives.

Whether the phone owns a store, or asked too often, never shows: every request for a code ends on
the same page ("If this number owns a store, a code is on its way").
"""
from __future__ import annotations

import logging

from aiohttp import web
from aiohttp_session import get_session

from vyaparai.bot.login_codes import DIGITS, LIFETIME, Issue, code_key, issue_login_code, redeem_login_code
from vyaparai.web.keys import JOBS, SERVICES
from vyaparai.web.panel.auth import HOME_URL, phone_or_none, start_session
from vyaparai.web.panel.csrf import checked_form, csrf_token
from vyaparai.web.panel.i18n import translator
from vyaparai.web.panel.render import render

logger = logging.getLogger(__name__)

ASK_URL = "/panel/login/code"
ENTER_URL = "/panel/login/code/enter"
# The phone the last code was asked for, so the code page needs only the code.
_SESSION_KEY = "login_code_phone"

routes = web.RouteTableDef()


@routes.get(ASK_URL)
async def ask_page(request: web.Request) -> web.Response:
    return await _ask_form(request)


@routes.post(ASK_URL)
async def ask_for_code(request: web.Request) -> web.Response:
    form = await checked_form(request)
    typed = str(form.get("phone", ""))
    phone = phone_or_none(typed)
    if phone is None:
        _ = await translator(request)
        return await _ask_form(request, status=400, phone=typed, error=_(
            "That is not a phone number. Write it with the country code, e.g. +91 98765 43210."))
    services = request.app[SERVICES]
    async with services.sessions() as db, db.begin():
        outcome = await issue_login_code(db, phone, lang=(await translator(request)).lang,
                                         key=code_key(services.settings.secret_key))
    if outcome is Issue.SENT:
        request.app[JOBS].kick_delivery()
    (await get_session(request))[_SESSION_KEY] = phone
    raise web.HTTPSeeOther(ENTER_URL)


@routes.get(ENTER_URL)
async def enter_page(request: web.Request) -> web.Response:
    phone = (await get_session(request)).get(_SESSION_KEY)
    if not phone:
        raise web.HTTPSeeOther(ASK_URL)
    return await _enter_form(request, phone)


@routes.post(ENTER_URL)
async def enter_code(request: web.Request) -> web.Response:
    form = await checked_form(request)
    phone = (await get_session(request)).get(_SESSION_KEY)
    if not phone:
        raise web.HTTPSeeOther(ASK_URL)
    code = "".join(str(form.get("code", "")).split())
    _ = await translator(request)
    if not (code.isdigit() and len(code) == DIGITS):
        return await _enter_form(request, phone, status=400,
                                 error=_("The code is the {digits} digits in the WhatsApp message.", digits=DIGITS))
    services = request.app[SERVICES]
    async with services.sessions() as db, db.begin():
        store = await redeem_login_code(db, phone, code, key=code_key(services.settings.secret_key))
    if store is None:
        return await _enter_form(request, phone, status=401, error=_(
            "That code is wrong, already used or expired. Check the WhatsApp message, or ask for a new code."))
    await start_session(request, store, phone, _.lang)
    raise web.HTTPSeeOther(HOME_URL)


def _whatsapp_ready(request: web.Request) -> bool:
    """Codes go out on WhatsApp; without a WhatsApp token there is no channel to send them."""
    return "whatsapp" in request.app[SERVICES].channels


async def _ask_form(request: web.Request, *, status: int = 200, phone: str = "",
                    error: str | None = None) -> web.Response:
    return await render(request, "panel/login_code.html", {
        "csrf": csrf_token(await get_session(request)), "phone": phone, "error": error,
        "whatsapp_ready": _whatsapp_ready(request)}, status=status)


async def _enter_form(request: web.Request, phone: str, *, status: int = 200,
                      error: str | None = None) -> web.Response:
    return await render(request, "panel/login_code_enter.html", {
        "csrf": csrf_token(await get_session(request)), "phone": f"+{phone}", "error": error,
        "minutes": int(LIFETIME.total_seconds() // 60), "whatsapp_ready": _whatsapp_ready(request)}, status=status)
