"""Phone messages (电话记录 / 代客留言): the switchboard form's rules, one inbox with the kiosk's
messages, the passed-on stamp, cancelling with a reason, the printed slip, the board's read."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.domain.phone_messages import (
    PHONE_MAX_DIGITS,
    PHONE_MIN_DIGITS,
    CallerRequest,
    MessageSource,
    MessageStatus,
    NewPhoneMessage,
    PhoneMessageSlip,
    RelayMethod,
    normalise_extension,
    normalise_phone,
)
from kiosk.domain.serial import from_json
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.services.audit import Actor
from kiosk.storage.models import AuditEvent, HostMessage, PrintJob
from tests.conftest import FixedClock

PIN = "246810"
ADMIN = Actor("staff", "admin")
LINA = Actor("staff", "lina")


@pytest.fixture
def lina(app: KioskApp) -> Actor:
    app.staff.add("lina", "李娜", Role.RECEPTIONIST, PIN, ADMIN)
    return LINA


def host_id(app: KioskApp, name: str = "李四") -> int:
    return next(h.host_id for h in app.directory.search(name) if h.name == name)


def form(app: KioskApp, clock: FixedClock, **changes: object) -> NewPhoneMessage:
    base = NewPhoneMessage(
        caller_name="Emily Carter",
        company="Acme Data Ltd",
        phone=" 0755-8600 1234 ",
        extension="8021",
        city="深圳",
        text="机柜 A07 改到周四上架",
        received_at=clock.now() - timedelta(minutes=5),
        host_id=host_id(app),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def events(app: KioskApp, action: str) -> list[AuditEvent]:
    with app.database.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_a_message_taken_waits_in_the_inbox_until_passed_on_and_is_stamped(
    app: KioskApp, clock: FixedClock, lina: Actor
) -> None:
    message_id = app.phone_messages.take(form(app, clock), lina)
    [view] = app.phone_messages.inbox()
    assert (view.message_id, view.status, view.source) == (
        message_id,
        MessageStatus.OPEN,
        MessageSource.PHONE,
    )
    assert view.phone == "0755-86001234" and view.extension == "8021" and view.recipient.startswith("李四")
    assert view.caller_request is CallerRequest.CALL_BACK and view.recorded_by == "staff:lina"
    assert app.phone_messages.open_count() == 1

    clock.advance(minutes=7)
    stamped = app.phone_messages.pass_on(message_id, RelayMethod.PHONE, "打了手机", lina)
    assert stamped.status is MessageStatus.PASSED_ON and stamped.relayed_at == clock.now()
    assert (stamped.relayed_by, stamped.relay_method, stamped.relay_note) == (
        "staff:lina",
        RelayMethod.PHONE,
        "打了手机",
    )
    assert app.phone_messages.inbox() == [] and app.phone_messages.open_count() == 0
    assert [m.message_id for m in app.phone_messages.inbox(open_only=False)] == [message_id]
    # Once only: a second clerk's tap finds it done.
    with pytest.raises(ValidationError) as again:
        app.phone_messages.pass_on(message_id, RelayMethod.NOTE, "", lina)
    assert (again.value.field, again.value.code) == ("message", "passed_on")
    # Audited without what was said or by whom.
    [taken] = events(app, "host_message.taken")
    [passed] = events(app, "host_message.passed_on")
    assert json.loads(passed.detail) == {"method": "phone"} and passed.actor == "staff:lina"
    assert "Emily" not in taken.detail and "0755" not in taken.detail


def test_a_message_for_a_unit_or_a_name(app: KioskApp, clock: FixedClock, lina: Actor) -> None:
    unit = app.phone_messages.take(
        form(app, clock, host_id=None, recipient_unit="2-104", recipient_name="陈晓明"), lina
    )
    named = app.phone_messages.take(form(app, clock, host_id=None, recipient_name="工程部"), lina)
    recipients = {m.message_id: m.recipient for m in app.phone_messages.inbox()}
    assert recipients == {unit: "2-104 陈晓明", named: "工程部"}


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"caller_name": "", "phone": "", "caller_request": CallerRequest.NONE}, "caller", "required"),
        ({"text": "  ", "caller_request": CallerRequest.NONE}, "text", "required"),
        ({"phone": "", "caller_request": CallerRequest.CALL_BACK}, "phone", "required_for_call_back"),
        ({"host_id": None}, "recipient", "required"),
        ({"host_id": 999_999}, "host", "unknown"),
        ({"phone": "call me"}, "phone", "format"),
        ({"extension": "8o21"}, "extension", "format"),
        ({"text": "话" * 501}, "text", "too_long"),
        ({"recipient_unit": "1" * 21, "host_id": None}, "recipient_unit", "too_long"),
        ({"source": MessageSource.KIOSK}, "source", "kiosk_only"),
    ],
)
def test_the_form_refuses_in_the_clerks_words(
    app: KioskApp, clock: FixedClock, lina: Actor, changes: dict[str, object], field: str, code: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        app.phone_messages.take(form(app, clock, **changes), lina)
    assert (refused.value.field, refused.value.code) == (field, code)
    assert app.phone_messages.inbox(open_only=False) == []


def test_a_call_in_the_future_is_a_typing_mistake(app: KioskApp, clock: FixedClock, lina: Actor) -> None:
    with pytest.raises(ValidationError) as refused:
        app.phone_messages.take(form(app, clock, received_at=clock.now() + timedelta(hours=1)), lina)
    assert (refused.value.field, refused.value.code) == ("received_at", "future")
    # A call written down after the fact keeps the time it came.
    earlier = clock.now() - timedelta(hours=3)
    message_id = app.phone_messages.take(form(app, clock, received_at=earlier), lina)
    assert app.phone_messages.message(message_id).received_at == earlier


def test_cancelled_with_a_reason_and_kept(app: KioskApp, clock: FixedClock, lina: Actor) -> None:
    message_id = app.phone_messages.take(form(app, clock), lina)
    with pytest.raises(ValidationError) as no_reason:
        app.phone_messages.cancel(message_id, " ", lina)
    assert (no_reason.value.field, no_reason.value.code) == ("reason", "required")
    app.phone_messages.cancel(message_id, "重复登记", lina)
    view = app.phone_messages.message(message_id)
    assert (view.status, view.cancel_reason, view.cancelled_by) == (
        MessageStatus.CANCELLED,
        "重复登记",
        "staff:lina",
    )
    assert app.phone_messages.inbox() == []
    for refused in (
        lambda: app.phone_messages.pass_on(message_id, RelayMethod.PHONE, "", lina),
        lambda: app.phone_messages.print_slip(message_id, "zh_CN", lina),
    ):
        with pytest.raises(ValidationError) as error:
            refused()
        assert (error.value.field, error.value.code) == ("message", "cancelled")


def test_search_finds_a_message_by_any_of_its_words(app: KioskApp, clock: FixedClock, lina: Actor) -> None:
    acme = app.phone_messages.take(form(app, clock), lina)
    other = app.phone_messages.take(
        form(app, clock, caller_name="孙磊", company="", phone="13912345678", text="100%_到货"), lina
    )
    assert [m.message_id for m in app.phone_messages.inbox(search="acme")] == [acme]
    assert [m.message_id for m in app.phone_messages.inbox(search="1391234")] == [other]
    assert [m.message_id for m in app.phone_messages.inbox(search="李四")] == [other, acme]
    # Wildcards typed are letters.
    assert [m.message_id for m in app.phone_messages.inbox(search="%_")] == [other]
    assert app.phone_messages.inbox(search="nobody") == []


def test_the_slip_prints_for_the_person_with_the_clerks_name(
    app: KioskApp, clock: FixedClock, lina: Actor
) -> None:
    message_id = app.phone_messages.take(form(app, clock), lina)
    outcome = app.phone_messages.print_slip(message_id, "zh_CN", lina)
    assert outcome.printed
    with app.database.sessions() as session:
        job = session.get_one(PrintJob, outcome.job_id)
        slip = from_json(PhoneMessageSlip, job.data)
    assert job.document == "phone-message" and job.reference == f"M{message_id:06d}"
    assert slip.recorded_by == "李娜" and slip.recipient.startswith("李四") and slip.extension == "8021"
    assert events(app, "host_message.printed")


def test_the_kiosks_message_arrives_in_the_same_inbox_and_old_rows_stay_valid(
    app: KioskApp, clock: FixedClock, lina: Actor
) -> None:
    declined = app.checkin.check_in(
        CheckInRequest("欧阳娜娜", host_id(app), company="华南数据", declaration_accepted=True), app.actor
    ).visit_id
    app.checkin.decline(declined, lina, "在开会")
    clock.advance(minutes=1)
    kiosk_id = app.checkin.leave_message(declined, "13912345678", "明天再来", app.actor)
    clock.advance(minutes=1)
    desk_id = app.phone_messages.take(form(app, clock, received_at=clock.now()), lina)
    inbox = app.phone_messages.inbox()
    assert [m.message_id for m in inbox] == [desk_id, kiosk_id]  # newest first
    kiosk = inbox[1]
    assert (kiosk.source, kiosk.caller_name, kiosk.visit_id) == (MessageSource.KIOSK, "欧阳娜娜", declined)
    assert kiosk.caller_request is CallerRequest.CALL_BACK and kiosk.recorded_by == app.actor.label
    board, count = app.phone_messages.board()
    assert count == 2 and [m.message_id for m in board] == [desk_id, kiosk_id]
    assert board[1].recipient.startswith("李四") and board[1].text == "明天再来"


def test_the_board_lists_at_most_its_share_and_counts_them_all(
    app: KioskApp, clock: FixedClock, lina: Actor
) -> None:
    for n in range(5):
        clock.advance(minutes=1)
        app.phone_messages.take(form(app, clock, caller_name=f"来电{n}", received_at=clock.now()), lina)
    board, count = app.phone_messages.board(limit=3)
    assert count == 5 and [m.caller_name for m in board] == ["来电4", "来电3", "来电2"]


def test_retention_blanks_the_new_fields_too(app: KioskApp, clock: FixedClock, lina: Actor) -> None:
    message_id = app.phone_messages.take(form(app, clock, host_id=None, recipient_name="陈晓明"), lina)
    app.phone_messages.pass_on(message_id, RelayMethod.NOTE, "放在陈晓明信箱", lina)
    clock.advance(days=181)
    app.retention.purge(Actor("cli", "operator"))
    with app.database.sessions() as session:
        row = session.get_one(HostMessage, message_id)
        blank = (row.caller_name, row.phone, row.extension, row.city, row.recipient_name, row.relay_note)
    assert blank == ("—", "", "", "", "", "")
    assert row.status is MessageStatus.PASSED_ON and row.relayed_at is not None  # the books stay


# --- the phone number as the switchboard writes it --------------------------------------------------

_digits = st.text(alphabet="0123456789", min_size=1, max_size=6)


@given(st.lists(_digits, min_size=1, max_size=4), st.booleans(), st.sampled_from(["", " ", "  "]))
def test_a_number_in_groups_is_kept_with_its_dashes(groups: list[str], plus: bool, pad: str) -> None:
    digits = sum(len(g) for g in groups)
    typed = pad + ("+" if plus else "") + "-".join(groups) + pad
    if PHONE_MIN_DIGITS <= digits <= PHONE_MAX_DIGITS and len(typed.strip()) <= 30:
        assert normalise_phone(typed) == ("+" if plus else "") + "-".join(groups)
    else:
        with pytest.raises(ValidationError):
            normalise_phone(typed)


@given(st.text(max_size=40))
def test_any_typed_number_is_refused_in_words_or_is_digits_plus_and_dashes(typed: str) -> None:
    try:
        number = normalise_phone(typed)
    except ValidationError as error:
        assert error.field == "phone" and error.code in ("too_long", "format", "digits")
        return
    assert set(number) <= set("+-0123456789")
    assert number == "" or PHONE_MIN_DIGITS <= sum(c.isdigit() for c in number) <= PHONE_MAX_DIGITS


@given(st.text(max_size=14))
def test_an_extension_is_digits_or_refused(typed: str) -> None:
    try:
        number = normalise_extension(typed)
    except ValidationError as error:
        assert error.field == "extension" and error.code in ("too_long", "format")
        return
    assert number == "" or (number.isascii() and number.isdigit() and len(number) <= 10)


def test_a_required_number_and_brackets() -> None:
    assert normalise_phone("(0755) 8600 1234") == "07558600 1234".replace(" ", "")
    assert normalise_phone("＋86 139-1234-5678") == "+86139-1234-5678"
    with pytest.raises(ValidationError) as missing:
        normalise_phone(" ", required=True)
    assert missing.value.code == "required"
