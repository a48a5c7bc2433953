"""A store's terms of sale as plain arithmetic: who it sells to, the minimum order, the delivery charge, how it is
paid, how far it delivers. Pure functions of the store's columns; the bot and the checkout both ask here."""
from __future__ import annotations

from vyaparai.catalog.geo import distance_km

PAYMENT_METHODS = ("cod", "online")


def takes_orders(store) -> bool:
    """Only a verified, running store sells: "pending" (not verified yet) and "paused" stores take no order."""
    return (store.status or "active") == "active"


def short_of_minimum_paise(store, subtotal_paise: int) -> int:
    """How much more the cart needs to reach the store's minimum order (0 when it is there, or there is none)."""
    return max(0, (store.min_order_paise or 0) - subtotal_paise)


def delivery_fee_paise(store, subtotal_paise: int) -> int:
    """The flat delivery charge, or nothing once the subtotal reaches the free-delivery amount."""
    charge = store.delivery_charge_paise or 0
    free_above = store.free_delivery_above_paise
    if charge <= 0 or (free_above is not None and subtotal_paise >= free_above):
        return 0
    return charge


def short_of_free_delivery_paise(store, subtotal_paise: int) -> int:
    """How much more would make the delivery free; 0 when it is free already or never is."""
    if delivery_fee_paise(store, subtotal_paise) == 0 or store.free_delivery_above_paise is None:
        return 0
    return store.free_delivery_above_paise - subtotal_paise


def charges_delivery(store) -> bool:
    """Whether the store has a delivery charge at all (when it has none, carts read as they always did)."""
    return (store.delivery_charge_paise or 0) > 0


def payment_methods(store, *, online_possible: bool) -> tuple[str, ...]:
    """The ways the store takes payment, in the order they are offered. Online needs a gateway as well as the
    store's yes. Both off is refused when the rules are set; were it to happen, cash it is, never no way to pay."""
    offered = tuple(method for method, on in (("cod", store.cod_enabled),
                                              ("online", store.online_enabled and online_possible)) if on)
    return offered or ("cod",)


def limits_payment(store) -> bool:
    """The store itself switched a way of paying off (not merely a process without a payment gateway)."""
    return not (store.cod_enabled and store.online_enabled)


def km_beyond_radius(store, lat: float, lon: float) -> float | None:
    """The distance from the store to (lat, lon) when it is beyond the delivery radius; None when the store
    delivers there (no radius set, or the store has no location to measure from)."""
    radius = store.delivery_radius_km
    if radius is None or store.lat is None or store.lon is None:
        return None
    away = distance_km(store.lat, store.lon, lat, lon)
    return away if away > radius else None
