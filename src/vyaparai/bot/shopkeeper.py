"""The shopkeeper's side of the chat: accept, reject and move orders along, set stock, today's summary."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai import locales
from vyaparai.bot.messages import InboundMessage, OutboundMessage
from vyaparai.bot.order_actions import set_order_status
from vyaparai.bot.owner_commands import OwnerCommand, parse_owner_command
from vyaparai.bot.render import qty_text
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.repository import set_stock
from vyaparai.db.models import Order, Store
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.types import ItemMention
from vyaparai.orders.errors import InvalidTransition, OrderNotFound
from vyaparai.orders.lifecycle import find_order
from vyaparai.payments.online import OnlinePayments

IST = ZoneInfo("Asia/Kolkata")


class OwnerTurn:
    def __init__(self, session: AsyncSession, store: Store, msg: InboundMessage, now: datetime, index: ProductIndex,
                 *, payments: OnlinePayments | None = None):
        self.session, self.store, self.msg, self.now, self.index = session, store, msg, now, index
        self.payments = payments
        self.lang = store.default_language or "en"
        self.replies: list[OutboundMessage] = []

    def say(self, key: str, **params) -> None:
        self.replies.append(OutboundMessage(channel=self.msg.channel, recipient=self.msg.sender,
                                            text=locales.t(self.lang, key, **params)))


async def handle_owner(turn: OwnerTurn) -> list[OutboundMessage]:
    cmd = parse_owner_command(turn.msg.text, turn.msg.button_id)
    if cmd.action == "status":
        await _move_order(turn, cmd)
    elif cmd.action == "summary":
        await _summary(turn)
    elif cmd.action == "pending":
        await _pending(turn)
    elif cmd.action == "stock":
        await _stock(turn, cmd)
    else:
        turn.say("owner_help")
    return turn.replies


async def _move_order(turn: OwnerTurn, cmd: OwnerCommand) -> None:
    order = await _order_for(turn, cmd)
    if order is None:
        return
    try:
        await set_order_status(turn.session, turn.store, order.number, cmd.status, reason=cmd.reason,
                               now=turn.now, payments=turn.payments)
    except InvalidTransition:
        turn.say("owner_invalid_transition", number=order.number, status=locales.t(turn.lang, f"status_{order.status}"),
                 requested=locales.t(turn.lang, f"status_{cmd.status}"))
        return
    turn.say("owner_status_changed", number=order.number, status=locales.t(turn.lang, f"status_{order.status}"))


async def _order_for(turn: OwnerTurn, cmd: OwnerCommand) -> Order | None:
    if cmd.number is not None:
        try:
            return await find_order(turn.session, turn.store.id, cmd.number)
        except OrderNotFound:
            turn.say("owner_unknown_order", number=cmd.number)
            return None
    # "haan" with no number means the one order waiting for an answer; with several we must ask.
    pending = (await turn.session.scalars(
        select(Order).where(Order.store_id == turn.store.id, Order.status == "pending").order_by(Order.id).limit(2)
    )).all()
    if len(pending) == 1:
        return pending[0]
    if not pending:
        turn.say("owner_no_pending")
    else:
        turn.say("owner_which_order", number=pending[0].number)
    return None


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
        turn.say("order_status", number=o.number, status=locales.t(turn.lang, "status_pending"),
                 total=locales.money(o.total_paise, turn.lang))


async def _stock(turn: OwnerTurn, cmd: OwnerCommand) -> None:
    u = understand(cmd.words or "")
    mention = u.items[0] if u.items else ItemMention(text=cmd.words or "", key=cmd.words or "")
    match = turn.index.match(mention)
    if match.product is None:
        turn.say("owner_unknown_product", words=cmd.words)
        return
    p = match.product
    milli = round((cmd.stock or 0) * 1000)
    await set_stock(turn.session, turn.store.id, p.sku, milli)
    turn.say("owner_stock_set", name=p.name, qty=qty_text(turn.lang, p.unit, p.pack_base, p.loose, milli))
