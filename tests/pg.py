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
from typing import TYPE_CHECKING

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
