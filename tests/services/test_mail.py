"""Registered mail and parcels on both databases: a letter logged, handed out against ID and a
signature, and a loss report answered with its trail and the last signer; an unclaimed letter
returned only with a supervisor's approval; a damaged parcel signed by the shift leader and shown
to its collector; a moved-out person's mail forwarded within the month, on its shelf after, and the
weekly reminder; the e-mail to a directory addressee; the register's search and export."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.errors import ValidationError
from kiosk.domain.mail import Collector, MailEventKind, MailKind, MailSettings, MailStatus
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.mail import HandOut, MailDraft, MailNotice, MailNoticeMailer, MovedOutDraft
from kiosk.services.retention import PURGED
from kiosk.services.staff import SignedIn
from kiosk.storage.models import AuditEvent, Host
from tests.conftest import FixedClock

PIN = "135790"


@pytest.fixture
def people(app: KioskApp) -> dict[str, SignedIn]:
    admin = Actor("staff", "admin")
    app.staff.add("clerk", "赵敏", Role.RECEPTIONIST, PIN, admin)
    app.staff.add("clerk2", "孙丽", Role.RECEPTIONIST, PIN, admin)
    app.staff.add("leader", "李领班", Role.SUPERVISOR, PIN, admin)
    return {u: app.staff.sign_in(u, PIN) for u in ("clerk", "clerk2", "leader")}


def letter(tracking: str = "RR123456789CN", addressee: str = "陈晓明", unit: str = "2-104") -> MailDraft:
    return MailDraft(MailKind.REGISTERED, "中国邮政", tracking, addressee, unit, shelf="A-1")


def person(name: str = "陈晓明", **changes: object) -> HandOut:
    values: dict[str, object] = {
        "collector": Collector.PERSON,
        "name": name,
        "id_type": "resident_id",
        "id_last_four": "002x",
        "signed_name": name,
        "signature_confirmed": True,
    }
    values.update(changes)
    return HandOut(**values)  # type: ignore[arg-type]


def test_a_letter_logged_handed_out_and_traced_to_its_last_signer(
    app: KioskApp, people: dict[str, SignedIn], printer: FakePrinter, clock: FixedClock
) -> None:
    clerk, other = people["clerk"], people["clerk2"]
    logged = app.mail.log(letter(" rr 1234 5678 9cn "), clerk, "en")
    item = logged.item
    assert (item.number, item.tracking_number, item.status) == (
        "YJ000001",
        "RR123456789CN",
        MailStatus.WAITING,
    )
    assert logged.printed.error is None
    label = parse_escpos(printer.documents[-1])
    assert label.qr_codes() == ["LKM:YJ000001"] and "MAIL LABEL" in label.text_lines()
    # The same tracking number waiting already: refused, naming the item.
    with pytest.raises(ValidationError) as twin:
        app.mail.log(letter("RR123456789CN"), clerk)
    assert (twin.value.field, twin.value.code, twin.value.params) == (
        "tracking_number",
        "logged",
        {"number": "YJ000001"},
    )
    clock.advance(hours=2)
    app.mail.record_notified(item.item_id, other, "电话通知")
    # Without the last four, or a signature not ticked: refused.
    with pytest.raises(ValidationError) as refused:
        app.mail.hand_out(item.item_id, other, person(id_last_four=""))
    assert (refused.value.field, refused.value.code) == ("last_four", "required")
    with pytest.raises(ValidationError) as refused:
        app.mail.hand_out(item.item_id, other, person(signature_confirmed=False))
    assert (refused.value.field, refused.value.code) == ("signature", "required")
    clock.advance(hours=1)
    out = app.mail.hand_out(item.item_id, other, person())
    assert (out.status, out.collector_id_type, out.collector_id_last_four) == (
        MailStatus.HANDED_OUT,
        "resident_id",
        "002X",
    )
    assert out.handed_out_by_name == "孙丽"
    with pytest.raises(ValidationError) as again:
        app.mail.hand_out(item.item_id, other, person())
    assert again.value.code == "is_handed_out"

    # A loss report: found by tracking number, by addressee and by day; the whole trail.
    for search in ("RR123456789CN", "陈晓明", "LKM:YJ000001", "2-104"):
        assert [r.number for r in app.mail.listing("all", search)] == ["YJ000001"], search
    assert app.mail.listing("all", "", date(2026, 11, 25), date(2026, 11, 25))
    assert not app.mail.listing("all", "", date(2026, 11, 26), date(2026, 11, 27))
    trail = app.mail.find("LKM:YJ000001")
    assert [(e.kind, e.actor_name, e.signer) for e in trail.events] == [
        (MailEventKind.RECEIVED, "赵敏", "赵敏"),
        (MailEventKind.SHELVED, "赵敏", ""),
        (MailEventKind.NOTIFIED, "孙丽", ""),
        (MailEventKind.HANDED_OUT, "孙丽", "陈晓明"),
    ]
    assert trail.last_signer == "陈晓明"
    assert trail.events[-1].note == "resident_id ****002X"


def test_a_staff_member_collects_with_their_own_pin_not_the_clerks(
    app: KioskApp, people: dict[str, SignedIn]
) -> None:
    clerk = people["clerk"]
    item = app.mail.log(letter(addressee="孙丽"), clerk).item
    with pytest.raises(ValidationError) as same:
        app.mail.hand_out(
            item.item_id, clerk, HandOut(Collector.STAFF, staff_username="clerk", staff_pin=PIN)
        )
    assert (same.value.field, same.value.code) == ("signer", "same_person")
    out = app.mail.hand_out(
        item.item_id, clerk, HandOut(Collector.STAFF, staff_username="clerk2", staff_pin=PIN)
    )
    assert (out.collector, out.collector_name, out.collector_id_last_four, out.last_signer) == (
        Collector.STAFF,
        "孙丽",
        "",
        "孙丽",
    )


def test_an_unclaimed_letter_is_returned_only_with_a_supervisors_approval(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    clerk, leader = people["clerk"], people["leader"]
    item = app.mail.log(letter(), clerk).item
    assert app.mail.on_board().unclaimed == 0
    clock.advance(days=16)
    board = app.mail.on_board()
    assert (board.waiting, board.unclaimed, board.items[0].unclaimed) == (1, 1, True)
    with pytest.raises(ValidationError) as unapproved:
        app.mail.return_item(item.item_id, clerk, "查无此人")
    assert (unapproved.value.field, unapproved.value.code) == ("approver", "required")
    # Another clerk's PIN approves nothing: their role does not.
    with pytest.raises(ValidationError) as refused:
        app.mail.return_item(item.item_id, clerk, "查无此人", "clerk2", PIN)
    assert (refused.value.field, refused.value.code) == ("signer", "not_allowed")
    with pytest.raises(ValidationError) as wrong:
        app.mail.return_item(item.item_id, clerk, "查无此人", "leader", "000000")
    assert wrong.value.field == "credentials"
    assert app.mail.item(item.item_id).status is MailStatus.WAITING
    returned = app.mail.return_item(item.item_id, clerk, "查无此人", "leader", PIN)
    assert (returned.status, returned.return_number, returned.return_approved_by) == (
        MailStatus.RETURNED,
        "TJ000001",
        "李领班",
    )
    assert returned.last_signer == "赵敏"  # the clerk who handed it back to the post office
    [line] = app.mail.returns()
    assert (line.return_number, line.item_number, line.reason, line.approved_by) == (
        "TJ000001",
        "YJ000001",
        "查无此人",
        "李领班",
    )
    # A supervisor signed in approves their own return.
    second = app.mail.log(letter("RR000000002CN"), clerk).item
    assert app.mail.return_item(second.item_id, leader, "退回").return_approved_by == "李领班"
    with app.database.sessions.reads() as session:
        refusals = session.scalars(
            select(AuditEvent.action).where(AuditEvent.action == "mail.return_refused")
        )
        assert list(refusals) == ["mail.return_refused"]


def test_a_damaged_parcel_is_signed_by_the_shift_leader_and_shown_to_its_collector(
    app: KioskApp, people: dict[str, SignedIn]
) -> None:
    clerk = people["clerk"]
    parcel = app.mail.log(MailDraft(MailKind.PARCEL, "顺丰", "SF1234567890", "陈晓明", "2-104"), clerk).item
    with pytest.raises(ValidationError) as refused:
        app.mail.record_damage(parcel.item_id, clerk, "外箱破损", "clerk2", PIN)
    assert refused.value.code == "not_allowed"
    damaged = app.mail.record_damage(parcel.item_id, clerk, "外箱一角压破", "leader", PIN)
    assert (damaged.damage, damaged.damage_signed_by) == ("外箱一角压破", "李领班")
    assert (
        damaged.events[-1].kind is MailEventKind.DAMAGED and "此邮件收到时已破损" in damaged.events[-1].note
    )
    assert damaged.last_signer == "李领班"
    with pytest.raises(ValidationError) as unseen:
        app.mail.hand_out(parcel.item_id, clerk, person())
    assert (unseen.value.field, unseen.value.code) == ("damage", "not_shown")
    out = app.mail.hand_out(parcel.item_id, clerk, person(damage_shown=True))
    assert out.status is MailStatus.HANDED_OUT and out.damage == "外箱一角压破"


def test_a_moved_out_persons_mail_forwarded_within_the_month_shelved_after_and_reminded_weekly(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    clerk = people["clerk"]
    moved = app.mail.add_moved_out(
        MovedOutDraft(
            "王强", date(2026, 11, 1), "3-201", phone="13912345678", forward_address="深圳市南山区科技园 1 号"
        ),
        clerk,
    )
    assert moved.forward_until == date(2026, 12, 1)
    first = app.mail.log(letter("RR000000011CN", "王强", ""), clerk).item
    assert (first.moved_out_id, first.forward_until) == (moved.moved_out_id, date(2026, 12, 1))
    forwarded = app.mail.forward(first.item_id, clerk)
    assert forwarded.status is MailStatus.FORWARDED and forwarded.events[-1].note == "深圳市南山区科技园 1 号"
    # After the free month: refused, the item waits on the moved-out shelf.
    clock.advance(days=7)
    second = app.mail.log(MailDraft(MailKind.PARCEL, "EMS", "EA000000022CN", "王强"), clerk).item
    assert second.shelf == "迁出专柜"
    with pytest.raises(ValidationError) as ended:
        app.mail.forward(second.item_id, clerk)
    assert (ended.value.field, ended.value.code) == ("forwarding", "ended")
    [reminder] = app.mail.on_board().reminders
    assert (reminder.name, reminder.waiting, reminder.last_told_at) == ("王强", 1, None)
    app.mail.told_to_collect(moved.moved_out_id, clerk)
    assert app.mail.on_board().reminders == []
    clock.advance(days=7)
    assert [r.name for r in app.mail.on_board().reminders] == ["王强"]
    assert app.mail.item(second.item_id).events[-1].kind is MailEventKind.NOTIFIED


def test_a_directory_addressee_is_told_by_e_mail(app: KioskApp, people: dict[str, SignedIn]) -> None:
    sent: list[EmailMessage] = []
    app.mail.notifiers.append(MailNoticeMailer(sent.append, "desk@example.com"))
    host_id = app.directory.add("王芳", "IDC运维部", Actor("test", "setup"))
    with app.database.sessions.begin() as session:
        host = session.get(Host, host_id)
        assert host is not None
        host.email = "wangfang@example.com"
    logged = app.mail.log(
        MailDraft(MailKind.MONEY_ORDER, "中国邮政", "HD20261125001", host_id=host_id), people["clerk"]
    )
    assert logged.notified and (logged.item.addressee, logged.item.company) == ("王芳", "IDC运维部")
    assert logged.item.events[-1].kind is MailEventKind.NOTIFIED
    [message] = sent
    assert message["To"] == "wangfang@example.com" and "YJ000001" in message.get_content()

    # A mail server away: logged anyway, nothing recorded as told.
    def fails(_notice: MailNotice) -> None:
        raise OSError("mail server away")

    app.mail.notifiers[:] = [fails]
    again = app.mail.log(MailDraft(MailKind.PARCEL, "EMS", "EA1", host_id=host_id), people["clerk"])
    assert not again.notified and again.item.notified_at is None


def test_the_register_exports_with_id_type_and_last_four_only(
    app: KioskApp, people: dict[str, SignedIn], tmp_path: Path
) -> None:
    clerk, leader = people["clerk"], people["leader"]
    item = app.mail.log(letter(), clerk).item
    app.mail.hand_out(item.item_id, clerk, person())
    app.mail.log(letter("RR000000002CN", "李四", "5-501"), clerk)
    with pytest.raises(ValidationError):
        app.mail.export(tmp_path / "refused.xlsx", clerk)
    assert app.mail.export(tmp_path / "mail.xlsx", leader) == 2
    sheet = openpyxl.load_workbook(tmp_path / "mail.xlsx").active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "编号 Number" and [r[0] for r in rows[1:]] == ["YJ000001", "YJ000002"]
    assert rows[1][14] == "resident_id ****002X" and rows[1][18] == "陈晓明"


def test_the_purge_blanks_who_collected_after_the_period_and_keeps_what_waits(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    clerk = people["clerk"]
    collected = app.mail.log(letter(), clerk).item
    app.mail.hand_out(collected.item_id, clerk, person())
    waiting = app.mail.log(letter("RR000000002CN", "李四"), clerk).item
    clock.advance(days=366)
    app.retention.purge(Actor("test", "purge"))
    purged = app.mail.item(collected.item_id)
    assert (purged.addressee, purged.collector_name, purged.collector_id_last_four) == (PURGED, PURGED, "")
    assert (purged.tracking_number, purged.received_by_name, purged.events[0].signer) == (
        "RR123456789CN",
        "赵敏",
        "赵敏",
    )
    assert purged.events[-1].signer == PURGED and purged.events[-1].note == ""
    assert app.mail.item(waiting.item_id).addressee == "李四"


def test_the_sites_hold_before_an_item_counts_as_unclaimed_is_its_configuration(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock, tmp_path: Path
) -> None:
    from dataclasses import replace

    from kiosk.config import ConfigError, load_config

    path = tmp_path / "kiosk.toml"
    path.write_text("[mail]\nunclaimed_days = 7\n", encoding="utf-8")
    assert load_config(path).mail.unclaimed_days == 7
    assert load_config(None, {}).mail.unclaimed_days == 15  # the default the sample file gives
    path.write_text("[mail]\nunclaimed_days = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"mail\.unclaimed_days"):
        load_config(path)
    # A week's hold: the letter is red on the board on the eighth day, not the sixteenth.
    week = replace(app.mail, settings=MailSettings(unclaimed_days=7))
    week.log(letter(), people["clerk"])
    clock.advance(days=6)
    assert week.on_board().unclaimed == 0
    clock.advance(days=2)
    assert week.on_board().unclaimed == 1 and app.mail.on_board().unclaimed == 0
