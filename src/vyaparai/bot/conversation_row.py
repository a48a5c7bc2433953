"""The turn's own copy of its conversation row: read with the turn's other rows, written once when the turn ends.

The dialogue changes the state, the data and the language as it goes; kept out of the ORM session, those
changes never cost an autoflush mid-turn, and the row is written by one statement built at import.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import bindparam, insert, update
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import Conversation

_TABLE = Conversation.__table__
# Every column the dialogue may change: the turn writes them all rather than tracking which changed.
_WRITTEN = ("channel", "recipient", "state", "language", "data", "last_activity_at")
# What a turn reads of it, named apart from the other rows read with it.
COLUMNS = tuple(getattr(_TABLE.c, name).label(f"conversation_{name}") for name in ("id", *_WRITTEN))


@dataclass(eq=False)
class ConversationRow:
    """One (store, customer) conversation: where the dialogue stands and in which language."""

    store_id: int
    customer_id: int
    channel: str
    recipient: str
    last_activity_at: datetime
    state: str = "idle"
    language: str | None = None
    data: dict = field(default_factory=dict)
    id: int | None = None  # None until the turn that starts it ends

    @classmethod
    def from_row(cls, store_id: int, customer_id: int, row) -> ConversationRow:
        """From a result row holding COLUMNS."""
        return cls(store_id=store_id, customer_id=customer_id, id=row.conversation_id,
                   channel=row.conversation_channel, recipient=row.conversation_recipient,
                   state=row.conversation_state, language=row.conversation_language,
                   data=row.conversation_data or {}, last_activity_at=row.conversation_last_activity_at)


# Bind names are not column names: a statement carrying these as CTEs must not take its parameters for
# columns of its own table (SQLAlchemy adds a parameter named like a column to an INSERT's or UPDATE's SET).
def _bind(name: str):
    return bindparam(f"conversation_{name}", type_=getattr(_TABLE.c, name).type)


UPDATE = update(_TABLE).where(_TABLE.c.id == _bind("id")).values({name: _bind(name) for name in _WRITTEN})
INSERT = insert(_TABLE).values({name: _bind(name) for name in ("store_id", "customer_id", *_WRITTEN)})


def written(conv: ConversationRow) -> dict:
    """The values for INSERT (a conversation this turn started) or UPDATE (any other).

    A conversation erased during the turn (the customer's data forgotten) updates no row: it stays gone.
    """
    names = ("store_id", "customer_id", *_WRITTEN) if conv.id is None else ("id", *_WRITTEN)
    return {f"conversation_{name}": getattr(conv, name) for name in names}


async def save_conversation(session: AsyncSession, conv: ConversationRow) -> None:
    """Write the conversation as the turn leaves it."""
    await session.execute(INSERT if conv.id is None else UPDATE, written(conv))
