"""The store owner's web panel under /panel: encrypted session cookies, login, and the order pages."""
from __future__ import annotations

import hashlib
import os
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import aiohttp_jinja2
import aiohttp_session
from aiohttp import web
from aiohttp_session.cookie_storage import EncryptedCookieStorage

from vyaparai import locales
from vyaparai.config import Settings
from vyaparai.web.panel import auth, dashboard, history, inventory, live, login_code, orders, settings as settings_page
from vyaparai.web.panel.auth import SESSION_MAX_AGE
from vyaparai.web.panel.throttle import LoginThrottle, RedisLoginThrottle

IST = ZoneInfo("Asia/Kolkata")


def setup_panel(app: web.Application, settings: Settings) -> None:
    """Add the session middleware (it only touches requests that use a session) and the panel's routes."""
    aiohttp_session.setup(app, EncryptedCookieStorage(
        session_key(settings.secret_key), cookie_name="vyaparai_panel", max_age=SESSION_MAX_AGE, path="/panel",
        httponly=True, samesite="Lax", secure=settings.public_base_url.startswith("https://")))
    app[auth.THROTTLE] = RedisLoginThrottle(settings.redis_url) if settings.redis_url else LoginThrottle()
    app.on_cleanup.append(_close_throttle)
    env = aiohttp_jinja2.get_env(app)
    env.filters.update(rupees=locales.money, ist=_ist)
    for module in (auth, login_code, orders, live, history, dashboard, inventory, settings_page):
        app.router.add_routes(module.routes)
    live.setup(app)


async def _close_throttle(app: web.Application) -> None:
    await app[auth.THROTTLE].close()


def session_key(secret: str) -> bytes:
    """32 bytes for Fernet, derived from SECRET_KEY; without one, a random key (sessions end on restart)."""
    if not secret:
        return os.urandom(32)
    return hashlib.sha256(b"vyaparai panel session\0" + secret.encode()).digest()


def _ist(value: datetime | str) -> str:
    when = datetime.fromisoformat(value) if isinstance(value, str) else value
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(IST).strftime("%d %b %H:%M")
