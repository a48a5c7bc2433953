"""CSRF protection for the panel's forms: a random token kept in the session, checked on every POST."""
from __future__ import annotations

import hmac
import secrets

from aiohttp import web
from aiohttp_session import Session, get_session
from multidict import MultiDict, MultiDictProxy

from vyaparai.channels.payload import clean_text

FIELD = "csrf"
_SESSION_KEY = "csrf"


def csrf_token(session: Session) -> str:
    """The session's token, made on first use; every form renders it as a hidden field."""
    token = session.get(_SESSION_KEY)
    if not token:
        token = session[_SESSION_KEY] = secrets.token_urlsafe(32)
    return token


async def checked_form(request: web.Request) -> MultiDictProxy:
    """The posted form, or 403 when its token is missing or is not this session's.

    Its text comes back without NUL or lone surrogates (PostgreSQL stores neither).
    """
    session = await get_session(request)
    form = await request.post()
    sent, expected = form.get(FIELD), session.get(_SESSION_KEY)
    if not (isinstance(sent, str) and expected
            and hmac.compare_digest(sent.encode("utf-8", "surrogatepass"), expected.encode())):
        raise web.HTTPForbidden(text="This form has expired. Go back, reload the page and try again.")
    return MultiDictProxy(MultiDict((k, clean_text(v) if isinstance(v, str) else v) for k, v in form.items()))
