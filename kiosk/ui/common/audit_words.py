"""The audit trail in words: who acted (a person's name and role, not ``staff:admin``) and what an
event's details say (``Reason: own application``, not ``reason=own_application``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.domain.cards import CardStatus, CardVerdict
from kiosk.domain.staff import Role
from kiosk.domain.views import StaffListing, StaffName
from kiosk.ui.common.table_model import RowT, RowTableModel
from kiosk.ui.common.widgets import role_name


def actor_name(label: str, staff: Mapping[str, StaffListing | StaffName]) -> str:
    """Who did it, as the desk says it: ``王芳 (Receptionist)``, ``kiosk lobby-1``, ``desk console``."""
    kind, _sep, ident = label.partition(":")
    if kind == "staff":
        member = staff.get(ident)
        if member is None:
            return QCoreApplication.translate("AuditWords", "staff number %1").replace("%1", ident)
        return (
            QCoreApplication.translate("AuditWords", "%1 (%2)")
            .replace("%1", member.name)
            .replace("%2", role_name(member.role))
        )
    names = {
        "kiosk": QCoreApplication.translate("AuditWords", "kiosk %1"),
        "desk": QCoreApplication.translate("AuditWords", "desk console %1"),
        "cli": QCoreApplication.translate("AuditWords", "command line (%1)"),
        "unknown": QCoreApplication.translate("AuditWords", "unknown staff number %1"),
    }
    if kind == "host":
        return QCoreApplication.translate("AuditWords", "the host (e-mail link)")
    return names[kind].replace("%1", ident) if kind in names else label


class ActorTableModel(RowTableModel[RowT]):
    """A list with a "who" column: staff are named as the accounts read when the rows came."""

    def __init__(self, headers: tuple[str, ...]) -> None:
        super().__init__(headers)
        self._staff: dict[str, StaffListing | StaffName] = {}

    def set_named_rows(self, rows: list[RowT], staff: Iterable[StaffName]) -> None:
        """The rows, with the members they name as the server sent them alongside (a station
        reads no staff accounts itself)."""
        self._staff = {member.username: member for member in staff}
        super().set_rows(rows)

    def actor(self, label: str) -> str:
        return actor_name(label, self._staff)


def _value_words() -> dict[str, dict[str, str]]:
    """How a detail's stored value reads, by the detail's key (made at each call: the desk's
    language may have changed since the last)."""
    return {
        "reason": {
            "own_application": QCoreApplication.translate(
                "AuditWords", "they filed it themselves; another supervisor must decide"
            ),
            "role": QCoreApplication.translate("AuditWords", "their role may not do this"),
            "notice": QCoreApplication.translate("AuditWords", "revocation notice from sales"),
            "lost": QCoreApplication.translate("AuditWords", "card lost"),
            "expired": QCoreApplication.translate("AuditWords", "validity ended"),
            "not_yet_valid": QCoreApplication.translate("AuditWords", "not valid yet"),
            "site": QCoreApplication.translate("AuditWords", "another site's card"),
            "signature": QCoreApplication.translate(
                "AuditWords", "signature does not match (altered or copied)"
            ),
            "uid": QCoreApplication.translate("AuditWords", "copied onto another card"),
        },
        "kind": {
            "idc_identity": QCoreApplication.translate("AuditWords", "IDC card"),
            "visitor": QCoreApplication.translate("AuditWords", "visitor card"),
            "machine_room": QCoreApplication.translate("AuditWords", "machine-room pass"),
        },
        "verdict": {
            CardVerdict.BLANK.value: QCoreApplication.translate("AuditWords", "blank"),
            CardVerdict.VALID.value: QCoreApplication.translate("AuditWords", "valid"),
            CardVerdict.REVOKED.value: QCoreApplication.translate("AuditWords", "blocked"),
            CardVerdict.EXPIRED.value: QCoreApplication.translate("AuditWords", "expired"),
            CardVerdict.NOT_YET_VALID.value: QCoreApplication.translate("AuditWords", "not valid yet"),
            CardVerdict.RETURNED.value: QCoreApplication.translate("AuditWords", "returned"),
            CardVerdict.NOT_ISSUED.value: QCoreApplication.translate("AuditWords", "never issued"),
            CardVerdict.INVALID.value: QCoreApplication.translate("AuditWords", "not genuine"),
            CardVerdict.FOREIGN.value: QCoreApplication.translate("AuditWords", "another system's card"),
        },
        "previous": {
            CardStatus.ISSUING.value: QCoreApplication.translate("AuditWords", "being written"),
            CardStatus.ISSUED.value: QCoreApplication.translate("AuditWords", "in use"),
            CardStatus.RETURNED.value: QCoreApplication.translate("AuditWords", "returned"),
            CardStatus.REVOKED.value: QCoreApplication.translate("AuditWords", "blocked"),
            CardStatus.EXPIRED.value: QCoreApplication.translate("AuditWords", "expired"),
            CardStatus.VOID.value: QCoreApplication.translate("AuditWords", "void"),
        },
        "sink": {
            "webhook": QCoreApplication.translate("AuditWords", "webhook"),
            "csv": QCoreApplication.translate("AuditWords", "CSV folder"),
            "email": QCoreApplication.translate("AuditWords", "e-mail to 系统部"),
        },
        "event": {
            "issued": QCoreApplication.translate("AuditWords", "card issued"),
            "revoked": QCoreApplication.translate("AuditWords", "card revoked"),
        },
    }


def _role(value: object) -> str:
    try:
        return role_name(Role(str(value)))
    except ValueError:
        return str(value)


def _as_is(value: object) -> str:
    return str(value)


def detail_text(detail: Mapping[str, object], zone: ZoneInfo) -> str:
    """An audit event's details as ``Label: value`` pairs in the desk's language. Keys only a
    programmer reads (chip UIDs, row ids) are left out; the stored event keeps them."""

    def moment(value: object) -> str:
        try:
            return datetime.fromisoformat(str(value)).astimezone(zone).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return str(value)

    values = _value_words()

    def worded(key: str) -> Callable[[object], str]:
        table = values[key]
        return lambda value: table.get(str(value), str(value))

    # key -> (label, how its value reads); the order is the order shown.
    known: dict[str, tuple[str, Callable[[object], str]]] = {
        "reason": (QCoreApplication.translate("AuditWords", "Reason"), worded("reason")),
        "note": (QCoreApplication.translate("AuditWords", "Note"), _as_is),
        "form_number": (QCoreApplication.translate("AuditWords", "Form No."), _as_is),
        "company": (QCoreApplication.translate("AuditWords", "Customer"), _as_is),
        "holder": (QCoreApplication.translate("AuditWords", "Holder"), _as_is),
        "id_last_four": (QCoreApplication.translate("AuditWords", "ID ends in"), _as_is),
        "card": (QCoreApplication.translate("AuditWords", "Card No."), _as_is),
        "kind": (QCoreApplication.translate("AuditWords", "Card type"), worded("kind")),
        "valid_until": (QCoreApplication.translate("AuditWords", "Valid until"), moment),
        "previous": (QCoreApplication.translate("AuditWords", "Was"), worded("previous")),
        "verdict": (QCoreApplication.translate("AuditWords", "Card check"), worded("verdict")),
        "role": (QCoreApplication.translate("AuditWords", "Role"), _role),
        "sink": (QCoreApplication.translate("AuditWords", "Sent to"), worded("sink")),
        "event": (QCoreApplication.translate("AuditWords", "Event"), worded("event")),
        "attempt": (QCoreApplication.translate("AuditWords", "Attempt"), _as_is),
        "error": (QCoreApplication.translate("AuditWords", "Error"), _as_is),
    }
    parts = [
        QCoreApplication.translate("AuditWords", "%1: %2")
        .replace("%1", label)
        .replace("%2", words(detail[key]))
        for key, (label, words) in known.items()
        if detail.get(key) not in ("", None)
    ]
    return QCoreApplication.translate("AuditWords", ", ").join(parts)
