"""The CSV files sites hand over (staff directory, owner/tenant records, fee ledger): their
columns and one validator per row kind. Pure functions; the import engine reads the files.

A validator takes a row as ``{field: text}`` (the engine has mapped Chinese or English headers to
fields) and returns the clean record, or raises :class:`RowError` with a stable code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kiosk.domain.documents import PartyKind
from kiosk.domain.errors import ValidationError
from kiosk.domain.notify import NotifyAddressError, NotifyChannel, parse_channel, validate_address
from kiosk.domain.text import sanitize_text
from kiosk.domain.visitor import validate_mobile

NAME_MAX = 60
DEPARTMENT_MAX = 60
UNIT_MAX = 20
EMAIL_MAX = 120
PHONE_MAX = 30
MAX_FEN = 10**10  # 一亿元: no monthly fee comes near it; anything above is a typo


class RowError(ValueError):
    """One row cannot be imported: ``code`` (stable), ``column`` (the field) and ``params``."""

    def __init__(self, column: str, code: str, **params: object) -> None:
        self.column = column
        self.code = code
        self.params = params
        super().__init__(row_error_text(column, code, params))


@dataclass(frozen=True)
class Column:
    """A column of an import file: the field, the header names accepted, whether it is required."""

    field: str
    names: tuple[str, ...]
    required: bool


DIRECTORY_COLUMNS = (
    Column("name", ("name", "姓名"), True),
    Column("department", ("department", "部门"), True),
    Column("extension", ("extension", "分机"), False),
    Column("mobile", ("mobile", "手机"), False),
    Column("email", ("email", "邮箱"), False),
    # How the host is asked about a visitor, and their own address for it (kiosk.domain.notify).
    Column("notify_channel", ("notify_channel", "通知方式"), False),
    Column("notify_address", ("notify_address", "通知地址"), False),
)
RESIDENT_COLUMNS = (
    Column("unit", ("unit", "房号"), True),
    Column("name", ("name", "姓名"), True),
    Column("kind", ("kind", "身份"), True),
    Column("phone", ("phone", "电话"), True),
)
FEE_COLUMNS = (
    Column("unit", ("unit", "房号"), True),
    Column("payer", ("payer", "缴费人"), True),
    Column("month", ("month", "月份"), True),
    Column("due", ("due", "应收"), True),
    Column("paid", ("paid", "实收"), True),
)


@dataclass(frozen=True)
class DirectoryRow:
    name: str
    department: str
    extension: str | None
    mobile: str | None
    email: str | None
    notify_channel: NotifyChannel | None = None
    notify_address: str | None = None


@dataclass(frozen=True)
class ResidentRow:
    unit: str
    name: str
    kind: PartyKind
    phone: str


@dataclass(frozen=True)
class FeeRow:
    unit: str
    payer: PartyKind
    month: str
    due_fen: int
    paid_fen: int


_KINDS = {
    "业主": PartyKind.OWNER,
    "owner": PartyKind.OWNER,
    "租户": PartyKind.TENANT,
    "tenant": PartyKind.TENANT,
}
_UNIT = re.compile(r"^[0-9A-Z]{1,6}(-[0-9A-Z]{1,6}){1,2}$")
_DASHES = str.maketrans({"－": "-", "—": "-", "–": "-", "‐": "-"})
_EXTENSION = re.compile(r"^\d{1,10}$", re.ASCII)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = re.compile(r"^\+?[\d\s()\-]+$", re.ASCII)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$", re.ASCII)


def _required(row: Mapping[str, str], field: str, max_chars: int) -> str:
    value = sanitize_text(row.get(field, ""))
    if not value:
        raise RowError(field, "required")
    if len(value) > max_chars:
        raise RowError(field, "too_long", max=max_chars)
    return value


def _optional(row: Mapping[str, str], field: str) -> str:
    return sanitize_text(row.get(field, ""))


def normalise_unit(raw: str) -> str:
    """``2-104``, ``２－１０４`` or ``a-3-1`` -> ``2-104`` / ``A-3-1``; RowError("unit", "format")."""
    text = sanitize_text(raw)
    if not text:
        raise RowError("unit", "required")
    # Full-width digits and letters (Excel with a Chinese input method) fold to ASCII.
    unit = "".join(chr(ord(c) - 0xFEE0) if "！" <= c <= "～" else c for c in text)
    unit = unit.translate(_DASHES).replace(" ", "").upper()
    if len(unit) > UNIT_MAX or not _UNIT.match(unit):
        raise RowError("unit", "format", value=text)
    return unit


def parse_kind(raw: str, field: str = "kind") -> PartyKind:
    text = sanitize_text(raw)
    kind = _KINDS.get(text.lower())
    if kind is None:
        raise RowError(field, "unknown_kind", value=text)
    return kind


def normalise_phone(raw: str) -> str:
    """A phone number people can dial: digits with the usual separators, 7 to 15 digits."""
    text = sanitize_text(raw)
    if not text:
        raise RowError("phone", "required")
    if len(text) > PHONE_MAX or not _PHONE_CHARS.match(text):
        raise RowError("phone", "format", value=text)
    digits = sum(c.isdigit() for c in text)
    if not 7 <= digits <= 15:
        raise RowError("phone", "format", value=text)
    return re.sub(r"\s+", "", text)


def parse_fen(raw: str, field: str) -> int:
    """Yuan with at most two decimals, zero allowed (``0.00`` paid) -> fen."""
    text = sanitize_text(raw).replace(",", "").lstrip("¥￥")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise RowError(field, "not_an_amount", value=text) from None
    # Too large refused before the multiplication: 1e999999 yuan overflowed Decimal's context.
    if not value.is_finite() or value < 0 or value > MAX_FEN:
        raise RowError(field, "not_an_amount", value=text)
    fen = value * 100
    if fen != fen.to_integral_value() or fen > MAX_FEN:
        raise RowError(field, "not_an_amount", value=text)
    return int(fen)


def validate_directory_row(row: Mapping[str, str]) -> DirectoryRow:
    name = _required(row, "name", NAME_MAX)
    department = _required(row, "department", DEPARTMENT_MAX)
    extension = _optional(row, "extension")
    if extension and not _EXTENSION.match(extension):
        raise RowError("extension", "digits", value=extension)
    mobile = _optional(row, "mobile")
    if mobile:
        try:
            mobile = validate_mobile(mobile)
        except ValidationError:
            raise RowError("mobile", "format", value=mobile) from None
        if len(mobile) != 11 or not mobile.isdigit():
            raise RowError("mobile", "format", value=mobile)
    email = _optional(row, "email").lower()
    if email and (len(email) > EMAIL_MAX or not _EMAIL.match(email)):
        raise RowError("email", "format", value=email)
    try:
        channel = parse_channel(row.get("notify_channel", ""))
        address = validate_address(channel, row.get("notify_address", ""))
    except NotifyAddressError as error:
        raise RowError(error.field, error.code, value=error.value) from None
    return DirectoryRow(name, department, extension or None, mobile or None, email or None, channel, address)


def validate_resident_row(row: Mapping[str, str]) -> ResidentRow:
    unit = normalise_unit(row.get("unit", ""))
    name = _required(row, "name", NAME_MAX)
    kind = parse_kind(row.get("kind", ""))
    phone = normalise_phone(row.get("phone", ""))
    return ResidentRow(unit, name, kind, phone)


def validate_fee_row(row: Mapping[str, str]) -> FeeRow:
    unit = normalise_unit(row.get("unit", ""))
    payer = parse_kind(row.get("payer", ""), "payer")
    month_text = sanitize_text(row.get("month", ""))
    match = _MONTH.match(month_text.replace("/", "-"))
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1990:
        raise RowError("month", "format", value=month_text)
    month = f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
    return FeeRow(
        unit, payer, month, parse_fen(row.get("due", ""), "due"), parse_fen(row.get("paid", ""), "paid")
    )


_ROW_TEXTS = {
    "required": "{column} is empty",
    "too_long": "{column} is longer than {max} characters",
    "format": "{column} “{value}” is not in the expected form",
    "digits": "{column} “{value}” must be digits only",
    "unknown_kind": "{column} “{value}” is neither 业主/owner nor 租户/tenant",
    "unknown_channel": "{column} “{value}” is none of 邮件/email, 企业微信/wecom, 钉钉/dingtalk, 短信/sms",
    "not_an_amount": "{column} “{value}” is not an amount in yuan with at most two decimals",
    "unknown_unit": "unit {value} is not in the resident records",
    "duplicate": "the same {column} as line {line}",
}


def row_error_text(column: str, code: str, params: Mapping[str, object]) -> str:
    """The reason a row is bad, in English, as the command line prints it."""
    template = _ROW_TEXTS.get(code, "{column}: " + code)
    text = template.replace("{column}", column)
    for name, value in params.items():
        text = text.replace("{" + name + "}", str(value))
    return text
