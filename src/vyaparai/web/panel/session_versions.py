"""Panel sessions that can be ended: each owner's session version, carried by every cookie issued to them.

The cookie is encrypted and lives in the browser, so the server cannot delete copies of it;
it can refuse them. Logging out bumps the owner's version, and a cookie with an older one opens nothing.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.db.models import OwnerSession


async def session_version(db: AsyncSession, store_id: int, phone: str) -> int:
    """The version a cookie of this owner must carry to be honoured (0 before their first logout)."""
    version = await db.scalar(select(OwnerSession.version).where(OwnerSession.store_id == store_id,
                                                                 OwnerSession.phone == phone))
    return version or 0


async def end_sessions(db: AsyncSession, store_id: int, phone: str) -> None:
    """Refuse every cookie issued to this owner so far, on every device (one atomic upsert)."""
    insert = postgresql.insert if db.get_bind().dialect.name == "postgresql" else sqlite.insert
    stmt = insert(OwnerSession).values(store_id=store_id, phone=phone, version=1)
    await db.execute(stmt.on_conflict_do_update(
        index_elements=["store_id", "phone"], set_={"version": OwnerSession.version + 1}))
