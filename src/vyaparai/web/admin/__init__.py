"""The operator console under /admin: a sub-application with its own session cookie, login throttle and pages.

Operators and owners never share a session. The console's cookie has its own name, its own key
(derived from SECRET_KEY with another label) and the path /admin, so an owner's panel cookie is
neither sent here nor readable here, and a console cookie is neither sent to nor readable by /panel.
The panel's helpers (render, checked_form, the translator) work unchanged inside: they ask
aiohttp_session for "the" session, which here is the console's.
"""
from __future__ import annotations

import hashlib
import os

import aiohttp_session
from aiohttp import web
from aiohttp_session.cookie_storage import EncryptedCookieStorage

from vyaparai.config import Settings
from vyaparai.web.admin import auth, figures, onboarding, stores
from vyaparai.web.panel.throttle import LoginThrottle, RedisLoginThrottle

PREFIX = "/admin"
SESSION_MAX_AGE = 8 * 3600  # an operator's working day; the console can pause any shop


def setup_admin(app: web.Application, settings: Settings) -> None:
    """Mount the console at /admin on the main application."""
    console = web.Application(middlewares=[_console_sessions(settings)])
    console[auth.THROTTLE] = (RedisLoginThrottle(settings.redis_url, prefix="vyaparai:admin-login")
                              if settings.redis_url else LoginThrottle())
    console.on_cleanup.append(_close_throttle)
    console.on_response_prepare.append(_never_cached)
    for module in (auth, stores, onboarding, figures):
        console.router.add_routes(module.routes)
    app.add_subapp(PREFIX, console)


def session_key(secret: str) -> bytes:
    """32 bytes for Fernet from SECRET_KEY, not the panel's: a panel cookie cannot be decrypted here."""
    if not secret:
        return os.urandom(32)
    return hashlib.sha256(b"vyaparai operator console session\0" + secret.encode()).digest()


def _console_sessions(settings: Settings):
    storage = EncryptedCookieStorage(
        session_key(settings.secret_key), cookie_name="vyaparai_admin", max_age=SESSION_MAX_AGE, path=PREFIX,
        httponly=True, samesite="Strict", secure=settings.public_base_url.startswith("https://"))
    inner = aiohttp_session.session_middleware(storage)

    @web.middleware
    async def console_sessions(request: web.Request, handler):
        try:
            return await inner(request, handler)
        finally:
            # Saved in the console's cookie already; the panel's middleware around us must not save it again.
            request.pop(aiohttp_session.SESSION_KEY, None)

    return console_sessions


async def _never_cached(request: web.Request, response: web.StreamResponse) -> None:
    # Store owners' phones and the platform's figures must not stay in a shared computer's cache.
    response.headers["Cache-Control"] = "no-store"


async def _close_throttle(app: web.Application) -> None:
    await app[auth.THROTTLE].close()
