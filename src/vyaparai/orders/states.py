"""The order status machine and the payment vocabulary (pure: no I/O)."""
from __future__ import annotations

from vyaparai.orders.errors import InvalidTransition, UnknownPaymentMethod

PENDING = "pending"
CONFIRMED = "confirmed"
PROCESSING = "processing"
OUT_FOR_DELIVERY = "out_for_delivery"
DELIVERED = "delivered"
CANCELLED = "cancelled"

ORDER_STATUSES = (PENDING, CONFIRMED, PROCESSING, OUT_FOR_DELIVERY, DELIVERED, CANCELLED)

# Where each status may go next. Once the rider has left, the order can only be delivered.
TRANSITIONS: dict[str, frozenset[str]] = {
    PENDING: frozenset({CONFIRMED, CANCELLED}),
    CONFIRMED: frozenset({PROCESSING, CANCELLED}),
    PROCESSING: frozenset({OUT_FOR_DELIVERY, CANCELLED}),
    OUT_FOR_DELIVERY: frozenset({DELIVERED}),
    DELIVERED: frozenset(),
    CANCELLED: frozenset(),
}

# Orders the customer is still waiting for.
OPEN_STATUSES = (PENDING, CONFIRMED, PROCESSING, OUT_FOR_DELIVERY)

PAYMENT_STATUSES = ("pending", "paid", "failed", "refunded")
PAYMENT_METHODS = ("cod", "upi", "card", "wallet")


def can_transition(current: str, new: str) -> bool:
    return new in TRANSITIONS.get(current, frozenset())


def check_transition(current: str, new: str, *, order_number: int | None = None) -> None:
    """Raise InvalidTransition unless an order in `current` may move to `new` (same -> same is refused)."""
    if not can_transition(current, new):
        raise InvalidTransition(order_number, current, new)


def can_cancel(status: str) -> bool:
    return can_transition(status, CANCELLED)


def check_payment_method(method: str) -> None:
    if method not in PAYMENT_METHODS:
        raise UnknownPaymentMethod(method)
