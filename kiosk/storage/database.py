"""Engine, sessions and schema upgrades for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.owner_only import tighten
from kiosk.storage.changes import announce_changes

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The execution option that marks the read-only engine (see Sessions).
_READS_ONLY = "kiosk_reads_only"
# The execution option of the connection that runs the migrations (kiosk.storage.migrate).
MIGRATING = "kiosk_migrating"
SUPPORTED = "sqlite:///PATH or postgresql+psycopg://USER:PASSWORD@HOST/DB"


class DatabaseUrlError(ValueError):
    """The database URL is not one the kiosk supports; the message says why."""


class SchemaDriftError(RuntimeError):
    """The models and the migrations disagree: someone changed a model without a migration."""


class SchemaNewerError(RuntimeError):
    """The database was upgraded by a newer version of the program than this one: its revision is
    not among this version's migrations, and this code must not read or write it."""


def parse_database_url(url: str) -> URL:
    """Check ``url`` names a backend we support and return it parsed."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUrlError(f"{url!r} is not a database URL (expected {SUPPORTED})") from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "sqlite":
        if driver not in ("", "pysqlite"):
            raise DatabaseUrlError(f"SQLite driver {driver!r} is not supported (use sqlite:///PATH)")
        return parsed
    if backend == "postgresql":
        if driver != "psycopg":
            raise DatabaseUrlError(
                f"PostgreSQL needs the psycopg 3 driver: postgresql+psycopg://..., not {parsed.drivername}"
            )
        if not parsed.database:
            raise DatabaseUrlError(f"{url!r} names no database")
        return parsed
    raise DatabaseUrlError(f"{backend!r} databases are not supported (expected {SUPPORTED})")


def sqlite_url_for(path: Path) -> str:
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class EngineSettings:
    """How long the database may keep a request waiting, and how many connections a server holds:
    ``[database]`` in the configuration (kiosk.config), where each default is explained.

    ``statement_timeout_s`` bounds every wait on the database the same way on both: PostgreSQL
    cancels a statement that runs (or waits for the writers' lock) longer; SQLite, which cannot
    cancel one, makes a writer wait at most this long for another's write lock (its busy
    timeout). The pool settings apply to a database file or server alike; ``connect_timeout_s``
    and ``pre_ping`` only to PostgreSQL (SQLite opens a file: nothing to wait for or to lose).
    """

    connect_timeout_s: float = 5
    statement_timeout_s: float = 5
    pool_size: int = 10
    max_overflow: int = 10
    pool_timeout_s: float = 5
    pre_ping: bool = True


def create_database_engine(url: str, settings: EngineSettings | None = None) -> Engine:
    """An engine with the settings the kiosk relies on.

    SQLite: WAL (a kiosk and a console can read while one writes), foreign keys enforced, and a
    busy timeout so two processes writing at once wait instead of failing.
    """
    settings = settings or EngineSettings()
    parsed = parse_database_url(url)
    pool: dict[str, Any] = {
        "pool_size": settings.pool_size,
        "max_overflow": settings.max_overflow,
        "pool_timeout": settings.pool_timeout_s,
    }
    if parsed.get_backend_name() == "sqlite":
        in_memory = parsed.database in (None, "", ":memory:")
        if not in_memory:
            owner_only(Path(str(parsed.database)))
        engine = create_engine(
            parsed,
            hide_parameters=True,
            # pysqlite's timeout is SQLite's busy timeout (sqlite3_busy_timeout).
            connect_args={"timeout": settings.statement_timeout_s},
            # An in-memory database is one connection per thread: no pool to size.
            **({} if in_memory else pool),
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling defers BEGIN; we emit it so writes lock up front.
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        engine = create_engine(
            parsed,
            connect_args=_postgresql_connect_args(parsed, settings),
            # A connection the database dropped (a restart, a failover) is found out and replaced
            # when the pool hands it out, instead of failing the request that got it.
            pool_pre_ping=settings.pre_ping,
            # A failed statement's message (logged, shown) never carries the names and numbers it
            # was writing.
            hide_parameters=True,
            **pool,
        )
    except ModuleNotFoundError as exc:
        raise DatabaseUrlError(
            f"the PostgreSQL driver is not installed ({exc.name}); reinstall the program with its dependencies"
        ) from None
    event.listen(engine, "begin", _postgresql_begin)
    return engine


def _postgresql_connect_args(parsed: URL, settings: EngineSettings) -> dict[str, Any]:
    """libpq's parameters for ``settings``; the URL's own ``options`` are kept, after ours (a
    site that sets statement_timeout there means it)."""
    timeout_ms = round(settings.statement_timeout_s * 1000)
    options = f"-c statement_timeout={timeout_ms}"
    own = parsed.query.get("options")
    if own:
        options = " ".join([options, *([own] if isinstance(own, str) else own)])
    return {
        # Whole seconds (libpq's unit); at least 1, since 0 means wait for ever.
        "connect_timeout": max(1, round(settings.connect_timeout_s)),
        "options": options,
        # A database host that vanished (power, network) sends no reset: a statement sent to it
        # would wait for TCP's retransmissions, some 15 minutes. Unacknowledged this long, the
        # connection is dropped and the request fails like one that ran too long; idle pooled
        # connections are probed so pre-ping finds a dead one. (TCP only: a Unix socket has none.)
        "tcp_user_timeout": timeout_ms,
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
    }


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not pysqlite, issue BEGIN (pysqlite's implicit transactions defeat it).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # FULL: a commit is on disk before it returns, so a power cut cannot lose a visit whose
        # badge or receipt number is already printed (NORMAL in WAL can lose the last commits).
        cursor.execute("PRAGMA synchronous=FULL")
        # What is deleted or overwritten (a purge's names, a print job's bytes) is zeroed in the
        # file, not left in free space for anyone who copies it. Per connection; it costs a write
        # of the freed bytes, nothing at a front desk's few writes a second.
        cursor.execute("PRAGMA secure_delete=ON")
    finally:
        cursor.close()


def owner_only(path: Path) -> None:
    """The database file, its WAL and shared-memory files readable by this account alone (0600),
    in a folder only it can enter (0700): they hold visitors' personal data. Made so before the
    first connection, since SQLite gives the WAL and -shm files the main file's mode."""
    folder = path.parent
    if not folder.is_dir():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # A folder we did not make (a site's own /srv/kiosk) is left as the site set it.
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            tighten(file, 0o600)


def _sqlite_begin(conn: Any) -> None:
    if conn.get_execution_options().get(_READS_ONLY):
        # A plain (deferred) BEGIN takes no lock until the first read, and in WAL a reader holds
        # a snapshot without ever blocking the writer. query_only refuses a write instead of
        # letting it try to upgrade to the write lock half-way through (it is per connection,
        # so every BEGIN sets it: pooled connections serve both kinds).
        conn.exec_driver_sql("PRAGMA query_only=ON")
        conn.exec_driver_sql("BEGIN")
        return
    conn.exec_driver_sql("PRAGMA query_only=OFF")
    if conn.get_execution_options().get(MIGRATING):
        # Only outside a transaction does this pragma take: see kiosk.storage.migrate.
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    # IMMEDIATE takes the write lock at BEGIN: two kiosks allocating badge numbers queue up
    # instead of one failing with "database is locked" half-way through its transaction.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


# The key of the transaction-level advisory lock every writing transaction takes on PostgreSQL
# ("LOBBYKSK" in ASCII); the migrations take their own (kiosk.storage.migrate).
WRITER_LOCK = 0x4C4F4242594B534B


def _postgresql_begin(conn: Any) -> None:
    """Writers take turns on PostgreSQL as they do on SQLite (BEGIN IMMEDIATE).

    The services read a row, decide, then write (a slip still open is released, a pass still out
    is returned, the next number is taken), and were written for one writer at a time. Under
    PostgreSQL's READ COMMITTED, two servers doing that at once would both decide on what they
    read; one advisory lock per writing transaction makes them queue instead, on every server
    sharing the database. Reads never take it, and a front desk's writes are a few milliseconds
    each, so the queue is short (the benchmarks measure it: server_checkins_per_s_pg).
    """
    if conn.get_execution_options().get(_READS_ONLY):
        return
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")


def reads_only(engine: Engine) -> Engine:
    """``engine`` (same pool, same events) for transactions that only read."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(**{_READS_ONLY: True})
    # PostgreSQL: the server refuses writes, and REPEATABLE READ gives the whole transaction one
    # snapshot as WAL does on SQLite (a read-only one never fails to serialize).
    return engine.execution_options(
        **{_READS_ONLY: True}, postgresql_readonly=True, isolation_level="REPEATABLE READ"
    )


class Sessions(sessionmaker[Session]):
    """The session factory a service holds: called or ``begin()``, a unit of work that may write
    (SQLite: BEGIN IMMEDIATE, so writers queue up); ``reads()``, one that only reads.

    A read session takes no write lock: a long read (a visitor-log export) never makes a kiosk's
    check-in wait, and it sees one consistent snapshot. A write in it is refused by the database.
    While it is open, SQLite's WAL checkpoints cannot pass its snapshot (the WAL file grows until
    it ends), so close read sessions promptly: never keep one open across a wait.
    """

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine, expire_on_commit=False)
        self.engine = engine
        self.reads: sessionmaker[Session] = sessionmaker(reads_only(engine), expire_on_commit=False)
        # PostgreSQL: other servers may share the database; each commit tells them what changed,
        # signed with this origin (kiosk.storage.changes). None on SQLite (one server).
        self.origin: str | None = announce_changes(self) if engine.dialect.name == "postgresql" else None

    def scrub(self) -> bool:
        """After personal data was removed: on SQLite, copy the WAL into the database and empty it
        (TRUNCATE), so the removed values survive in neither file. False if a reader held it back
        (the next purge tries again); on PostgreSQL, True (its VACUUM reclaims the old rows)."""
        if self.engine.dialect.name != "sqlite":
            return True
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            # Outside any transaction (the connection is in autocommit: _sqlite_pragmas).
            busy, _log, _done = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            cursor.close()
        finally:
            raw.close()
        if busy:
            log.warning("the WAL was not emptied after a purge (a reader held it); the next purge retries")
        return not busy


@dataclass
class Database:
    """The engine and its session factory; one Session per unit of work."""

    engine: Engine
    sessions: Sessions

    @classmethod
    def open(cls, url: str, settings: EngineSettings | None = None) -> Database:
        engine = create_database_engine(url, settings)
        return cls(engine, Sessions(engine))

    def dispose(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.dispose()
