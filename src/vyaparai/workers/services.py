"""The long-lived things jobs need: settings, database sessions, the bot engine and the push channels."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import aiohttp
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from vyaparai.bot.engine import Engine
from vyaparai.bot.turn import BotSettings
from vyaparai.channels.base import Channel
from vyaparai.channels.telegram import TelegramChannel
from vyaparai.channels.whatsapp import WhatsAppChannel
from vyaparai.config import Settings
from vyaparai.db.engine import Sessions, create_engine, create_read_sessions, create_sessions
from vyaparai.payments.online import OnlinePayments
from vyaparai.workers.order_feed import OrderFeed, RedisOrderFeed
from vyaparai.workers.phone_channels import rcs_channel, sms_channel
from vyaparai.workers.telegram_bots import BotTokens
from vyaparai.workers.whatsapp_senders import StoreNumbers


@dataclass
class Services:
    settings: Settings
    engine: AsyncEngine
    sessions: Sessions
    bot: Engine
    channels: dict[str, Channel] = field(default_factory=dict)
    read_sessions: Sessions | None = None  # for pages that only read; see create_read_sessions
    feed: OrderFeed = field(default_factory=OrderFeed)
    _http: aiohttp.ClientSession | None = None
    payments_settled_at: datetime | None = None

    def read(self) -> AsyncSession:
        """A session for reading only: `async with services.read() as db:` (see create_read_sessions)."""
        return (self.read_sessions or self.sessions)()

    def http(self) -> aiohttp.ClientSession:
        """One outgoing HTTP session for the process (payment gateway), opened on first use."""
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession()
        return self._http

    @classmethod
    def create(cls, settings: Settings) -> Services:
        engine = create_engine(settings.database_url)
        feed = RedisOrderFeed(settings.redis_url) if settings.redis_url else OrderFeed()
        sessions = create_sessions(engine, on_order_changes=feed.publish)
        online = settings.razorpay_key_id is not None and settings.razorpay_key_secret is not None
        bot = Engine(sessions, BotSettings(cart_ttl_minutes=settings.cart_ttl_minutes, online_payments=online))
        channels: dict[str, Channel] = {}
        if settings.whatsapp_token:
            # Its aiohttp session is opened on first send and closed in close().
            channels["whatsapp"] = WhatsAppChannel(settings.whatsapp_token, settings.whatsapp_api_base_url,
                                                   sender_lookup=StoreNumbers(sessions))
        # Per-store bots come from the database, so the channel is there even without TELEGRAM_BOT_TOKEN.
        channels["telegram"] = TelegramChannel(BotTokens(sessions, settings), settings.telegram_api_base_url)
        services = cls(settings=settings, engine=engine, sessions=sessions, bot=bot, channels=channels, feed=feed,
                       read_sessions=create_read_sessions(engine))
        if sms := sms_channel(settings, sessions, services.http):
            channels["sms"] = sms
        if rcs := rcs_channel(settings, sessions, services.http, sms_fallback=sms):
            channels["rcs"] = rcs
        if online:
            bot.payments = OnlinePayments(settings, services.http)
        return services

    async def close(self) -> None:
        if self._http is not None:
            await self._http.close()
        for channel in self.channels.values():
            if hasattr(channel, "close"):
                await channel.close()
        await self.feed.close()  # after the last commit that may publish
        await self.engine.dispose()
