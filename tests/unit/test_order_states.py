"""The order status machine: every allowed move passes, every other one is refused with its data."""
from itertools import product

import pytest

from vyaparai.orders.errors import InvalidTransition, UnknownPaymentMethod
from vyaparai.orders.states import ORDER_STATUSES, check_payment_method, check_transition

ALLOWED = {
    ("pending", "confirmed"),
    ("confirmed", "processing"),
    ("processing", "out_for_delivery"),
    ("out_for_delivery", "delivered"),
    ("pending", "cancelled"),
    ("confirmed", "cancelled"),
    ("processing", "cancelled"),
}


@pytest.mark.parametrize("current,new", sorted(ALLOWED))
def test_allowed_moves_pass(current, new):
    check_transition(current, new)


@pytest.mark.parametrize(
    "current,new", sorted(p for p in product(ORDER_STATUSES, repeat=2) if p not in ALLOWED)
)
def test_every_other_move_is_refused_with_what_was_asked(current, new):
    with pytest.raises(InvalidTransition) as caught:
        check_transition(current, new, order_number=1042)
    assert (caught.value.order_number, caught.value.current, caught.value.requested) == (1042, current, new)
    assert caught.value.code == "invalid_transition"


def test_a_delivered_order_cannot_be_cancelled():
    with pytest.raises(InvalidTransition):
        check_transition("out_for_delivery", "cancelled")


def test_unknown_statuses_are_refused():
    with pytest.raises(InvalidTransition):
        check_transition("pending", "shipped")
    with pytest.raises(InvalidTransition):
        check_transition("lost", "pending")


@pytest.mark.parametrize("method", ["cod", "upi", "card", "wallet"])
def test_known_payment_methods_pass(method):
    check_payment_method(method)


def test_unknown_payment_method_is_refused():
    with pytest.raises(UnknownPaymentMethod) as caught:
        check_payment_method("cheque")
    assert caught.value.method == "cheque"
