"""Shared fixtures: every test gets its own config and data folders, a fixed clock and fakes."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher, profiles
from sqlalchemy.engine import make_url

from kiosk.app import KioskApp, build_app
from kiosk.config import Config, load_config
from kiosk.devices.fakes import FakePrinter, MemoryEncoder
from kiosk.services.audit import Actor
from kiosk.storage import migrate
from kiosk.storage.database import Database, sqlite_url_for
from kiosk.ui.kiosk.keyboard import enable_virtual_keyboard
from tests import pg
from tests.compiled_sql import share_compiled_sql


def pytest_configure(config: pytest.Config) -> None:
    # The kiosk's on-screen keyboard is an input method chosen before QApplication exists; the
    # tests run with it as the lobby does.
    enable_virtual_keyboard()
    # Each test's site has an engine of its own; each statement is compiled once per process.
    share_compiled_sql()
    if not hasattr(config, "workerinput"):
        temporary_files_in_memory(config)
    # One PostgreSQL cluster for the whole run, started by the controller before its workers
    # (they find it through the environment they inherit) and removed after them.
    if not hasattr(config, "workerinput") and os.environ.get(pg.ENV) is None:
        try:
            cluster = pg.started_cluster(fill_template)
        except pg.NoPostgres:
            os.environ[pg.ENV] = ""  # the tests that need it fail, saying how to install it
            return
        os.environ[pg.ENV] = str(cluster.socket_dir)
        config.stash[_CLUSTER] = cluster


def pytest_unconfigure(config: pytest.Config) -> None:
    cluster = config.stash.get(_CLUSTER, None)
    if cluster is not None:
        cluster.remove()
        del os.environ[pg.ENV]


_CLUSTER = pytest.StashKey[pg.Cluster]()


def temporary_files_in_memory(config: pytest.Config) -> None:
    """The run's temporary folders (tmp_path, tempfile; the workers and the processes tests start
    inherit TMPDIR) in RAM where there is room, unless TMPDIR or --basetemp says where: every
    site's SQLite commit and key file is fsynced (synchronous=FULL), which on this machine's disk
    made the services' tests wait a third of their time. A crash of the process, which the tests
    cause, loses nothing from RAM either; a power cut, which they cannot, is the disk's case."""
    if config.option.basetemp or os.environ.get("TMPDIR"):
        return
    folder = pg.memory_folder()
    if folder is not None:
        os.environ["TMPDIR"] = tempfile.tempdir = folder


# The suites that run on both databases: what they test reads and writes the database.
BOTH_DATABASES = ("tests/services/", "tests/storage/", "tests/server/")


DATABASES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    path = Path(metafunc.definition.path).relative_to(Path(__file__).parent.parent).as_posix()
    if "db_backend" in metafunc.fixturenames and path.startswith(BOTH_DATABASES):
        metafunc.parametrize("db_backend", one_database(metafunc) or DATABASES, indirect=True, scope="module")


def one_database(metafunc: pytest.Metafunc) -> list[str] | None:
    """The database named by ``@pytest.mark.one_database(name, reason=...)``, if the test has
    one: a test true of one database by nature (SQLite's pragmas, its file) says why."""
    marker = metafunc.definition.get_closest_marker("one_database")
    if marker is None:
        return None
    reason = str(marker.kwargs.get("reason", "")).strip()
    if len(marker.args) != 1 or marker.args[0] not in DATABASES or not reason:
        raise pytest.UsageError(
            f"{metafunc.definition.nodeid}: one_database takes one of {DATABASES} and a written "
            f"reason=..., got {marker.args} {marker.kwargs}"
        )
    return [marker.args[0]]


@pytest.fixture(scope="module")
def db_backend(request: pytest.FixtureRequest) -> str:
    """The database a test's site runs on: SQLite, and PostgreSQL too in BOTH_DATABASES."""
    return str(getattr(request, "param", "sqlite"))


def postgres_cluster() -> pg.Cluster:
    """The run's PostgreSQL cluster; fails the test, saying how to install it, if there is none."""
    cluster = pg.cluster_from_env()
    if cluster is None:
        try:
            pg.server_bin()
        except pg.NoPostgres as exc:
            pytest.fail(str(exc), pytrace=False)
        pytest.fail("this run's PostgreSQL cluster did not start (see the first test's error)", pytrace=False)
    return cluster


@pytest.fixture
def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database at the newest migration (a copy of the template); its URL."""
    yield from _fresh_postgres(pg.TEMPLATE)


@pytest.fixture(scope="session")
def reused_postgres() -> Iterator[pg.ReusedDatabase]:
    """This worker's PostgreSQL database that tests take in turn (``reused_postgres_database``)."""
    reused = pg.ReusedDatabase(postgres_cluster())
    yield reused
    reused.discard()


@pytest.fixture
def reused_postgres_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """A PostgreSQL database in the template's state, as a fresh copy of it would be: this
    worker's, put back after each test (or dropped, when the test changed what cannot be put
    back: pg.ReusedDatabase); its URL. A test marked ``fresh_database`` gets a copy of its own."""
    if request.node.get_closest_marker("fresh_database") is not None:
        yield from _fresh_postgres(pg.TEMPLATE)
        return
    reused: pg.ReusedDatabase = request.getfixturevalue("reused_postgres")
    yield reused.take()
    reused.give_back()


@pytest.fixture
def empty_postgres_database() -> Iterator[str]:
    """A new PostgreSQL database with nothing in it, not even the migrations' table; its URL."""
    yield from _fresh_postgres(None)


@pytest.fixture
def empty_database(db_backend: str, tmp_path: Path) -> Iterator[str]:
    """The URL of a database nobody has used yet, on the test's database: an SQLite file not yet
    made, or an empty PostgreSQL database."""
    if db_backend == "sqlite":
        yield sqlite_url_for(tmp_path / "new.db")
    else:
        yield from _fresh_postgres(None)


def _fresh_postgres(template: str | None) -> Iterator[str]:
    cluster = postgres_cluster()
    name = cluster.new_database(template)
    yield cluster.url(name)
    cluster.drop_database(name)


@pytest.fixture(autouse=True)
def qt_leftovers_deleted() -> Iterator[None]:
    """After each test: wait for background work, delete the top-level widgets left over (by Qt,
    in the GUI thread, as the program does; not by the garbage collector, which runs on whatever
    thread allocates), and deliver what background work still had to answer."""
    yield
    delete_leftover_windows()


@pytest.fixture(autouse=True)
def kiosk_logger_restored() -> Iterator[None]:
    """``kiosk.cli.main`` run in a test gives the ``kiosk`` logger a handler on that test's
    captured stderr and stops it propagating: every later test of the worker then logged into a
    closed stream ("--- Logging error ---" in the run's output) and past caplog."""
    from kiosk.logs import setup

    logger = logging.getLogger("kiosk")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    yield
    setup.stop()  # a log file main() opened, its handlers on the root logger, the crash hooks
    logger.handlers[:], logger.level, logger.propagate = saved


def delete_leftover_windows() -> None:
    """What ``qt_leftovers_deleted`` does, called as well before a test's site is closed: a window
    still open then went on asking the server, whose database was being closed under it (SQLite
    crashed the process, once)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    instance = QCoreApplication.instance()
    if isinstance(instance, QApplication):
        from kiosk.ui.common.background import wait_for_background

        wait_for_background(10_000)
        for widget in QApplication.topLevelWidgets():
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        instance.processEvents()
        wait_for_background(10_000)
        instance.processEvents()


# 2026-11-25 10:00 in Shanghai.
TEST_NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


class FixedClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, now: datetime) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += timedelta(**delta)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs looks under these, so no test touches the real user's files."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "xdg-etc"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # the log files
    # A machine with the Debian package installed has a real /etc/lobby-kiosk/kiosk.toml.
    monkeypatch.setattr("kiosk.config.DEBIAN_CONFIG_DIR", tmp_path / "etc-lobby-kiosk")
    for name in ("KIOSK_DATABASE_URL", "KIOSK_LOG_DIR", "JOURNAL_STREAM", "INVOCATION_ID"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


# Modules whose module-scoped fixtures start servers, clusters or certificates: their tests go to
# one worker together, or each worker that got one of them would start its own.
MODULES_TOGETHER = {
    "tests/server/test_database_outage.py",
    "tests/server/test_fuzz.py",
    "tests/server/test_permissions.py",
    "tests/server/test_tls.py",
    "tests/site/test_two_servers.py",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The heavy tests first (a stable sort): xdist hands tests out in this order, and one of
    half a minute handed out last kept one worker busy while the others idled (the run took
    the length of that tail longer)."""
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """xdist's ``load``, but the real-input layer (tests/realinput) goes to one worker whole, so
    its X server and each window's scenarios (module fixtures) start once, not once per worker;
    so do the MODULES_TOGETHER.
    ``--dist loadgroup`` would do this, but its group names do not reach pytest 9's node ids."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class RealInputTogether(LoadScopeScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith("tests/realinput/"):
                return "tests/realinput"
            module = nodeid.split("::", 1)[0]
            return module if module in MODULES_TOGETHER else nodeid

    return RealInputTogether(config, log)


# Staff PINs in tests: argon2id at its lowest cost (production's cost, 64 MiB and t=3, took a
# third of a second per hash). tests/services/test_staff.py checks production keeps that cost.
TEST_HASHER = PasswordHasher.from_parameters(profiles.CHEAPEST)


def site_config(**changes: Any) -> Config:
    """The tests' site: demo-mode defaults (as the environment's XDG folders give them), in
    Shanghai, a window, no on-screen keyboard; ``changes`` on top. English, so assertions read
    the source strings; Chinese is tested where it is the point."""
    defaults: dict[str, Any] = {
        "timezone": "Asia/Shanghai",
        "fullscreen": False,
        "language": "en",
        "on_screen_keyboard": False,
    }
    return replace(load_config(), **{**defaults, **changes})


@pytest.fixture
def config(tmp_path: Path, request: pytest.FixtureRequest, db_backend: str) -> Config:
    """Demo-mode defaults, the site in Shanghai, the database in the test's folder (or a
    PostgreSQL database in the template's state, when the test runs on that).

    The kiosk window embeds the on-screen keyboard (a QML scene, slow to load) only in tests
    marked ``on_screen_keyboard``; the input method is the virtual keyboard's in every test.
    """
    base = site_config(on_screen_keyboard=request.node.get_closest_marker("on_screen_keyboard") is not None)
    if db_backend == "postgresql":
        return replace(base, database_url=request.getfixturevalue("reused_postgres_database"))
    return base


@pytest.fixture(scope="session")
def bare_migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file at the newest migration with nothing else in it, made once per session
    (per xdist worker): the SQLite side of ``bare_database``, and ``migrated_database`` before
    its fill. Migrating an empty file and the drift check are tested in
    tests/storage/test_database.py."""
    path = tmp_path_factory.mktemp("bare") / "kiosk.db"
    # Closed at the end of the with: the last connection folds the WAL into the file, one to copy.
    with Database.open(sqlite_url_for(path)) as database:
        migrate.upgrade(database.engine)
    return path


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory, bare_migrated_database: Path) -> Path:
    """An SQLite file at the newest migration and filled as every site starts
    (``fill_template``), made once per session (per xdist worker).

    Each ``app`` starts from a copy: all the migrations took longer than most tests.
    """
    path = tmp_path_factory.mktemp("template") / "kiosk.db"
    shutil.copyfile(bare_migrated_database, path)
    with Database.open(sqlite_url_for(path)) as database:
        fill_template(database)
    return path


@pytest.fixture
def bare_database(db_backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a database at the newest migration with nothing in it, on the test's database:
    a copy of one migrated from nothing once (SQLite: per worker; PostgreSQL: per run), where
    migrating each test's anew took a quarter of a second a test."""
    if db_backend == "sqlite":
        target = tmp_path / "migrated.db"
        shutil.copyfile(request.getfixturevalue("bare_migrated_database"), target)
        target.chmod(0o600)  # as the program makes its database
        yield sqlite_url_for(target)
    else:
        yield from _fresh_postgres(pg.BARE_TEMPLATE)


def fill_template(database: Database) -> None:
    """What every test's site would do first in demo mode, done once in the template: the demo
    staff directory, loaded as build_app loads it (at the tests' clock), which cost a fifth of
    a small test's time when each site loaded it anew."""
    from kiosk.app import DEMO_DIRECTORY
    from kiosk.services.directory import DirectoryService

    clock = FixedClock(TEST_NOW)
    DirectoryService(database.sessions, clock).load_demo(DEMO_DIRECTORY, Actor.kiosk(socket.gethostname()))


def build_test_app(config: Config, template: Path, role: str = "kiosk", **devices: Any) -> KioskApp:
    """build_app as the tests call it: the database a copy of the migrated ``template``, PINs
    hashed cheaply, and the fakes and clock in ``devices`` (build_app's keywords): by default a
    fake 80 mm printer, a memory encoder and the clock standing at TEST_NOW."""
    start_from(template, config)
    devices.setdefault("printer", FakePrinter(paper_width_mm=80))
    devices.setdefault("encoder", MemoryEncoder())
    devices.setdefault("clock", FixedClock(TEST_NOW))
    return build_app(config, role, password_hasher=TEST_HASHER, **devices)


def start_from(template: Path, config: Config) -> None:
    """Copy the migrated ``template`` to where ``config`` keeps its SQLite database, unless a
    database is already there; build_app then finds it at the newest revision."""
    url = make_url(config.database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return
    target = Path(url.database)
    if not target.exists():
        # Owner-only, as the program makes its folder and database (it warns of wider ones).
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copyfile(template, target)
        target.chmod(0o600)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TEST_NOW)


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter(paper_width_mm=80)


@pytest.fixture
def app(
    config: Config, printer: FakePrinter, clock: FixedClock, migrated_database: Path
) -> Iterator[KioskApp]:
    built = build_test_app(config, migrated_database, printer=printer, encoder=MemoryEncoder(), clock=clock)
    yield built
    close_test_app(built)


def close_test_app(built: KioskApp) -> None:
    """A test's site closed: its windows first (they would go on asking the server), then its
    database, then the shared server application is free for the next test's site."""
    from tests.stations import release_shared_server

    delete_leftover_windows()
    built.close()
    release_shared_server()
