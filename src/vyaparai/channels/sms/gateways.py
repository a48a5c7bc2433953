"""The two SMS gateways behind one call: Twilio's Messages REST API and Gupshup's Enterprise SMS API.

Plain aiohttp, one form POST each: the outbox already retries with backoff, so Twilio's async client
(its own aiohttp session per client, its own retries) would add nothing but a second retry loop.
"""
from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass

import aiohttp

from vyaparai.channels.base import ChannelError
from vyaparai.channels.sms.segments import is_gsm7

TIMEOUT = aiohttp.ClientTimeout(total=15)


@dataclass(frozen=True)
class Dlt:
    """India's DLT registration a store-initiated SMS must carry (TRAI's TCCCPR 2018)."""

    entity_id: str
    template_id: str


class TwilioGateway:
    name = "twilio"

    def __init__(self, account_sid: str, auth_token: str, base_url: str, http, *, status_callback: str | None = None):
        self._sid, self._token = account_sid, auth_token
        self._url = f"{base_url.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self._http = http  # a callable giving the shared aiohttp session
        self._status_callback = status_callback

    async def send(self, to: str, sender: str, text: str, dlt: Dlt | None = None) -> str:
        # DLT ids are registered with Twilio for the sender, not sent per message.
        form = {"To": f"+{to}", "From": sender if not sender.isdigit() else f"+{sender}", "Body": text}
        if self._status_callback:
            form["StatusCallback"] = self._status_callback
        basic = base64.b64encode(f"{self._sid}:{self._token}".encode()).decode()
        status, body = await _post(self._http(), self._url, data=form, headers={"Authorization": f"Basic {basic}"})
        if status >= 400:
            # https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions
            code = str(body.get("code") or status)
            raise ChannelError(f"Twilio {status}: {body.get('message') or 'no message'} (code {code})",
                               retryable=status == 429 or status >= 500, code=code)
        if not body.get("sid"):
            raise ChannelError("Twilio answered without a message sid", retryable=True, code="bad_answer")
        return str(body["sid"])


class GupshupGateway:
    name = "gupshup"

    def __init__(self, user_id: str, password: str, base_url: str, http):
        self._user_id, self._password = user_id, password
        self._url = f"{base_url.rstrip('/')}/GatewayAPI/rest"
        self._http = http

    async def send(self, to: str, sender: str | None, text: str, dlt: Dlt | None = None) -> str:
        # https://docs.gupshup.io/docs/send-message-to-single-number
        form = {"method": "SendMessage", "send_to": to, "msg": text, "userid": self._user_id,
                "password": self._password, "auth_scheme": "plain", "v": "1.1", "format": "json",
                "msg_type": "TEXT" if is_gsm7(text) else "Unicode_text"}
        if sender and not sender.isdigit():
            form["mask"] = sender  # a registered six-letter sender id
        if dlt is not None:
            form["principalEntityId"], form["dltTemplateId"] = dlt.entity_id, dlt.template_id
        status, body = await _post(self._http(), self._url, data=form)
        answer = body.get("response") if isinstance(body.get("response"), dict) else {}
        if status >= 400 or answer.get("status") != "success":
            details = answer.get("details") or answer.get("id") or status
            raise ChannelError(f"Gupshup refused the SMS: {details}", retryable=status >= 500,
                               code=str(answer.get("id") or status))
        return f"gupshup:{answer.get('id')}"


async def _post(http: aiohttp.ClientSession, url: str, **kwargs) -> tuple[int, dict]:
    try:
        async with http.post(url, timeout=TIMEOUT, **kwargs) as resp:
            try:
                body = await resp.json(content_type=None)
            except ValueError:
                body = {}
            return resp.status, body if isinstance(body, dict) else {}
    except (aiohttp.ClientError, asyncio.TimeoutError) as e:
        raise ChannelError(f"SMS gateway unreachable: {e!r}", retryable=True, code="network") from e
