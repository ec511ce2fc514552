"""The lost-and-found service on both databases: an item logged, tagged, claimed against ID and
signature; a meeting guest's item; the unclaimed list after the keep period; a disposal only with
another person's supervisor PIN, only after the period and (for cash, valuables and documents)
only to the police; voiding; the search by what, where and date; the export; the purge."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.errors import ValidationError
from kiosk.domain.lost_found import (
    ClaimDraft,
    DisposalMethod,
    FoundItemDraft,
    LostItemCategory,
    LostItemSource,
    LostItemStatus,
)
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.lost_found import LostItemFilter
from kiosk.services.retention import PURGED
from kiosk.services.staff import SignedIn
from kiosk.storage.models import AuditEvent, LostItem
from tests.conftest import FixedClock

PIN = "135790"


@pytest.fixture
def people(app: KioskApp) -> dict[str, SignedIn]:
    admin = Actor("staff", "admin")
    app.staff.add("clerk", "Clerk", Role.RECEPTIONIST, PIN, admin)
    app.staff.add("boss", "Boss", Role.SUPERVISOR, PIN, admin)
    app.staff.add("boss2", "Second Boss", Role.SUPERVISOR, PIN, admin)
    return {u: app.staff.sign_in(u, PIN) for u in ("clerk", "boss", "boss2")}


def found(
    clock: FixedClock,
    what: str = "黑色雨伞",
    category: LostItemCategory = LostItemCategory.OTHER,
    **more: object,
) -> FoundItemDraft:
    fields: dict[str, object] = {
        "what": what,
        "category": category,
        "found_where": "一楼大堂沙发",
        "found_at": clock.now() - timedelta(minutes=30),
        "finder": "保洁 李阿姨",
        "kept_at": "前台储物柜",
    }
    fields.update(more)
    return FoundItemDraft(**fields)  # type: ignore[arg-type]


def owner(name: str = "陈晓明") -> ClaimDraft:
    return ClaimDraft(name, "resident_id", "002x", name, True, "13812345678")


def test_an_item_is_logged_tagged_and_claimed_against_id_and_signature(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock, printer: FakePrinter
) -> None:
    service, clerk = app.lost_found, people["clerk"]
    item = service.log(found(clock), clerk)
    assert item.number == "SW000001" and item.status is LostItemStatus.HELD
    assert item.keep_until == item.found_at + timedelta(days=90)
    printed = service.print_tag(item.item_id, clerk, "zh_CN")
    assert printed.printed
    tag = parse_escpos(printer.documents[-1])
    assert tag.qr_codes() == ["LKF:SW000001"]
    assert any("黑色雨伞" in line for line in tag.text_lines())
    assert not any("李阿姨" in line for line in tag.text_lines()), "no finder's name on the shelf"
    # Printed again: the same tag marked as a copy.
    service.print_tag(item.item_id, clerk, "en")
    assert any("COPY" in line or "副本" in line for line in parse_escpos(printer.documents[-1]).text_lines())
    assert service.find("lkf:sw000001").item_id == item.item_id

    with pytest.raises(ValidationError) as refused:
        service.claim(item.item_id, ClaimDraft("陈晓明", "resident_id", "002X", "陈晓明", False), clerk)
    assert (refused.value.field, refused.value.code) == ("signature", "required")
    with pytest.raises(ValidationError) as refused:
        service.claim(item.item_id, ClaimDraft("陈晓明", "resident_id", "", "陈晓明", True), clerk)
    assert (refused.value.field, refused.value.code) == ("last_four", "required")
    with pytest.raises(ValidationError) as refused:
        service.claim(item.item_id, ClaimDraft("陈晓明", "resident_id", "1234", "王芳", True), clerk)
    assert refused.value.code == "mismatch"

    clock.advance(minutes=5)
    claimed = service.claim(item.item_id, owner(), clerk)
    assert (claimed.status, claimed.claimant_id_type, claimed.claimant_id_last_four) == (
        LostItemStatus.CLAIMED,
        "resident_id",
        "002X",
    )
    assert (claimed.claimant_signed_name, claimed.handed_over_by_name) == ("陈晓明", "Clerk")
    assert claimed.claimed_at == clock.now()
    with pytest.raises(ValidationError) as refused:
        service.claim(item.item_id, owner("王芳"), clerk)
    assert refused.value.code == "is_claimed"
    with app.database.sessions() as session:
        details = [
            e.detail for e in session.scalars(select(AuditEvent).where(AuditEvent.entity == "lost_item"))
        ]
    assert details and not any("陈晓明" in d or "李阿姨" in d for d in details), "no names in the audit"


def test_a_meeting_guests_item_names_its_meeting_or_room_and_cash_its_amount(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    service, clerk = app.lost_found, people["clerk"]
    with pytest.raises(ValidationError) as refused:
        service.log(found(clock, "笔记本电脑", source=LostItemSource.MEETING), clerk)
    assert (refused.value.field, refused.value.code) == ("meeting", "required")
    left = service.log(
        found(clock, "笔记本电脑", LostItemCategory.ELECTRONICS, source=LostItemSource.MEETING, room="301"),
        clerk,
    )
    assert (left.source, left.room, left.meeting) == (LostItemSource.MEETING, "301", "")
    with pytest.raises(ValidationError) as refused:
        service.log(found(clock, "钱包内现金", LostItemCategory.CASH), clerk)
    assert (refused.value.field, refused.value.code) == ("cash", "required")
    cash = service.log(found(clock, "红色钱包", LostItemCategory.CASH, cash_fen=35050), clerk)
    assert cash.cash_fen == 35050
    with pytest.raises(ValidationError) as refused:
        service.log(found(clock, found_at=clock.now() + timedelta(hours=1)), clerk)
    assert (refused.value.field, refused.value.code) == ("found_at", "future")


def test_unclaimed_items_are_disposed_of_after_the_period_with_another_supervisors_pin(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    service, clerk, boss = app.lost_found, people["clerk"], people["boss"]
    umbrella = service.log(found(clock), clerk)
    wallet = service.log(found(clock, "红色钱包", LostItemCategory.CASH, cash_fen=10000), clerk)
    assert service.listing(LostItemFilter("unclaimed")) == []
    with pytest.raises(ValidationError) as refused:
        service.dispose(umbrella.item_id, DisposalMethod.DONATED, "", "boss", PIN, clerk)
    assert (refused.value.code, refused.value.params) == ("not_due", {"day": "2027-02-23"})

    clock.advance(days=90)
    assert [r.number for r in service.listing(LostItemFilter("unclaimed"))] == [
        umbrella.number,
        wallet.number,
    ]
    with pytest.raises(ValidationError) as refused:
        service.dispose(wallet.item_id, DisposalMethod.DONATED, "", "boss", PIN, clerk)
    assert (refused.value.field, refused.value.code) == ("method", "police_only")
    with pytest.raises(ValidationError) as refused:
        service.dispose(umbrella.item_id, DisposalMethod.DONATED, "", "boss", "000000", clerk)
    assert refused.value.field == "credentials"
    with pytest.raises(ValidationError) as refused:  # a receptionist's PIN approves nothing
        service.dispose(umbrella.item_id, DisposalMethod.DONATED, "", "clerk", PIN, people["boss2"])
    assert (refused.value.field, refused.value.code) == ("signer", "not_allowed")
    with pytest.raises(ValidationError) as refused:  # always two people
        service.dispose(umbrella.item_id, DisposalMethod.DONATED, "", "boss", PIN, boss)
    assert (refused.value.field, refused.value.code) == ("signer", "same_person")
    assert service.item(umbrella.item_id).status is LostItemStatus.HELD

    done = service.dispose(umbrella.item_id, DisposalMethod.DONATED, "慈善超市", "boss", PIN, clerk)
    assert (done.status, done.disposal_method, done.approved_by_name, done.disposed_by_name) == (
        LostItemStatus.DISPOSED,
        DisposalMethod.DONATED,
        "Boss",
        "Clerk",
    )
    police = service.dispose(
        wallet.item_id, DisposalMethod.HANDED_TO_POLICE, "交蛇口派出所", "boss", PIN, clerk
    )
    assert police.status is LostItemStatus.DISPOSED
    assert service.listing(LostItemFilter("unclaimed")) == []
    assert len(service.listing(LostItemFilter("disposed"))) == 2


def test_only_a_supervisor_voids_and_the_item_stays_on_record(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    service = app.lost_found
    item = service.log(found(clock), people["clerk"])
    with pytest.raises(ValidationError) as refused:
        service.void(item.item_id, "重复登记", people["clerk"])
    assert (refused.value.field, refused.value.code) == ("staff", "not_allowed")
    with pytest.raises(ValidationError) as refused:
        service.void(item.item_id, " ", people["boss"])
    assert (refused.value.field, refused.value.code) == ("reason", "required")
    voided = service.void(item.item_id, "重复登记", people["boss"])
    assert (voided.status, voided.void_reason, voided.voided_by_name) == (
        LostItemStatus.VOIDED,
        "重复登记",
        "Boss",
    )
    assert [r.number for r in service.listing(LostItemFilter("all"))] == [item.number]


def test_the_register_is_searched_by_what_where_and_date_and_exported(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock, tmp_path: Path
) -> None:
    service, clerk = app.lost_found, people["clerk"]
    service.log(found(clock, "蓝色保温杯", found_where="B1停车场"), clerk)
    old = service.log(
        found(clock, "身份证", LostItemCategory.DOCUMENTS, found_at=clock.now() - timedelta(days=3)), clerk
    )
    service.log(found(clock, "100%纯棉围巾", LostItemCategory.CLOTHING, kept_at="管理处"), clerk)
    service.claim(old.item_id, owner(), clerk)

    def numbers(chosen: LostItemFilter) -> list[str]:
        return [r.number for r in service.listing(chosen)]

    assert numbers(LostItemFilter("all", "保温杯")) == ["SW000001"]
    assert numbers(LostItemFilter("all", "b1停车")) == ["SW000001"]
    assert numbers(LostItemFilter("all", "管理处")) == ["SW000003"]
    assert numbers(LostItemFilter("all", "100%")) == ["SW000003"]  # % is a character, not a wildcard
    assert numbers(LostItemFilter("all", "sw000002")) == ["SW000002"]
    today = clock.now().astimezone(app.site.timezone).date()
    assert numbers(LostItemFilter("all", "", today, today)) == ["SW000003", "SW000001"]
    assert numbers(LostItemFilter("held")) == ["SW000003", "SW000001"]
    assert numbers(LostItemFilter("claimed", "", today - timedelta(days=3), today - timedelta(days=3))) == [
        "SW000002"
    ]
    with pytest.raises(ValidationError) as refused:
        service.listing(LostItemFilter("all", "", today, today - timedelta(days=1)))
    assert refused.value.code == "before_first"

    path = tmp_path / "lost.xlsx"
    with pytest.raises(ValidationError):  # it names claimants: supervisors only
        service.export(LostItemFilter("all"), path, {}, clerk)
    words = {"Number": "编号", "documents": "证件", "claimed": "已认领", "resident_id": "身份证"}
    service.export(LostItemFilter("all"), path, words, people["boss"])
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "编号" and len(rows) == 4
    documents = next(r for r in rows if r[0] == "SW000002")
    assert (documents[2], documents[11], documents[14], documents[15]) == ("证件", "已认领", "身份证", "002X")


def test_the_purge_blanks_the_claimant_and_finder_of_ended_items_only(
    app: KioskApp, people: dict[str, SignedIn], clock: FixedClock
) -> None:
    service, clerk = app.lost_found, people["clerk"]
    claimed = service.log(found(clock, "钥匙串", LostItemCategory.KEYS_CARDS), clerk)
    held = service.log(found(clock, "手套"), clerk)
    service.claim(claimed.item_id, owner(), clerk)
    clock.advance(days=366)
    report = app.retention.purge(Actor("server", "housekeeping"))
    assert next(c.rows for c in report.counts if c.kind == "lost_items") == 1
    with app.database.sessions() as session:
        gone = session.get_one(LostItem, claimed.item_id)
        kept = session.get_one(LostItem, held.item_id)
        assert (gone.claimant_name, gone.claimant_id_last_four, gone.claimant_phone, gone.finder) == (
            PURGED,
            "",
            "",
            PURGED,
        )
        assert (gone.what, gone.claimant_id_type, gone.status) == (
            "钥匙串",
            "resident_id",
            LostItemStatus.CLAIMED,
        )
        assert kept.finder == "保洁 李阿姨", "an item still held keeps its finder"
    again = app.retention.purge(Actor("server", "housekeeping"))
    assert next(c.rows for c in again.counts if c.kind == "lost_items") == 0


def test_the_keep_period_comes_from_the_sites_configuration(tmp_path: Path) -> None:
    from kiosk.config import ConfigError, load_config

    path = tmp_path / "kiosk.toml"
    path.write_text("[lost_found]\nkeep_days = 30\n", encoding="utf-8")
    assert load_config(path).lost_found.keep_days == 30
    path.write_text("[lost_found]\nkeep_days = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"lost_found\.keep_days"):
        load_config(path)
