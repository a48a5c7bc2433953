"""The long-lived things jobs need: settings, database sessions, the bot engine and the push channels."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine

from vyaparai.bot.engine import Engine
from vyaparai.bot.turn import BotSettings
from vyaparai.channels.base import Channel
from vyaparai.config import Settings
from vyaparai.db.engine import Sessions, create_engine, create_sessions


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
        return cls(settings=settings, engine=engine, sessions=sessions, bot=bot)

    async def close(self) -> None:
        await self.engine.dispose()
