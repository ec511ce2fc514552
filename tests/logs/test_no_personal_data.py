"""No personal data in the log: a visitor's check-in, through the services and through the server
as a kiosk sends it, with the faults that make code log (a mail server down, the printer offline,
a refused entry), leaves their name, mobile and ID number nowhere in the log file, nor in what
the code handed to the logger (the masking filter is only a safety net)."""

from __future__ import annotations

import io
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kiosk.app import KioskApp
from kiosk.devices.fakes import FakePrinter
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.errors import ValidationError
from kiosk.domain.station import StationRole
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver
from kiosk.logs import setup
from tests.services.test_checkin import RecordingNotifier
from tests.services.test_retention import DESK, host_id
from tests.stations import in_process_station

NAME = "欧阳娜娜"
COMPANY = "绝密测绘科技有限公司"
MOBILE = "13912345678"
ID = "11010519491231002X"
MESSAGE_PHONE = "13800001111"
PLANTED = (NAME, COMPANY, MOBILE, ID, MESSAGE_PHONE, "欧阳")


class Raw(logging.Handler):
    """What the code gave the logger, before any filter."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(record.getMessage())
        if record.exc_info:
            self.texts.append(logging.Formatter().formatException(record.exc_info))


def test_a_check_in_leaves_no_personal_data_in_the_log(
    app: KioskApp, printer: FakePrinter, tmp_path: Path
) -> None:
    path = setup.start("server", tmp_path / "log", stream=io.StringIO())
    assert path is not None
    raw = Raw()
    logging.getLogger("kiosk").addHandler(raw)
    try:
        app.checkin.notifiers.append(RecordingNotifier(broken=True))  # the host is asked: it fails
        printer.state = PrinterStatus.OFFLINE  # the badge fails to print
        details = {"company": COMPANY, "mobile": MOBILE, "id_type": "resident_id", "id_number": ID}
        pending = app.checkin.check_in(
            CheckInRequest(NAME, host_id(app), declaration_accepted=True, **details),  # type: ignore[arg-type]
            app.actor,
        )
        app.checkin.approve(pending.visit_id, DESK, Approver.DESK, "host phoned")
        app.lobby.check_out(pending.visit_id, DESK)
        with pytest.raises(ValidationError):
            app.checkin.check_in(
                CheckInRequest(NAME, host_id(app), declaration_accepted=True, id_type="resident_id",
                               id_number=ID[:-1] + "1"),
                app.actor,
            )  # fmt: skip
        # The same visitor again, as a kiosk sends it to the server.
        kiosk = in_process_station(app, StationRole.KIOSK)
        with ThreadPoolExecutor(1) as pool:
            again = pool.submit(
                kiosk.visits.check_in,
                CheckInRequest(NAME, host_id(app), declaration_accepted=True, **details),  # type: ignore[arg-type]
            ).result(10)
            # The host declines; the visitor leaves a message (only a declined visit takes one).
            app.checkin.decline(again.visit_id, DESK, "host away")
            pool.submit(kiosk.visits.leave_message, again.visit_id, MESSAGE_PHONE, "请回电").result(10)
    finally:
        logging.getLogger("kiosk").removeHandler(raw)
        setup.stop()
    text = path.read_text(encoding="utf-8")
    assert " ERROR    server[" in text  # the faults were logged: this test reads a real log
    for value in PLANTED:
        assert value not in text, value
        assert not any(value in logged for logged in raw.texts), value
