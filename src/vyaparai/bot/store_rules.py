"""The store's rules in the chat, said in the customer's language: the gate for a store taking no orders, when a
closed shop opens, the checks before a checkout (minimum order, hours), and the delivery radius."""
from __future__ import annotations

from datetime import datetime, timedelta

from vyaparai import locales
from vyaparai.bot.notify import tell_owners
from vyaparai.bot.turn import Turn
from vyaparai.catalog.hours import IST, is_open_now, next_opening
from vyaparai.catalog.terms_of_sale import km_beyond_radius, short_of_minimum_paise, takes_orders
from vyaparai.db.models import Cart, Order
from vyaparai.nlu.types import Understanding
from vyaparai.orders.cart import cart_total_paise

# Monday first, as datetime.weekday() counts.
WEEKDAY_KEYS = ("weekday_mon", "weekday_tue", "weekday_wed", "weekday_thu", "weekday_fri", "weekday_sat",
                "weekday_sun")
# A paused store still answers about orders already placed: they stay the customer's to follow or cancel (and
# the phone number a web-chat order asked for is still taken).
PLACED_ORDER_INTENTS = ("track_order", "cancel_order")
PLACED_ORDER_STATES = ("confirm_cancel", "ask_phone")


def gate(turn: Turn, u: Understanding) -> bool:
    """Before anything else: a paused or not yet verified store turns every customer message away politely (True);
    a shop outside its hours says when it opens, at the start of a visit or to a greeting, and goes on (False)."""
    if not takes_orders(turn.store):
        if u.intent in PLACED_ORDER_INTENTS or turn.conversation.state in PLACED_ORDER_STATES:
            return False
        say_paused(turn)
        return True
    if (u.intent == "greet" or _new_visit(turn)) and not is_open_now(turn.store, turn.now):
        say_closed(turn, then="closed_order_ahead" if turn.store.orders_when_closed else "closed_cart_kept")
    return False


def say_paused(turn: Turn) -> None:
    """The polite "closed for now"; a checkout under way ends here (the cart is kept for when the store is back)."""
    turn.say("store_paused", store=turn.store.name)
    turn.set_state("idle")


def say_closed(turn: Turn, *, then: str | None = None) -> None:
    """"Closed now; opens tomorrow at 8:00", and optionally one more sentence in the same message."""
    _line_when_open(turn)
    if then:
        turn.line(then)
    turn.send()


def opening_sentence(lang: str, opens_at: datetime | None, now: datetime) -> tuple[str, dict]:
    """The key and parameters saying when a closed shop opens: today, tomorrow, or on a weekday, India time."""
    if opens_at is None:
        return "closed_for_now", {}
    opens_at, today = opens_at.astimezone(IST), now.astimezone(IST).date()
    time = f"{opens_at.hour}:{opens_at.minute:02d}"
    if opens_at.date() == today:
        return "closed_opens_today", {"time": time}
    if opens_at.date() == today + timedelta(days=1):
        return "closed_opens_tomorrow", {"time": time}
    return "closed_opens_on", {"time": time, "day": locales.t(lang, WEEKDAY_KEYS[opens_at.weekday()])}


def refuses_checkout(turn: Turn, cart: Cart) -> bool:
    """Said, and True, when this cart cannot go to the checkout now. The cart is kept either way."""
    store = turn.store
    if not takes_orders(store):
        say_paused(turn)
        return True
    if not store.orders_when_closed and not is_open_now(store, turn.now):
        say_closed(turn, then="closed_checkout_later")
        turn.set_state("idle")
        return True
    short = short_of_minimum_paise(store, cart_total_paise(cart))
    if short:
        say_below_minimum(turn, store.min_order_paise, short)
        return True
    return False


def say_below_minimum(turn: Turn, minimum_paise: int, short_paise: int) -> None:
    turn.say("below_minimum", minimum=turn.money(minimum_paise), short=turn.money(short_paise),
             buttons=(turn.button("cart", "button_view_cart"),))
    turn.set_state("idle")


def note_order_ahead(turn: Turn) -> None:
    """At the confirm question of a closed shop that takes orders for later: when it opens, and what that means."""
    if not is_open_now(turn.store, turn.now):
        _line_when_open(turn)
        turn.line("closed_order_ahead")


async def note_placed_for_opening(turn: Turn, order: Order) -> None:
    """An order taken while the shop is closed: the customer and the owner are told it is for when it opens."""
    if is_open_now(turn.store, turn.now):
        return
    turn.say("order_for_opening")
    await tell_owners(turn.session, turn.store, "owner_order_for_opening", number=order.number)


def refuses_location(turn: Turn, lat: float, lon: float) -> bool:
    """A shared point beyond the delivery radius is said to be so (and how far), and True: not a delivery address.
    A typed address has no coordinates and is taken as it is."""
    away = km_beyond_radius(turn.store, lat, lon)
    if away is None:
        return False
    turn.say("outside_radius", radius=_km(turn.lang, turn.store.delivery_radius_km), distance=_km(turn.lang, away))
    return True


def _line_when_open(turn: Turn) -> None:
    key, params = opening_sentence(turn.lang, next_opening(turn.store, turn.now), turn.now)
    turn.line(key, **params)


def _km(lang: str, km: float) -> str:
    return f"{locales.number(round(km, 1), lang)} km"


def _new_visit(turn: Turn) -> bool:
    """The first message of a visit: a new conversation, or the first since the last cart would have expired."""
    last = turn.conversation.last_activity_at
    return last is None or last >= turn.now or turn.now - last > timedelta(minutes=turn.settings.cart_ttl_minutes)
