"""The durable print queue: nothing lost, nothing printed twice, numbers without gaps."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp, build_app
from kiosk.config import Config
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter, MemoryEncoder
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.errors import ValidationError
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver
from kiosk.printing.layout import PrinterProfile
from kiosk.printing.samples import sample_receipt
from kiosk.printing.send import Printer
from kiosk.services.audit import Actor
from kiosk.services.print_queue import PrintQueue, printing_for, retry_delay
from kiosk.storage.models import AuditEvent, PrintJob, PrintJobStatus
from tests.conftest import FixedClock


def check_in(app: KioskApp, name: str) -> str:
    host = app.directory.search("李四")[0].host_id
    pending = app.checkin.check_in(CheckInRequest(name, host, declaration_accepted=True), app.actor)
    number = app.checkin.approve(pending.visit_id, Actor.desk("t"), Approver.DESK).badge_number
    assert number is not None
    return number


def test_offline_then_recovery_prints_each_once_with_no_gap(
    app: KioskApp, printer: FakePrinter, clock: FixedClock
) -> None:
    printer.state = PrinterStatus.OFFLINE
    numbers = [check_in(app, name) for name in ("甲一", "乙二", "丙三")]
    assert numbers == ["V000001", "V000002", "V000003"]
    assert printer.documents == []

    # Nothing is due before the backoff has passed.
    assert app.print_queue.retry_due(app.actor) == []
    printer.state = PrinterStatus.ONLINE
    clock.advance(seconds=5)
    outcomes = app.print_queue.retry_due(app.actor)
    assert [o.printed for o in outcomes] == [True, True, True]
    printed = ["\n".join(parse_escpos(d).text_lines()) for d in printer.documents]
    assert [next(n for n in numbers if n in text) for text in printed] == numbers
    # Running the retry loop again prints nothing more.
    clock.advance(minutes=10)
    assert app.print_queue.retry_due(app.actor) == []
    assert len(printer.documents) == 3


def test_backoff_grows_and_is_capped(app: KioskApp, printer: FakePrinter, clock: FixedClock) -> None:
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4, 10, 100)] == [5, 10, 20, 40, 300, 300]
    printer.state = PrinterStatus.PAPER_OUT
    check_in(app, "甲一")
    for expected in (5, 10, 20):
        clock.advance(seconds=expected - 1)
        assert app.print_queue.retry_due(app.actor) == []
        clock.advance(seconds=1)
        [outcome] = app.print_queue.retry_due(app.actor)
        assert not outcome.printed and outcome.error == "fake-printer: out of paper"
    with app.database.sessions() as session:
        assert session.scalars(select(PrintJob.attempts)).one() == 4


def test_a_job_in_flight_is_not_sent_twice(app: KioskApp, clock: FixedClock) -> None:
    class SlowPrinter(FakePrinter):
        def __init__(self) -> None:
            super().__init__()
            self.entered = threading.Event()
            self.release = threading.Event()

        def send(self, data: bytes) -> None:
            self.entered.set()
            self.release.wait(5)
            super().send(data)

    slow = SlowPrinter()
    queue = PrintQueue(app.database.sessions, [_printer(slow)], clock, "kiosk:test")
    with app.database.sessions.begin() as session:
        job_id = queue.enqueue(session, sample_receipt(), "R000107", "zh_CN").id
    first = threading.Thread(target=queue.dispatch, args=(job_id, Actor.kiosk("t")))
    first.start()
    assert slow.entered.wait(5)
    second = queue.dispatch(job_id, Actor.desk("t"))  # the desk presses "send now" meanwhile
    slow.release.set()
    first.join()
    assert not second.printed and len(slow.documents) == 1
    assert queue.dispatch(job_id, Actor.desk("t")).printed  # already printed: reported, not resent
    assert len(slow.documents) == 1


def _printer(device: FakePrinter):  # type: ignore[no-untyped-def]
    from kiosk.printing.layout import PrinterProfile
    from kiosk.printing.send import Printer

    return Printer(device, PrinterProfile(device.paper_width_mm))


def test_fallback_printer_takes_the_job_and_the_console_says_which(config: Config, clock: FixedClock) -> None:
    main, spare = FakePrinter(80, "lobby-80mm"), FakePrinter(58, "desk-58mm")
    app = build_app(
        config, "kiosk", printer=main, fallback_printer=spare, encoder=MemoryEncoder(), clock=clock
    )
    try:
        main.state = PrinterStatus.COVER_OPEN
        check_in(app, "甲一")
        assert main.documents == [] and len(spare.documents) == 1
        # Laid out again for the spare's 58 mm paper: the rule is 32 columns wide.
        assert "-" * 32 in parse_escpos(spare.documents[0]).text_lines()
        [view] = app.print_queue.jobs()
        assert (view.status, view.printer) == (PrintJobStatus.PRINTED, "desk-58mm")
        assert app.print_queue.printer_states() == [
            ("lobby-80mm", PrinterStatus.COVER_OPEN),
            ("desk-58mm", PrinterStatus.ONLINE),
        ]
    finally:
        app.close()


def test_retry_picks_only_this_stations_jobs(app: KioskApp, printer: FakePrinter, clock: FixedClock) -> None:
    other = PrintQueue(
        app.database.sessions, [_printer(FakePrinter(name="other-kiosk"))], clock, "kiosk:other"
    )
    with app.database.sessions.begin() as session:
        other.enqueue(session, sample_receipt(), "R000107", "zh_CN")
    clock.advance(seconds=1)
    assert app.print_queue.retry_due(app.actor) == []
    assert len(other.retry_due(Actor.kiosk("other"))) == 1


def test_reprint_is_marked_copy_and_logged(app: KioskApp, printer: FakePrinter) -> None:
    check_in(app, "甲一")
    [job] = app.print_queue.jobs()
    outcome = app.print_queue.reprint(job.job_id, app.actor)
    assert outcome.printed
    first, again = (parse_escpos(d).text_lines() for d in printer.documents)
    assert "副本 / COPY" not in first and "副本 / COPY" in again
    assert [line for line in again if line != "副本 / COPY"] == first
    with app.database.sessions() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "print_job.reprinted")).one()
        assert event.entity_id == str(outcome.job_id)
    with pytest.raises(ValidationError) as info:
        app.print_queue.send_now(outcome.job_id, app.actor)
    assert info.value.code == "already_printed"


def test_a_job_claimed_by_a_dead_process_is_taken_over(
    app: KioskApp, printer: FakePrinter, clock: FixedClock
) -> None:
    with app.database.sessions.begin() as session:
        job = app.print_queue.enqueue(session, sample_receipt(), "R000107", "en")
        job.claimed_at = clock.now()  # a process claimed it and died
        job_id = job.id
    assert not app.print_queue.dispatch(job_id, app.actor).printed
    clock.advance(minutes=2, seconds=1)
    assert app.print_queue.dispatch(job_id, app.actor).printed
    assert "RECEIPT" in parse_escpos(printer.documents[0]).text_lines()


def test_unknown_printer_status_still_sends(app: KioskApp, printer: FakePrinter) -> None:
    printer.state = PrinterStatus.UNKNOWN  # a USB link that cannot answer DLE EOT
    check_in(app, "甲一")
    assert len(printer.documents) == 1


def test_retry_delay_never_overflows() -> None:
    assert retry_delay(10**6) == timedelta(minutes=5)


# -- a job whose document cannot be laid out -------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("badge", "{not json"),  # damaged
        ("laminated-pass", "{}"),  # a kind this version does not know
        ("receipt", '{"number": "R1"}'),  # fields the model or the layout refuses
    ],
)
def test_a_poison_job_fails_for_good_and_the_jobs_behind_it_print(
    app: KioskApp, printer: FakePrinter, clock: FixedClock, kind: str, data: str
) -> None:
    printer.state = PrinterStatus.OFFLINE  # both wait for the printer first
    with app.database.sessions.begin() as session:
        poison = app.print_queue._add_job(session, kind, data, "X1", "en", None, False).id
        good = app.print_queue.enqueue(session, sample_receipt(), "R000107", "en").id
    printer.state = PrinterStatus.ONLINE
    outcomes = app.print_queue.retry_due(app.actor)
    assert [(o.job_id, o.printed) for o in outcomes] == [(poison, False), (good, True)]
    assert outcomes[0].error is not None and outcomes[0].error.startswith("unprintable: ")
    assert "RECEIPT" in parse_escpos(printer.documents[0]).text_lines()
    # Never retried, never claimed again: later rounds have nothing to do.
    clock.advance(days=30)
    assert app.print_queue.retry_due(app.actor) == []
    [poisoned, printed] = sorted(app.print_queue.jobs(), key=lambda j: j.job_id)
    assert poisoned.status is PrintJobStatus.FAILED and poisoned.last_error == outcomes[0].error
    assert printed.status is PrintJobStatus.PRINTED
    with app.database.sessions() as session:
        row = session.get_one(PrintJob, poison)
        assert row.claimed_at is None
        assert session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_id == str(poison))
        ).all() == ["print_job.failed"]
    # The desk's "send now" tries once more, and says the same.
    assert app.print_queue.send_now(poison, app.actor).error == outcomes[0].error
    assert len(printer.documents) == 1


def test_a_stations_poison_job_does_not_hold_up_its_next_job(app: KioskApp, clock: FixedClock) -> None:
    from kiosk.client.printing import StationPrinting
    from tests.faults.harness import DirectPrintJobs

    station_printer = FakePrinter(name="kiosk-1 printer")
    with printing_for("kiosk-1"), app.database.sessions.begin() as session:
        poison = app.print_queue._add_job(session, "badge", "[]", "V000009", "en", None, False).id
        good = app.print_queue.enqueue(session, sample_receipt(), "R000107", "en").id
    printing = StationPrinting(
        DirectPrintJobs(app.print_queue, "kiosk-1"), [Printer(station_printer, PrinterProfile())]
    )
    outcomes = printing.run_once()
    assert [(o.job_id, o.printed) for o in outcomes] == [(poison, False), (good, True)]
    assert len(station_printer.documents) == 1
    clock.advance(days=1)
    assert printing.run_once() == []  # the poison job is not claimed again
