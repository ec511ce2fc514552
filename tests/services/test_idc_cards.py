"""IDC identity-verification cards: file, approve, issue, upload with retries, revoke, expire."""

from __future__ import annotations

import csv
import http.server
import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.fakes import FakePrinter, MemoryEncoder, VirtualCard
from kiosk.domain.cards import CardStatus, CardVerdict
from kiosk.domain.credential import CardKind
from kiosk.domain.errors import ValidationError
from kiosk.domain.idc_cards import ApplicationStatus, DeliveryStatus, RevokeReason
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.card_sinks import CardMessage, CsvDropSink, EmailSink, SinkError, WebhookSink
from kiosk.services.host_notify import SmtpSettings
from kiosk.services.idc_cards import ApplicationInput, NotAllowedError
from kiosk.services.staff import SignedIn
from kiosk.storage.models import AuditEvent
from tests.conftest import FixedClock

SALES = SignedIn(1, "s01", "王销售", Role.SALES)
SUPERVISOR = SignedIn(2, "m01", "李主管", Role.SUPERVISOR)
CLERK = SignedIn(3, "r01", "赵前台", Role.RECEPTIONIST)
ID_NUMBER = "11010519491231002X"
UID = bytes.fromhex("04A1B2C3")


class RecordingSink:
    def __init__(self, name: str = "recording") -> None:
        self._name = name
        self.messages: list[CardMessage] = []
        self.failing = False

    @property
    def name(self) -> str:
        return self._name

    def deliver(self, message: CardMessage) -> None:
        if self.failing:
            raise SinkError("access control is down")
        self.messages.append(message)


@pytest.fixture
def sink(app: KioskApp) -> RecordingSink:
    recording = RecordingSink()
    app.idc_cards.sinks = [recording]
    return recording


def form(app: KioskApp, **changes: object) -> ApplicationInput:
    now = app.clock.now()
    values: dict[str, object] = {
        "form_number": "IDC-2026-0042",
        "company": "星河数据有限公司",
        "holder_name": "陈立",
        "holder_mobile": "13912345678",
        "id_type": "resident_id",
        "id_number": ID_NUMBER,
        "letter_reference": "星河函〔2026〕17号",
        "valid_from": now.replace(minute=0),
        "valid_until": now.replace(minute=0) + timedelta(days=180),
        "areas": "A201机房\nB3-cage 12, B3-cage 14",
    }
    values.update(changes)
    return ApplicationInput(**values)  # type: ignore[arg-type]


def approved(app: KioskApp, **changes: object) -> int:
    application_id = app.idc_cards.file(form(app, **changes), SALES)
    app.idc_cards.approve(application_id, SUPERVISOR, "介绍信已核")
    return application_id


def issued(app: KioskApp, uid: bytes = UID, **changes: object) -> tuple[int, VirtualCard]:
    application_id = approved(app, **changes)
    card = VirtualCard(uid)
    encoder = app.encoder
    assert isinstance(encoder, MemoryEncoder)
    encoder.present(card)
    app.idc_cards.issue(application_id, CLERK, "zh_CN", timeout_s=0.05)
    return application_id, card


def actions(app: KioskApp, entity: str = "idc_application") -> list[str]:
    with app.database.sessions() as session:
        return list(
            session.scalars(
                select(AuditEvent.action).where(AuditEvent.entity == entity).order_by(AuditEvent.id)
            )
        )


def test_file_keeps_the_id_masked_and_only_sales_file(app: KioskApp, sink: RecordingSink) -> None:
    application_id = app.idc_cards.file(form(app), SALES)
    view = app.idc_cards.application(application_id)
    assert view.holder_id_masked == "**************002X"
    assert view.areas == ("A201机房", "B3-cage 12", "B3-cage 14")
    assert (view.status, view.filed_by_name) == (ApplicationStatus.FILED, "王销售")
    with app.database.sessions() as session:
        details = " ".join(session.scalars(select(AuditEvent.detail)))
    # The trail names the form, not the holder: it is kept for ever, the holder's data is not.
    assert ID_NUMBER not in details and "002X" not in details and "IDC-2026-0042" in details
    with pytest.raises(NotAllowedError):
        app.idc_cards.file(form(app, form_number="X-2"), CLERK)
    assert actions(app) == ["idc.filed", "idc.refused"]
    with pytest.raises(ValidationError) as info:
        app.idc_cards.file(form(app), SALES)
    assert (info.value.field, info.value.code) == ("form_number", "taken")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"company": ""}, "company"),
        ({"holder_mobile": ""}, "mobile"),
        ({"id_number": "110105194912310021"}, "id_number"),
        ({"letter_reference": " "}, "letter_reference"),
        ({"areas": " , ;"}, "areas"),
    ],
)
def test_file_refuses_an_incomplete_form(app: KioskApp, changes: dict[str, str], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        app.idc_cards.file(form(app, **changes), SALES)
    assert info.value.field == field


def test_only_a_supervisor_who_did_not_file_it_approves(app: KioskApp) -> None:
    application_id = app.idc_cards.file(form(app), SALES)
    with pytest.raises(NotAllowedError):
        app.idc_cards.approve(application_id, CLERK)
    admin = SignedIn(9, "s01", "王销售", Role.ADMIN)  # same account as the filer, now admin
    with pytest.raises(ValidationError) as info:
        app.idc_cards.approve(application_id, admin)
    assert info.value.code == "own_application"
    with pytest.raises(ValidationError):
        app.idc_cards.reject(application_id, SUPERVISOR, "")  # a rejection says why
    app.idc_cards.reject(application_id, SUPERVISOR, "介绍信未盖章")
    assert app.idc_cards.application(application_id).status is ApplicationStatus.REJECTED
    with pytest.raises(ValidationError):
        app.idc_cards.issue(application_id, CLERK, "zh_CN", timeout_s=0.05)


def test_issue_encodes_verifies_prints_and_uploads(
    app: KioskApp, sink: RecordingSink, printer: FakePrinter
) -> None:
    application_id, card = issued(app)
    view = app.idc_cards.application(application_id)
    assert (view.status, view.card_label, view.card_uid) == (
        ApplicationStatus.ISSUED,
        "IDC000001",
        "04A1B2C3",
    )
    assert card.data is not None
    printed = printer.documents[-1].decode("gb18030", errors="replace")
    assert "IDC000001" in printed and "002X" in printed and ID_NUMBER not in printed
    [message] = sink.messages
    assert (message.event, message.card_uid, message.holder_id_last_four) == ("issued", "04A1B2C3", "002X")
    assert [d.status for d in app.idc_cards.deliveries(application_id)] == [DeliveryStatus.ACKNOWLEDGED]
    assert actions(app) == ["idc.filed", "idc.approved", "idc.issued"]
    history = [h.action for h in app.idc_cards.history(application_id)]
    assert history == [
        "idc.filed",
        "idc.approved",
        "card.encoding",
        "card.issued",
        "idc.issued",
        "idc.delivered",
    ]


def test_a_non_blank_card_is_not_issued_and_the_application_waits(app: KioskApp, sink: RecordingSink) -> None:
    _, card = issued(app)
    second = approved(app, form_number="IDC-2026-0043")
    encoder = app.encoder
    assert isinstance(encoder, MemoryEncoder)
    encoder.present(card)  # the first customer's card, still in use
    with pytest.raises(Exception, match="cannot be issued"):
        app.idc_cards.issue(second, CLERK, "zh_CN", timeout_s=0.05)
    assert app.idc_cards.application(second).status is ApplicationStatus.APPROVED


def test_uploads_are_retried_with_backoff_until_acknowledged(
    app: KioskApp, sink: RecordingSink, clock: FixedClock
) -> None:
    sink.failing = True
    application_id, _ = issued(app)
    [delivery] = app.idc_cards.deliveries(application_id)
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 1)
    assert delivery.last_error is not None and "down" in delivery.last_error
    assert app.idc_cards.deliver_due(Actor("desk", "t")) == (0, 0)  # not yet due
    clock.advance(seconds=30)
    assert app.idc_cards.deliver_due(Actor("desk", "t")) == (0, 1)
    assert app.idc_cards.deliveries(application_id)[0].next_attempt_at == clock.now() + timedelta(minutes=1)
    sink.failing = False
    clock.advance(minutes=1)
    assert app.idc_cards.tick(Actor("desk", "t")).acknowledged == 1
    [delivery] = app.idc_cards.deliveries(application_id)
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.ACKNOWLEDGED, 3)
    assert [m.delivery_id for m in sink.messages] == [delivery.delivery_id]


def test_revoke_blocks_the_card_at_once_and_tells_the_systems_department(
    app: KioskApp, sink: RecordingSink
) -> None:
    application_id, card = issued(app)
    label = app.idc_cards.revoke(application_id, CLERK, RevokeReason.NOTICE, "销卡通知 2026-17")
    assert label == "IDC000001"
    assert app.cards.record(CardKind.IDC_IDENTITY, 1).status is CardStatus.REVOKED  # type: ignore[union-attr]
    assert [m.event for m in sink.messages] == ["issued", "revoked"]
    assert sink.messages[-1].reason == "notice"
    encoder = app.encoder
    assert isinstance(encoder, MemoryEncoder)
    encoder.present(card)
    assert app.cards.read_presented(Actor("kiosk", "k1"), timeout_s=0.05).verdict is CardVerdict.REVOKED
    with pytest.raises(ValidationError):
        app.idc_cards.revoke(application_id, CLERK, RevokeReason.LOST)  # once is for ever
    with pytest.raises(NotAllowedError):
        app.idc_cards.revoke(application_id, SALES, RevokeReason.LOST)
    assert actions(app)[-2:] == ["idc.revoked", "idc.refused"]


def test_expiry_revokes_automatically(app: KioskApp, sink: RecordingSink, clock: FixedClock) -> None:
    application_id, _ = issued(app)
    later = clock.now().replace(minute=0) + timedelta(days=365)
    other, _ = issued(app, uid=bytes.fromhex("04D5E6F7"), form_number="F-2", valid_until=later)
    assert app.idc_cards.tick(Actor("desk", "timer")).expired == []
    clock.advance(days=180)
    result = app.idc_cards.tick(Actor("desk", "timer"))
    assert result.expired == ["IDC000001"]
    assert app.idc_cards.application(application_id).status is ApplicationStatus.EXPIRED
    assert app.cards.record(CardKind.IDC_IDENTITY, 1).status is CardStatus.EXPIRED  # type: ignore[union-attr]
    assert app.idc_cards.application(other).status is ApplicationStatus.ISSUED
    assert sink.messages[-1].reason == "expired"


def test_card_list_search_and_filters(app: KioskApp, sink: RecordingSink, clock: FixedClock) -> None:
    first, _ = issued(app)
    now = clock.now().replace(minute=0)
    soon = app.idc_cards.file(
        form(
            app, form_number="F-2", company="蓝海云", holder_name="林夕", valid_until=now + timedelta(days=20)
        ),
        SALES,
    )
    app.idc_cards.approve(soon, SUPERVISOR)
    encoder = app.encoder
    assert isinstance(encoder, MemoryEncoder)
    encoder.present(VirtualCard(bytes.fromhex("04D5E6F7")))
    app.idc_cards.issue(soon, CLERK, "en", timeout_s=0.05)
    waiting = app.idc_cards.file(form(app, form_number="F-3", holder_name="周舟"), SALES)

    def ids(**filters: object) -> list[int]:
        return [v.application_id for v in app.idc_cards.applications(**filters)]  # type: ignore[arg-type]

    assert ids() == [waiting, soon, first]
    assert ids(status=ApplicationStatus.FILED) == [waiting]
    assert ids(company="蓝海云") == [soon]
    assert ids(expiring=True) == [soon]
    assert ids(search="IDC000001") == [first]
    assert ids(search="林") == [soon]
    assert ids(search="002x") == [waiting, soon, first]  # last four of the ID, any case
    assert ids(search="%") == []
    assert app.idc_cards.companies() == ["星河数据有限公司", "蓝海云"]


def test_csv_drop_sink_writes_whole_files_without_formulas(tmp_path: Path) -> None:
    sink = CsvDropSink(tmp_path / "drop")
    message = _message(holder_name="=HYPERLINK(1)")
    sink.deliver(message)
    [path] = (tmp_path / "drop").iterdir()
    assert path.name == "card-000007-issued-IDC000003.csv"
    rows = list(csv.DictReader(path.read_text("utf-8-sig").splitlines()))
    assert rows[0]["holder_name"] == "'=HYPERLINK(1)" and rows[0]["areas"] == "A201;B3"


def test_email_sink_writes_to_the_systems_department() -> None:
    sent: list[EmailMessage] = []
    smtp = SmtpSettings("mail.example", 25, None, None, False, False, "desk@example.com")
    sink = EmailSink(smtp, "sysdept@example.com", "示例大厦", send=lambda _s, m: sent.append(m))
    sink.deliver(_message(event="revoked", reason="lost"))
    [mail] = sent
    assert mail["To"] == "sysdept@example.com" and "注销" in str(mail["Subject"])
    body = mail.get_body(("plain",))
    assert body is not None and "IDC000003" in body.get_content() and "lost" in body.get_content()


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[dict[str, object]], list[int]]]:
    received: list[dict[str, object]] = []
    statuses = [200]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            received.append(json.loads(self.rfile.read(length)))
            self.send_response(statuses[0])
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # shutdown() waits for the loop's next look at its flag: half a second at the default interval.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/cards", received, statuses
    server.shutdown()
    server.server_close()


def test_webhook_sink_posts_json_and_needs_a_2xx(
    webhook: tuple[str, list[dict[str, object]], list[int]],
) -> None:
    url, received, statuses = webhook
    sink = WebhookSink(url, token="t0k")
    sink.deliver(_message())
    assert received[0]["card_number"] == "IDC000003" and received[0]["areas"] == ["A201", "B3"]
    statuses[0] = 503
    with pytest.raises(SinkError, match="503"):
        sink.deliver(_message())
    with pytest.raises(SinkError, match="unreachable"):
        WebhookSink("http://127.0.0.1:9/cards", timeout_s=1).deliver(_message())


def _message(**changes: object) -> CardMessage:
    values: dict[str, object] = {
        "delivery_id": 7,
        "event": "issued",
        "card_number": "IDC000003",
        "card_uid": "04A1B2C3",
        "company": "星河数据",
        "holder_name": "陈立",
        "holder_mobile": "13912345678",
        "holder_id_last_four": "002X",
        "areas": ("A201", "B3"),
        "valid_from": "2026-11-25T02:00:00+00:00",
        "valid_until": "2027-05-24T02:00:00+00:00",
        "reason": "",
        "at": "2026-11-25T02:00:00+00:00",
    }
    values.update(changes)
    return CardMessage(**values)  # type: ignore[arg-type]


def test_a_card_whose_validity_has_ended_is_not_written(app: KioskApp, clock: FixedClock) -> None:
    application_id = approved(app)
    clock.advance(days=181)
    encoder = app.encoder
    assert isinstance(encoder, MemoryEncoder)
    encoder.present(VirtualCard(UID))
    with pytest.raises(ValidationError) as info:
        app.idc_cards.issue(application_id, CLERK, "zh_CN", timeout_s=0.05)
    assert (info.value.field, info.value.code) == ("validity", "ended")
    assert app.cards.records() == []
