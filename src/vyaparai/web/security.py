"""Security headers on every response."""
from aiohttp import web

HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@web.middleware
async def security_headers(request: web.Request, handler):
    try:
        response = await handler(request)
    except web.HTTPException as e:
        e.headers.update({k: v for k, v in HEADERS.items() if k not in e.headers})
        raise
    for k, v in HEADERS.items():
        response.headers.setdefault(k, v)
    return response
