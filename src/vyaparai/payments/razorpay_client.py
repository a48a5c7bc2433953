"""Razorpay's REST API over aiohttp: payment links and refunds, always with a timeout, errors as domain errors.

We call REST directly instead of the `razorpay` SDK: the SDK is synchronous (`requests`), has no
default timeout and prints to stdout, none of which belongs in the web process.
API reference: https://razorpay.com/docs/api/payments/payment-links/
"""
from __future__ import annotations

import asyncio
import logging

import aiohttp

from vyaparai.config import Settings
from vyaparai.payments.errors import OnlinePaymentsNotConfigured, PaymentProviderError

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = aiohttp.ClientTimeout(total=10, connect=5)


class RazorpayClient:
    """Thin async client. `http` is a shared aiohttp session owned by the caller (closed by it)."""

    def __init__(self, http: aiohttp.ClientSession, *, base_url: str, key_id: str, key_secret: str,
                 timeout: aiohttp.ClientTimeout = DEFAULT_TIMEOUT):
        self._http = http
        self._base_url = base_url.rstrip("/")
        # aiohttp 3.14 deprecates BasicAuth/auth=; the header is the supported way.
        self._headers = {"Authorization": aiohttp.encode_basic_auth(key_id, key_secret)}
        self._timeout = timeout

    @classmethod
    def from_settings(cls, settings: Settings, http: aiohttp.ClientSession, **kwargs) -> RazorpayClient:
        if not (settings.razorpay_key_id and settings.razorpay_key_secret):
            raise OnlinePaymentsNotConfigured()
        return cls(http, base_url=settings.razorpay_api_base_url, key_id=settings.razorpay_key_id,
                   key_secret=settings.razorpay_key_secret, **kwargs)

    async def create_payment_link(self, payload: dict) -> dict:
        return await self._call("POST", "/v1/payment_links", json=payload)

    async def fetch_payment_link(self, link_id: str) -> dict:
        return await self._call("GET", f"/v1/payment_links/{link_id}")

    async def find_payment_links(self, reference_id: str) -> list[dict]:
        """Links carrying our reference id (at most one, since Razorpay keeps reference ids unique)."""
        body = await self._call("GET", "/v1/payment_links", params={"reference_id": reference_id})
        return list(body.get("payment_links") or [])

    async def cancel_payment_link(self, link_id: str) -> dict:
        return await self._call("POST", f"/v1/payment_links/{link_id}/cancel")

    async def refund_payment(self, payment_id: str, amount_paise: int | None = None, *,
                             receipt: str | None = None) -> dict:
        """Refund all of a captured payment, or `amount_paise` of it."""
        payload: dict = {}
        if amount_paise is not None:
            payload["amount"] = amount_paise
        if receipt:
            payload["receipt"] = receipt
        return await self._call("POST", f"/v1/payments/{payment_id}/refund", json=payload)

    async def _call(self, method: str, path: str, **kwargs) -> dict:
        try:
            async with self._http.request(method, self._base_url + path, headers=self._headers,
                                          timeout=self._timeout, **kwargs) as resp:
                body = await _json_or_empty(resp)
                if resp.status >= 400:
                    raise _provider_error(resp.status, body)
                return body
        except TimeoutError:
            raise PaymentProviderError(status=None, error_code="TIMEOUT",
                                       description=f"{method} {path} timed out", retryable=True) from None
        except aiohttp.ClientError as e:
            raise PaymentProviderError(status=None, error_code="CONNECTION_ERROR",
                                       description=f"{method} {path}: {type(e).__name__}", retryable=True) from None


async def _json_or_empty(resp: aiohttp.ClientResponse) -> dict:
    try:
        body = await resp.json(content_type=None)
    except (ValueError, aiohttp.ContentTypeError, asyncio.IncompleteReadError):
        return {}
    return body if isinstance(body, dict) else {}


def _provider_error(status: int, body: dict) -> PaymentProviderError:
    # Razorpay errors look like {"error": {"code": "BAD_REQUEST_ERROR", "description": "...", ...}}.
    error = body.get("error") if isinstance(body.get("error"), dict) else {}
    return PaymentProviderError(
        status=status,
        error_code=str(error.get("code") or f"HTTP_{status}"),
        description=str(error.get("description") or "no description"),
        retryable=status == 429 or status >= 500,
    )
