"""The shopkeeper's side of the chat: accept, reject and move orders along, stock, today's figures, language."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai import locales
from vyaparai.bot import owner_stock
from vyaparai.bot.messages import InboundMessage, OutboundMessage
from vyaparai.bot.order_actions import advance_order, next_step
from vyaparai.bot.owner_commands import OwnerCommand, parse_owner_command
from vyaparai.bot.owner_language import language_chosen, owner_language, remember_owner_language, says_enough
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.db.models import Order, Store
from vyaparai.orders.errors import InvalidTransition, OrderNotFound
from vyaparai.orders.lifecycle import find_order
from vyaparai.orders.states import CANCELLED, CONFIRMED, OPEN_STATUSES, PENDING
from vyaparai.payments.online import OnlinePayments

IST = ZoneInfo("Asia/Kolkata")
EXAMPLE_NUMBER = 1042  # the order number help texts use when the store has no open order


class OwnerTurn:
    def __init__(self, session: AsyncSession, store: Store, msg: InboundMessage, now: datetime, index: ProductIndex,
                 *, payments: OnlinePayments | None = None):
        self.session, self.store, self.msg, self.now, self.index = session, store, msg, now, index
        self.payments = payments
        self.phone = msg.sender_phone or msg.sender
        self.lang = owner_language(store, self.phone)
        self.replies: list[OutboundMessage] = []

    def t(self, key: str, **params) -> str:
        return locales.t(self.lang, key, **params)

    def say(self, key: str, **params) -> None:
        self.replies.append(OutboundMessage(channel=self.msg.channel, recipient=self.msg.sender,
                                            text=self.t(key, **params)))

    def status(self, status: str) -> str:
        return self.t(f"status_{status}")


async def handle_owner(turn: OwnerTurn) -> list[OutboundMessage]:
    cmd = parse_owner_command(turn.msg.text or "", turn.msg.button_id, turn.index.vocabulary())
    _settle_language(turn, cmd)
    if cmd.action == "status":
        await _move_order(turn, cmd)
    elif cmd.action == "summary":
        await _summary(turn)
    elif cmd.action == "pending":
        await _pending(turn)
    elif cmd.action in owner_stock.ACTIONS:
        await owner_stock.ACTIONS[cmd.action](turn, cmd)
    elif cmd.action == "language":
        turn.say("owner_language_set")
    elif cmd.action == "help":
        turn.say("owner_commands_help")
    else:
        turn.say("owner_didnt_understand")
    return turn.replies


def _settle_language(turn: OwnerTurn, cmd: OwnerCommand) -> None:
    """A language asked for is kept; until then replies follow the language the owner writes in."""
    store, phone = turn.store, turn.phone
    if cmd.action == "language" and cmd.target_lang:
        remember_owner_language(store, phone, cmd.target_lang, chosen=True)
    elif (turn.msg.kind == "text" and cmd.lang and not language_chosen(store, phone)
          and says_enough(turn.msg.text or "") and cmd.lang != owner_language(store, phone)):
        remember_owner_language(store, phone, cmd.lang, chosen=False)
    turn.lang = owner_language(store, phone)


async def _move_order(turn: OwnerTurn, cmd: OwnerCommand) -> None:
    order = await _order_for(turn, cmd)
    if order is None:
        return
    try:
        path = await advance_order(turn.session, turn.store, order.number, cmd.status, reason=cmd.reason,
                                   now=turn.now, payments=turn.payments)
    except InvalidTransition:
        _say_refused(turn, order, cmd.status)
        return
    if len(path) > 1:  # "delivered" right after "packed": the steps between were recorded too
        turn.say("owner_status_walked", number=order.number, steps=" → ".join(turn.status(s) for s in path))
    else:
        turn.say("owner_status_changed", number=order.number, status=turn.status(order.status))


def _say_refused(turn: OwnerTurn, order: Order, wanted: str) -> None:
    """Why not, and what the order can do next ("1042 out"), so a refusal is never a dead end."""
    if order.status == wanted:
        turn.say("owner_already", number=order.number, status=turn.status(wanted))
        return
    turn.say("owner_invalid_transition", number=order.number, status=turn.status(order.status),
             requested=turn.status(wanted))
    step = next_step(order.status)
    if step is not None:
        turn.say("owner_next_step", number=order.number, status=turn.status(step))


async def _order_for(turn: OwnerTurn, cmd: OwnerCommand) -> Order | None:
    if cmd.number is not None:
        try:
            return await find_order(turn.session, turn.store.id, cmd.number)
        except OrderNotFound:
            turn.say("owner_unknown_order", number=cmd.number)
            return None
    # "haan" or "packed" with no number means the one order that move fits; with several we must ask.
    fits = _statuses_that_can_reach(cmd.status)
    orders = (await turn.session.scalars(
        select(Order).where(Order.store_id == turn.store.id, Order.status.in_(fits)).order_by(Order.id).limit(2)
    )).all()
    if len(orders) == 1:
        return orders[0]
    if not orders and cmd.status in (CONFIRMED, CANCELLED):
        turn.say("owner_no_pending")
    else:
        example = orders[0].number if orders else EXAMPLE_NUMBER
        turn.say("owner_which_order_for", example=f"{example} {(turn.msg.text or '').strip()}".strip())
    return None


def _statuses_that_can_reach(target: str) -> tuple[str, ...]:
    if target in (CONFIRMED, CANCELLED):
        return (PENDING,)  # a bare yes/no answers the order waiting for one
    reach = []
    for status in OPEN_STATUSES:
        at = status
        while at is not None and at != target:
            at = next_step(at)
        if at == target and status != target:
            reach.append(status)
    return tuple(reach)


async def _summary(turn: OwnerTurn) -> None:
    start = datetime.combine(turn.now.astimezone(IST).date(), time(0), IST)
    today = (Order.store_id == turn.store.id, Order.placed_at >= start, Order.placed_at < start + timedelta(days=1))
    count, revenue = (await turn.session.execute(
        select(func.count(Order.id), func.coalesce(func.sum(Order.total_paise), 0))
        .where(*today, Order.status != "cancelled")
    )).one()
    pending = await turn.session.scalar(select(func.count(Order.id)).where(*today, Order.status == "pending"))
    turn.say("owner_summary", orders=count, revenue=locales.money(int(revenue), turn.lang), pending=pending)


async def _pending(turn: OwnerTurn) -> None:
    orders = (await turn.session.scalars(
        select(Order).where(Order.store_id == turn.store.id, Order.status == "pending").order_by(Order.id)
    )).all()
    if not orders:
        turn.say("owner_no_pending")
    for o in orders:
        turn.say("order_status", number=o.number, status=turn.status("pending"),
                 total=locales.money(o.total_paise, turn.lang))
