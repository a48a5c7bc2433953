""""Cash instead", "COD kar do", "नकद दूंगा" after an order was placed to pay online: the order becomes cash on
delivery, its payment link is cancelled, and the shopkeeper is told. Already paid: we say so and change nothing."""
from __future__ import annotations

import logging
from functools import partial

from vyaparai import locales
from vyaparai.bot.cart_flow import current_cart
from vyaparai.bot.notify import tell_owners
from vyaparai.bot.placing import ask_for_phone, payment_choices
from vyaparai.bot.turn import Turn
from vyaparai.nlu.types import Understanding
from vyaparai.orders.lifecycle import latest_order
from vyaparai.orders.states import OPEN_STATUSES
from vyaparai.payments.errors import PaymentError
from vyaparai.payments.events import ONLINE_METHODS
from vyaparai.payments.to_cash import PAID, SWITCHED

logger = logging.getLogger(__name__)


async def pay_cash_instead(turn: Turn, u: Understanding) -> bool:
    """True when the message changed (or tried to change) how the last order is paid. A cash word with a cart
    to order is how that cart will be paid, as always; so is one with no open online order."""
    if u.intent != "cash_on_delivery" or (await current_cart(turn)).items:
        return False
    order = await latest_order(turn.session, turn.store.id, turn.customer.id)
    if order is None or order.status not in OPEN_STATUSES or order.payment_method not in ONLINE_METHODS:
        return False
    if "cod" not in payment_choices(turn):
        turn.say("pay_only_online")
        return True
    outcome = await _switched(turn, order)
    if outcome == SWITCHED:
        turn.say("payment_now_cash", number=order.number, total=turn.money(order.total_paise))
        await tell_owners(turn.session, turn.store, "owner_payment_now_cash", number=order.number,
                          total=partial(locales.money, order.total_paise))
    elif outcome == PAID:
        turn.say("payment_already_online", number=order.number)
    else:
        turn.say("payment_not_changed", number=order.number)
    ask_for_phone(turn, order)
    return True


async def _switched(turn: Turn, order) -> str | None:
    if turn.payments is None:
        return None  # no gateway here to cancel the link with: nothing is changed
    try:
        return await turn.payments.to_cash(turn.session, order, now=turn.now)
    except PaymentError as e:
        logger.warning("order %s could not be made cash on delivery: %s", order.number, e)
        return None
