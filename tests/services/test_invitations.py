from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.errors import ValidationError
from kiosk.domain.invitation import (
    CODE_ALPHABET,
    DAY_ENDS,
    DAY_STARTS,
    default_window,
    invitation_qr,
    new_invitation_code,
    normalise_invitation_code,
)
from kiosk.domain.visit import Approver, VisitStatus
from kiosk.services.audit import Actor
from kiosk.storage.models import WatchlistEntry
from tests.conftest import FixedClock

DESK = Actor.desk("front-desk")


def invite(app: KioskApp, clock: FixedClock, name: str = "欧阳娜娜", **window: int) -> str:
    host = app.directory.search("王芳")[0].host_id
    start = clock.now() + timedelta(hours=window.get("starts_in_h", -1))
    end = start + timedelta(hours=window.get("hours", 4))
    return app.invitations.invite(name, host, start, end, DESK, company="华南数据", party_size=2).code


def test_codes_are_six_unambiguous_characters() -> None:
    codes = {new_invitation_code() for _ in range(200)}
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert len(codes) > 190
    assert not set("01258OILZSB") & set(CODE_ALPHABET)


def test_typed_and_scanned_forms_normalise() -> None:
    assert normalise_invitation_code(" 3a4c-6d ") == "3A4C6D"
    assert normalise_invitation_code(invitation_qr("3A4C6D")) == "3A4C6D"


@pytest.mark.parametrize(
    ("raw", "code"), [("", "required"), ("3A4C6", "wrong_length"), ("3A4C6O", "invalid_character")]
)
def test_bad_codes_say_why(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalise_invitation_code(raw)
    assert info.value.code == code


@given(st.text(max_size=20))
def test_normalise_never_raises_anything_else(raw: str) -> None:
    try:
        code = normalise_invitation_code(raw)
    except ValidationError:
        return
    assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)


def test_invited_visitor_is_let_in_at_once(app: KioskApp, printer: FakePrinter, clock: FixedClock) -> None:
    code = invite(app, clock)
    found = app.checkin.find_invitation(code.lower())
    assert (found.masked_name, found.host_name, found.party_size) == ("欧***", "王芳", 2)
    result = app.checkin.check_in_invited(code, app.actor, "zh_CN", declaration_accepted=True)
    assert (result.status, result.badge_number, result.badge_printed) == (
        VisitStatus.ON_SITE,
        "V000001",
        True,
    )
    assert app.checkin.state(result.visit_id).approver is Approver.PREREGISTERED
    assert "欧阳娜娜" in parse_escpos(printer.documents[0]).text_lines()
    with pytest.raises(ValidationError) as info:
        app.checkin.find_invitation(code)
    assert info.value.code == "used"


def test_wrong_expired_early_and_cancelled_codes(app: KioskApp, clock: FixedClock) -> None:
    with pytest.raises(ValidationError) as info:
        app.checkin.find_invitation("3A4C6D")
    assert info.value.code == "unknown"
    early = invite(app, clock, starts_in_h=2)
    with pytest.raises(ValidationError) as info:
        app.checkin.find_invitation(early)
    assert (info.value.code, info.value.params) == ("not_yet", {"valid_from": "11-25 12:00"})
    late = invite(app, clock, starts_in_h=-1, hours=2)
    clock.advance(hours=2)  # the desk refuses to create a window that has already ended
    with pytest.raises(ValidationError) as info:
        app.checkin.find_invitation(late)
    assert (info.value.code, info.value.params) == ("expired", {"valid_until": "11-25 11:00"})


def test_declaration_is_required_and_the_watchlist_still_holds(app: KioskApp, clock: FixedClock) -> None:
    code = invite(app, clock, name="王强")
    with pytest.raises(ValidationError):
        app.checkin.check_in_invited(code, app.actor, "zh_CN", declaration_accepted=False)
    with app.database.sessions.begin() as session:
        session.add(
            WatchlistEntry(name="王强", company="华南数据", reason="x", added_by="s", added_at=clock.now())
        )
    assert app.checkin.check_in_invited(code, app.actor, "zh_CN", True).status is VisitStatus.HELD


def test_invitation_needs_a_sensible_window(app: KioskApp, clock: FixedClock) -> None:
    host = app.directory.search("王芳")[0].host_id
    with pytest.raises(ValidationError) as info:
        app.invitations.invite("张三", host, clock.now(), clock.now(), DESK)
    assert info.value.code == "before_start"


def test_a_group_gets_one_code_per_invitee_and_shows_as_expected(app: KioskApp, clock: FixedClock) -> None:
    from kiosk.services.invitations import Invitee

    host = app.directory.search("王芳")[0].host_id
    start = clock.now() + timedelta(hours=2)
    _group_id, created = app.invitations.invite_group(
        host,
        "华南数据 考察团",
        5,
        start,
        start + timedelta(hours=3),
        [Invitee("欧阳娜娜", "13800138000"), Invitee("Emily Carter", email="emily@example.com")],
        DESK,
        requirements="茶水、果盘；投影仪",
        notes="VIP: 总经理陪同",
    )
    assert len({c.code for c in created}) == 2
    day = clock.now().replace(hour=0)
    expected = app.invitations.expected(day - timedelta(hours=8), day + timedelta(hours=16))
    assert [e.visitor_name for e in expected] == ["欧阳娜娜", "Emily Carter"]
    assert {e.group_unit for e in expected} == {"华南数据 考察团"}
    assert not any(e.arrived for e in expected)
    # Another day's window is not expected today.
    assert app.invitations.expected(day + timedelta(days=2), day + timedelta(days=3)) == []
    app.invitations.cancel(created[0].invitation_id, DESK)
    assert [e.visitor_name for e in app.invitations.expected(day, day + timedelta(days=1))] == [
        "Emily Carter"
    ]
    with pytest.raises(ValidationError):
        app.checkin.find_invitation(created[0].code)


def test_a_group_with_a_bad_invitee_is_refused_whole_saying_which_line(
    app: KioskApp, clock: FixedClock
) -> None:
    from kiosk.services.invitations import Invitee

    host = app.directory.search("王芳")[0].host_id
    start = clock.now()
    with pytest.raises(ValidationError) as info:
        app.invitations.invite_group(
            host, "华南数据", 3, start, start + timedelta(hours=1),
            [Invitee("欧阳娜娜"), Invitee("李雷", "12345")], DESK,
        )  # fmt: skip
    assert (info.value.field, info.value.params["line"]) == ("mobile", 2)
    with pytest.raises(ValidationError) as info:
        app.invitations.invite_group(
            host, "华南数据", 1, start, start + timedelta(hours=1), [Invitee("A"), Invitee("B")], DESK
        )
    assert info.value.field == "headcount"
    assert app.invitations.expected(start - timedelta(days=1), start + timedelta(days=1)) == []


def test_the_invitation_prints_with_its_code_and_qr_and_is_emailed(
    app: KioskApp, clock: FixedClock, printer: FakePrinter
) -> None:
    code = invite(app, clock)
    [arrival] = app.invitations.expected(clock.now() - timedelta(hours=2), clock.now())
    outcome = app.invitations.print_slip(arrival.invitation_id, "en", DESK)
    assert outcome.printed
    lines = "\n".join(parse_escpos(printer.documents[-1]).text_lines())
    assert f"Code: {code}" in lines and "欧阳娜娜" in lines
    assert invitation_qr(code) in parse_escpos(printer.documents[-1]).qr_codes()
    with pytest.raises(ValidationError, match="not_configured"):
        app.invitations.email_slip(arrival.invitation_id, DESK)
    sent: list[object] = []
    app.invitations.mail = sent.append
    with pytest.raises(ValidationError, match="required"):  # invited without an address
        app.invitations.email_slip(arrival.invitation_id, DESK)
    host = app.directory.search("王芳")[0].host_id
    with_mail = app.invitations.invite(
        "Emily Carter", host, clock.now(), clock.now() + timedelta(hours=1), DESK, email="emily@example.com"
    )
    app.invitations.email_slip(with_mail.invitation_id, DESK)
    [message] = sent
    assert message["To"] == "emily@example.com"  # type: ignore[index]
    assert with_mail.code in message.get_content()  # type: ignore[attr-defined]


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)))
def test_the_default_window_is_never_over_before_it_is_used(naive: datetime) -> None:
    now = naive.replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    start, end = default_window(now)
    assert start < end and end > now
    assert start.date() in (now.date(), now.date() + timedelta(days=1))
    assert (start.time(), end.time()) == (DAY_STARTS, DAY_ENDS)


def test_the_default_window_at_1842_is_tomorrows_office_hours() -> None:
    zone = ZoneInfo("Asia/Shanghai")
    start, end = default_window(datetime(2026, 12, 2, 18, 42, tzinfo=zone))
    assert (start, end) == (
        datetime(2026, 12, 3, 9, 0, tzinfo=zone),
        datetime(2026, 12, 3, 18, 0, tzinfo=zone),
    )
    start, _end = default_window(datetime(2026, 12, 2, 17, 59, tzinfo=zone))
    assert start.date() == date(2026, 12, 2)


def test_an_ended_window_is_neither_created_nor_printed_nor_emailed(
    app: KioskApp, clock: FixedClock, printer: FakePrinter
) -> None:
    host = app.directory.search("王芳")[0].host_id
    with pytest.raises(ValidationError) as info:
        app.invitations.invite("张三", host, clock.now() - timedelta(hours=3), clock.now(), DESK)
    assert (info.value.field, info.value.code, info.value.params) == (
        "valid_until",
        "in_the_past",
        {"valid_until": "2026-11-25 10:00"},
    )
    made = app.invitations.invite(
        "Emily Carter", host, clock.now(), clock.now() + timedelta(hours=1), DESK, email="emily@example.com"
    )
    clock.advance(hours=1)
    sent: list[object] = []
    app.invitations.mail = sent.append
    for hand_out in (
        lambda: app.invitations.print_slip(made.invitation_id, "zh_CN", DESK),
        lambda: app.invitations.email_slip(made.invitation_id, DESK),
    ):
        with pytest.raises(ValidationError) as info:
            hand_out()
        assert (info.value.field, info.value.code, info.value.params) == (
            "invitation",
            "ended",
            {"valid_until": "2026-11-25 11:00"},
        )
    assert printer.documents == [] and sent == []


def test_the_voucher_and_the_email_give_the_sites_time(app: KioskApp, clock: FixedClock) -> None:
    host = app.directory.search("王芳")[0].host_id
    start = clock.now() + timedelta(hours=1)  # 11:00 in Shanghai, 03:00 UTC
    made = app.invitations.invite("Emily Carter", host, start, start + timedelta(hours=2), DESK)
    slip = app.invitations.slip(made.invitation_id)
    assert (f"{slip.valid_from:%H:%M}", f"{slip.valid_until:%H:%M}") == ("11:00", "13:00")
    assert (
        "2026-11-25 11:00 ~ 2026-11-25 13:00"
        in app.invitations.invitation_message(slip, "a@b.cn").get_content()
    )
