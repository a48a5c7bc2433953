"""The Telegram webhook, one URL per store: secret checked, each update recorded once and handed to a job."""
from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from aiohttp import web
from sqlalchemy import update

from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage, OutboundMessage
from vyaparai.bot.outbox import queue_replies
from vyaparai.bot.owner_chats import linked_owner_phone
from vyaparai.bot.owner_linking import handle_owner_command
from vyaparai.channels.telegram import (
    CHANNEL, SECRET_HEADER, ParsedUpdate, SecretProblem, UpdateShapeError, check_secret, parse_update, sender_of,
    split_sender,
)
from vyaparai.db.models import InboundLog, Store
from vyaparai.db.types import utcnow
from vyaparai.web.bodies import read_capped
from vyaparai.web.health import INBOUND
from vyaparai.web.keys import JOBS, SERVICES
from vyaparai.workers.telegram_bots import WebhookBot, webhook_bot

logger = logging.getLogger(__name__)

MAX_BODY = 1_000_000  # one update; Telegram sends them one at a time
_acknowledging: set[asyncio.Task] = set()

routes = web.RouteTableDef()


@routes.post("/webhooks/telegram/{store_code}")
async def updates(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    async with services.read() as session:
        bot = await webhook_bot(session, request.match_info["store_code"], services.settings)
    if bot is None:
        raise web.HTTPNotFound(text="no Telegram bot for this store")
    try:
        check_secret(bot.secret, request.headers.get(SECRET_HEADER))
    except SecretProblem as e:
        logger.warning("refused a Telegram webhook for %s: %s", bot.store.code, e.reason)
        return web.Response(status=e.status, text=e.reason)
    try:
        parsed = parse_update(await read_capped(request, MAX_BODY), bot.bot_id)
    except UpdateShapeError as e:
        logger.warning("unreadable Telegram update for %s: %s", bot.store.code, e)
        raise web.HTTPBadRequest(text=str(e)) from None
    if parsed.ignored:
        # Edited messages (and a live location's moves) would re-run an order already read once.
        logger.info("Telegram update %d for %s ignored: %s", parsed.update_id, bot.store.code, parsed.ignored)
        return web.Response(text="ok")
    inbound_id = await _record(request, bot, parsed)
    INBOUND.labels(CHANNEL, "new" if inbound_id else "duplicate").inc()
    if inbound_id is not None:
        if parsed.command:
            request.app[JOBS].kick_delivery()
        else:
            request.app[JOBS].enqueue_inbound(inbound_id, parsed.message.sender)
        if parsed.callback is not None:
            _acknowledge(request, bot.bot_id, parsed)
    return web.Response(text="ok")



async def _record(request: web.Request, bot: WebhookBot, parsed: ParsedUpdate) -> int | None:
    """Log the update once; an /owner command is answered here, in the same transaction as its de-duplication."""
    services = request.app[SERVICES]
    async with services.sessions() as session, session.begin():
        store = await session.get(Store, bot.store.id)
        if parsed.command:
            return await _owner_command(session, store, bot, parsed, services.settings.secret_key)
        msg = parsed.message
        _, chat_id = split_sender(msg.sender)
        phone = await linked_owner_phone(session, store, bot.bot_id, chat_id)
        if phone is not None:
            msg = replace(msg, sender_phone=phone)  # the bot then treats this chat as the shopkeeper
        return await record_inbound(session, msg, store.id)


async def _owner_command(session, store, bot: WebhookBot, parsed: ParsedUpdate, secret_key: str) -> int | None:
    name, argument = parsed.command
    chat_id = parsed.chat_id
    # Only the command is logged, never the code typed after it.
    logged = InboundMessage(channel=CHANNEL, provider_message_id=f"{bot.bot_id}:{parsed.update_id}",
                            sender=sender_of(bot.bot_id, chat_id), text=f"/{name}")
    inbound_id = await record_inbound(session, logged, store.id)
    if inbound_id is None:
        return None
    answer = await handle_owner_command(session, store, bot.bot_id, str(chat_id), argument, secret_key=secret_key,
                                        lang=store.default_language or "en")
    queue_replies(session, store.id, [OutboundMessage(channel=CHANNEL, recipient=logged.sender, text=answer,
                                                      meta={"secret": True})])
    await session.execute(update(InboundLog).where(InboundLog.id == inbound_id)
                          .values(status="processed", processed_at=utcnow()))
    return inbound_id


def _acknowledge(request: web.Request, bot_id: str, parsed: ParsedUpdate) -> None:
    channel = request.app[SERVICES].channels.get(CHANNEL)
    if channel is None or not hasattr(channel, "acknowledge"):
        return
    task = asyncio.create_task(channel.acknowledge(bot_id, parsed.callback))
    _acknowledging.add(task)
    task.add_done_callback(_acknowledging.discard)
