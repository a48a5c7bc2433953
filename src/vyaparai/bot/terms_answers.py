"""Questions about the shop's terms ("delivery charge kitna hai?", "minimum order?", "do you deliver to ...?",
"when will it come?", "when do you open?") answered from what the store itself set, never a made-up figure; the
question the chat was at is asked again by the caller, so a checkout is never lost to one."""
from __future__ import annotations

from vyaparai.bot import store_rules
from vyaparai.bot.turn import Turn
from vyaparai.catalog.hours import DAYS, IST, is_open_now, next_opening
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.terms_of_sale import charges_delivery
from vyaparai.nlu.contact import looks_like_address
from vyaparai.nlu.terms_questions import terms_asked
from vyaparai.nlu.types import Understanding
from vyaparai.orders.lifecycle import latest_order

# What the customer plainly asks for instead: these intents keep their own handling whatever words they share
# ("cash on delivery hai?" at the payment question is the way to pay, not whether the shop delivers).
_OTHER_ASKS = frozenset({"cancel_order", "remove_item", "provide_address", "cash_on_delivery", "pay_online"})
# An order still on its way: "when will it come?" then asks about that order (tracking), not the shop's terms.
_ON_ITS_WAY = frozenset({"pending", "confirmed", "processing", "out_for_delivery"})


async def answer_terms(turn: Turn, u: Understanding, index: ProductIndex) -> bool:
    """Answered (True) when the message asks about the shop's terms and names nothing the shop sells. With an
    amount of goods as well ("do you deliver to Aundh? I need 2 maggi"), the term is answered and False lets the
    caller put the goods in."""
    topic = terms_asked(u.text) if u.text else None
    if topic is None or u.intent in _OTHER_ASKS or looks_like_address(u.text):
        return False
    if u.intent == "change_quantity" and u.items:
        return False
    named = u.sure_items and any(index.match(m).decision != "not_found" for m in u.items)
    goods = named and any(m.qty is not None for m in u.items)
    if named and not goods and topic != "delivery_area":
        return False  # "atta hai? delivery free?": about goods named for sure, read as usual; a guess is not
    if topic == "delivery_time" and await _order_on_its_way(turn):
        return False  # tracking that order answers it
    _ANSWERS[topic](turn)
    turn.send()
    return not goods


async def _order_on_its_way(turn: Turn) -> bool:
    order = await latest_order(turn.session, turn.store.id, turn.customer.id)
    return order is not None and order.status in _ON_ITS_WAY


def _delivery_charge(turn: Turn) -> None:
    store = turn.store
    if not charges_delivery(store):
        turn.line("terms_delivery_free")
    elif store.free_delivery_above_paise is not None:
        turn.line("terms_delivery_charge_free_above", fee=turn.money(store.delivery_charge_paise),
                  threshold=turn.money(store.free_delivery_above_paise))
    else:
        turn.line("terms_delivery_charge", fee=turn.money(store.delivery_charge_paise))


def _minimum_order(turn: Turn) -> None:
    minimum = turn.store.min_order_paise or 0
    if minimum > 0:
        turn.line("terms_minimum_order", minimum=turn.money(minimum))
    else:
        turn.line("terms_no_minimum")


def _delivery_area(turn: Turn) -> None:
    radius = turn.store.delivery_radius_km
    if radius is None:
        turn.line("terms_delivers_home")
    else:
        turn.line("terms_delivers_within", radius=f"{radius:g} km")


def _delivery_time(turn: Turn) -> None:
    turn.line("terms_delivery_time")  # the store sets no delivery time: none is promised
    if not is_open_now(turn.store, turn.now):
        _opening(turn)


def _hours(turn: Turn) -> None:
    if not is_open_now(turn.store, turn.now):
        _opening(turn)
        return
    today = DAYS[turn.now.astimezone(IST).weekday()]
    spans = (turn.store.opening_hours or {}).get(today) or []
    if spans:
        turn.line("terms_open_now_hours", hours=", ".join(f"{start}-{end}" for start, end in spans))
    else:
        turn.line("terms_open_now")


def _opening(turn: Turn) -> None:
    key, params = store_rules.opening_sentence(turn.lang, next_opening(turn.store, turn.now), turn.now)
    turn.line(key, **params)


_ANSWERS = {"delivery_charge": _delivery_charge, "minimum_order": _minimum_order, "delivery_area": _delivery_area,
            "delivery_time": _delivery_time, "hours": _hours}
