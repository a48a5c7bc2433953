"""The long-lived things jobs need: settings, database sessions, the bot engine and the push channels."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine

from vyaparai.bot.engine import Engine
from vyaparai.bot.turn import BotSettings
from vyaparai.channels.base import Channel
from vyaparai.channels.whatsapp import WhatsAppChannel
from vyaparai.config import Settings
from vyaparai.db.engine import Sessions, create_engine, create_sessions
from vyaparai.workers.whatsapp_senders import StoreNumbers


@dataclass
class Services:
    settings: Settings
    engine: AsyncEngine
    sessions: Sessions
    bot: Engine
    channels: dict[str, Channel] = field(default_factory=dict)

    @classmethod
    def create(cls, settings: Settings) -> Services:
        engine = create_engine(settings.database_url)
        sessions = create_sessions(engine)
        bot = Engine(sessions, BotSettings(cart_ttl_minutes=settings.cart_ttl_minutes))
        channels: dict[str, Channel] = {}
        if settings.whatsapp_token:
            # Its aiohttp session is opened on first send and closed in close().
            channels["whatsapp"] = WhatsAppChannel(settings.whatsapp_token, settings.whatsapp_api_base_url,
                                                   sender_lookup=StoreNumbers(sessions))
        return cls(settings=settings, engine=engine, sessions=sessions, bot=bot, channels=channels)

    async def close(self) -> None:
        for channel in self.channels.values():
            if hasattr(channel, "close"):
                await channel.close()
        await self.engine.dispose()
