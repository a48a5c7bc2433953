"""Customers, carts and orders: the status machine, atomic stock reservation and its compensation.

Every function takes an AsyncSession already inside a transaction; the caller commits or rolls back.
"""
from vyaparai.orders.cart import (
    CartLine,
    add_item,
    cart_lines,
    cart_total_paise,
    clear_cart,
    open_cart,
    remove_item,
    set_item_quantity,
)
from vyaparai.orders.checkout import place_order
from vyaparai.orders.customers import get_or_create_customer, last_address, save_address
from vyaparai.orders.errors import (
    EmptyCart,
    InsufficientStock,
    InvalidQuantity,
    InvalidTransition,
    OrderError,
    OrderNotFound,
    ProductUnavailable,
    Shortage,
    UnknownPaymentMethod,
)
from vyaparai.orders.lifecycle import Cancellation, cancel_order, change_status, find_order, latest_order, open_orders
from vyaparai.orders.listing import orders_as_dicts

__all__ = [
    "Cancellation", "CartLine", "EmptyCart", "InsufficientStock", "InvalidQuantity", "InvalidTransition",
    "OrderError", "OrderNotFound", "ProductUnavailable", "Shortage", "UnknownPaymentMethod",
    "add_item", "cancel_order", "cart_lines", "cart_total_paise", "change_status", "clear_cart", "find_order",
    "get_or_create_customer", "last_address", "latest_order", "open_cart", "open_orders", "orders_as_dicts",
    "place_order", "remove_item", "save_address", "set_item_quantity",
]
