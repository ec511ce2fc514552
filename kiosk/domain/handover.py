"""Shift handover (交接班记录表) and duty log (值班记录表) rules: what is counted, what is signed."""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable
from datetime import datetime


class HandoverItemKind(enum.Enum):
    """Things counted face to face at the handover. Cash is counted in fen."""

    CASH = "cash"  # 现金
    VISITOR_CARDS = "visitor_cards"  # 访客卡
    MACHINE_ROOM_PASSES = "machine_room_passes"  # 机房访客证
    DECORATION_PASSES = "decoration_passes"  # 装修出入证
    KEYS = "keys"  # 钥匙


WORK_MAX_CHARS = 2000
NOTES_MAX_CHARS = 2000
ISSUE_MAX_CHARS = 300
DUTY_TEXT_MAX_CHARS = 500
PLACE_MAX_CHARS = 80
PEOPLE_MAX_CHARS = 120


def handover_digest(
    outgoing: str,
    work_done: str,
    notes: str,
    items: Iterable[tuple[HandoverItemKind, str, int]],
    issues: Iterable[str],
    signed_at: datetime,
) -> str:
    """SHA-256 of what the outgoing clerk signed. The incoming clerk's signature stores the digest
    of the record as they saw it, so a record changed between the two signatures shows."""
    canonical = json.dumps(
        {
            "outgoing": outgoing,
            "work_done": work_done,
            "notes": notes,
            "items": sorted([kind.value, label, count] for kind, label, count in items),
            "issues": sorted(issues),
            "signed_at": signed_at.isoformat(),
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def countersign_digest(
    outgoing_digest: str,
    incoming: str,
    counted: Iterable[tuple[HandoverItemKind, str, int]],
    discrepancy_note: str,
    signed_at: datetime,
) -> str:
    """SHA-256 of what the incoming clerk signed: the outgoing record (by its digest) and their
    own counts."""
    canonical = json.dumps(
        {
            "outgoing_digest": outgoing_digest,
            "incoming": incoming,
            "counted": sorted([kind.value, label, count] for kind, label, count in counted),
            "discrepancy_note": discrepancy_note,
            "signed_at": signed_at.isoformat(),
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# How a count mismatch reads in the open issue it raises (staff of both languages read the board).
ITEM_NAMES = {
    HandoverItemKind.CASH: "现金 Cash",
    HandoverItemKind.VISITOR_CARDS: "访客卡 Visitor cards",
    HandoverItemKind.MACHINE_ROOM_PASSES: "机房访客证 Machine-room passes",
    HandoverItemKind.DECORATION_PASSES: "装修出入证 Decoration passes",
    HandoverItemKind.KEYS: "钥匙 Keys",
}
