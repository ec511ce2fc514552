"""A PostgreSQL cluster of the test run's own: Debian's server binaries, a data folder in memory,
a Unix socket only (no TCP port to collide with another run), trust authentication.

PostgreSQL refuses to run as root, and CI runs as root: there the server runs as the
``postgres`` user Debian's package creates (or ``nobody``), in a folder handed to that user; root
connects through the socket all the same. Durability is switched off (fsync, full-page writes):
the cluster lives for one test run.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg

if TYPE_CHECKING:
    from kiosk.storage.database import Database

USER = "kiosk_test"
TEMPLATE = "kiosk_template"
# TEMPLATE before the tests' fill: the newest migration and nothing else.
BARE_TEMPLATE = "kiosk_migrated"
# Where the controller tells the workers (and the `kiosk` processes tests start) which cluster.
ENV = "KIOSK_TEST_PG_SOCKET"


class NoPostgres(RuntimeError):
    """The server binaries are not installed; the message says how to get them."""


def server_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major)
    if not found:
        raise NoPostgres(
            "PostgreSQL's server binaries are not installed (/usr/lib/postgresql/*/bin): "
            "`make test` installs Debian's postgresql package; or run: sudo apt-get install postgresql"
        )
    return Path(found[-1]).parent


def _major(path: str) -> int:
    return int(Path(path).parent.parent.name.split(".")[0])


class Cluster:
    """One cluster: ``start()``, ``stop()`` (and start again: the recovery tests), ``remove()``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.bin = server_bin()
        self.folder = folder or Path(tempfile.mkdtemp(prefix="kiosk-pg-", dir=memory_folder()))
        self.data = self.folder / "data"
        self.socket_dir = self.folder / "run"
        self._runs_as = _server_user()

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{USER}@/{database}?host={self.socket_dir}"

    def dsn(self, database: str = "postgres") -> str:
        return f"host={self.socket_dir} user={USER} dbname={database}"

    def init(self) -> Cluster:
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        if self._runs_as is not None:
            os.chown(self.folder, self._runs_as.pw_uid, self._runs_as.pw_gid)
            os.chown(self.socket_dir, self._runs_as.pw_uid, self._runs_as.pw_gid)
        self._run(
            "initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "--encoding=UTF8",
            "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        return self

    def start(self) -> Cluster:
        options = " ".join(
            [
                f"-k {self.socket_dir}",
                "-c listen_addresses=''",
                "-c fsync=off",
                "-c full_page_writes=off",
                "-c synchronous_commit=off",
                # Every test database is a copy of the template: the copy is cheap without a
                # checkpoint's writes behind it.
                "-c checkpoint_timeout=30min",
                "-c max_connections=400",
                # A worker's database lives for the run (ReusedDatabase): autovacuum there could
                # hold the VACUUM that puts it back for a second (deadlock_timeout), and it would
                # count the tables the putting back gives the template's sizes again. Nothing
                # lives long enough to need it.
                "-c autovacuum=off",
                "-c shared_buffers=64MB",
            ]
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-o", options, "start"
        )
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def remove(self) -> None:
        if self.running():
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        user = self._runs_as
        result = subprocess.run(
            [str(self.bin / program), *args],
            capture_output=True,
            text=True,
            cwd=self.folder,
            user=user.pw_uid if user else None,
            group=user.pw_gid if user else None,
            extra_groups=[] if user else None,
            env={**os.environ, "LC_ALL": "C.UTF-8"},
            check=False,
        )
        if result.returncode != 0:
            log = self.folder / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed: {result.stdout}{result.stderr}{tail}")

    # -- databases ---------------------------------------------------------------------------

    def create_template(self, fill: Callable[[Database], None] | None = None) -> None:
        """The templates test databases are copied from: BARE_TEMPLATE at the newest migration,
        and TEMPLATE, a copy of it with what ``fill`` adds (migrated once for both)."""
        from kiosk.storage import migrate
        from kiosk.storage.database import Database

        self.execute(f"CREATE DATABASE {BARE_TEMPLATE}")
        with Database.open(self.url(BARE_TEMPLATE)) as database:
            migrate.upgrade(database.engine)
        self.new_database(BARE_TEMPLATE, name=TEMPLATE)
        if fill is not None:
            with Database.open(self.url(TEMPLATE)) as database:
                fill(database)

    def new_database(self, template: str | None = TEMPLATE, name: str | None = None) -> str:
        """A fresh database (a copy of ``template``, or empty); its name."""
        name = name or f"t_{uuid.uuid4().hex[:16]}"
        copy = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self.execute(f"CREATE DATABASE {name}{copy}")
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def execute(self, sql: str, database: str = "postgres") -> None:
        with psycopg.connect(self.dsn(database), autocommit=True) as conn:
            conn.execute(sql.encode())


def memory_folder() -> str | None:
    """A RAM-backed folder where there is one: each test's database is a copy of the template,
    some hundreds of files, and creating them on this machine's disk took 200-300 ms a copy
    against 12 ms in /dev/shm. The tests' own folders are made there too (tests/conftest.py)."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        return None
    # A container's /dev/shm may be 64 MB: the cluster and a few databases at once need more.
    return str(shm) if shutil.disk_usage(shm).free > 1 << 30 else None


def _server_user() -> pwd.struct_passwd | None:
    """Who runs the server: us, unless we are root (PostgreSQL refuses that)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise NoPostgres("running as root with neither a postgres nor a nobody user to run PostgreSQL as")


def cluster_from_env() -> Cluster | None:
    """The run's cluster, as the controller started it (None: not started)."""
    socket_dir = os.environ.get(ENV)
    if not socket_dir:
        return None
    return Cluster(Path(socket_dir).parent)


def started_cluster(fill: Callable[[Database], None] | None = None) -> Cluster:
    """A new cluster, started, with its template database."""
    cluster = Cluster().init().start()
    deadline = time.monotonic() + 10
    while True:
        try:
            cluster.create_template(fill)
            return cluster
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


# -- one database per worker, put back between tests --------------------------------------------


class ReusedDatabase:
    """A worker's database, handed to one test after another and put back in the template's
    state between them: a copy of the template for each test (CREATE DATABASE, the copy's first
    connection, DROP DATABASE) cost PostgreSQL some 33 ms of CPU a test, for a thousand tests.

    What a test may change is put back (every table's rows, every sequence) or ends with the
    test's sessions, which must all be closed by then (temporary tables, LISTEN, advisory locks,
    SET). Anything else (the schema, grants, the database's settings: whatever changes
    ``catalog_fingerprint``), a session still open or a failure of the putting back drops the
    database instead: the next test gets a new copy, as every test did before.

    The putting back has a session of its own, idle (no transaction, lock or LISTEN) while a
    test runs: a new one for each test spent more of PostgreSQL's CPU reading the catalogs
    afresh than the putting back itself.
    """

    APPLICATION = "kiosk-tests-put-back"

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.name: str | None = None
        self.template: TemplateState | None = None
        self._conn: psycopg.Connection[tuple[Any, ...]] | None = None
        # Why each database was dropped rather than put back (its test reads it; so may whoever
        # wonders why a run got slower).
        self.dropped: list[str] = []
        # How long the test's sessions may take to end (its engine closed them; each backend
        # notices a moment later) before the database is dropped instead.
        self.wait_s = 0.5

    def take(self) -> str:
        """The database's URL, in the template's state."""
        if self.name is None:
            self.name = self.cluster.new_database(TEMPLATE)
            self._conn = psycopg.connect(
                self.cluster.dsn(self.name), autocommit=True, application_name=self.APPLICATION
            )
            if self.template is None:
                # Read from the first copy rather than the template, which another worker may
                # be copying (CREATE DATABASE refuses a template anyone is connected to).
                self.template = TemplateState.read(self._conn)
        return self.cluster.url(self.name)

    def give_back(self) -> None:
        """Put the template's state back for the next test, or drop the database."""
        if self._conn is None:
            return
        try:
            why = self._put_back(self._conn)
        except psycopg.Error as exc:
            why = f"putting it back failed: {exc}"
        if why is not None:
            self.dropped.append(why)
            self.discard()

    def discard(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        name, self.name = self.name, None
        if name is not None:
            self.cluster.drop_database(name)

    def _put_back(self, conn: psycopg.Connection[tuple[Any, ...]]) -> str | None:
        """Puts the template's state back; or says why it cannot."""
        template = self.template
        assert template is not None
        if not sessions_ended(conn, self.wait_s):
            return "a session of the test's was still open"
        if catalog_fingerprint(conn, template.fingerprint_query) != template.fingerprint:
            return "the test changed the catalogs (the schema, grants or the database's settings)"
        filled = conn.execute(template.filled_query, prepare=True).fetchone() or ()
        tables = [t for t, rows in zip(template.tables, filled, strict=True) if rows or t in template.rows]
        # DELETE and VACUUM rather than TRUNCATE, which makes new files for the table and each
        # of its indexes, and for every table that refers to it (CASCADE): 10 ms of PostgreSQL's
        # CPU for a test's few tables, against 1.5. VACUUM leaves the tables without pages: the
        # rows go back where a copy of the template has them (a query without ORDER BY reads
        # them in the same order).
        if tables:
            with conn.transaction():
                # Unchecked by foreign keys (every table with a row is emptied) and untouched
                # by triggers, going and coming back.
                conn.execute(REPLICA)
                conn.execute("; ".join(f"DELETE FROM {t}" for t in tables).encode())
            conn.execute(f"VACUUM {', '.join(tables)}".encode())
        with conn.transaction():
            conn.execute(REPLICA)
            with conn.cursor() as cursor:
                for table, data in template.rows.items():
                    with cursor.copy(f"COPY {table} FROM STDIN (FORMAT binary)".encode()) as copy:
                        copy.write(data)
            conn.execute(template.sequences_query, prepare=True)
            # The planner's sizes as the copy has them (VACUUM counted the emptied tables):
            # the same plans, so the same order of rows where a query leaves it open.
            conn.execute(template.sizes_query, prepare=True)
        return None


REPLICA = b"SET LOCAL session_replication_role = replica"


class TemplateState:
    """What a copy of the template holds: its tables' rows, its sequences' places, its
    relations' sizes as the planner knows them and its catalogs' fingerprint."""

    def __init__(
        self,
        tables: list[str],
        rows: dict[str, bytes],
        sequences: list[tuple[str, int, bool]],
        sizes: list[tuple[int, int, float, int]],
        fingerprint_query: bytes,
        fingerprint: str,
    ) -> None:
        self.tables = tables  # every table, as regclass names it (quoted where it must be)
        self.rows = rows  # the tables with rows: COPY's binary form of them
        self.fingerprint_query = fingerprint_query
        self.fingerprint = fingerprint
        # Whether each table has a row, in one statement (an empty table is read in no time).
        self.filled_query = (
            f"SELECT {', '.join(f'EXISTS (SELECT FROM {t})' for t in tables) or 'true'}".encode()
        )
        setvals = [f"setval({quoted(name)}, {value}, {called})" for name, value, called in sequences]
        self.sequences_query = f"SELECT {', '.join(setvals) or 'true'}".encode()
        values = ", ".join(
            f"({oid}, {pages}, {tuples!r}::real, {visible})" for oid, pages, tuples, visible in sizes
        )
        self.sizes_query = (
            "UPDATE pg_class c SET relpages = t.pages, reltuples = t.tuples, relallvisible = t.visible"
            f" FROM (VALUES {values}) AS t (oid, pages, tuples, visible) WHERE c.oid = t.oid"
            " AND (c.relpages, c.reltuples, c.relallvisible) IS DISTINCT FROM (t.pages, t.tuples, t.visible)"
        ).encode()

    @classmethod
    def read(cls, conn: psycopg.Connection[tuple[Any, ...]]) -> TemplateState:
        user_relations = f"FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {USER_SCHEMA}"
        tables = [
            str(name)
            for (name,) in conn.execute(
                f"SELECT c.oid::regclass::text {user_relations} AND c.relkind IN ('r', 'p') ORDER BY 1".encode()
            )
        ]
        rows: dict[str, bytes] = {}
        with conn.cursor() as cursor:
            for table in tables:
                with cursor.copy(f"COPY {table} TO STDOUT (FORMAT binary)".encode()) as copy:
                    data = b"".join(bytes(block) for block in copy)
                if cursor.rowcount:
                    rows[table] = data
        sequences = []
        for (name,) in conn.execute("SELECT seqrelid::regclass::text FROM pg_sequence ORDER BY 1").fetchall():
            place = conn.execute(f"SELECT last_value, is_called FROM {name}".encode()).fetchone()
            assert place is not None
            sequences.append((str(name), int(place[0]), bool(place[1])))
        # Every relation of the tables', their TOAST tables and indexes included.
        sizes = conn.execute(
            "SELECT c.oid, c.relpages, c.reltuples, c.relallvisible FROM pg_class c"
            f" WHERE c.oid >= {FIRST_OBJECT} AND c.relpersistence <> 't' AND c.relkind IN ('r', 't', 'i', 'm')".encode()
        ).fetchall()
        query = fingerprint_query(conn)
        return cls(
            tables, rows, sequences, [tuple(size) for size in sizes], query, catalog_fingerprint(conn, query)
        )


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def sessions_ended(conn: psycopg.Connection[tuple[Any, ...]], wait_s: float) -> bool:
    """Whether every other session on ``conn``'s database has ended, within ``wait_s``."""
    deadline = time.monotonic() + wait_s
    while True:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            prepare=True,
        ).fetchone()
        if row is not None and row[0] == 0:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.002)


# The schemas a test's objects live in: not PostgreSQL's own, nor a session's temporary ones
# (those go with their session; an ended session's empty schema stays behind, harmless).
USER_SCHEMA = "n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'"

# Objects made after initdb have OIDs from here (FirstNormalObjectId).
FIRST_OBJECT = 16384


def catalog_fingerprint(conn: psycopg.Connection[tuple[Any, ...]], query: bytes | None = None) -> str:
    """A digest of what in the database's catalogs a test could change: every object made after
    initdb (which catches anything created or dropped, in any catalog) and what ALTER, GRANT,
    COMMENT, ALTER DATABASE ... SET or a disabled trigger change of the ones there are. Not what
    changes by itself or by the putting back (a table's new files, row counts, statistics).
    ``query``: ``fingerprint_query``'s, made once (prepared, it takes half the time)."""
    row = conn.execute(query or fingerprint_query(conn), prepare=True).fetchone()
    return str(row[0] if row else "")


def fingerprint_query(conn: psycopg.Connection[tuple[Any, ...]]) -> bytes:
    catalogs = [
        str(name)
        for (name,) in conn.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'oid'"
            " WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r' AND NOT c.relisshared"
            " ORDER BY 1"
        )
    ]
    every_object = " UNION ALL ".join(
        f"SELECT '{name} ' || oid FROM pg_catalog.{name} WHERE oid >= {FIRST_OBJECT}"
        + (" AND nspname !~ '^pg_(toast_)?temp_'" if name == "pg_namespace" else "")
        for name in catalogs
    )
    lines = f"{every_object} UNION ALL {ALTERABLE}"
    return f"SELECT md5(string_agg(line, E'\\n' ORDER BY line)) FROM ({lines}) AS lines (line)".encode()


# What can change of an object that stays (each line starts with its OID or its parent's), and
# the planner's statistics of a table (ANALYZE), which no catalog's OIDs show.
ALTERABLE = f"""
SELECT concat_ws(' ', 'class', oid, relname, relnamespace, relkind, relowner, relacl, reloptions,
    relpersistence, relrowsecurity, relforcerowsecurity, relreplident, relam, reltablespace)
  FROM pg_class WHERE oid >= {FIRST_OBJECT}
UNION ALL SELECT concat_ws(' ', 'column', attrelid, attnum, attname, atttypid, atttypmod, attnotnull,
    attidentity, attgenerated, attisdropped, attcollation, attstorage, attacl, attoptions)
  FROM pg_attribute WHERE attrelid >= {FIRST_OBJECT} AND attnum > 0
UNION ALL SELECT concat_ws(' ', 'default', adrelid, adnum, adbin) FROM pg_attrdef
UNION ALL SELECT concat_ws(' ', 'constraint', oid, conname, contype, condeferrable, condeferred,
    convalidated, conkey, confkey, confupdtype, confdeltype, conbin) FROM pg_constraint WHERE oid >= {FIRST_OBJECT}
UNION ALL SELECT concat_ws(' ', 'index', indexrelid, indisunique, indisvalid, indisready, indislive,
    indisclustered, indkey, indclass, indoption, indexprs, indpred) FROM pg_index WHERE indexrelid >= {FIRST_OBJECT}
UNION ALL SELECT concat_ws(' ', 'trigger', oid, tgname, tgenabled, tgfoid, tgtype, tgattr, tgargs, tgqual)
  FROM pg_trigger WHERE oid >= {FIRST_OBJECT}
UNION ALL SELECT concat_ws(' ', 'rule', oid, ev_enabled, md5(ev_action::text)) FROM pg_rewrite WHERE oid >= {FIRST_OBJECT}
UNION ALL SELECT concat_ws(' ', 'function', oid, proname, proowner, proacl, proconfig, md5(prosrc))
  FROM pg_proc WHERE oid >= {FIRST_OBJECT}
UNION ALL SELECT concat_ws(' ', 'type', oid, typname, typowner, typacl, typnotnull, typdefault) FROM pg_type
  WHERE oid >= {FIRST_OBJECT}
UNION ALL SELECT concat_ws(' ', 'label', oid, enumtypid, enumsortorder, enumlabel) FROM pg_enum
UNION ALL SELECT concat_ws(' ', 'sequence', seqrelid, seqtypid, seqstart, seqincrement, seqmax, seqmin,
    seqcache, seqcycle) FROM pg_sequence
UNION ALL SELECT concat_ws(' ', 'schema', oid, nspname, nspowner, nspacl) FROM pg_namespace
  WHERE nspname !~ '^pg_(toast_)?temp_'
UNION ALL SELECT concat_ws(' ', 'inherits', inhrelid, inhparent, inhseqno) FROM pg_inherits
UNION ALL SELECT concat_ws(' ', 'policy', oid, polname, polcmd, polpermissive, polroles, polqual, polwithcheck)
  FROM pg_policy
UNION ALL SELECT concat_ws(' ', 'comment', objoid, classoid, objsubid, description) FROM pg_description
  WHERE objoid >= {FIRST_OBJECT}
UNION ALL SELECT concat_ws(' ', 'default privileges', oid, defaclacl) FROM pg_default_acl
UNION ALL SELECT concat_ws(' ', 'event trigger', oid, evtenabled) FROM pg_event_trigger
UNION ALL SELECT concat_ws(' ', 'large object', oid, lomowner, lomacl) FROM pg_largeobject_metadata
UNION ALL SELECT concat_ws(' ', 'database', datdba, datconnlimit, datallowconn, datistemplate, datacl)
  FROM pg_database WHERE datname = current_database()
UNION ALL SELECT concat_ws(' ', 'statistics', starelid, staattnum, stainherit) FROM pg_statistic
  WHERE starelid >= {FIRST_OBJECT}
UNION ALL SELECT concat_ws(' ', 'settings', setrole, setconfig) FROM pg_db_role_setting
  WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
"""
