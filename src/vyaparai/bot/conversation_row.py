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
COLUMNS = (_TABLE.c.id, *(getattr(_TABLE.c, name) for name in _WRITTEN))


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
        """From a result row holding COLUMNS (by name)."""
        return cls(store_id=store_id, customer_id=customer_id, id=row.id, channel=row.channel,
                   recipient=row.recipient, state=row.state, language=row.language, data=row.data or {},
                   last_activity_at=row.last_activity_at)


_UPDATE = (
    update(_TABLE).where(_TABLE.c.id == bindparam("conversation_id"))
    .values({name: bindparam(name, type_=getattr(_TABLE.c, name).type) for name in _WRITTEN})
)
_INSERT = insert(_TABLE).values(
    {name: bindparam(name, type_=getattr(_TABLE.c, name).type) for name in ("store_id", "customer_id", *_WRITTEN)}
)


async def save_conversation(session: AsyncSession, conv: ConversationRow) -> None:
    """Write the conversation as the turn leaves it: an UPDATE, or the INSERT of one this turn started.

    A conversation erased during the turn (the customer's data forgotten) updates no row: it stays gone.
    """
    values = {name: getattr(conv, name) for name in _WRITTEN}
    if conv.id is None:
        await session.execute(_INSERT, {"store_id": conv.store_id, "customer_id": conv.customer_id, **values})
    else:
        await session.execute(_UPDATE, {"conversation_id": conv.id, **values})
