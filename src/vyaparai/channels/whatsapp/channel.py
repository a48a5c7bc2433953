"""Send one OutboundMessage through the WhatsApp Cloud API (POST /v{ver}/{phone_number_id}/messages).

Plain aiohttp rather than pywa's async client: aiohttp is already our HTTP stack (one shared
ClientSession, closed with the services); pywa would add httpx, has no base-URL setting (tests and
staging would have to overwrite a private attribute), wants one client per
sending number, and does not enforce WhatsApp's limits — which render.py has to do anyway. The
request is one small JSON document, so the library would save us very little.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

import aiohttp

from vyaparai.bot.messages import OutboundMessage
from vyaparai.channels.base import ChannelError
from vyaparai.channels.whatsapp.render import render

logger = logging.getLogger(__name__)

DEFAULT_API_VERSION = "26.0"
TIMEOUT = aiohttp.ClientTimeout(total=15)

# Which of our numbers sends this message (stores have their own numbers): None when unknown.
SenderLookup = Callable[[OutboundMessage], Awaitable[str | None]]


class WhatsAppChannel:
    name = "whatsapp"

    def __init__(self, token: str, base_url: str = "https://graph.facebook.com",
                 http_session: aiohttp.ClientSession | None = None, api_version: str = DEFAULT_API_VERSION, *,
                 phone_number_id: str | None = None, sender_lookup: SenderLookup | None = None):
        self._token = token
        self._base_url = base_url.rstrip("/")
        self._session = http_session
        self._owns_session = http_session is None
        self._api_version = api_version.lstrip("v")
        self._default_sender = phone_number_id
        self._sender_lookup = sender_lookup

    async def send(self, message: OutboundMessage) -> str:
        phone_number_id = await self._sender_for(message)
        url = f"{self._base_url}/v{self._api_version}/{phone_number_id}/messages"
        body = {"messaging_product": "whatsapp", "recipient_type": "individual",
                **_addressee(message.recipient), **render(message)}
        try:
            async with self._http().post(url, json=body, headers={"Authorization": f"Bearer {self._token}"},
                                         timeout=TIMEOUT) as resp:
                answer = await _json(resp)
                if resp.status >= 400:
                    raise _error_for(resp.status, answer)
        except (aiohttp.ClientError, asyncio.TimeoutError) as e:
            raise ChannelError(f"WhatsApp API unreachable: {e!r}", retryable=True, code="network") from e
        try:
            return str(answer["messages"][0]["id"])
        except (KeyError, IndexError, TypeError):
            raise ChannelError("WhatsApp API answered without a message id", retryable=True,
                               code="bad_answer") from None

    async def _sender_for(self, message: OutboundMessage) -> str:
        sender = message.meta.get("phone_number_id")
        if not sender and self._sender_lookup is not None:
            sender = await self._sender_lookup(message)
        sender = sender or self._default_sender
        if not sender:
            raise ChannelError("no WhatsApp number to send from", retryable=False, code="no_sender")
        return str(sender)

    def _http(self) -> aiohttp.ClientSession:
        # Created on first use: Services.create runs outside the event loop.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
            self._owns_session = True
        return self._session

    async def close(self) -> None:
        if self._owns_session and self._session is not None:
            await self._session.close()


def _addressee(recipient: str) -> dict:
    # A phone number (wa_id) goes in "to"; a business-scoped user id ("IN.1349…") in "recipient".
    return {"to": recipient} if recipient.isdigit() else {"recipient": recipient}


async def _json(resp: aiohttp.ClientResponse) -> dict:
    try:
        data = await resp.json(content_type=None)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _error_for(status: int, answer: dict) -> ChannelError:
    error = answer.get("error") if isinstance(answer.get("error"), dict) else {}
    code = str(error.get("code") or status)
    text = f"WhatsApp API {status}: {error.get('message') or 'no error message'} (code {code})"
    # 429 and 5xx pass; any other 4xx (bad number, expired token, window closed) repeats identically.
    return ChannelError(text, retryable=status == 429 or status >= 500, code=code)
