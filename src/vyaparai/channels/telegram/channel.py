"""Send OutboundMessages through the Telegram Bot API with python-telegram-bot, one Bot per store's bot.

PTB's Application (handlers, update queue) is not used: updates are parsed into InboundMessages and
handled by our own jobs like every channel's, so only its Bot (HTTP calls, error types) and types
are needed. The recipient names the bot ("<bot id>:<chat id>"); `tokens` finds that bot's token.
"""
from __future__ import annotations

import logging
import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta

from telegram import Bot, Message
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from vyaparai.bot.messages import OutboundMessage
from vyaparai.channels.base import ChannelError
from vyaparai.channels.telegram.pacing import Pacer
from vyaparai.channels.telegram.parse import Callback, split_sender
from vyaparai.channels.telegram.render import render

logger = logging.getLogger(__name__)

TokenLookup = Callable[[str], Awaitable[str | None]]  # bot id -> its token, None when we have no such bot
MAX_WAIT = 10.0  # seconds: a longer retry_after goes back to the outbox's backoff instead of holding a worker


class TelegramChannel:
    name = "telegram"

    def __init__(self, tokens: TokenLookup, base_url: str = "https://api.telegram.org", *,
                 pacer: Pacer | None = None, max_wait: float = MAX_WAIT):
        self._tokens = tokens
        self._base_url = base_url.rstrip("/")
        self.pacer = pacer or Pacer()
        self.max_wait = max_wait
        self._bots: dict[str, Bot] = {}

    async def send(self, message: OutboundMessage) -> str:
        """Deliver one message (several parts when long); returns "<bot id>:<chat id>:<last message id>"."""
        bot_id, chat_id = split_sender(message.recipient)
        bot = await self.bot(bot_id)
        sent: Message | None = None
        for call in render(message):
            sent = await self._call(bot_id, chat_id, lambda call=call: bot.send_message(chat_id=chat_id, **call))
        return f"{bot_id}:{chat_id}:{sent.message_id}"

    async def acknowledge(self, bot_id: str, callback: Callback) -> None:
        """Stop the tapped button's spinner and take its keyboard away, so an old button cannot be pressed twice.
        Best effort: a failure here loses nothing the customer needs."""
        try:
            bot = await self.bot(bot_id)
            await bot.answer_callback_query(callback.query_id)
            if callback.chat_id is not None and callback.message_id is not None:
                await bot.edit_message_reply_markup(chat_id=callback.chat_id, message_id=callback.message_id,
                                                    reply_markup=None)
        except (TelegramError, ChannelError) as e:
            logger.info("could not acknowledge a Telegram button tap: %s", e)

    async def bot(self, bot_id: str) -> Bot:
        token = await self._tokens(bot_id)
        if token is None:
            raise ChannelError(f"no Telegram bot {bot_id} is connected", retryable=False, code="unknown_bot")
        bot = self._bots.get(bot_id)
        if bot is None or bot.token != token:
            bot = Bot(token, base_url=f"{self._base_url}/bot", base_file_url=f"{self._base_url}/file/bot")
            self._bots[bot_id] = bot
        return bot

    async def _call(self, bot_id: str, chat_id: str, request: Callable[[], Awaitable[Message]]) -> Message:
        for attempt in (1, 2):
            await self.pacer.wait_turn(bot_id, chat_id)
            try:
                return await request()
            except RetryAfter as e:
                seconds = _seconds(e)
                self.pacer.pause(bot_id, seconds)
                logger.warning("Telegram flood control on bot %s: retry after %.0f s", bot_id, seconds)
                if attempt == 2 or seconds > self.max_wait:
                    raise ChannelError(str(e), retryable=True, code="flood") from e
            except (Forbidden, InvalidToken) as e:  # blocked by the person, or a revoked token
                raise ChannelError(f"Telegram refused: {e}", retryable=False, code="forbidden") from e
            except BadRequest as e:  # chat not found, a malformed message: sending again cannot help
                raise ChannelError(f"Telegram rejected the message: {e}", retryable=False, code="bad_request") from e
            except (NetworkError, TelegramError) as e:
                raise ChannelError(f"Telegram API unreachable: {e!r}", retryable=True, code="network") from e
        raise AssertionError("unreachable")

    async def close(self) -> None:
        for bot in self._bots.values():
            try:
                await bot.shutdown()
            except TelegramError:
                pass
        self._bots.clear()


def _seconds(flood: RetryAfter) -> float:
    with warnings.catch_warnings():
        # PTB 22 still answers an int and warns that it will become a timedelta; either is read here.
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        retry_after = flood.retry_after
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else float(retry_after)
