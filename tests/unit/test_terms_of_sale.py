"""A store's terms of sale as arithmetic: minimum order, delivery charge, the ways to pay, the delivery radius."""
from __future__ import annotations

from dataclasses import dataclass

from vyaparai.catalog.terms_of_sale import (
    delivery_fee_paise, km_beyond_radius, limits_payment, payment_methods, short_of_free_delivery_paise,
    short_of_minimum_paise, takes_orders,
)


@dataclass
class FakeStore:
    status: str = "active"
    min_order_paise: int = 0
    delivery_charge_paise: int = 0
    free_delivery_above_paise: int | None = None
    cod_enabled: bool = True
    online_enabled: bool = True
    delivery_radius_km: float | None = None
    lat: float | None = 26.9124
    lon: float | None = 75.7873


def test_only_an_active_store_takes_orders():
    assert takes_orders(FakeStore())
    assert not takes_orders(FakeStore(status="paused"))
    assert not takes_orders(FakeStore(status="pending"))


def test_the_minimum_order_says_how_much_is_missing():
    store = FakeStore(min_order_paise=20000)
    assert short_of_minimum_paise(store, 16500) == 3500
    assert short_of_minimum_paise(store, 20000) == 0
    assert short_of_minimum_paise(FakeStore(), 100) == 0


def test_the_delivery_charge_is_flat_until_the_free_amount():
    store = FakeStore(delivery_charge_paise=3000, free_delivery_above_paise=50000)
    assert delivery_fee_paise(store, 49999) == 3000
    assert delivery_fee_paise(store, 50000) == 0
    assert short_of_free_delivery_paise(store, 45000) == 5000
    assert short_of_free_delivery_paise(store, 60000) == 0


def test_a_charge_with_no_free_amount_always_applies_and_no_charge_is_free():
    assert delivery_fee_paise(FakeStore(delivery_charge_paise=2000), 10**7) == 2000
    assert short_of_free_delivery_paise(FakeStore(delivery_charge_paise=2000), 100) == 0
    assert delivery_fee_paise(FakeStore(), 100) == 0


def test_the_ways_to_pay_follow_the_store_and_the_gateway():
    assert payment_methods(FakeStore(), online_possible=True) == ("cod", "online")
    assert payment_methods(FakeStore(), online_possible=False) == ("cod",)
    assert payment_methods(FakeStore(cod_enabled=False), online_possible=True) == ("online",)
    assert not limits_payment(FakeStore()) and limits_payment(FakeStore(online_enabled=False))


def test_no_way_to_pay_at_all_is_taken_as_cash():
    assert payment_methods(FakeStore(cod_enabled=False, online_enabled=False), online_possible=True) == ("cod",)
    assert payment_methods(FakeStore(cod_enabled=False), online_possible=False) == ("cod",)


def test_a_point_beyond_the_radius_is_measured_and_one_inside_is_not():
    store = FakeStore(delivery_radius_km=3.0)
    assert round(km_beyond_radius(store, 26.9592, 75.7873), 1) == 5.2
    assert km_beyond_radius(store, 26.9200, 75.7873) is None
    assert km_beyond_radius(FakeStore(), 19.07, 72.87) is None  # no radius: delivers anywhere
    assert km_beyond_radius(FakeStore(delivery_radius_km=3.0, lat=None, lon=None), 19.07, 72.87) is None
