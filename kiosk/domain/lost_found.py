"""Lost and found (失物招领 / 拾获遗留物品), seed 002 ("拾获客人遗留物品必须及时报告上级处理") and
DOMAIN.md §7: what was found, where, when, by whom and where it is kept; the owner's claim
against their ID (its type and last four characters only) and a signature; what the desk does with
an item nobody claimed once the site's keep period is over, approved by a supervisor.

Decided:
- A meeting guest's item left behind is logged the same way, with the meeting and the room it
  was left in (``LostItemSource.MEETING``).
- Cash, valuables and documents are kept in the management office's safe (管理处保险柜; the
  desk's form suggests it), cash with its amount counted in fen. Unclaimed, they can only be
  handed to the police (公安机关): under the Civil Code (民法典 第三百一十八条) an unclaimed lost
  item belongs to the state, and an ID card goes back through the police. Other items may also be
  returned to whoever found them, donated or destroyed.
- An item is disposed of only once its keep period is over (``[lost_found] keep_days`` from when
  it was found), by the member signed in with a supervisor's PIN: always two people.
- A photo is not kept (the issue leaves it for later).

The tag's QR carries ``LKF:SW000001``, the item's number only, unsigned: it grants nothing. A
scan brings the item up at the desk.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from kiosk.domain.codes import prefixed_code, read_prefixed_code
from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import ID_TYPES
from kiosk.domain.release_slip import check_signature
from kiosk.domain.text import optional_text, required_text
from kiosk.domain.visitor_log import parse_last_four

NUMBER_PREFIX = "SW"  # 失物
TAG_PREFIX = "LKF"
_NUMBER = re.compile(r"^SW[0-9]{6,12}$", re.ASCII)
WHAT_MAX = 200
WHERE_MAX = 120
FINDER_MAX = 60
KEPT_AT_MAX = 80
MEETING_MAX = 80
ROOM_MAX = 40
NAME_MAX = 60
PHONE_MAX = 30
NOTE_MAX = 200
# The most cash one item may hold: a desk counts it, and a mistyped extra zero is caught.
CASH_MAX_FEN = 100_000_000  # 1,000,000 yuan
# Where the form suggests keeping cash, valuables and documents.
OFFICE_SAFE = "管理处保险柜"
# The export's columns, in English: the desk sends their words in its language
# (the export's ``words``).
EXPORT_HEADERS = (
    "Number",
    "Source",
    "Category",
    "What",
    "Found where",
    "Found at",
    "Found by",
    "Kept at",
    "Meeting",
    "Room",
    "Cash (yuan)",
    "State",
    "Logged by",
    "Claimed by",
    "ID type",
    "ID last four",
    "Claimed at",
    "Handed over by",
    "Disposal",
    "Disposed at",
    "Approved by",
    "Note",
)


class LostItemCategory(enum.Enum):
    CASH = "cash"  # 现金
    VALUABLES = "valuables"  # 贵重物品 (jewellery, watches)
    DOCUMENTS = "documents"  # 证件 (ID cards, passports, bank cards)
    ELECTRONICS = "electronics"  # 电子产品
    KEYS_CARDS = "keys_cards"  # 钥匙、门卡
    BAGS = "bags"  # 包袋
    CLOTHING = "clothing"  # 衣物
    OTHER = "other"


# Kept in the office safe; unclaimed, handed to the police only.
SECURE = frozenset({LostItemCategory.CASH, LostItemCategory.VALUABLES, LostItemCategory.DOCUMENTS})


class LostItemSource(enum.Enum):
    FOUND = "found"  # 拾获: found in the building
    MEETING = "meeting"  # 会议客人遗留: left behind after a meeting


class LostItemStatus(enum.Enum):
    HELD = "held"  # 保管中, waiting for its owner
    CLAIMED = "claimed"  # 已认领
    DISPOSED = "disposed"  # 已处理 after the keep period, a supervisor approving
    VOIDED = "voided"  # logged in error (with the reason); never deleted


class DisposalMethod(enum.Enum):
    RETURNED_TO_FINDER = "returned_to_finder"  # 交还拾获人
    HANDED_TO_POLICE = "handed_to_police"  # 移交公安机关
    DONATED = "donated"  # 捐赠
    DESTROYED = "destroyed"  # 销毁


def disposal_methods(category: LostItemCategory) -> tuple[DisposalMethod, ...]:
    """What the desk may do with an unclaimed item of ``category`` (see the module's docstring)."""
    if category in SECURE:
        return (DisposalMethod.HANDED_TO_POLICE,)
    return tuple(DisposalMethod)


def check_disposal(category: LostItemCategory, method: DisposalMethod) -> None:
    if method not in disposal_methods(category):
        raise ValidationError("method", "police_only")


@dataclass(frozen=True)
class LostFoundSettings:
    """The site's [lost_found] section: how many days after it was found an unclaimed item is
    listed for disposal. 90 by default: a season, long enough for a visitor from out of town to
    come back or send someone; the lobby's shelf and the office safe are small."""

    keep_days: int = 90


def keep_until(found_at: datetime, keep_days: int) -> datetime:
    """When an item found at ``found_at`` may be disposed of if nobody claimed it."""
    return found_at + timedelta(days=keep_days)


def lost_item_number(value: int) -> str:
    return f"{NUMBER_PREFIX}{value:06d}"


def tag_code(number: str) -> str:
    """What the tag's QR carries."""
    return prefixed_code(number, TAG_PREFIX, _NUMBER)


def read_lost_item_code(text: str) -> str | None:
    """The item number in a scanned tag (``LKF:SW000001``) or a typed number (``sw000001``,
    full-width from a Chinese input method, spaces anywhere); None for anything else (a work
    order's or a badge's code scanned at the same desk)."""
    return read_prefixed_code(text, TAG_PREFIX, _NUMBER)


@dataclass(frozen=True)
class FoundItemDraft:
    """What the desk records when an item is handed in."""

    what: str
    category: LostItemCategory
    found_where: str
    found_at: datetime
    finder: str
    kept_at: str
    source: LostItemSource = LostItemSource.FOUND
    meeting: str = ""  # MEETING: which meeting (会议名称 or the host unit)
    room: str = ""  # MEETING: the meeting room
    cash_fen: int | None = None  # CASH: the amount counted

    def checked(self, now: datetime) -> FoundItemDraft:
        """The draft as it will be kept, or the first ValidationError: what, where, by whom and
        where kept required; not found in the future; a meeting's item names its meeting or
        room; cash has its amount, other items none."""
        what = required_text(self.what, "what", WHAT_MAX)
        where = required_text(self.found_where, "found_where", WHERE_MAX)
        finder = required_text(self.finder, "finder", FINDER_MAX)
        kept_at = required_text(self.kept_at, "kept_at", KEPT_AT_MAX)
        meeting = optional_text(self.meeting, "meeting", MEETING_MAX)
        room = optional_text(self.room, "room", ROOM_MAX)
        if self.found_at.tzinfo is None:
            raise ValidationError("found_at", "format")
        if self.found_at > now + timedelta(minutes=5):  # a desk clock a little ahead is fine
            raise ValidationError("found_at", "future")
        if self.source is LostItemSource.MEETING and not (meeting or room):
            raise ValidationError("meeting", "required")
        if self.source is LostItemSource.FOUND:
            meeting = room = ""
        cash: int | None = None
        if self.category is LostItemCategory.CASH:
            if self.cash_fen is None:
                raise ValidationError("cash", "required")
            if not 1 <= self.cash_fen <= CASH_MAX_FEN:
                raise ValidationError("cash", "out_of_range", max=CASH_MAX_FEN // 100)
            cash = self.cash_fen
        return FoundItemDraft(
            what,
            self.category,
            where,
            self.found_at.astimezone(UTC),
            finder,
            kept_at,
            self.source,
            meeting,
            room,
            cash,
        )


@dataclass(frozen=True)
class ClaimDraft:
    """The owner at the desk: their name, a phone (optional), the ID they showed (its type and the
    last four characters the clerk read off it) and their signature: the name typed again and
    the confirmation ticked."""

    claimant_name: str
    id_type: str
    id_last_four: str
    signed_name: str
    signature_confirmed: bool
    phone: str = ""

    def checked(self) -> ClaimDraft:
        name = required_text(self.claimant_name, "claimant_name", NAME_MAX)
        if self.id_type not in ID_TYPES:
            raise ValidationError("id_type", "unknown")
        # Full-width digits from a Chinese input method read as the digits they are.
        last_four = parse_last_four(unicodedata.normalize("NFKC", self.id_last_four))
        if not last_four:
            raise ValidationError("last_four", "required")
        phone = optional_text(self.phone, "phone", PHONE_MAX)
        signed = check_signature(name, self.signed_name, self.signature_confirmed)
        return ClaimDraft(name, self.id_type, last_four, signed, True, phone)


@dataclass(frozen=True)
class LostItemTag:
    """The tag stuck on the item (or its bag): its number, QR, what and when found, where kept.
    No finder's or owner's name: the tag sits on a shelf anyone at the desk can see."""

    site_name: str
    number: str
    code: str  # what the QR carries (tag_code)
    category: LostItemCategory
    what: str
    found_where: str
    found_at: datetime  # in the site's zone, as printed
    kept_at: str
    keep_until: datetime  # in the site's zone
    source: LostItemSource = LostItemSource.FOUND
    room: str = ""


# --- what the desk and the server exchange -------------------------------------------------------


@dataclass(frozen=True)
class LostItemRow:
    """An item in the desk's list: what, where and when found, where kept, its state. No
    claimant's details (the list is searched at the counter)."""

    item_id: int
    number: str
    source: LostItemSource
    category: LostItemCategory
    what: str
    found_where: str
    found_at: datetime
    kept_at: str
    status: LostItemStatus
    keep_until: datetime
    room: str = ""


@dataclass(frozen=True)
class LostItemView:
    """An item with everything the desk shows on its detail: how it was found and logged, and
    how it ended (claimed by whom against which ID, or disposed of how and approved by whom)."""

    item_id: int
    number: str
    source: LostItemSource
    category: LostItemCategory
    what: str
    found_where: str
    found_at: datetime
    finder: str
    kept_at: str
    meeting: str
    room: str
    cash_fen: int | None
    status: LostItemStatus
    logged_at: datetime
    logged_by_name: str
    keep_until: datetime
    claimant_name: str = ""
    claimant_phone: str = ""
    claimant_id_type: str = ""
    claimant_id_last_four: str = ""
    claimant_signed_name: str = ""
    claimed_at: datetime | None = None
    handed_over_by_name: str = ""
    disposal_method: DisposalMethod | None = None
    disposal_note: str = ""
    disposed_at: datetime | None = None
    disposed_by_name: str = ""
    approved_by_name: str = ""
    void_reason: str = ""
    voided_at: datetime | None = None
    voided_by_name: str = ""
