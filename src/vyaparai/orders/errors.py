"""What can go wrong with customers, carts and orders: domain errors that carry data and a stable code.

Messages are plain English for logs. The bot builds the customer's sentence, in the customer's
language, from `code` and the attributes, never from the message text.
"""
from __future__ import annotations

from dataclasses import dataclass


class OrderError(Exception):
    """Base of every orders error; `code` is stable and safe to switch on."""

    code = "order_error"


@dataclass(frozen=True)
class Shortage:
    """One cart line the store cannot fill: how much was asked for and how much is left (milli-packs)."""

    sku: str
    name: str
    requested_milli: int
    available_milli: int


class InsufficientStock(OrderError):
    """Some lines cannot be filled. Lists every short line, not only the first, in cart order."""

    code = "insufficient_stock"

    def __init__(self, shortages: list[Shortage]):
        self.shortages = list(shortages)
        parts = ", ".join(
            f"{s.sku} wanted {s.requested_milli} have {s.available_milli}" for s in self.shortages
        )
        super().__init__(f"not enough stock: {parts}")


class InvalidTransition(OrderError):
    """An order cannot move from `current` to `requested` (including staying where it is)."""

    code = "invalid_transition"

    def __init__(self, order_number: int | None, current: str, requested: str):
        self.order_number = order_number
        self.current = current
        self.requested = requested
        which = f"order {order_number}" if order_number is not None else "an order"
        super().__init__(f"{which} cannot go from {current} to {requested}")


class EmptyCart(OrderError):
    code = "empty_cart"

    def __init__(self) -> None:
        super().__init__("the cart is empty")


class OrderNotFound(OrderError):
    code = "order_not_found"

    def __init__(self, number: int):
        self.number = number
        super().__init__(f"no order number {number} in this store")


class InvalidQuantity(OrderError):
    """A quantity that cannot go in a cart: zero or less, or part of a pack of packaged goods."""

    code = "invalid_quantity"

    def __init__(self, sku: str, qty_milli: int):
        self.sku = sku
        self.qty_milli = qty_milli
        super().__init__(f"{qty_milli} milli-packs of {sku} cannot be sold")


class ProductUnavailable(OrderError):
    """The product is switched off, or belongs to another store."""

    code = "product_unavailable"

    def __init__(self, sku: str):
        self.sku = sku
        super().__init__(f"product {sku} is not sold here")


class UnknownPaymentMethod(OrderError):
    code = "unknown_payment_method"

    def __init__(self, method: str):
        self.method = method
        super().__init__(f"unknown payment method {method!r}")
