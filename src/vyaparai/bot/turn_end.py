"""What a chat turn writes as it ends: its conversation, the customer's language, the cart's pushed expiry and
the replies, in one statement on PostgreSQL (each a CTE of the outbox INSERT), in a few on SQLite.

Every round trip costs the serving process CPU, and these writes depend on nothing read after them.
"""
from __future__ import annotations

from sqlalchemy import Integer, bindparam, column, func, literal, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.types import JSON

from vyaparai.bot import conversation_row
from vyaparai.bot.conversation_row import ConversationRow
from vyaparai.bot.messages import OutboundMessage
from vyaparai.bot.outbox import insert_rows, reply_rows
from vyaparai.db import driver
from vyaparai.db.models import Customer, OutboxMessage
from vyaparai.db.types import utcnow
from vyaparai.orders.cart import PUSH_EXPIRY, CartExpiry, deferred_expiry, write_expiry

_CUSTOMERS = Customer.__table__
# The customer's language follows their latest conversation's; a forgotten customer keeps none.
_LANGUAGE = (
    update(_CUSTOMERS)
    .where(_CUSTOMERS.c.id == bindparam("language_customer_id"), _CUSTOMERS.c.forgotten_at.is_(None))
    .values(preferred_language=bindparam("conversation_language", type_=_CUSTOMERS.c.preferred_language.type))
)


def _pg_end(conversation_write):
    """INSERT INTO outbox SELECT ... FROM json_array_elements(:replies) WITH ORDINALITY, in the list's order,
    with the turn's other writes as CTEs (PostgreSQL runs each exactly once, whatever the INSERT reads)."""
    outbox = OutboxMessage.__table__
    replies = (func.json_array_elements(bindparam("replies", type_=JSON))
               .table_valued(column("value", postgresql.JSON), with_ordinality="n").render_derived())
    value, now = replies.c.value, bindparam("now", type_=outbox.c.created_at.type)
    rows = (select(value["store_id"].astext.cast(Integer), value["channel"].astext, value["recipient"].astext,
                   value["payload"], literal("pending"), literal(0), now, now)
            .select_from(replies).order_by(replies.c.n))
    return (postgresql.insert(outbox)
            .from_select(["store_id", "channel", "recipient", "payload", "status", "attempts", "next_attempt_at",
                          "created_at"], rows)
            .add_cte(conversation_write.cte("conversation"), _LANGUAGE.cte("customer_language"),
                     PUSH_EXPIRY.cte("cart_expiry")))


_PG_END = {"insert": _pg_end(conversation_row.INSERT), "update": _pg_end(conversation_row.UPDATE)}


async def end_turn(session: AsyncSession, store_id: int, replies: list[OutboundMessage],
                   conversation: ConversationRow | None = None, customer: Customer | None = None) -> None:
    """Write what the turn leaves behind; a shopkeeper's turn (no conversation) writes its replies only."""
    rows = reply_rows(session, store_id, replies)
    if conversation is None:
        await insert_rows(session, rows)
        return
    language = _language_change(conversation, customer)
    expiry = deferred_expiry(session)
    if session.get_bind().dialect.name == "postgresql":
        await driver.execute(session, _PG_END["insert" if conversation.id is None else "update"], {
            **conversation_row.written(conversation), "replies": rows, "now": utcnow(),
            "language_customer_id": customer.id if language else None,
            **_expiry_values(expiry),
        })
    else:
        await conversation_row.save_conversation(session, conversation)
        if language:
            await session.execute(_LANGUAGE, {"language_customer_id": customer.id, "conversation_language": language})
        if expiry:
            await write_expiry(session, expiry)
        await insert_rows(session, rows)
    if language:
        set_committed_value(customer, "preferred_language", language)


def _language_change(conversation: ConversationRow, customer: Customer | None) -> str | None:
    if customer is None or customer.forgotten_at is not None or not conversation.language:
        return None
    return conversation.language if conversation.language != customer.preferred_language else None


def _expiry_values(expiry: CartExpiry | None) -> dict:
    if expiry is None:  # no cart opened: the CTE's WHERE matches no row
        return {name: None for name in CartExpiry._fields}
    return expiry._asdict()
