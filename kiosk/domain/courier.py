"""Outgoing courier (快递寄发), seed 003 第十条: 各部门需要邮寄的票据、文件及资料，由总台文员进行统一
登记并交指定快递公司寄发，并负责于每月月底与快递公司进行费用结算.

Each item a department sends is logged at the desk (sender, department, addressee, destination,
courier company, the waybill's tracking number typed or scanned, the cost in fen); the courier
collects a batch and signs for it (typed name and a tick); from then on an item is on the
courier's bill: it cannot be edited, only voided with a reason by a supervisor. At the month's
end the desk prints each company's statement (count and cost per department) and exports the
month's workbook for settlement. The month of an item is the site-local month it was handed over
in: that is when the courier took it and what the courier bills.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.domain.errors import ValidationError
from kiosk.domain.money import MAX_FEN
from kiosk.domain.text import sanitize_text

NUMBER_PREFIX = "KD"  # 快递 (an item)
BATCH_PREFIX = "JJ"  # 交寄 (a batch handed to the courier)
SENDER_MAX = 60
DEPARTMENT_MAX = 60
ADDRESSEE_MAX = 60
DESTINATION_MAX = 120
NOTE_MAX = 200
COURIER_NAME_MAX = 60
COMPANY_CODE_MAX = 12
COMPANY_NAME_MAX = 40
# One batch is what one courier carries away at once; a page of items, not a month's.
BATCH_MAX_ITEMS = 200
# Waybill numbers: SF 12-15 digits (often "SF" first), EMS 13 (EA123456789CN), JD "JD" and digits,
# ZTO/YTO/STO/Yunda 12-15 digits ("YT" first): capitals and digits, from 6 to 32 of them.
_TRACKING = re.compile(r"^[A-Z0-9]{6,32}$", re.ASCII)
_COMPANY_CODE = re.compile(r"^[A-Z0-9]{1,12}$", re.ASCII)
_DASHES = "-‐‑‒–—―－_"


class CourierItemStatus(enum.Enum):
    LOGGED = "logged"  # 已登记, waiting for the courier
    HANDED_OVER = "handed_over"  # 已交寄: on the courier's bill
    VOIDED = "voided"  # 已作废, with its reason; never deleted


# The contracted couriers a new site starts with (指定快递公司); the desk's supervisors keep the
# list (add, retire) from there: (code, Chinese name, English name).
DEFAULT_COMPANIES: tuple[tuple[str, str, str], ...] = (
    ("SF", "顺丰速运", "SF Express"),
    ("EMS", "中国邮政EMS", "China Post EMS"),
    ("JD", "京东快递", "JD Logistics"),
    ("ZTO", "中通快递", "ZTO Express"),
    ("YTO", "圆通速递", "YTO Express"),
    ("STO", "申通快递", "STO Express"),
    ("YUNDA", "韵达快递", "Yunda Express"),
)


def item_number(value: int) -> str:
    return f"{NUMBER_PREFIX}{value:06d}"


def batch_number(value: int) -> str:
    return f"{BATCH_PREFIX}{value:06d}"


def _compact(text: str) -> str:
    """NFKC (full-width from a Chinese input method), no spaces or dashes, capitals."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace() and ch not in _DASHES).upper()


def read_tracking_number(text: str) -> str | None:
    """The waybill's tracking number as typed or scanned (``sf 1234-5678-9012``, full-width,
    spaces or dashes anywhere) in capitals and digits; None for anything else (a work order's
    or a badge's code scanned into the field)."""
    compact = _compact(text)
    return compact if _TRACKING.match(compact) else None


def validate_tracking_number(raw: str) -> str:
    if not sanitize_text(raw):
        raise ValidationError("tracking_number", "required")
    number = read_tracking_number(raw)
    if number is None:
        raise ValidationError("tracking_number", "format")
    return number


def validate_company_code(raw: str) -> str:
    if not sanitize_text(raw):
        raise ValidationError("code", "required")
    code = _compact(raw)
    if not _COMPANY_CODE.match(code):
        raise ValidationError("code", "format", max=COMPANY_CODE_MAX)
    return code


def validate_cost(fen: int) -> int:
    """A cost in whole fen: more than nothing (a free item is not on the courier's bill)."""
    if fen <= 0:
        raise ValidationError("cost", "not_positive")
    if fen > MAX_FEN:
        raise ValidationError("cost", "too_large")
    return fen


def department_key(text: str) -> str:
    """A department as the statement groups it: one line, full-width letters folded (``ＩＤＣ运维部``
    and ``IDC运维部`` are one department), spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", sanitize_text(text)).split())


@dataclass(frozen=True)
class CourierDraft:
    """What the desk writes in the book for one item."""

    sender: str
    department: str
    addressee: str
    destination: str
    company_id: int
    tracking_number: str
    cost_fen: int
    note: str = ""


@dataclass(frozen=True)
class CourierCompanyView:
    company_id: int
    code: str
    name: str
    name_en: str
    active: bool

    def label(self, lang: str) -> str:
        """``顺丰速运`` in Chinese, ``SF Express`` in English (the code when it has no English name)."""
        return self.name if lang != "en" else (self.name_en or self.code)


@dataclass(frozen=True)
class CourierItemView:
    """An item as the desk's list and its detail show it."""

    item_id: int
    number: str
    status: CourierItemStatus
    logged_at: datetime
    logged_by_name: str
    sender: str
    department: str
    addressee: str
    destination: str
    company_id: int
    company_code: str
    company_name: str
    tracking_number: str
    cost_fen: int
    note: str = ""
    batch_id: int | None = None
    batch_number: str = ""
    handed_at: datetime | None = None
    courier_name: str = ""  # who signed for the batch
    voided_at: datetime | None = None
    voided_by_name: str = ""
    void_reason: str = ""


@dataclass(frozen=True)
class CourierBatchView:
    """A batch handed to the courier: who signed for it, when, and its items."""

    batch_id: int
    number: str
    company_code: str
    company_name: str
    courier_name: str
    handed_at: datetime
    handed_by_name: str
    items: tuple[CourierItemView, ...]

    @property
    def cost_fen(self) -> int:
        return sum(item.cost_fen for item in self.items if item.status is not CourierItemStatus.VOIDED)


@dataclass(frozen=True)
class DepartmentTotal:
    """One department's line of a statement: how many items it sent and what they cost."""

    department: str
    count: int
    cost_fen: int


@dataclass(frozen=True)
class CourierStatement:
    """快递费用月结对账单: one courier company's month, per department, as printed and exported.
    ``voided``: items handed over in the month and voided since (not charged, counted apart)."""

    site_name: str
    month: str  # YYYY-MM
    company_code: str
    company_name: str
    company_name_en: str
    departments: tuple[DepartmentTotal, ...]
    printed_at: datetime  # in the site's zone, as printed
    clerk: str
    voided: int = 0
    first_day: str = ""  # the period, site-local dates (YYYY-MM-DD)
    last_day: str = ""

    @property
    def count(self) -> int:
        return sum(line.count for line in self.departments)

    @property
    def cost_fen(self) -> int:
        return sum(line.cost_fen for line in self.departments)


@dataclass(frozen=True)
class CourierMonth:
    """A month's statements, one per company with items handed over in it (the desk's view)."""

    month: str
    statements: tuple[CourierStatement, ...] = field(default_factory=tuple)


# The words of the statement (printed, and the workbook's headings), in both languages.
STATEMENT_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "快递月结对账单",
        "company": "快递公司",
        "month": "结算月份",
        "period": "统计期间",
        "department": "部门",
        "count": "件数",
        "cost": "费用（元）",
        "total": "合计",
        "voided": "已作废（不计费）",
        "none": "本月无寄件",
        "clerk": "制表人",
        "desk_sign": "前台签字",
        "courier_sign": "快递公司签字",
        "printed": "打印时间",
        "items": "寄件明细",
        "number": "登记号",
        "handed": "交寄时间",
        "batch": "交寄批次",
        "courier": "签收快递员",
        "tracking": "运单号",
        "sender": "寄件人",
        "addressee": "收件人",
        "destination": "寄往",
        "status": "状态",
        "logged": "已登记",
        "handed_over": "已交寄",
        "voided_state": "已作废",
        "void_reason": "作废原因",
        "summary": "汇总",
    },
    "en": {
        "title": "COURIER STATEMENT",
        "company": "Courier",
        "month": "Month",
        "period": "Period",
        "department": "Department",
        "count": "Items",
        "cost": "Cost (yuan)",
        "total": "Total",
        "voided": "Voided (not charged)",
        "none": "Nothing sent this month",
        "clerk": "Prepared by",
        "desk_sign": "Front desk",
        "courier_sign": "Courier company",
        "printed": "Printed",
        "items": "Items",
        "number": "No.",
        "handed": "Handed over",
        "batch": "Batch",
        "courier": "Collected by",
        "tracking": "Tracking number",
        "sender": "Sender",
        "addressee": "Addressee",
        "destination": "To",
        "status": "State",
        "logged": "Logged",
        "handed_over": "Handed over",
        "voided_state": "Voided",
        "void_reason": "Void reason",
        "summary": "Summary",
    },
}


def statement_words(lang: str) -> dict[str, str]:
    """The statement's words in ``lang``; Chinese when it is not one we print."""
    return STATEMENT_WORDS.get(lang, STATEMENT_WORDS["zh_CN"])
