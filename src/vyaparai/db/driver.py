"""The hot statements' short way to PostgreSQL: straight to the asyncpg connection SQLAlchemy holds, counted.

A statement through SQLAlchemy's async layer cost 230-330 us of client CPU on this machine, its round
trip through asyncpg ~80 us: the difference is SQLAlchemy's per-execution work (the greenlet hop, the
execution context, the result). `execute(db, statement, params)` runs a Core statement built once at
import on the asyncpg connection SQLAlchemy already holds for the session or connection: compiled once
per statement (and, for a statement without .values(), per set of parameter names), sent as an asyncpg
prepared statement (asyncpg keeps them per connection), values and results passed through the same
type processors SQLAlchemy would use. What it keeps:

- the transaction: SQLAlchemy's asyncpg adapter sends BEGIN lazily, on its first statement. A statement
  sent here first makes the adapter begin, as its own cursor does, so it can never run outside (and
  survive the rollback of) the transaction it was written in; an AUTOCOMMIT connection begins nothing;
- SQLite: everything goes through SQLAlchemy, as before; so does a statement with an expanding IN list;
- errors: an asyncpg error comes out as the same sqlalchemy.exc class (IntegrityError, DBAPIError...);
- counting: every statement fires the engine's own `before_cursor_execute` event (cursor and execution
  context None), so what counts, logs or fails statements keeps seeing them; `listen`ers hear only
  the statements that took the short way (a bench shows how many did).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import String, exc, literal_column
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql import ClauseElement, sqltypes

Listener = Callable[[str], None]
_listeners: list[Listener] = []


def listen(listener: Listener) -> None:
    """Call `listener(sql)` for every statement sent on the short way (one statement, one round trip; the
    engine's before_cursor_execute hears it too)."""
    _listeners.append(listener)


def stop_listening(listener: Listener) -> None:
    _listeners.remove(listener)


def inline(*values: str) -> list:
    """Strings written into the SQL rather than bound: `column.in_(inline(...))` is a fixed IN list that a
    statement built once keeps (a list of values would be an expanding parameter, rendered per execution,
    which keeps a statement off the short way)."""
    return [literal_column("'" + v.replace("'", "''") + "'", String) for v in values]


class Rows:
    """What a statement returned, read like SQLAlchemy's Result for the hot paths' few uses."""

    __slots__ = ("_rows", "rowcount")

    def __init__(self, rows: list, rowcount: int):
        self._rows, self.rowcount = rows, rowcount

    def all(self) -> list:
        return self._rows

    def __iter__(self):
        return iter(self._rows)

    def one_or_none(self):
        if len(self._rows) > 1:
            raise exc.MultipleResultsFound("more than one row where at most one was expected")
        return self._rows[0] if self._rows else None

    def one(self):
        row = self.one_or_none()
        if row is None:
            raise exc.NoResultFound("no row where one was expected")
        return row

    def scalar(self):
        return self._rows[0][0] if self._rows else None

    def scalar_one(self):
        return self.one()[0]

    def scalar_one_or_none(self):
        row = self.one_or_none()
        return None if row is None else row[0]

    def scalars(self) -> list:
        return [row[0] for row in self._rows]


class _Compiled:
    """A statement compiled for asyncpg: its SQL with $n, each $n's source, its rows' shape."""

    __slots__ = ("sql", "binds", "row_class", "result_processors")

    def __init__(self, statement: ClauseElement, dialect: Dialect, keys: Sequence[str]):
        compiled = statement.compile(dialect=dialect, column_keys=list(keys))
        self.sql = compiled.string
        processors, generated = compiled._bind_processors, _generated_defaults(compiled)
        self.binds = []  # per $n: (parameter name, its value when not given, what makes it then, processor)
        for name in compiled.positiontup:
            bind = compiled.binds[name]
            self.binds.append((bind.key, bind.effective_value, generated.get(bind.key), processors.get(name)))
        columns = compiled._result_columns
        self.result_processors = [_result_processor(c[3], dialect) for c in columns]
        self.row_class = _row_class(tuple(c[0] for c in columns)) if columns else None

    def arguments(self, params: Mapping[str, Any]) -> list:
        args = []
        for key, default, generate, process in self.binds:
            value = params[key] if key in params else default if generate is None else generate(None)
            args.append(value if process is None or value is None else process(value))
        return args

    def rows(self, records: list) -> list:
        if self.row_class is None:
            return []
        make, processors = self.row_class, self.result_processors
        if not any(processors):
            return [make(record) for record in records]
        return [make(tuple(v if p is None or v is None else p(v) for p, v in zip(processors, record)))
                for record in records]


# The type oid a result processor is given by the cursor, for the types whose processor asks (PostgreSQL's own
# oids: FLOAT is double precision, NUMERIC numeric).
_OIDS = ((sqltypes.Float, 701), (sqltypes.Numeric, 1700))


def _result_processor(type_, dialect: Dialect):
    oid = next((oid for kind, oid in _OIDS if isinstance(type_, kind)), None)
    return type_._cached_result_processor(dialect, oid)


def _generated_defaults(compiled) -> dict[str, Callable[[Any], Any]]:
    """A column's Python-side default or onupdate (products.updated_at = utcnow()), which SQLAlchemy's
    execution context fills in per execution: by parameter name, a function of no context giving it."""
    made = {}
    for columns, kind in ((compiled.insert_prefetch, "default"), (compiled.update_prefetch, "onupdate")):
        for column in columns:
            default = getattr(column, kind)
            if default is None or default.is_sequence or default.is_clause_element:
                raise NotImplementedError(f"{column} has a default the short way does not make")
            made[column.key] = (lambda _ctx, value=default.arg: value) if default.is_scalar else default.arg
    return made


def _row_class(names: tuple[str, ...]):
    """A tuple with the columns' names as attributes (row.payload, row[0], unpacking), like SQLAlchemy's Row."""
    namespace: dict[str, Any] = {"__slots__": ()}
    for i, name in enumerate(names):
        if name.isidentifier() and not name.startswith("_") and name not in namespace and name not in dir(tuple):
            namespace[name] = property(lambda row, i=i: row[i])
    row_class = type("HotRow", (tuple,), namespace)
    return lambda values: tuple.__new__(row_class, values)


_compiled: dict[tuple[int, tuple[str, ...]], tuple[ClauseElement, _Compiled | None]] = {}
# Statements built once number a few dozen; a statement built per call by mistake must not grow this forever.
_KEPT = 512


def _compiled_for(statement: ClauseElement, dialect: Dialect, keys: tuple[str, ...]) -> _Compiled | None:
    """The compiled form, kept per statement (hot statements are module constants); None: not for the short way."""
    cache_key = (id(statement), keys)
    entry = _compiled.get(cache_key)
    if entry is None or entry[0] is not statement:
        try:
            compiled = None if _expands(statement) else _Compiled(statement, dialect, keys)
        except NotImplementedError:
            compiled = None
        if len(_compiled) >= _KEPT:
            _compiled.clear()
        entry = _compiled[cache_key] = (statement, compiled)  # the statement is kept, so its id stays its own
    return entry[1]


def _expands(statement: ClauseElement) -> bool:
    """An expanding IN list is rendered per execution by SQLAlchemy: such a statement stays on its way."""
    from sqlalchemy.sql.visitors import iterate
    return any(getattr(element, "expanding", False) for element in iterate(statement))


async def execute(db: AsyncSession | AsyncConnection, statement: ClauseElement,
                  params: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None):
    """Run a Core statement in `db`'s transaction (or autocommit connection); rows as SQLAlchemy gives them.

    A list of parameter sets runs the statement once per set in one round trip (asyncpg pipelines them).
    """
    many = isinstance(params, (list, tuple))
    if many and not params:
        return Rows([], 0)
    bind = db.get_bind() if isinstance(db, AsyncSession) else db
    if bind.dialect.name != "postgresql":
        return await db.execute(statement, params)
    keys = tuple(sorted(params[0] if many else params or ()))
    compiled = _compiled_for(statement, bind.dialect, keys)
    if compiled is None:
        return await db.execute(statement, params)
    sync, adapted = await (_adapter(db) if isinstance(db, AsyncConnection) else _session_adapter(db))
    args = [compiled.arguments(p) for p in params] if many else compiled.arguments(params or {})
    if sync._has_events or sync.engine._has_events:
        # SQLAlchemy's own event, as its cursor would fire it (no cursor, no execution context): whatever
        # counts, logs or fails statements on this engine sees these too.
        sync.dispatch.before_cursor_execute(sync, None, compiled.sql, args, None, many)
    return await _send(adapted, compiled, args, many)


_ADAPTER = "vyaparai.driver_adapter"  # session.info: (the transaction, its connection, their asyncpg adapter)


async def _session_adapter(session: AsyncSession):
    """The adapter of the session's connection, found once per transaction (each hop into SQLAlchemy's
    greenlet to ask for it cost about as much CPU as the statement's round trip)."""
    transaction = session.sync_session.get_transaction()
    kept = session.info.get(_ADAPTER)
    if transaction is not None and kept is not None and kept[0] is transaction and transaction.is_active:
        return kept[1]
    found = await _adapter(await session.connection())
    session.info[_ADAPTER] = (session.sync_session.get_transaction(), found)
    return found


async def _adapter(conn: AsyncConnection):
    """The sync Connection under `conn` and its asyncpg adapter."""
    sync = conn.sync_connection
    if sync is not None and not sync.invalidated and not sync.closed:
        return sync, sync.connection.dbapi_connection  # checked out already: no I/O, no greenlet
    return conn.sync_connection, (await conn.get_raw_connection()).dbapi_connection


class ShortWay:
    """An AsyncConnection whose execute and scalar take the short way: for code written against a connection
    whose statements are all built once (a webhook's INSERT, the store lookup); anything else it would
    compile on every call."""

    def __init__(self, conn: AsyncConnection):
        self.connection = conn

    @property
    def dialect(self) -> Dialect:
        return self.connection.dialect

    @property
    def sync_engine(self):
        return self.connection.sync_engine

    async def execute(self, statement: ClauseElement, params=None):
        return await execute(self.connection, statement, params)

    async def scalar(self, statement: ClauseElement, params=None):
        return (await execute(self.connection, statement, params)).scalar()


async def _send(adapted, compiled: _Compiled, args: list, many: bool) -> Rows:
    """One round trip on the adapter's asyncpg connection, inside the adapter's transaction."""
    driver = adapted.driver_connection
    async with adapted._execute_mutex:  # what the adapter's own cursor holds around a statement
        if adapted._transaction is None and not adapted.autocommit:
            # The adapter has not sent its BEGIN yet: send it now, as its cursor would, so this statement is
            # part of the transaction (and of its rollback). Private to SQLAlchemy; tests/integration/test_db_driver.py
            # fails if it ever stops holding.
            await adapted._start_transaction()
        for listener in _listeners:
            listener(compiled.sql)
        try:
            if many:
                if compiled.row_class is None:
                    await driver.executemany(compiled.sql, args)
                    return Rows([], len(args))
                records = await driver.fetchmany(compiled.sql, args)  # one record per parameter set
                return Rows(compiled.rows(records), len(records))
            if compiled.row_class is None:
                status = await driver.execute(compiled.sql, *args)
                return Rows([], _count(status))
            records = await driver.fetch(compiled.sql, *args)
            return Rows(compiled.rows(records), len(records))
        except Exception as error:
            _raise_as_sqlalchemy(adapted, compiled.sql, args, error)


def _count(status: str) -> int:
    """Rows an UPDATE, DELETE or INSERT touched, from asyncpg's status ('UPDATE 3', 'INSERT 0 1')."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else -1


def _raise_as_sqlalchemy(adapted, sql: str, args: list, error: Exception):
    """The exception SQLAlchemy would have raised: its adapter's translation, wrapped in sqlalchemy.exc."""
    try:
        adapted._handle_exception(error)
    except Exception as translated:
        dbapi = adapted.dbapi
        if isinstance(translated, dbapi.Error):
            raise exc.DBAPIError.instance(sql, args, translated, dbapi.Error) from error
        raise
    raise error
