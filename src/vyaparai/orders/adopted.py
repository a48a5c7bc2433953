"""ORM objects for rows a Core statement has just written, so hot paths skip the unit of work's flush."""
from __future__ import annotations

from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

T = TypeVar("T")


def adopt(session: AsyncSession, obj: T, **loaded) -> T:
    """Make `obj` (every column set, the primary key included) a persistent object of the session, as if
    loaded by a query: nothing is written for it. `loaded` gives relationships their current value."""
    make_transient_to_detached(obj)
    session.add(obj)
    for name, value in loaded.items():
        set_committed_value(obj, name, value)
    return obj
