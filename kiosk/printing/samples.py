"""Sample documents with fictional people, for `kiosk print-sample`, previews and benchmarks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

from kiosk.domain.badge import Badge, checkout_code
from kiosk.domain.courier import CourierStatement, DepartmentTotal
from kiosk.domain.deposits import DeductionKind, DepositNote
from kiosk.domain.documents import (
    CardIssueConfirmation,
    CashSummary,
    CashSummaryLine,
    EvacuationEntry,
    EvacuationList,
    InvitationSlip,
    MethodTotal,
    PartyKind,
    PassReconciliation,
    PaymentMethod,
    Receipt,
    ReceiptPurpose,
    ReleaseSlip,
    SlipItem,
)
from kiosk.domain.lost_found import LostItemCategory, LostItemSource, LostItemTag, tag_code
from kiosk.domain.mail import MailKind, MailLabel, label_code
from kiosk.domain.permit_views import PermitSlip
from kiosk.domain.permits import Material, PermitKind, PermitRoute, permit_code
from kiosk.domain.phone_messages import CallerRequest, PhoneMessageSlip
from kiosk.domain.repairs import RepairCategory, RepairClass, WorkOrder, work_order_code

SITE = "示例大厦 Demo Tower"
_CST = timezone(timedelta(hours=8), "CST")
_AT = datetime(2026, 11, 25, 10, 0, tzinfo=_CST)
_ITEMS = (
    "台式电脑主机",
    "显示器 27 inch",
    "办公椅",
    "文件柜（铁皮）",
    "打印机",
    "纸箱（书籍）",
    "电风扇",
    "鱼缸",
    "行李箱",
    "Server rack 2U",
)


def sample_badge() -> Badge:
    return Badge(
        "V000123",
        "欧阳娜娜",
        "华南数据科技有限公司",
        "王芳",
        "IDC运维部",
        _AT,
        _AT + timedelta(hours=8),
        SITE,
        # Signed with a key of zeros: a sample's code checks nobody out at any site.
        checkout_code(bytes(32), 123, "V000123", _AT),
    )


def sample_release_slip(items: int = 4) -> ReleaseSlip:
    return ReleaseSlip(
        slip_number="S000042",
        slip_code="LKS:S000042:3f9a2c71d0b4e8a1",
        issued_at=_AT,
        party_kind=PartyKind.TENANT,
        unit="2-104",
        holder_name="陈晓明",
        id_masked="1101**********002X",
        items=tuple(SlipItem(_ITEMS[n % len(_ITEMS)], 1 + n % 3) for n in range(items)),
        confirmed_by="业主李娜电话同意 138****6946 10:05",
        clerk="赵敏",
        site_name=SITE,
    )


def sample_receipt(refund: bool = False) -> Receipt:
    return Receipt(
        receipt_number="R000108" if refund else "R000107",
        issued_at=_AT,
        payer="孙磊",
        purpose=ReceiptPurpose.DECORATION_PASS_DEPOSIT,
        amount_fen=10000,
        method=PaymentMethod.WECHAT,
        clerk="赵敏",
        site_name=SITE,
        note="装修出入证 D-0031",
        refund_of="R000107" if refund else None,
    )


def sample_reconciliation() -> PassReconciliation:
    issued = tuple(f"P{n:03d}" for n in range(1, 13))
    returned = tuple(p for p in issued if p != "P007")
    return PassReconciliation(date(2026, 11, 20), date(2026, 11, 22), issued, returned, SITE, _AT)


def sample_card_issue() -> CardIssueConfirmation:
    return CardIssueConfirmation(
        card_number="IDC-000317",
        holder_name="Emily Carter",
        holder_id_masked="*****4021",
        company="Acme Data Ltd",
        valid_from=date(2026, 11, 25),
        valid_until=date(2027, 11, 24),
        areas="3F 机房 A区 机柜 A07-A09",
        clerk="赵敏",
        issued_at=_AT,
        site_name=SITE,
    )


def sample_evacuation() -> EvacuationList:
    people = (
        EvacuationEntry("欧阳娜娜", "华南数据", "王芳 (IDC运维部)", _AT - timedelta(hours=2), "V000311"),
        EvacuationEntry(
            "Emily Carter", "Acme Data Ltd", "李四 (财务部)", _AT - timedelta(minutes=25), "V000317"
        ),
    )
    return EvacuationList(SITE, _AT, _AT, people)


def sample_invitation() -> InvitationSlip:
    return InvitationSlip(
        SITE,
        "欧阳娜娜",
        "华南数据",
        "王芳 (IDC运维部)",
        _AT,
        _AT + timedelta(hours=4),
        "7KQ3MX",
        "LKI:7KQ3MX",
        group_unit="华南数据 考察团",
    )


def sample_cash_summary() -> CashSummary:
    lines = (
        CashSummaryLine(ReceiptPurpose.CARD_DEPOSIT, 3, 30000, 1, 10000),
        CashSummaryLine(ReceiptPurpose.DECORATION_PASS_DEPOSIT, 2, 20000),
        CashSummaryLine(ReceiptPurpose.FEE_ON_BEHALF, 1, 100550),
    )
    methods = (MethodTotal(PaymentMethod.CASH, 90550), MethodTotal(PaymentMethod.WECHAT, 50000))
    return CashSummary(SITE, "李娜", _AT - timedelta(hours=8), _AT, _AT, lines, methods, "R000101", "R000107")


def sample_phone_message() -> PhoneMessageSlip:
    return PhoneMessageSlip(
        site_name=SITE,
        message_number="M000012",
        recipient="王芳（IDC运维部）",
        caller_name="Emily Carter",
        company="Acme Data Ltd",
        phone="0755-86001234",
        extension="8021",
        city="深圳 Shenzhen",
        text="机柜 A07 的上架时间改到周四上午，请确认。Rack A07 move-in is now Thursday morning.",
        caller_request=CallerRequest.CALL_BACK,
        received_at=_AT - timedelta(minutes=20),
        recorded_by="赵敏",
    )


def sample_courier_statement() -> CourierStatement:
    """快递费用月结对账单: November's items SF carried, per department."""
    return CourierStatement(
        site_name=SITE,
        month="2026-11",
        company_code="SF",
        company_name="顺丰速运",
        company_name_en="SF Express",
        departments=(
            DepartmentTotal("IDC运维部", 12, 27600),
            DepartmentTotal("财务部 Finance", 7, 15400),
            DepartmentTotal("行政部", 3, 6900),
        ),
        printed_at=_AT,
        clerk="赵敏",
        voided=1,
        first_day="2026-11-01",
        last_day="2026-11-30",
    )


def sample_work_order() -> WorkOrder:
    return WorkOrder(
        site_name=SITE,
        number="BX000017",
        code=work_order_code("BX000017"),
        taken_at=_AT - timedelta(minutes=10),
        unit="2-104",
        location="卫生间 bathroom",
        caller_name="陈晓明",
        phone="13812345678",
        category=RepairCategory.WATER,
        repair_class=RepairClass.URGENT,
        what="卫生间水管爆裂，地面积水。Burst pipe in the bathroom, water on the floor.",
        assignee="工程部",
        engineer="刘工",
        dispatched_at=_AT,
        arrive_by=_AT + timedelta(hours=2) - timedelta(minutes=10),
        fix_by=_AT + timedelta(hours=24) - timedelta(minutes=10),
        clerk="赵敏",
    )


def sample_lost_item_tag() -> LostItemTag:
    return LostItemTag(
        site_name=SITE,
        number="SW000042",
        code=tag_code("SW000042"),
        category=LostItemCategory.ELECTRONICS,
        what="黑色笔记本电脑包，内有充电器 Black laptop bag with a charger",
        found_where="三楼会议室 3F meeting room",
        found_at=_AT - timedelta(hours=2),
        kept_at="前台储物柜 2号 desk locker 2",
        keep_until=_AT + timedelta(days=90),
        source=LostItemSource.MEETING,
        room="301",
    )


def sample_permit() -> PermitSlip:
    """A material permit (搬运材料凭据): a decoration's materials up the goods lift for two days."""
    return PermitSlip(
        site_name=SITE,
        number="CL000023",
        code=permit_code(b"sample permit key", "CL000023", "0" * 32, _AT),
        kind=PermitKind.MATERIAL,
        issued_at=_AT,
        unit="2-104",
        holder_name="李建国",
        id_masked="**************1234",
        company="安居装饰工程有限公司 Anju Decoration",
        materials=(
            Material("瓷砖 floor tiles (箱)", 40),
            Material("水泥 cement (袋)", 12),
            Material("石膏板 plasterboard", 30),
        ),
        route=PermitRoute.GOODS_LIFT,
        valid_from=_AT.date(),
        valid_until=_AT.date() + timedelta(days=1),
        note="货梯限 9:00-11:30 lift 9:00-11:30 only",
        clerk="赵敏",
    )


def sample_mail_label() -> MailLabel:
    return MailLabel(
        site_name=SITE,
        number="YJ000042",
        code=label_code("YJ000042"),
        kind=MailKind.PARCEL,
        carrier="中国邮政 EMS",
        tracking_number="EA123456789CN",
        addressee="陈晓明",
        unit="2-104",
        company="华南数据科技有限公司",
        received_at=_AT,
        shelf="B-3",
        moved_out=False,
        damage="外箱一角压破 Box corner crushed",
        clerk="赵敏",
    )


def sample_deposit_note() -> DepositNote:
    """A decoration bond's deduction recorded by finance (押金扣款单)."""
    return DepositNote(
        note_number="R000112",
        issued_at=_AT,
        site_name=SITE,
        kind=DeductionKind.DEDUCTION,
        receipt_number="R000109",
        purpose=ReceiptPurpose.DECORATION_BOND,
        payer="安居装饰 王经理",
        item_label="CL000023",
        deposit_fen=500000,
        amount_fen=30000,
        balance_fen=470000,
        reason="货梯轿厢划伤 修复费 lift car scratched",
        recorded_by="钱主管",
    )


SAMPLES: dict[str, Callable[[], object]] = {
    "badge": sample_badge,
    "release-slip": sample_release_slip,
    "receipt": sample_receipt,
    "reconciliation": sample_reconciliation,
    "card-issue": sample_card_issue,
    "evacuation": sample_evacuation,
    "cash-summary": sample_cash_summary,
    "invitation": sample_invitation,
    "phone-message": sample_phone_message,
    "work-order": sample_work_order,
    "courier-statement": sample_courier_statement,
    "mail-label": sample_mail_label,
    "permit": sample_permit,
    "lost-item-tag": sample_lost_item_tag,
    "deposit-note": sample_deposit_note,
}
