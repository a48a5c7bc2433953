"""What every push channel adapter offers the delivery worker."""
from __future__ import annotations

from typing import Protocol

from vyaparai.bot.messages import OutboundMessage


class ChannelError(Exception):
    """Sending failed. `retryable` says whether trying again later can help (a timeout can, a bad number can't)."""

    def __init__(self, message: str, *, retryable: bool = True, code: str | None = None):
        super().__init__(message)
        self.retryable = retryable
        self.code = code


class Channel(Protocol):
    name: str

    async def send(self, message: OutboundMessage) -> str:
        """Deliver one message; return the provider's message id."""
        ...
