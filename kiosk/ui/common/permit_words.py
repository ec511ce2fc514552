"""The management office's permits in the user's words: each kind, each way up, each outcome of
a check. Shared by the desk, the guard screen and (with item 4's visitor kinds) the kiosk."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from kiosk.domain.permit_views import PermitView
from kiosk.domain.permits import PermitKind, PermitOutcome, PermitRoute
from kiosk.ui.common.widgets import id_type_names


def kind_name(kind: PermitKind) -> str:
    return {
        PermitKind.MATERIAL: QCoreApplication.translate("permit_words", "Material permit"),
        PermitKind.DECORATION: QCoreApplication.translate("permit_words", "Decoration worker permit"),
        PermitKind.NEWSPAPER: QCoreApplication.translate("permit_words", "Newspaper delivery permit"),
        PermitKind.MILK: QCoreApplication.translate("permit_words", "Milk delivery permit"),
    }[kind]


def route_name(route: PermitRoute) -> str:
    return {
        PermitRoute.GOODS_LIFT: QCoreApplication.translate("permit_words", "Goods lift"),
        PermitRoute.STAIRS: QCoreApplication.translate("permit_words", "Stairs"),
    }[route]


def outcome_name(outcome: PermitOutcome) -> str:
    return {
        PermitOutcome.VALID: QCoreApplication.translate("permit_words", "Valid"),
        PermitOutcome.NOT_YET_VALID: QCoreApplication.translate("permit_words", "Not yet valid"),
        PermitOutcome.EXPIRED: QCoreApplication.translate("permit_words", "Expired"),
        PermitOutcome.CANCELLED: QCoreApplication.translate("permit_words", "Cancelled"),
        PermitOutcome.UNKNOWN: QCoreApplication.translate("permit_words", "Unknown"),
    }[outcome]


def days_text(valid_from: date, valid_until: date) -> str:
    if valid_from == valid_until:
        return valid_from.isoformat()
    return (
        QCoreApplication.translate("permit_words", "%1 to %2")
        .replace("%1", valid_from.isoformat())
        .replace("%2", valid_until.isoformat())
    )


def materials_text(permit: PermitView) -> str:
    return "; ".join(f"{m.name} × {m.quantity}" for m in permit.materials)


def export_words() -> dict[str, str]:
    """The register's workbook in the user's language (English -> theirs; see
    kiosk.services.permits.EXPORT_HEADERS)."""
    words = {
        "Permits": QCoreApplication.translate("permit_words", "Permits"),
        "Permit": QCoreApplication.translate("permit_words", "Permit"),
        "Kind": QCoreApplication.translate("permit_words", "Kind"),
        "Status": QCoreApplication.translate("permit_words", "Status"),
        "Unit": QCoreApplication.translate("permit_words", "Unit"),
        "Holder": QCoreApplication.translate("permit_words", "Holder"),
        "ID": QCoreApplication.translate("permit_words", "ID"),
        "Company": QCoreApplication.translate("permit_words", "Company"),
        "Materials": QCoreApplication.translate("permit_words", "Materials"),
        "Route": QCoreApplication.translate("permit_words", "Goes up by"),
        "Valid from": QCoreApplication.translate("permit_words", "Valid from"),
        "Valid until": QCoreApplication.translate("permit_words", "Valid until"),
        "Issued": QCoreApplication.translate("permit_words", "Issued"),
        "Issued by": QCoreApplication.translate("permit_words", "Issued by"),
        "Cancelled": QCoreApplication.translate("permit_words", "Cancelled at"),
        "Cancel reason": QCoreApplication.translate("permit_words", "Cancel reason"),
        "Let in": QCoreApplication.translate("permit_words", "Times let in"),
    }
    words.update({kind.value: kind_name(kind) for kind in PermitKind})
    words.update({route.value: route_name(route) for route in PermitRoute})
    words.update({outcome.value: outcome_name(outcome) for outcome in PermitOutcome})
    words.update(id_type_names())
    return words
