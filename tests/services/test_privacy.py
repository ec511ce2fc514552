"""A person's request about their data: their records found under any spelling of their name,
exported without the full ID number, erased exactly (not a namesake's), open records refused, and
afterwards nothing they typed left in any table or (on SQLite) in the database's files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.documents import ReceiptPurpose
from kiosk.services.privacy import (
    ERASED_ACTION,
    EXPORTED_ACTION,
    KINDS,
    PrivacyError,
    PrivacyService,
    Query,
    parse_refs,
)
from kiosk.services.retention import PURGED
from kiosk.storage.models import AuditEvent, HostMessage, PrintJob, Visit
from tests.conftest import FixedClock
from tests.services.test_checkin import every_stored_value
from tests.services.test_retention import (
    CLI,
    COMPANY,
    DESK,
    ID,
    PERMIT,
    PURPOSE,
    encoded,
    host_id,
    visit,
    visitor_with_a_message,
)

# The person who asks, their name stored in traditional characters; every value must go.
# (Company, ID number, permit and purpose: the purge test's, tests/services/test_retention.py.)
NAME = "歐陽娜娜"
MOBILE = "13912345678"
MESSAGE = "请回电商谈保密合同细节"
INVITED_COMPANY = "邀约保密研究院"
# A namesake (the same name by its key, another mobile) and someone with a similar name.
NAMESAKE, NAMESAKE_MOBILE = "欧阳娜娜", "13700009999"
SIMILAR = "欧阳娜"


@dataclass(frozen=True)
class Planted:
    visit_id: int
    declined_id: int
    namesake_id: int
    similar_id: int
    secrets: list[bytes]


def plant(app: KioskApp, clock: FixedClock) -> Planted:
    """The person's visit (ID, badge printed), a declined visit with a message for the host, a
    cancelled invitation, a refunded deposit; a namesake's and a similar name's visits."""
    visit_id, declined, sealed = visitor_with_a_message(app, NAME, MOBILE, MOBILE, MESSAGE)
    invitation = app.invitations.invite(
        NAME,
        host_id(app),
        clock.now(),
        clock.now() + timedelta(hours=8),
        DESK,
        company=INVITED_COMPANY,
        mobile=MOBILE,
    )
    app.invitations.cancel(invitation.invitation_id, DESK)
    app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, NAME, "C-7", 5000, DESK)
    app.payments.refund("C-7", DESK)
    namesake = visit(app, NAMESAKE, company="另一家公司", mobile=NAMESAKE_MOBILE)
    app.lobby.check_out(namesake, DESK)
    similar = visit(app, SIMILAR, company="相似公司")
    app.lobby.check_out(similar, DESK)
    texts = [NAME, COMPANY, MOBILE, ID, PERMIT, PURPOSE, MESSAGE, INVITED_COMPANY]
    return Planted(visit_id, declined, namesake, similar, encoded(texts) + sealed)


@pytest.fixture
def privacy(app: KioskApp) -> PrivacyService:
    return PrivacyService(app.database.sessions, app.clock, app.site.timezone)


def events(app: KioskApp, action: str) -> list[AuditEvent]:
    with app.database.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_find_by_the_name_typed_another_way_narrowed_by_the_mobile(
    app: KioskApp, clock: FixedClock, privacy: PrivacyService
) -> None:
    p = plant(app, clock)
    everyone = privacy.find(Query("欧阳 娜娜"))  # simplified, with a space
    refs = [f.ref for f in everyone]
    assert f"visit:{p.visit_id}" in refs and f"visit:{p.namesake_id}" in refs
    assert f"visit:{p.similar_id}" not in refs  # 欧阳娜 is another name
    found = privacy.find(Query("欧阳 娜娜", mobile="5678"))
    kinds = sorted(f.ref.split(":")[0] for f in found)
    # Both visits, the message, the invitation, the deposit and its refund; not the namesake.
    assert kinds == ["invitation", "message", "receipt", "receipt", "visit", "visit"]
    assert f"visit:{p.namesake_id}" not in [f.ref for f in found]
    assert [f.ref for f in privacy.find(Query("欧阳娜娜", mobile=MOBILE)) if f.record == "visit"] == [
        f"visit:{p.visit_id}",
        f"visit:{p.declined_id}",
    ]
    shown = next(f for f in found if f.ref == f"visit:{p.visit_id}")
    assert shown.name == NAME and "mobile ****5678" in shown.details and "ID last four 002X" in shown.details
    assert "host 李四" in shown.details and shown.status == "checked_out" and shown.open == ""
    listed = repr(found)
    assert ID not in listed and MOBILE not in listed and ID[:6] not in listed
    with pytest.raises(PrivacyError, match="--name"):
        privacy.find(Query(" ·  "))


def test_export_holds_the_persons_data_and_never_the_full_id_number(
    app: KioskApp, clock: FixedClock, privacy: PrivacyService
) -> None:
    p = plant(app, clock)
    refs = privacy.refs(Query("欧阳娜娜", mobile="5678"))
    written: list[bytes] = []
    assert privacy.export(refs, CLI, written.append) == 6
    data = written[0]
    document = json.loads(data.decode("utf-8"))
    records = {r["reference"]: r for r in document["records"]}
    mine = records[f"visit:{p.visit_id}"]
    assert (mine["name"], mine["company"], mine["mobile"], mine["ID number, last four"]) == (
        NAME,
        COMPANY,
        MOBILE,
        "002X",
    )
    assert mine["permit number"] == PERMIT and mine["host"] == "李四"
    assert records[f"visit:{p.declined_id}"]["messages left for the host"] == [MESSAGE]
    assert ID.encode() not in data and ID[:14].encode() not in data
    with app.database.sessions() as session:
        sealed = session.get_one(Visit, p.visit_id).id_hash
    assert sealed is not None and sealed.encode() not in data
    # Audited with the references and the count; no one's data in the event.
    [event] = events(app, EXPORTED_ACTION)
    detail = json.loads(event.detail)
    assert detail == {"refs": refs, "count": 6} and event.actor == "cli:operator"
    assert NAME not in event.detail and MOBILE not in event.detail


def test_a_failed_write_exports_nothing_and_audits_nothing(
    app: KioskApp, clock: FixedClock, privacy: PrivacyService
) -> None:
    p = plant(app, clock)

    def full_disk(data: bytes) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        privacy.export([f"visit:{p.visit_id}"], CLI, full_disk)
    assert events(app, EXPORTED_ACTION) == []


def test_erase_blanks_exactly_those_records_and_leaves_nothing_they_typed(
    app: KioskApp, clock: FixedClock, privacy: PrivacyService
) -> None:
    p = plant(app, clock)
    refs = privacy.refs(Query("欧阳娜娜", mobile="5678"))
    dry = privacy.erase(refs, CLI, dry_run=True)
    counts = {c.kind: c.rows for c in dry.counts}
    assert counts["visits"] == 2 and counts["host_messages"] == 1 and counts["invitations"] == 1
    assert counts["payments"] == 2 and counts["print_jobs"] >= 3  # the badge, both receipts
    with app.database.sessions() as session:
        assert session.get_one(Visit, p.visit_id).visitor_name == NAME  # the dry run changed nothing
    assert events(app, ERASED_ACTION) == []

    done = privacy.erase(refs, CLI)
    assert {c.kind: c.rows for c in done.counts} == counts and not done.dry_run
    with app.database.sessions() as session:
        gone = session.get_one(Visit, p.visit_id)
        kept = {v.id: v for v in session.scalars(select(Visit).where(Visit.id != p.visit_id))}
        message = session.scalars(select(HostMessage)).one()
        badge = session.scalars(select(PrintJob).where(PrintJob.visit_id == p.visit_id)).first()
    # Blanked as the purge blanks; the books stay (badge number, status, times).
    assert (gone.visitor_name, gone.company, gone.mobile, gone.id_last_four) == (PURGED, "", None, None)
    assert (gone.id_hash, gone.id_sealed, gone.permit_number, gone.purpose) == (None, None, None, "")
    assert gone.badge_number and gone.checked_out_at is not None
    assert (message.caller_name, message.phone, message.text) == (PURGED, "", "")
    assert badge is not None and (badge.data, badge.payload) == ("", None)
    # The namesake and the similar name are untouched.
    assert (kept[p.namesake_id].visitor_name, kept[p.namesake_id].mobile) == (NAMESAKE, NAMESAKE_MOBILE)
    assert kept[p.similar_id].visitor_name == SIMILAR
    for value in every_stored_value(app):
        stored = value if isinstance(value, bytes) else value.encode("utf-8")
        assert not [s for s in p.secrets if s in stored], "the erased person's data left in a row"
    [event] = events(app, ERASED_ACTION)
    detail = json.loads(event.detail)
    assert detail["refs"] == refs and detail["visits"] == 2
    # Found no more; erasing again changes nothing.
    assert privacy.find(Query(NAME, mobile="5678")) == []
    assert privacy.erase(refs, CLI).total == 0


def test_an_open_record_is_refused_and_nothing_is_erased(
    app: KioskApp, clock: FixedClock, privacy: PrivacyService
) -> None:
    p = plant(app, clock)
    on_site = visit(app, NAME, mobile=MOBILE)
    app.payments.take_deposit(ReceiptPurpose.PASS_DEPOSIT, NAME, "P-3", 5000, DESK)
    refs = privacy.refs(Query(NAME, mobile="5678"))
    found = {f.ref: f for f in privacy.find(Query(NAME, mobile="5678"))}
    assert "check them out first" in found[f"visit:{on_site}"].open
    with pytest.raises(PrivacyError) as refused:
        privacy.erase(refs, CLI)
    message = str(refused.value)
    assert message.startswith("nothing erased: ") and "\n" not in message
    assert f"visit:{on_site}: " in message and "on site; check them out first" in message
    assert "a deposit not yet refunded; refund it first" in message
    assert NAME not in message
    with app.database.sessions() as session:
        assert session.get_one(Visit, p.visit_id).visitor_name == NAME
    assert events(app, ERASED_ACTION) == []
    # A mistyped or unknown reference is refused the same way.
    with pytest.raises(PrivacyError, match="not a record reference"):
        privacy.erase(["visits:1"], CLI)
    with pytest.raises(PrivacyError, match="no such record: visit:999999"):
        privacy.erase([f"visit:{p.visit_id}", "visit:999999"], CLI)
    with app.database.sessions() as session:
        assert session.get_one(Visit, p.visit_id).visitor_name == NAME


@pytest.mark.one_database(
    "sqlite", reason="the database's own files are SQLite's; PostgreSQL is checked through SQL"
)
def test_erased_data_is_gone_from_the_database_file_and_its_wal(
    app: KioskApp, clock: FixedClock, privacy: PrivacyService
) -> None:
    p = plant(app, clock)
    privacy.erase(privacy.refs(Query(NAME, mobile="5678")), CLI)
    database = Path(str(app.database.engine.url.database))
    files = [database, database.with_name(database.name + "-wal")]
    # Read while the server still has it open: the erasure itself emptied the WAL.
    raw = {f.name: f.read_bytes() for f in files if f.exists()}
    assert raw[database.name]
    for name, data in raw.items():
        assert not [s for s in p.secrets if s in data], f"the erased person's data left in {name}"


@given(st.lists(st.text(max_size=30), max_size=4))
def test_a_typed_reference_is_read_or_refused_with_a_reason(typed: list[str]) -> None:
    try:
        chosen = parse_refs(typed)
    except PrivacyError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert typed and all(kind in KINDS and ids for kind, ids in chosen.items())


def test_references_are_read_as_the_find_lists_them() -> None:
    assert parse_refs(["visit:12", " card:7", "visit:12", "visit:3"]) == {"visit": [12, 3], "card": [7]}
    for wrong in ("visit", "visit:", "visit:-1", "Visit:1", "badge:1", "visit:1x"):
        with pytest.raises(PrivacyError, match="not a record reference"):
            parse_refs([wrong])
