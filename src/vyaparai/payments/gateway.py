"""The interface every way of paying implements, and the one that needs no provider: cash on delivery."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from vyaparai.db.models import Order


@dataclass(frozen=True)
class PaymentStart:
    """What the customer is told after ordering: pay the rider, or open this link before it expires."""

    method: str  # cod, upi, card, wallet
    link_url: str | None = None
    expires_at_unix: int | None = None


class PaymentGateway(Protocol):
    name: str

    async def start(self, order: Order) -> PaymentStart: ...


class CashOnDelivery:
    name = "cod"

    async def start(self, order: Order) -> PaymentStart:
        # Nothing to collect up front; payment_status stays "pending" until the rider is paid.
        order.payment_method = "cod"
        return PaymentStart(method="cod")
