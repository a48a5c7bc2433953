"""Which orders a transaction placed or changed, told to a listener once it has committed.

The live order feed hangs off this: whatever path places or moves an order (a chat turn, the
shopkeeper on WhatsApp, the panel, a payment webhook, a reconcile job), the change is seen here,
and only after the commit, so a listener never announces an order that was rolled back.
New orders and status moves are seen by themselves (an Order or OrderStatusEvent row is
flushed); a change made with a bulk UPDATE (payment status) is announced with `order_changed`.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import NamedTuple

from sqlalchemy import event
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from vyaparai.db.models import Order, OrderStatusEvent

logger = logging.getLogger(__name__)

_PENDING = "vyaparai.order_changes"


class OrderChange(NamedTuple):
    store_id: int
    number: int
    placed: bool  # a new order, not a change to one the owner has already seen


Listener = Callable[[list[OrderChange]], None]


def session_class_telling(listener: Listener) -> type[Session]:
    """A Session class whose commits tell `listener` about the orders they placed or changed."""

    class OrderWatchingSession(Session):
        pass

    @event.listens_for(OrderWatchingSession, "after_flush")
    def _collect(session: Session, _context) -> None:
        for obj in list(session.new) + list(session.dirty):
            if isinstance(obj, Order):
                _remember(session, obj, placed=obj in session.new)
            elif isinstance(obj, OrderStatusEvent):
                order = obj.order if "order" in obj.__dict__ else \
                    session.identity_map.get(identity_key(Order, obj.order_id))
                if order is not None:
                    _remember(session, order, placed=False)

    @event.listens_for(OrderWatchingSession, "after_commit")
    def _announce(session: Session) -> None:
        if session.in_nested_transaction():
            return  # SQLAlchemy calls this for a released SAVEPOINT too: not committed yet
        changes = session.info.pop(_PENDING, None)
        if changes:
            try:
                listener(list(changes.values()))
            except Exception:
                # The order is committed; a lost announcement only delays what the panel shows.
                logger.exception("could not announce %d order changes", len(changes))

    @event.listens_for(OrderWatchingSession, "after_transaction_end")
    def _forget(session: Session, transaction) -> None:
        if transaction.parent is None:  # the outermost transaction ended without a commit
            session.info.pop(_PENDING, None)

    return OrderWatchingSession


def order_changed(session, order: Order) -> None:
    """Announce `order` at commit: for changes made by a bulk UPDATE, which the flush does not see."""
    _remember(getattr(session, "sync_session", session), order, placed=False)


def order_placed(session, order: Order) -> None:
    """Announce `order` as new at commit: for an order written by a Core statement, which the flush does not see."""
    _remember(getattr(session, "sync_session", session), order, placed=True)


def _remember(session: Session, order: Order, *, placed: bool) -> None:
    if order.store_id is None or order.number is None:
        return
    pending = session.info.setdefault(_PENDING, {})
    earlier = pending.get((order.store_id, order.number))
    pending[(order.store_id, order.number)] = OrderChange(
        order.store_id, order.number, placed or bool(earlier and earlier.placed))
