"""Send OutboundMessages as RBM agent messages; to a phone that cannot receive RCS, the same reply goes by SMS."""
from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace

import aiohttp

from vyaparai.bot.messages import OutboundMessage
from vyaparai.channels.base import Channel, ChannelError
from vyaparai.channels.rcs.parse import CHANNEL
from vyaparai.channels.rcs.render import render

logger = logging.getLogger(__name__)

TIMEOUT = aiohttp.ClientTimeout(total=15)
# Stable per outbox row, so a retry after a lost answer is the same message to RBM (409, not a second copy).
MESSAGE_IDS = uuid.UUID("6f1e0a52-8d0c-4c55-9a57-3c1b5e0e2f41")
AgentLookup = Callable[[OutboundMessage], Awaitable[str | None]]
TokenSource = Callable[[], Awaitable[str]]


class RBMChannel:
    name = CHANNEL

    def __init__(self, tokens: TokenSource, base_url: str, http: Callable[[], aiohttp.ClientSession], *,
                 agent_id: str | None = None, agent_lookup: AgentLookup | None = None,
                 sms_fallback: Channel | None = None):
        self._tokens = tokens
        self._base_url = base_url.rstrip("/")
        self._http = http
        self._default_agent = agent_id
        self._agent_lookup = agent_lookup
        self.sms_fallback = sms_fallback

    async def send(self, message: OutboundMessage) -> str:
        agent = await self._agent_for(message)
        message_id = _message_id(message)
        url = f"{self._base_url}/v1/phones/+{message.recipient.lstrip('+')}/agentMessages"
        params = {"messageId": message_id, "agentId": agent}
        status, answer = await self._post(url, params, {"contentMessage": render(message)})
        if status == 404 and self.sms_fallback is not None:
            # RBM's answer for a phone without RCS (an iPhone before iOS 18, a basic phone, RCS off).
            logger.info("phone is not RCS-capable: reply goes by SMS")
            return "sms:" + await self.sms_fallback.send(replace(message, channel=self.sms_fallback.name))
        if status == 409:
            return message_id  # ALREADY_EXISTS: an earlier try got through before its answer was lost
        if status >= 400:
            error = answer.get("error") if isinstance(answer.get("error"), dict) else {}
            raise ChannelError(f"RBM {status}: {error.get('message') or 'no message'} ({error.get('status')})",
                               retryable=status == 429 or status >= 500, code=str(error.get("status") or status))
        return message_id

    async def _post(self, url: str, params: dict, body: dict) -> tuple[int, dict]:
        headers = {"Authorization": f"Bearer {await self._tokens()}"}
        try:
            async with self._http().post(url, params=params, json=body, headers=headers, timeout=TIMEOUT) as resp:
                try:
                    answer = await resp.json(content_type=None)
                except ValueError:
                    answer = {}
                return resp.status, answer if isinstance(answer, dict) else {}
        except (aiohttp.ClientError, asyncio.TimeoutError) as e:
            raise ChannelError(f"RBM API unreachable: {e!r}", retryable=True, code="network") from e

    async def _agent_for(self, message: OutboundMessage) -> str:
        agent = message.meta.get("rbm_agent")
        if not agent and self._agent_lookup is not None:
            agent = await self._agent_lookup(message)
        agent = agent or self._default_agent
        if not agent:
            raise ChannelError("no RBM agent to send from", retryable=False, code="no_agent")
        return str(agent)


def _message_id(message: OutboundMessage) -> str:
    outbox_id = message.meta.get("outbox_id")
    if outbox_id is None:
        return str(uuid.uuid4())
    return str(uuid.uuid5(MESSAGE_IDS, f"{message.recipient}:{outbox_id}"))
