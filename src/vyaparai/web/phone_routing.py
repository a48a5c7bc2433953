"""What the SMS and RCS webhooks share: which store a message is for, a bare digit read as the numbered
choice it answers, and each message recorded once."""
from __future__ import annotations

import logging
import re
from dataclasses import replace

from aiohttp import web
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.bot.button_labels import OFFERED
from vyaparai.bot.inbox import find_store, record_inbound
from vyaparai.bot.messages import InboundMessage
from vyaparai.db.models import Conversation, Customer, CustomerIdentity, Store
from vyaparai.web.health import INBOUND
from vyaparai.web.keys import JOBS, SERVICES

logger = logging.getLogger(__name__)

_CHOICE = re.compile(r"\s*(\d{1,2})\s*[.)]?\s*")
_FIRST_WORD = re.compile(r"\s*([A-Za-z0-9_-]{2,32})(?:\s+|$)(.*)", re.DOTALL)
GREETING = "namaste"  # a message that was only the store's code: a hello, in every language the bot speaks


async def record_and_enqueue(request: web.Request, msg: InboundMessage) -> int | None:
    """Route, record and hand `msg` to a job; its inbound id, or None for a repeat or a message for no store."""
    async with request.app[SERVICES].sessions() as session, session.begin():
        found = await store_for(session, msg)
        if found is None:
            logger.warning("%s message %s for no known store: skipped", msg.channel, msg.provider_message_id)
            INBOUND.labels(msg.channel, "unknown_store").inc()
            return None
        store, msg = found
        msg = await as_numbered_choice(session, store.id, msg)
        inbound_id = await record_inbound(session, msg, store.id)
    INBOUND.labels(msg.channel, "new" if inbound_id else "duplicate").inc()
    if inbound_id is not None:
        request.app[JOBS].enqueue_inbound(inbound_id, msg.sender)
    return inbound_id


async def store_for(session: AsyncSession, msg: InboundMessage) -> tuple[Store, InboundMessage] | None:
    """The store's own number/agent; on the shared one, a store code said first, else the store the customer
    last wrote to on this channel, else the only store there is."""
    store = await find_store(session, msg)
    if store is not None:
        return store, msg
    named = _FIRST_WORD.match(msg.text or "") if msg.kind == "text" else None
    if named:
        store = await session.scalar(select(Store).where(Store.code == named.group(1).upper()))
        if store is not None:
            return store, replace(msg, text=named.group(2).strip() or GREETING)
    store_id = await session.scalar(
        select(Conversation.store_id).where(Conversation.customer_id.in_(_customer_ids(msg)))
        .order_by(Conversation.last_activity_at.desc()).limit(1))
    if store_id is None and await session.scalar(select(func.count()).select_from(Store)) == 1:
        store_id = await session.scalar(select(Store.id))
    return (await session.get(Store, store_id), msg) if store_id is not None else None


def _customer_ids(msg: InboundMessage):
    """The customer behind this sender: by their identity on this channel, or by their phone on any channel
    (get_or_create_customer joins them the same way)."""
    by_identity = select(CustomerIdentity.customer_id).where(CustomerIdentity.channel == msg.channel,
                                                             CustomerIdentity.external_id == msg.sender)
    if not msg.sender_phone:
        return by_identity
    return by_identity.union(select(Customer.id).where(Customer.phone == msg.sender_phone))


async def as_numbered_choice(session: AsyncSession, store_id: int, msg: InboundMessage) -> InboundMessage:
    """"2" typed after a reply whose choices were numbered (SMS, or RCS past its chip limits) is the 2nd choice."""
    number = _CHOICE.fullmatch(msg.text or "") if msg.kind == "text" else None
    if number is None:
        return msg
    data = await session.scalar(
        select(Conversation.data).where(Conversation.store_id == store_id,
                                        Conversation.customer_id.in_(_customer_ids(msg)))
        .order_by(Conversation.last_activity_at.desc()).limit(1))
    offered = (data or {}).get(OFFERED) or []
    n = int(number.group(1))
    if not 1 <= n <= len(offered):
        return msg
    chosen = offered[n - 1]
    return replace(msg, kind="button", button_id=chosen.get("id"), text=chosen.get("title") or msg.text)
