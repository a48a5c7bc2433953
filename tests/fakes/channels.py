"""A push channel that records what it was asked to send, and can be told to fail."""
from __future__ import annotations

from vyaparai.bot.messages import OutboundMessage
from vyaparai.channels.base import ChannelError


class FakePushChannel:
    def __init__(self, name: str = "whatsapp"):
        self.name = name
        self.sent: list[OutboundMessage] = []
        self.fail_next: list[ChannelError | Exception] = []

    async def send(self, message: OutboundMessage) -> str:
        if self.fail_next:
            raise self.fail_next.pop(0)
        self.sent.append(message)
        return f"wamid.fake{len(self.sent)}"
