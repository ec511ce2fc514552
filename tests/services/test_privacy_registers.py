"""The registers of issue #18 under the retention rules and a person's request: a repair request's
caller and their words, a complaint's complainant and every text, a message found under the
resident it was for. Purged after their period from the closing (never while open), found,
exported, erased; the monthly figures count the same afterwards."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.config import ConfigError, load_config
from kiosk.domain.complaints import (
    ComplaintKind,
    ComplaintSource,
    ComplaintSubject,
    NewComplaint,
    Satisfaction,
)
from kiosk.domain.monthly_figures import Month
from kiosk.domain.phone_messages import NewPhoneMessage, RelayMethod
from kiosk.domain.repairs import RepairCategory, RepairClass, RepairEventKind, RepairStatus
from kiosk.domain.staff import Role, SignedIn
from kiosk.services.privacy import ERASED_ACTION, PrivacyError, PrivacyService, Query
from kiosk.services.repairs import RepairDraft
from kiosk.services.retention import PURGED
from kiosk.storage.models import (
    AuditEvent,
    Complaint,
    ComplaintStep,
    HostMessage,
    PrintJob,
    RepairEvent,
    RepairRequest,
)
from tests.conftest import FixedClock
from tests.services.test_checkin import every_stored_value
from tests.services.test_retention import CLI, encoded

CLERK = SignedIn(1, "clerk", "李娜", Role.RECEPTIONIST)
BOSS = SignedIn(2, "boss", "王主管", Role.SUPERVISOR)

# The person: a resident who reported a leak, complained about noise, and had a parcel message.
NAME = "司徒晓明"
PHONE = "13566778899"
SIGNER = "司徒美华"  # a family member signed the work order off
CALLBACK_NOTE = "住户说漏水已止住，感谢师傅"
COMPLAINT_TEXT = "楼上装修晚上十一点仍在电钻施工"
STEP_TEXT = "已联系楼上业主停工并致歉"
RESULT = "施工时间已调整为白天，住户认可"
# The messages' caller: blanked with the message when the resident has it erased.
COURIER, COURIER_PHONE, PARCEL = "诸葛送达", "13644556677", "顺丰快件放前台请本人来取"
# What stays: the fault (the unit's engineering history) and the facts the figures count.
WHAT = "卫生间水管漏水"


@dataclass(frozen=True)
class Planted:
    closed_repair: int
    open_repair: int
    closed_complaint: int
    open_complaint: int
    message: int
    secrets: list[bytes]


def noise(complainant: str = NAME) -> NewComplaint:
    return NewComplaint(
        ComplaintKind.COMPLAINT,
        ComplaintSource.PHONE,
        ComplaintSubject.NOISE,
        complainant,
        COMPLAINT_TEXT,
        "工程部",
        date(2026, 11, 27),
        unit="3-201",
        contact=PHONE,
    )


def plant(app: KioskApp, clock: FixedClock) -> Planted:
    """Through the real services: a repair done, signed off and called back (closed); another of
    theirs completed but not yet called back (open); a complaint closed with its steps, another
    open; a parcel message for them, printed as a slip and passed on."""
    draft = RepairDraft("2-104", NAME, PHONE, WHAT, RepairCategory.WATER, RepairClass.URGENT, "卫生间")
    repairs = app.repairs
    closed = repairs.take(draft, CLERK).repair_id
    repairs.dispatch(closed, CLERK, "", "张师傅")
    repairs.record_completion(closed, CLERK, "更换三通")
    repairs.sign_off(closed, CLERK, SIGNER)
    repairs.callback(closed, CLERK, Satisfaction.SATISFIED, CALLBACK_NOTE)
    still = repairs.take(draft, CLERK).repair_id
    repairs.dispatch(still, CLERK)
    repairs.record_completion(still, CLERK)

    complaints = app.complaints
    done = complaints.record(noise(), CLERK).complaint.complaint_id
    complaints.add_step(done, STEP_TEXT, CLERK)
    complaints.call_back(done, Satisfaction.SATISFIED, CALLBACK_NOTE, CLERK)
    complaints.close(done, RESULT, BOSS)
    open_one = complaints.record(noise(), CLERK).complaint.complaint_id

    message = app.phone_messages.take(
        NewPhoneMessage(
            COURIER, PARCEL, clock.now(), recipient_unit="2-104", recipient_name=NAME, phone=COURIER_PHONE
        ),
        CLERK.actor,
    )
    app.phone_messages.print_slip(message, "zh_CN", CLERK.actor)
    app.phone_messages.pass_on(message, RelayMethod.PHONE, "", CLERK.actor)
    texts = [NAME, PHONE, SIGNER, CALLBACK_NOTE, COMPLAINT_TEXT, STEP_TEXT, RESULT]
    return Planted(closed, still, done, open_one, message, encoded(texts))


def left_in_rows(app: KioskApp, secrets: list[bytes]) -> list[bytes]:
    found = set()
    for value in every_stored_value(app):
        stored = value if isinstance(value, bytes) else value.encode("utf-8")
        found |= {s for s in secrets if s in stored}
    return sorted(found)


def test_closed_repairs_and_complaints_are_purged_after_their_periods_and_the_figures_stay(
    app: KioskApp, clock: FixedClock
) -> None:
    p = plant(app, clock)
    # Withdrawn by a supervisor: ended too, its reason may name the resident.
    draft = RepairDraft("2-104", NAME, PHONE, WHAT, RepairCategory.DOORS_LOCKS, RepairClass.GENERAL)
    cancelled = app.repairs.take(draft, CLERK).repair_id
    app.repairs.cancel(cancelled, BOSS, "司徒先生自行修好")
    month = Month(2026, 11)
    before = app.monthly_figures.figures(month)
    clock.advance(days=179)
    counts = {c.kind: c.rows for c in app.retention.purge(CLI).counts}
    assert (counts["repairs"], counts["complaints"]) == (0, 0)  # inside the periods

    clock.advance(days=2)  # 181 days after closing: the repair's 180 have run, not the complaint's 365
    counts = {c.kind: c.rows for c in app.retention.purge(CLI).counts}
    assert (counts["repairs"], counts["repair_events"], counts["complaints"]) == (2, 3, 0)
    with app.database.sessions() as session:
        gone = session.get_one(RepairRequest, p.closed_repair)
        kept = session.get_one(RepairRequest, p.open_repair)
        notes = {
            e.kind: e.note
            for e in session.scalars(select(RepairEvent).where(RepairEvent.request_id == p.closed_repair))
        }
        complaint = session.get_one(Complaint, p.closed_complaint)
        assert complaint.complainant == NAME and complaint.text == COMPLAINT_TEXT
    assert (gone.caller_name, gone.phone, gone.signed_off_by) == (PURGED, "", PURGED)
    # The books: the unit, where, the fault, the category and class, the clocks, the times.
    assert (gone.unit, gone.location, gone.what, gone.category) == (
        "2-104",
        "卫生间",
        WHAT,
        RepairCategory.WATER,
    )
    assert gone.status is RepairStatus.CLOSED and gone.signed_off_at is not None and gone.fix_by is not None
    # The resident's words go; the work's notes stay (the engineer dispatched, what was done).
    assert notes[RepairEventKind.SIGNED_OFF] == notes[RepairEventKind.CALLBACK] == ""
    assert (notes[RepairEventKind.DISPATCHED], notes[RepairEventKind.COMPLETED]) == (
        "工程部 · 张师傅",
        "更换三通",
    )
    # Completed but not yet called back: open, kept however old.
    assert (kept.caller_name, kept.phone, kept.status) == (NAME, PHONE, RepairStatus.COMPLETED)

    clock.advance(days=185)  # 366 days: the complaint's period has run
    counts = {c.kind: c.rows for c in app.retention.purge(CLI).counts}
    assert (counts["complaints"], counts["complaint_steps"], counts["repairs"]) == (1, 3, 0)
    with app.database.sessions() as session:
        done = session.get_one(Complaint, p.closed_complaint)
        still = session.get_one(Complaint, p.open_complaint)
        steps = session.scalars(select(ComplaintStep).where(ComplaintStep.complaint_id == done.id)).all()
    assert (done.complainant, done.contact, done.unit, done.text, done.result) == (PURGED, "", "", "", "")
    assert all(s.text == "" for s in steps) and [s.done_by_name for s in steps][-1] == "王主管"
    assert (done.subject, done.closed_at is not None, done.satisfaction) == (
        ComplaintSubject.NOISE,
        True,
        Satisfaction.SATISFIED,
    )
    assert (still.complainant, still.text) == (NAME, COMPLAINT_TEXT)  # open: kept
    # The manager's figures read the same as before the purges.
    assert app.monthly_figures.figures(month) == before
    # What the purged records held is in no row; the open ones' caller and complaint still are.
    gone_texts = encoded([SIGNER, CALLBACK_NOTE, STEP_TEXT, RESULT, "司徒先生自行修好"])
    assert left_in_rows(app, gone_texts) == []
    assert app.retention.purge(CLI).total == 0


@pytest.fixture
def privacy(app: KioskApp) -> PrivacyService:
    return PrivacyService(app.database.sessions, app.clock, app.site.timezone)


def test_a_resident_finds_exports_and_erases_their_repairs_complaints_and_messages(
    app: KioskApp, clock: FixedClock, privacy: PrivacyService
) -> None:
    p = plant(app, clock)
    # A namesake's complaint with another number is not theirs.
    other = app.complaints.record(noise(), CLERK).complaint.complaint_id
    with app.database.sessions.begin() as session:
        session.get_one(Complaint, other).contact = "13000000000"
    found = {f.ref: f for f in privacy.find(Query("司徒 曉明", mobile="8899"))}
    assert set(found) == {
        f"repair:{p.closed_repair}",
        f"repair:{p.open_repair}",
        f"complaint:{p.closed_complaint}",
        f"complaint:{p.open_complaint}",
        # For them, though the caller's number is the courier's: found by the recipient's name.
        f"message:{p.message}",
    }
    message = found[f"message:{p.message}"]
    assert message.name == COURIER and f"for 2-104 {NAME}" in message.details
    assert found[f"repair:{p.closed_repair}"].open == ""
    assert "mobile ****8899" in found[f"repair:{p.closed_repair}"].details
    assert "close it (the callback) or cancel it first" in found[f"repair:{p.open_repair}"].open
    assert "close it with its result first" in found[f"complaint:{p.open_complaint}"].open
    # Whoever signed the work off finds it under their own name.
    assert [f.ref for f in privacy.find(Query(SIGNER))] == [f"repair:{p.closed_repair}"]

    written: list[bytes] = []
    refs = [f"repair:{p.closed_repair}", f"complaint:{p.closed_complaint}", f"message:{p.message}"]
    assert privacy.export(refs, CLI, written.append) == 3
    records = {r["reference"]: r for r in json.loads(written[0])["records"]}
    repair = records[f"repair:{p.closed_repair}"]
    assert (repair["caller"], repair["phone"], repair["signed off by"]) == (NAME, PHONE, SIGNER)
    assert CALLBACK_NOTE in [s["note"] for s in repair["steps"]]
    complaint = records[f"complaint:{p.closed_complaint}"]
    assert (complaint["name"], complaint["what was said"], complaint["result"]) == (
        NAME,
        COMPLAINT_TEXT,
        RESULT,
    )
    assert [s["text"] for s in complaint["steps"]][1] == STEP_TEXT
    assert records[f"message:{p.message}"]["message"] == PARCEL

    # An open one refuses the whole erasure, and says what to do.
    with pytest.raises(
        PrivacyError, match=f"repair:{p.open_repair}: repair BX0+{p.open_repair} is completed"
    ):
        privacy.erase([*refs, f"repair:{p.open_repair}"], CLI)
    erased = privacy.erase(refs, CLI)
    counts = {c.kind: c.rows for c in erased.counts}
    assert counts["repairs"] == counts["complaints"] == counts["host_messages"] == 1
    assert counts["repair_events"] == 2 and counts["complaint_steps"] == 3  # the recording step has no text
    assert counts["print_jobs"] == 2  # the work order and the message's slip
    with app.database.sessions() as session:
        row = session.get_one(HostMessage, p.message)
        slip = session.scalars(select(PrintJob).where(PrintJob.document == "phone-message")).one()
    assert (row.caller_name, row.phone, row.text, row.recipient_name) == (PURGED, "", "", "")
    assert (slip.data, slip.payload) == ("", None)
    # Nothing of the erased records is left in any row (the courier's details went with the
    # message); the open ones and the namesake's still hold the name, the phone, the complaint.
    assert (
        left_in_rows(app, encoded([SIGNER, CALLBACK_NOTE, STEP_TEXT, RESULT, COURIER, COURIER_PHONE, PARCEL]))
        == []
    )
    assert {NAME.encode(), PHONE.encode(), COMPLAINT_TEXT.encode()} <= set(left_in_rows(app, p.secrets))
    [event] = _events(app, ERASED_ACTION)
    assert json.loads(event.detail)["refs"] == refs and NAME not in event.detail
    assert privacy.erase(refs, CLI).total == 0


def _events(app: KioskApp, action: str) -> list[AuditEvent]:
    with app.database.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_a_repair_period_shorter_than_the_warranty_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("[repairs]\nwarranty_months = 12\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.key == "retention.repairs_days" and "warranty_months = 12" in str(info.value)
    path.write_text("[repairs]\nwarranty_months = 12\n[retention]\nrepairs_days = 372\n", encoding="utf-8")
    assert load_config(path).retention.repairs_days == 372
    assert load_config(path).retention.complaints_days == 365
