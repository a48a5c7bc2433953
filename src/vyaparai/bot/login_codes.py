"""One-time codes that log an owner into the panel: sent to the owner's WhatsApp, kept hashed, good once.

A code is six digits, lives ten minutes and dies after five tries. Only an HMAC of it is stored
(keyed with a key derived from SECRET_KEY), so a copy of the database alone does not reveal a live
code. The rows are the only state, so every web process sees the same codes, tries and limits.
"""
from __future__ import annotations

import enum
import hashlib
import hmac
import logging
import secrets
from datetime import datetime, timedelta

from sqlalchemy import String, cast, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from vyaparai import locales
from vyaparai.bot.messages import OutboundMessage
from vyaparai.bot.notify import OWNER_CHANNEL
from vyaparai.bot.outbox import queue_replies
from vyaparai.catalog.stores import is_owner
from vyaparai.db.models import PanelLoginCode, Store
from vyaparai.db.types import utcnow

logger = logging.getLogger(__name__)

DIGITS = 6
LIFETIME = timedelta(minutes=10)
MAX_TRIES = 5
# Asking for codes: one a minute and five an hour per phone, so nobody can flood an owner's WhatsApp.
MIN_INTERVAL = timedelta(minutes=1)
HOURLY_LIMIT = 5
HOUR = timedelta(hours=1)


class Issue(enum.Enum):
    """What became of a request for a code. The web page must look the same for all three."""

    SENT = "sent"
    THROTTLED = "throttled"
    NOT_AN_OWNER = "not_an_owner"


def code_key(secret: str) -> bytes:
    """The HMAC key for codes, derived from SECRET_KEY (and separate from the session cookie's key)."""
    return hashlib.sha256(b"vyaparai panel login code\0" + secret.encode()).digest()


async def issue_login_code(session: AsyncSession, phone: str, *, lang: str, key: bytes,
                           now: datetime | None = None) -> Issue:
    """Queue a new code to `phone` (normalized) on WhatsApp if it owns a store; older codes stop working."""
    now = now or utcnow()
    store = await _store_owned_by(session, phone)
    if store is None:
        return Issue.NOT_AN_OWNER
    # Old rows go; an hour past expiry is kept so the hourly limit below can still count them.
    await session.execute(delete(PanelLoginCode).where(PanelLoginCode.expires_at < now - HOUR))
    recent = (await session.scalars(select(PanelLoginCode.created_at).where(
        PanelLoginCode.phone == phone, PanelLoginCode.created_at > now - HOUR))).all()
    if len(recent) >= HOURLY_LIMIT or any(created > now - MIN_INTERVAL for created in recent):
        logger.info("panel login code refused for a phone ending %s: asked too often", phone[-4:])
        return Issue.THROTTLED
    # Only the newest code counts, so five tries stay five tries however many codes were asked for.
    await session.execute(update(PanelLoginCode).where(
        PanelLoginCode.phone == phone, PanelLoginCode.used_at.is_(None), PanelLoginCode.expires_at > now,
    ).values(expires_at=now).execution_options(synchronize_session=False))
    code = f"{secrets.randbelow(10 ** DIGITS):0{DIGITS}d}"
    session.add(PanelLoginCode(store_id=store.id, phone=phone, code_hash=_digest(key, phone, code), attempts=0,
                               expires_at=now + LIFETIME, created_at=now))
    queue_replies(session, store.id, [_message(store, phone, code, lang)])
    logger.info("panel login code queued for store %s, a phone ending %s", store.code, phone[-4:])
    return Issue.SENT


async def redeem_login_code(session: AsyncSession, phone: str, code: str, *, key: bytes,
                            now: datetime | None = None) -> Store | None:
    """The store `code` opens for `phone`, using the code up; None for a wrong, dead or missing code."""
    now = now or utcnow()
    live = (PanelLoginCode.phone == phone, PanelLoginCode.used_at.is_(None), PanelLoginCode.expires_at > now,
            PanelLoginCode.attempts < MAX_TRIES)
    row = await session.scalar(select(PanelLoginCode).where(*live).order_by(PanelLoginCode.id.desc()).limit(1))
    if row is None:
        return None
    # The try is counted before the code is compared, in one conditional UPDATE: guesses sent in
    # parallel from several processes still get MAX_TRIES between them, not MAX_TRIES each.
    counted = await session.execute(update(PanelLoginCode).where(PanelLoginCode.id == row.id, *live)
                                    .values(attempts=PanelLoginCode.attempts + 1)
                                    .execution_options(synchronize_session=False))
    if counted.rowcount != 1 or not hmac.compare_digest(row.code_hash, _digest(key, phone, "".join(code.split()))):
        logger.info("wrong panel login code for a phone ending %s", phone[-4:])
        return None
    used = await session.execute(update(PanelLoginCode).where(PanelLoginCode.id == row.id,
                                                              PanelLoginCode.used_at.is_(None))
                                 .values(used_at=now).execution_options(synchronize_session=False))
    if used.rowcount != 1:
        return None  # the same code, redeemed by another request a moment ago
    store = await session.get(Store, row.store_id)
    return store if store is not None and is_owner(store, phone) else None


async def _store_owned_by(session: AsyncSession, phone: str) -> Store | None:
    """The store this phone owns, preferring one with its own WhatsApp number (the first by id among equals).

    Locked, so two requests for codes at the same moment are counted one after the other (PostgreSQL).
    """
    # owner_phones is a JSON list of digit strings; a text match narrows, is_owner decides.
    candidates = (await session.scalars(
        select(Store).where(cast(Store.owner_phones, String).contains(phone)).order_by(Store.id)
        .options(selectinload(Store.channels)).with_for_update(of=Store)
    )).all()
    owned = [store for store in candidates if is_owner(store, phone)]
    return next((s for s in owned if _whatsapp_number(s)), owned[0] if owned else None)


def _message(store: Store, phone: str, code: str, lang: str) -> OutboundMessage:
    text = locales.t(lang, "panel_login_code", code=code, store=store.name,
                     minutes=int(LIFETIME.total_seconds() // 60))
    # "secret": the outbox forgets the text once it is sent, so no stored copy of a live code stays behind.
    meta: dict = {"event": "panel_login_code", "secret": True}
    if number := _whatsapp_number(store):
        meta["phone_number_id"] = number  # from the store's own number, not whichever the lookup picks
    # A "notification", not an "alert": a refused alert is re-sent as the order template with Accept/Reject.
    return OutboundMessage(channel=OWNER_CHANNEL, recipient=phone, text=text, kind="notification", meta=meta)


def _whatsapp_number(store: Store) -> str | None:
    return next((c.external_id for c in store.channels if c.channel == OWNER_CHANNEL), None)


def _digest(key: bytes, phone: str, code: str) -> str:
    return hmac.new(key, f"{phone}:{code}".encode(), hashlib.sha256).hexdigest()
