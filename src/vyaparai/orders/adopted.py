"""ORM objects for rows a Core statement has just written or read, so hot paths skip the unit of work's flush
and the ORM's execution of a query."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import instance_state
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

T = TypeVar("T")


def adopt(session: AsyncSession, obj: T, **loaded) -> T:
    """Make `obj` (every column set, the primary key included) a persistent object of the session, as if
    loaded by a query: nothing is written for it. `loaded` gives relationships their current value."""
    make_transient_to_detached(obj)
    session.add(obj)
    for name, value in loaded.items():
        set_committed_value(obj, name, value)
    return obj


def entity_columns(model: type, prefix: str) -> tuple:
    """Every mapped column of `model`, labelled `<prefix>_<attribute>`: read with a Core statement (one that can
    take db/driver.py's short way), they make the object again with `adopt_columns`."""
    return tuple(prop.columns[0].label(f"{prefix}_{prop.key}") for prop in inspect(model).column_attrs)


def adopt_columns(session: AsyncSession, model: type[T], values: Sequence, *, refresh: bool = False) -> T | None:
    """The persistent `model` object for values read as entity_columns gives them; None when its primary key
    is NULL (the missing side of an outer join). An object the session holds already is returned as it is,
    or with `refresh` given the values read (as populate_existing would; the caller has flushed its changes)."""
    mapper = inspect(model)
    attributes = _attributes(mapper)
    key = tuple(values[i] for i in _key_positions(mapper))
    if any(part is None for part in key):
        return None
    identity = identity_key(model, key)
    held = session.identity_map.get(identity)
    if held is None:
        return _as_loaded(session, mapper, identity, zip(attributes, values))
    if refresh:
        for name, value in zip(attributes, values):
            set_committed_value(held, name, value)
    return held


def adopt_values(session: AsyncSession, model: type[T], values: dict) -> T:
    """The persistent `model` object for a row just written with these values (every column, the key included),
    as adopt_columns makes it from a row read."""
    mapper = inspect(model)
    return _as_loaded(session, mapper, identity_key(model, tuple(values[mapper.get_property_by_column(c).key]
                                                                 for c in mapper.primary_key)),
                      ((name, values[name]) for name in _attributes(mapper)))


def _as_loaded(session: AsyncSession, mapper, identity: tuple, values):
    """A new object in the session's identity map with these committed values, made as the ORM's own loading
    makes the rows of a query (loading.py: new_instance, the identity key, the map's _add_unpresent): without
    __init__ and an attribute event per column, a third of the cost of building it and attaching it.
    Private to SQLAlchemy; tests/integration/test_cart_stock_turns.py fails if it stops holding."""
    sync = session.sync_session
    obj = mapper.class_manager.new_instance()
    state = instance_state(obj)
    state.key, state.identity_token = identity, identity[2]
    state.session_id = sync.hash_key
    sync.identity_map._add_unpresent(state, identity)
    obj.__dict__.update(values)
    return obj


def _attributes(mapper) -> tuple[str, ...]:
    found = _ATTRIBUTES.get(mapper)
    if found is None:
        found = _ATTRIBUTES[mapper] = tuple(prop.key for prop in mapper.column_attrs)
    return found


def _key_positions(mapper) -> tuple[int, ...]:
    """Where the primary key's columns are among the mapper's column attributes."""
    found = _KEYS.get(mapper)
    if found is None:
        attributes = _attributes(mapper)
        found = _KEYS[mapper] = tuple(attributes.index(mapper.get_property_by_column(c).key)
                                      for c in mapper.primary_key)
    return found


_ATTRIBUTES: dict = {}
_KEYS: dict = {}
