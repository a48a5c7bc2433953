"""Security headers on every response, errors included; panel pages are never stored by a browser or proxy."""
from aiohttp import web

HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
# An owner's orders and customers' phone numbers must not stay in a shared computer's cache after logout.
PRIVATE_PREFIXES = ("/panel", "/admin")


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare: runs for every response that is sent, also aiohttp's own 404/405/500 pages."""
    for k, v in HEADERS.items():
        response.headers.setdefault(k, v)
    if request.path.startswith(PRIVATE_PREFIXES):
        response.headers["Cache-Control"] = "no-store"


def setup_security_headers(app: web.Application) -> None:
    app.on_response_prepare.append(add_security_headers)
