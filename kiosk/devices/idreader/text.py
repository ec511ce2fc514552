"""The 256-byte text block of a resident ID card (GA/T 490), as UCS-2 little-endian characters.

========  =====  ===============================================================
chars     bytes  field
========  =====  ===============================================================
0-14      30     name (padded with spaces)
15        2      sex code, GB/T 2261.1: 1 male, 2 female, 0 unknown, 9 unstated
16-17     4      nation code, GB 3304: 01 汉 ... 56 基诺, 97 其他, 98 外国血统中国籍人士
18-25     16     date of birth, YYYYMMDD
26-60     70     address
61-78     36     ID number (GB 11643)
79-93     30     issuing authority
94-101    16     valid from, YYYYMMDD
102-109   16     valid until, YYYYMMDD, or 长期 (no end) padded with spaces
110-127   36     reserved; char 124 marks the card type
========  =====  ===============================================================

The card type mark is a space (or NUL) on a resident ID card and ``J`` on the residence permit of
Hong Kong, Macao and Taiwan residents, which shares this layout and the GB 11643 number (regions
81/82/83). ``I`` (and ``Y`` on the 2023 issue) is the foreign permanent-residence card, whose
layout differs (English name first): it is refused with :class:`UnsupportedIdCardError` and the
visitor types the document instead.

:func:`parse_id_text` raises :class:`IdTextError` and nothing else; no error message carries the
ID number. :func:`encode_id_text` is the inverse, for the emulator and tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import mask_id_number, parse_resident_id

TEXT_SIZE = 256
_CHARS = TEXT_SIZE // 2
LONG_TERM = "长期"  # a validity without an end date (holders aged 46 and over)

# (first char, length) of each field, in characters.
NAME = (0, 15)
SEX = (15, 1)
NATION = (16, 2)
BIRTH = (18, 8)
ADDRESS = (26, 35)
ID_NUMBER = (61, 18)
AUTHORITY = (79, 15)
VALID_FROM = (94, 8)
VALID_UNTIL = (102, 8)
CARD_TYPE = (124, 1)

RESIDENT_ID = "resident_id"
RESIDENCE_PERMIT = "residence_permit"  # 港澳台居民居住证
_CARD_TYPES = {" ": RESIDENT_ID, "\0": RESIDENT_ID, "J": RESIDENCE_PERMIT}
_FOREIGN_MARKS = frozenset("IY")
_CARD_TYPE_MARK = {RESIDENT_ID: " ", RESIDENCE_PERMIT: "J"}

SEXES = {"1": "male", "2": "female", "0": "unknown", "9": "unstated"}
_SEX_CODE = {v: k for k, v in SEXES.items()}
SEX_NAMES_ZH = {"male": "男", "female": "女", "unknown": "未知", "unstated": "未说明"}

# GB 3304-91 (民族代码) as the cards use it.
NATIONS = {
    "01": "汉", "02": "蒙古", "03": "回", "04": "藏", "05": "维吾尔", "06": "苗", "07": "彝",
    "08": "壮", "09": "布依", "10": "朝鲜", "11": "满", "12": "侗", "13": "瑶", "14": "白",
    "15": "土家", "16": "哈尼", "17": "哈萨克", "18": "傣", "19": "黎", "20": "傈僳", "21": "佤",
    "22": "畲", "23": "高山", "24": "拉祜", "25": "水", "26": "东乡", "27": "纳西", "28": "景颇",
    "29": "柯尔克孜", "30": "土", "31": "达斡尔", "32": "仫佬", "33": "羌", "34": "布朗",
    "35": "撒拉", "36": "毛南", "37": "仡佬", "38": "锡伯", "39": "阿昌", "40": "普米",
    "41": "塔吉克", "42": "怒", "43": "乌孜别克", "44": "俄罗斯", "45": "鄂温克", "46": "德昂",
    "47": "保安", "48": "裕固", "49": "京", "50": "塔塔尔", "51": "独龙", "52": "鄂伦春",
    "53": "赫哲", "54": "门巴", "55": "珞巴", "56": "基诺", "97": "其他", "98": "外国血统中国籍人士",
}  # fmt: skip
NATION_CODES = {name: code for code, name in NATIONS.items()}


class IdTextError(ValueError):
    """The text block is not a resident ID card's. ``code`` says which part, for the UI."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


class UnsupportedIdCardError(IdTextError):
    """A card of the family the reader reads, but not one the kiosk takes (foreign residence card)."""


@dataclass(frozen=True, repr=False)
class IdCardRecord:
    """What a resident ID card says, parsed and checked. ``photo`` is the raw 1024-byte WLT image
    (decoding it needs the Ministry's licensed library; the kiosk does not show it).

    The full ``id_number`` stays in memory: repr and str show it masked, and nothing here logs.
    """

    name: str
    sex: str  # male, female, unknown, unstated
    nation_code: str
    birth_date: date
    address: str
    id_number: str
    authority: str
    valid_from: date
    valid_until: date | None  # None: 长期, no end
    card_type: str = RESIDENT_ID
    photo: bytes = b""

    @property
    def nation(self) -> str:
        """The nation's Chinese name (汉, 维吾尔...), or the code when the table lacks it."""
        return NATIONS.get(self.nation_code, self.nation_code)

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def id_type(self) -> str:
        """The document type of :mod:`kiosk.domain.identity` the number validates as."""
        return "resident_id"  # the residence permit's number is a GB 11643 number too

    def __repr__(self) -> str:
        return f"IdCardRecord({self.card_type}, {self.masked_id_number}, photo {len(self.photo)} bytes)"

    __str__ = __repr__


def _field(chars: str, spec: tuple[int, int]) -> str:
    start, length = spec
    return chars[start : start + length].rstrip(" \0")


def _yyyymmdd(text: str, code: str, what: str) -> date:
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise IdTextError(code, f"the {what} is not a date YYYYMMDD")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise IdTextError(code, f"the {what} is not a real date") from None


def parse_id_text(block: bytes, photo: bytes = b"") -> IdCardRecord:
    """Parse and check the card's text block. Raises IdTextError (never with the ID number)."""
    if len(block) != TEXT_SIZE:
        raise IdTextError("length", f"the text block has {len(block)} bytes, not {TEXT_SIZE}")
    try:
        chars = block.decode("utf-16-le")
    except UnicodeDecodeError:
        raise IdTextError("encoding", "the text block is not UCS-2 text") from None
    if len(chars) != _CHARS:  # surrogate pairs: not UCS-2
        raise IdTextError("encoding", "the text block is not UCS-2 text")
    mark = chars[CARD_TYPE[0]]
    if mark in _FOREIGN_MARKS:
        raise UnsupportedIdCardError("foreign_card", "a foreign permanent-residence card")
    card_type = _CARD_TYPES.get(mark)
    if card_type is None:
        raise IdTextError("card_type", f"unknown card type mark {mark!r}")
    name = _field(chars, NAME)
    if not name or not name.isprintable():
        raise IdTextError("name", "the name is empty or holds control characters")
    sex = SEXES.get(_field(chars, SEX))
    if sex is None:
        raise IdTextError("sex", "unknown sex code")
    nation_code = _field(chars, NATION)
    if card_type == RESIDENT_ID and nation_code not in NATIONS:
        raise IdTextError("nation", "unknown nation code")
    birth = _yyyymmdd(_field(chars, BIRTH), "birth_date", "date of birth")
    address = _field(chars, ADDRESS)
    authority = _field(chars, AUTHORITY)
    if not (address.isprintable() and authority.isprintable()):
        raise IdTextError("text", "the address or the authority holds control characters")
    try:
        resident = parse_resident_id(_field(chars, ID_NUMBER))
    except ValidationError as exc:
        raise IdTextError("id_number", f"the ID number is not valid ({exc.code})") from None
    if resident.birth_date != birth:
        raise IdTextError("birth_date", "the date of birth differs from the one in the ID number")
    valid_from = _yyyymmdd(_field(chars, VALID_FROM), "validity", "start of validity")
    until_text = _field(chars, VALID_UNTIL)
    valid_until = None if until_text == LONG_TERM else _yyyymmdd(until_text, "validity", "end of validity")
    if valid_until is not None and valid_until < valid_from:
        raise IdTextError("validity", "the validity ends before it starts")
    return IdCardRecord(
        name=name,
        sex=sex,
        nation_code=nation_code,
        birth_date=birth,
        address=address,
        id_number=resident.number,
        authority=authority,
        valid_from=valid_from,
        valid_until=valid_until,
        card_type=card_type,
        photo=bytes(photo),
    )


def _put(chars: list[str], spec: tuple[int, int], value: str, what: str) -> None:
    start, length = spec
    if len(value) > length:
        raise ValueError(f"the {what} has {len(value)} characters; the card holds {length}")
    chars[start : start + length] = list(value.ljust(length))


def _date_text(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def encode_id_text(record: IdCardRecord) -> bytes:
    """The 256-byte text block a card holding ``record`` carries (for the emulator and tests).

    Raises ValueError if a field is too long for the card or not UCS-2.
    """
    chars = [" "] * _CHARS
    _put(chars, NAME, record.name, "name")
    _put(chars, SEX, _SEX_CODE[record.sex], "sex")
    _put(chars, NATION, record.nation_code, "nation code")
    _put(chars, BIRTH, _date_text(record.birth_date), "date of birth")
    _put(chars, ADDRESS, record.address, "address")
    _put(chars, ID_NUMBER, record.id_number, "ID number")
    _put(chars, AUTHORITY, record.authority, "issuing authority")
    _put(chars, VALID_FROM, _date_text(record.valid_from), "start of validity")
    until = LONG_TERM if record.valid_until is None else _date_text(record.valid_until)
    _put(chars, VALID_UNTIL, until, "end of validity")
    _put(chars, CARD_TYPE, _CARD_TYPE_MARK[record.card_type], "card type")
    text = "".join(chars)
    if any(ord(c) > 0xFFFF for c in text):
        raise ValueError("the card's text holds characters outside UCS-2")
    return text.encode("utf-16-le")
