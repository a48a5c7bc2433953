"""Refuse a URL no honest client sends: a NUL in its path or query string gets 400 before any handler runs.

PostgreSQL cannot store or even compare text holding NUL, so such a value reaching a query
(a store code, a search box) fails there as a 500; one check here covers every route.
"""
from aiohttp import web


@web.middleware
async def refuse_nul_in_url(request: web.Request, handler):
    if "\x00" in request.path or any("\x00" in k or "\x00" in v for k, v in request.query.items()):
        raise web.HTTPBadRequest(text="A URL cannot contain a NUL character.")
    return await handler(request)
