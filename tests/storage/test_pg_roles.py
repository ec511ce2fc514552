"""installer/postgresql: the owner role migrates, the servers' role runs the site and cannot
change or delete the audit trail, as PostgreSQL itself enforces."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from kiosk.config import Config
from kiosk.services.audit_chain import verify_chain
from kiosk.services.site_keys import AUDIT_CHAIN_KEY, key_path, read_key
from kiosk.storage import migrate
from kiosk.storage.database import Database
from tests import pg
from tests.conftest import FixedClock, build_test_app, close_test_app, postgres_cluster
from tests.services.test_checkin import check_in_and_approve

SCRIPTS = Path(__file__).parent.parent.parent / "installer" / "postgresql"
pytestmark = pytest.mark.one_database("postgresql", reason="roles and grants are PostgreSQL's")


def psql(cluster: pg.Cluster, user: str, database: str, script: Path) -> None:
    """The script as the docs run it: psql, stopping at the first error."""
    subprocess.run(
        [str(cluster.bin / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(cluster.socket_dir),
         "-U", user, "-d", database, "-f", str(script)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip


def as_role(cluster: pg.Cluster, role: str, database: str) -> str:
    return cluster.url(database).replace(f"//{pg.USER}@", f"//{role}@")


@pytest.fixture
def site_database() -> Iterator[str]:
    """The site's database made as docs/deployment.md says: roles, owned by kiosk_owner,
    migrated by it, then the grants."""
    cluster = postgres_cluster()
    psql(cluster, pg.USER, "postgres", SCRIPTS / "roles.sql")
    psql(cluster, pg.USER, "postgres", SCRIPTS / "roles.sql")  # twice does no harm
    name = cluster.new_database(template=None)
    cluster.execute(f"ALTER DATABASE {name} OWNER TO kiosk_owner")
    with Database.open(as_role(cluster, "kiosk_owner", name)) as owner:
        migrate.upgrade(owner.engine)
    psql(cluster, "kiosk_owner", name, SCRIPTS / "grants.sql")
    yield name
    cluster.drop_database(name)


def test_the_servers_role_runs_the_site_but_cannot_rewrite_the_audit_trail(
    site_database: str, config: Config, clock: FixedClock, migrated_database: Path
) -> None:
    cluster = postgres_cluster()
    url = as_role(cluster, "kiosk_app", site_database)
    app = build_test_app(replace(config, database_url=url), migrated_database, clock=clock)
    try:
        done = check_in_and_approve(app, "张三")
        assert done.badge_number is not None
        app.lobby.check_out(done.visit_id, app.actor)
    finally:
        close_test_app(app)
    dsn = f"host={cluster.socket_dir} user=kiosk_app dbname={site_database}"
    for statement in (
        "UPDATE audit_events SET actor = 'someone else'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
        "UPDATE alembic_version SET version_num = '0001'",
        "CREATE TABLE notes (id int)",
    ):
        with psycopg.connect(dsn) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement.encode())
    with psycopg.connect(dsn) as conn:
        assert conn.execute(b"SELECT count(*) FROM audit_events").fetchone()[0] > 3  # type: ignore[index]
    # The servers' role signs what it adds (INSERT is all the chain needs) and reads it back whole.
    with Database.open(url) as database:
        chain = verify_chain(database.sessions, read_key(key_path(config.data_dir / "keys", AUDIT_CHAIN_KEY)))
    assert chain.intact and chain.signed > 3
