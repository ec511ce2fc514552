"""One compiled-SQL cache for every engine of a test process.

SQLAlchemy caches each statement's compiled SQL per engine (``Engine._compiled_cache``) and, for
the ORM's flushes, per mapper, keyed by the dialect object. The program opens one engine and
keeps it, so it compiles each statement once; the tests open a site, so an engine, per test, and
compiled every statement again each time: a tenth of the services' and server tests' CPU time
(py-spy). Here the engines share one cache, and two dialects of one class configured alike (the
same SQLite library, the same PostgreSQL server, the same settings) are equal, so a statement
compiled for one test's engine is found by the next test's.

Only what the cache keys on changes: each statement is still compiled, by the same dialect class
for the same server, and run on the test's own engine and connection.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import Engine
from sqlalchemy.util import LRUCache

# Enough for every statement the suite compiles on one worker (a few thousand), so one module's
# statements never push out another's.
_SHARED: LRUCache[Any, Any] = LRUCache(20_000)
_SETTINGS = (str, int, float, bool, tuple, type(None))
_KEPT = "_kiosk_tests_configuration"


def _configuration(dialect: Any) -> tuple[Any, ...]:
    """What a compiled statement depends on: the dialect's class and its plain settings (server
    version, parameter style, identifier length, isolation level, ...); not its helper objects
    (type compiler, identifier preparer), which each engine makes alike."""
    kept: tuple[Any, ...] | None = vars(dialect).get(_KEPT)
    if kept is not None:
        return kept
    settings = sorted(
        (name, value)
        for name, value in vars(dialect).items()
        if isinstance(value, _SETTINGS) and name != _KEPT
    )
    return (type(dialect), tuple(settings))


def _initialize_and_keep(initialize: Any) -> Any:
    """The dialect's ``initialize`` (its first connection reads the server's version and
    settings), then its configuration kept: nothing changes it after, and comparing it anew at
    every statement cost more than it saved."""

    def wrapper(self: Any, connection: Any) -> None:
        initialize(self, connection)
        vars(self).pop(_KEPT, None)
        setattr(self, _KEPT, _configuration(self))

    return wrapper


def _equal(self: Any, other: object) -> bool:
    return self is other or (type(other) is type(self) and _configuration(self) == _configuration(other))


def _hash(self: Any) -> int:
    # The class alone: a dialect's settings change once, when its first connection initializes it.
    return hash(type(self))


def share_compiled_sql() -> None:
    """From now on, every new engine of this process uses the shared cache, and the project's two
    dialects compare by configuration."""
    if isinstance(vars(Engine).get("_compiled_cache"), property):
        return
    for dialect_class in (SQLiteDialect_pysqlite, PGDialect_psycopg):
        dialect_class.__eq__ = _equal  # type: ignore[method-assign,assignment]
        dialect_class.__hash__ = _hash  # type: ignore[method-assign,assignment]
        dialect_class.initialize = _initialize_and_keep(dialect_class.initialize)  # type: ignore[method-assign]
    # Each engine (and each engine.execution_options() copy) sets its own cache as it is made:
    # that is ignored, and every one reads the shared cache.
    Engine._compiled_cache = property(lambda _engine: _SHARED, lambda _engine, _own: None)  # type: ignore[assignment]
