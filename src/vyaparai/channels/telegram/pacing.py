"""Keep within Telegram's flood limits: ~30 messages a second per bot, one a second per chat, and a pause
when Telegram answers 429 with retry_after. https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

PER_BOT_PER_SECOND = 30
CHAT_INTERVAL = 1.0
FORGET_AFTER = 60.0  # seconds: a chat quiet this long needs no slot remembered


class Pacer:
    """Hands out send slots. Slots are taken under a lock and waited for outside it, so waiting for one busy
    chat never holds back another."""

    def __init__(self, per_bot_per_second: float = PER_BOT_PER_SECOND, chat_interval: float = CHAT_INTERVAL, *,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep):
        self.bot_interval = 1.0 / per_bot_per_second
        self.chat_interval = chat_interval
        self._clock, self._sleep = clock, sleep
        self._next_bot: dict[str, float] = {}
        self._next_chat: dict[tuple[str, str], float] = {}
        self._lock = asyncio.Lock()

    async def wait_turn(self, bot_id: str, chat_id: str) -> float:
        """Wait for this message's slot; returns the seconds waited."""
        async with self._lock:
            now = self._clock()
            at = max(now, self._next_bot.get(bot_id, now), self._next_chat.get((bot_id, chat_id), now))
            self._next_bot[bot_id] = at + self.bot_interval
            self._next_chat[(bot_id, chat_id)] = at + self.chat_interval
            self._forget_quiet_chats(now)
        if at > now:
            await self._sleep(at - now)
        return at - now

    def pause(self, bot_id: str, seconds: float) -> None:
        """Telegram said "retry after N seconds": nothing more from this bot until then."""
        until = self._clock() + seconds
        self._next_bot[bot_id] = max(self._next_bot.get(bot_id, until), until)

    def _forget_quiet_chats(self, now: float) -> None:
        if len(self._next_chat) > 10_000:
            self._next_chat = {k: at for k, at in self._next_chat.items() if at > now - FORGET_AFTER}
