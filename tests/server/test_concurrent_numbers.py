"""Two site servers on one database, twenty stations each, all at once: every number people see
(badge, visitor card, receipt, release slip) runs 1..N with no number twice and none missing, a
machine-room pass goes out to one visitor at a time, and what two stations at two servers do to
the same record at the same moment (release a slip, approve a visit, sign out a pass, take a
deposit) happens once, the other told why in the domain's words.

Each server is its own core (build_app: its own engine and connection pool, its own key folder
holding copies of the first server's keys) served by a real uvicorn on a loopback socket, as two
``kiosk serve`` processes would be; the stations are HTTP clients in threads of their own. Chosen
over TestClient: requests arrive on sockets and run on each server's worker threads, each
transaction on its own pooled connection, so transactions of both servers overlap at the database
(what the writers' lock, ``kiosk.storage.database.WRITER_LOCK``, must serialise on PostgreSQL
and BEGIN IMMEDIATE on SQLite). One process is enough for that: nothing the services share
between requests lives in a module, and the database is what decides.
"""

from __future__ import annotations

import itertools
import shutil
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from kiosk.app import KioskApp
from kiosk.domain.badge import format_badge_number
from kiosk.domain.cards import CardStatus, card_label
from kiosk.domain.credential import CardKind
from kiosk.domain.payments import format_receipt_number
from kiosk.domain.release_slip import slip_number
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.app import create_server
from kiosk.server.context import ServerContext, server_context
from kiosk.server.run import ThreadedServer, bind, uvicorn_config
from kiosk.services.staff import DEMO_PIN
from kiosk.storage.models import (
    AuditEvent,
    PassLoanItem,
    Payment,
    PhysicalCard,
    ReleaseSlipRecord,
    Visit,
)
from kiosk.storage.models import Counter as NumberCounter
from tests.conftest import TEST_NOW, FixedClock, build_test_app, site_config
from tests.server.conftest import ADMIN
from tests.server.test_slips_api import slip_body
from tests.services.test_release_slips import load_residents

WORKERS_PER_SERVER = 20
RACES = 6  # rounds of the same record at both servers at once
SIGNER = "engineer"  # the company member who signs passes out with a PIN


@dataclass
class Server:
    core: KioskApp
    context: ServerContext
    url: str
    serving: ThreadedServer
    names: Iterator[int] = field(default_factory=itertools.count)
    members: set[Role] = field(default_factory=set)

    def station(self, role: StationRole, staff: Role | None = None) -> httpx.Client:
        """A station enrolled here (its own connection), with this server's member of ``staff``
        signed in (one member may be signed in at many stations)."""
        port = self.url.rsplit(":", 1)[1]
        name = f"{role.value}-{port}-{next(self.names)}"
        token = self.context.stations.ensure_enrolled(name, role, ADMIN)
        # Plain HTTP on loopback: verify=False only spares loading the CA bundle (50 ms a client).
        headers = {"Authorization": f"Bearer {token}"}
        client = httpx.Client(base_url=self.url, headers=headers, timeout=30, verify=False)
        if staff is not None:
            member = f"{staff.value}-{port}"
            if staff not in self.members:
                self.core.staff.add(member, member, staff, DEMO_PIN, ADMIN)
                self.members.add(staff)
            reply = client.post("/api/v1/session", json={"username": member, "secret": DEMO_PIN})
            assert reply.status_code == 200, reply.text
            client.headers["X-Staff-Session"] = reply.json()["token"]
        return client


@dataclass
class Lobby:
    """One worker's stations: a kiosk and a desk (the desk sometimes at the other server)."""

    kiosk: httpx.Client
    desk: httpx.Client
    index: int


@pytest.fixture
def servers(
    db_backend: str, tmp_path: Path, migrated_database: Path, request: pytest.FixtureRequest
) -> Iterator[list[Server]]:
    """Server A and server B on one database, each with its own data folder; B's keys are copies
    of A's (a second server of a site is set up so: docs/deployment.md)."""
    if db_backend == "postgresql":
        url = str(request.getfixturevalue("postgres_database"))
    else:
        url = f"sqlite:///{tmp_path / 'site.db'}"
    base = site_config(visitor_cards=True, database_url=url)
    clock = FixedClock(TEST_NOW)
    started: list[Server] = []
    try:
        for name in ("a", "b"):
            data_dir = tmp_path / f"server-{name}"
            if started:
                shutil.copytree(started[0].core.site_key_dir, data_dir / "keys")
            core = build_test_app(replace(base, data_dir=data_dir), migrated_database, clock=clock)
            context = server_context(core)
            sock = bind("127.0.0.1", 0)
            port = sock.getsockname()[1]
            app = create_server(context, housekeeping_s=None)
            serving = ThreadedServer(uvicorn_config(app, "127.0.0.1", port), sock).start()
            started.append(Server(core, context, f"http://127.0.0.1:{port}", serving))
        yield started
    finally:
        for server in started:
            server.serving.stop()
            server.core.close()


@pytest.fixture
def site(servers: list[Server]) -> Server:
    """What both servers share (one database), set up once through server A: owners and fees, a
    pool of machine-room passes and the member who signs them out."""
    a = servers[0]
    load_residents(a.core)
    a.core.machine_room_passes.add_passes([pass_number(i) for i in range(100)], ADMIN)
    a.core.staff.add(SIGNER, "工程师", Role.SALES, DEMO_PIN, ADMIN)
    return a


def visitor(i: int, prefix: str = "访客") -> str:
    """A distinct visitor's name (names take no digits): 访客甲子, 访客乙子..."""
    return prefix + "甲乙丙丁戊己庚辛壬癸"[i % 10] + "子丑寅卯辰巳午未申酉"[i // 10 % 10]


def pass_number(i: int) -> str:
    return f"P{i + 1:03d}"


def at_once(jobs: list[Callable[[], Any]]) -> list[Any]:
    """Run every job in a thread of its own, all released together; their results in order."""
    barrier = threading.Barrier(len(jobs))

    def run(job: Callable[[], Any]) -> Any:
        barrier.wait(timeout=30)
        return job()

    with ThreadPoolExecutor(len(jobs)) as pool:
        return list(pool.map(run, jobs))


def submit() -> dict[str, str]:
    """A submit's Idempotency-Key, as a station sends with each (claimed in the change's own
    transaction: part of what runs concurrently)."""
    return {"Idempotency-Key": uuid.uuid4().hex}


def ok(reply: httpx.Response) -> dict[str, Any]:
    assert reply.status_code == 200, reply.text
    body: dict[str, Any] = reply.json()
    return body


def refused(reply: httpx.Response) -> str:
    """The reason of a refusal in the domain's words (a 422 problem), never a 500 or a 409."""
    assert reply.status_code == 422, reply.text
    return str(reply.json()["reason"])


def check_in(kiosk: httpx.Client, name: str, host_id: int) -> int:
    body = {"visitor_name": name, "host_id": host_id, "declaration_accepted": True, "language": "en"}
    return int(ok(kiosk.post("/api/v1/visits", json=body, headers=submit()))["visit_id"])


def approve(desk: httpx.Client, visit_id: int) -> httpx.Response:
    return desk.post(f"/api/v1/visits/{visit_id}/approve", json={"note": ""})


def sign_out(desk: httpx.Client, number: str, visitor: str) -> httpx.Response:
    body = {
        "numbers": [number],
        "visitors": [{"name": visitor, "company": "蓝海数据"}],
        "signer_username": SIGNER,
        "signer_secret": DEMO_PIN,
    }
    return desk.post("/api/v1/passes/sign-out", json=body, headers=submit())


def deposit(desk: httpx.Client, reference: str, payer: str) -> httpx.Response:
    body = {"purpose": "card_deposit", "payer": payer, "reference": reference, "amount_fen": 20000}
    return desk.post("/api/v1/payments/deposits", json=body, headers=submit())


def one_lobby_day(lobby: Lobby, host_id: int) -> None:
    """Everything that takes a number, as a kiosk and a desk do it for one visitor."""
    name = visitor(lobby.index)
    visit_id = check_in(lobby.kiosk, name, host_id)
    ok(approve(lobby.desk, visit_id))  # the badge number
    chip = {"uid": f"04{lobby.index:06X}", "technology": "mifare-classic-1k"}
    plan = ok(
        lobby.kiosk.post(
            f"/api/v1/visits/{visit_id}/card/plan", json={"card": chip, "content": {"payload": None}}
        )
    )
    card = ok(
        lobby.kiosk.post(
            f"/api/v1/cards/attempts/{plan['attempt_id']}/written",
            json={"read_back": {"payload": plan["payload"]}},
        )
    )
    ok(deposit(lobby.desk, card["label"], name))  # a receipt number
    ok(lobby.desk.post("/api/v1/slips", json=slip_body(), headers=submit()))
    ok(sign_out(lobby.desk, pass_number(lobby.index), name))


def host_id(server: Server) -> int:
    return server.core.directory.search("王芳")[0].host_id


def column(server: Server, attribute: Any) -> list[Any]:
    with server.core.database.sessions.reads() as session:
        return list(session.scalars(select(attribute)))


def audited(server: Server, action: str) -> list[str]:
    """The entity ids of the audit events of ``action``."""
    with server.core.database.sessions.reads() as session:
        return list(session.scalars(select(AuditEvent.entity_id).where(AuditEvent.action == action)))


def series(values: list[Any], count: int, form: Callable[[int], str]) -> None:
    """``values`` are exactly form(1)..form(count): none twice, none missing."""
    twice = [v for v, n in Counter(values).items() if n > 1]
    assert not twice, f"given twice: {twice}"
    assert sorted(values) == [form(i) for i in range(1, count + 1)]


@pytest.mark.one_database(
    "postgresql",
    reason="servers share a database only on PostgreSQL (SQLite is one server's); SQLite's numbers under "
    "concurrent writers: tests/storage/test_database.py, and the race test below runs on both",
)
@pytest.mark.heavy
def test_forty_stations_at_two_servers_number_everything_once_without_gaps(
    servers: list[Server], site: Server
) -> None:
    """Twenty lobbies (a kiosk and a desk) per server check a visitor in, approve (a badge
    number), issue a visitor card (a card number), take its deposit (a receipt number), issue a
    release slip (a slip number) and sign a machine-room pass out, all at once."""

    def make_lobby(i: int) -> Lobby:
        # Every other worker's desk is at the other server: a visit checked in through A is
        # approved at a desk of B, and its card's deposit taken there.
        kiosk = servers[i % 2].station(StationRole.KIOSK)
        return Lobby(kiosk, servers[(i + i // 2) % 2].station(StationRole.DESK, Role.RECEPTIONIST), i)

    servers[0].station(StationRole.DESK, Role.RECEPTIONIST).close()  # each server's member, once
    servers[1].station(StationRole.DESK, Role.RECEPTIONIST).close()
    with ThreadPoolExecutor(8) as pool:  # enrolling is not what is tested: quicker side by side
        lobbies = list(pool.map(make_lobby, range(2 * WORKERS_PER_SERVER)))
    host = host_id(site)
    at_once([partial(one_lobby_day, lobby, host) for lobby in lobbies])

    n = len(lobbies)
    series(column(site, Visit.badge_number), n, format_badge_number)
    series(column(site, PhysicalCard.label), n, lambda i: card_label(CardKind.VISITOR, i))
    assert set(column(site, PhysicalCard.status)) == {CardStatus.ISSUED}
    series(column(site, Payment.receipt_number), n, format_receipt_number)
    series(column(site, ReleaseSlipRecord.slip_number), n, slip_number)
    series(column(site, PassLoanItem.pass_number), n, lambda i: pass_number(i - 1))
    with site.core.database.sessions.reads() as session:
        counters = {
            name: value for name, value in session.execute(select(NumberCounter.name, NumberCounter.value))
        }
    assert counters == {"badge": n, "card.visitor": n, "receipt": n, "release_slip": n}
    assert len(audited(site, "visit.approved")) == n
    for lobby in lobbies:
        lobby.kiosk.close()
        lobby.desk.close()


def outcome(reply: httpx.Response) -> str:
    return "done" if reply.status_code == 200 else refused(reply)


def check_slip(guard: httpx.Client, code: str) -> str:
    """A guard scans the slip and, if the screen says valid, presses release: what they saw."""
    scanned = ok(guard.post("/api/v1/slips/scan", json={"code": code}))
    if scanned["outcome"] != "valid":
        return str(scanned["outcome"])  # "used": the screen says released already
    slip_id = scanned["slip"]["slip_id"]
    return outcome(guard.post(f"/api/v1/slips/{slip_id}/release", headers=submit()))


def race_jobs(
    guard: httpx.Client, desk: httpx.Client, code: str, visit_id: int, race: int, side: int
) -> list[Callable[[], str]]:
    """What one side of a race does: check the slip, approve, sign out, take a deposit."""
    who = visitor(race, ("甲方", "乙方")[side])
    return [
        lambda: check_slip(guard, code),
        lambda: outcome(approve(desk, visit_id)),
        lambda: outcome(sign_out(desk, pass_number(race), who)),
        lambda: outcome(deposit(desk, f"C-{race:03d}", who)),
    ]


def test_the_same_record_at_two_servers_at_the_same_moment_changes_once(
    servers: list[Server], site: Server
) -> None:
    """Two guards scan the same slip at the gates of server A and B and both press release; two
    desks approve the same visitor; two desks sign the same pass out, or take a deposit for the
    same card: one of each pair does it, the other hears why not."""
    a, b = servers
    guards = [s.station(StationRole.GUARD, Role.GUARD) for s in servers]
    desks = [s.station(StationRole.DESK, Role.RECEPTIONIST) for s in servers]
    kiosk = a.station(StationRole.KIOSK)
    host = host_id(site)
    slips = []
    for race in range(RACES):
        issued = ok(desks[0].post("/api/v1/slips", json=slip_body()))
        slips.append(str(issued["slip_id"]))
        visit_id = check_in(kiosk, visitor(race, "同一访客"), host)
        jobs = [
            job for i in (0, 1) for job in race_jobs(guards[i], desks[i], issued["code"], visit_id, race, i)
        ]
        said = at_once(jobs)
        pairs = [sorted((said[kind], said[kind + 4])) for kind in range(4)]
        # The guard who was second saw "used" on scanning, or "already used" on pressing release.
        assert pairs[0] in (["already_used", "done"], ["done", "used"]), f"round {race}: {said}"
        assert pairs[1:] == [
            ["already_decided", "done"],
            ["already_out", "done"],
            ["deposit_open", "done"],
        ], f"round {race}: {said}"

    assert Counter(audited(a, "release_slip.released")) == Counter(slips), "one release per slip"
    assert len(audited(b, "visit.approved")) == RACES
    series(column(b, Visit.badge_number), RACES, format_badge_number)
    series(column(b, Payment.receipt_number), RACES, format_receipt_number)
    with b.core.database.sessions.reads() as session:
        loans = Counter(session.scalars(select(PassLoanItem.pass_number)))
        released = session.scalar(
            select(func.count())
            .select_from(ReleaseSlipRecord)
            .where(ReleaseSlipRecord.checked_by.is_not(None))
        )
    assert loans == Counter(pass_number(i) for i in range(RACES))
    assert released == RACES
    for client in [*guards, *desks, kiosk]:
        client.close()
