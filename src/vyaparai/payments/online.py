"""What the chat needs from the online gateway: a link for a placed order, and settling a cancellation."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import aiohttp
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.config import Settings
from vyaparai.db.models import Order
from vyaparai.orders.lifecycle import Cancellation
from vyaparai.payments.gateway import PaymentStart
from vyaparai.payments.links import settle_cancellation, start_online_payment
from vyaparai.payments.razorpay_client import RazorpayClient
from vyaparai.payments.to_cash import switch_to_cash

# A chat turn waits for Razorpay while its transaction is open: keep that wait short.
CHAT_TIMEOUT = aiohttp.ClientTimeout(total=6, connect=3)


class OnlinePayments:
    """Razorpay payment links for the bot; `http` gives the shared aiohttp session (opened lazily)."""

    def __init__(self, settings: Settings, http: Callable[[], aiohttp.ClientSession]):
        self._settings = settings
        self._http = http

    def _client(self) -> RazorpayClient:
        return RazorpayClient.from_settings(self._settings, self._http(), timeout=CHAT_TIMEOUT)

    async def start(self, session: AsyncSession, order: Order, *, now: datetime) -> PaymentStart:
        """Raises PaymentProviderError (see .retryable) or PaymentLinkClosed."""
        return await start_online_payment(session, self._client(), order, settings=self._settings, now=now)

    async def settle(self, session: AsyncSession, cancellation: Cancellation, *, now: datetime) -> int:
        """Refund what a cancelled order paid online, or close its open link; returns paise refunded."""
        if cancellation.order.payment_method == "cod":
            return 0
        return await settle_cancellation(session, self._client(), cancellation, now=now)

    async def to_cash(self, session: AsyncSession, order: Order, *, now: datetime) -> str:
        """The customer will pay the rider instead: the link is cancelled and the order made cash on delivery
        (an outcome of payments/to_cash.py). Raises PaymentProviderError when Razorpay cannot be reached."""
        return await switch_to_cash(session, self._client(), order, now=now)
