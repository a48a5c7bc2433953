"""Render a panel page: every template gets the owner, the language, `_` and the status words."""
from __future__ import annotations

import aiohttp_jinja2
from aiohttp import web
from aiohttp_session import get_session

from vyaparai.web.panel.i18n import LANGUAGES, translator


async def render(request: web.Request, template: str, context: dict, *, status: int = 200) -> web.Response:
    page = {"flash": await pop_flash(request), **await template_context(request), **context}
    return aiohttp_jinja2.render_template(template, request, page, status=status)


async def render_fragment(request: web.Request, template: str, context: dict) -> str:
    """A piece of a page (one order in the list) as HTML, for the live feed; leaves the flash alone."""
    return aiohttp_jinja2.render_string(template, request, {**await template_context(request), **context})


async def template_context(request: web.Request) -> dict:
    _ = await translator(request)
    return {"_": _, "lang": _.lang, "languages": LANGUAGES, "status_label": _.status, "path": request.path_qs}


async def flash(request: web.Request, message: str) -> None:
    """A one-line message shown on the next page the owner sees (after a redirect)."""
    (await get_session(request))["flash"] = message


async def pop_flash(request: web.Request) -> str | None:
    return (await get_session(request)).pop("flash", None)
