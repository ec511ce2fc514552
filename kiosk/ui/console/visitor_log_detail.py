"""The visitor log's words for who registered a visit and the desk's calls about it, and the
chosen visit's detail under the table (来人来访记录表: 登记人, the calls made before letting the
visitor in). The table, the detail and the export word them alike (kiosk.domain.visitor_log)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication

from kiosk.domain.calls import CallAnswer, CallChannel
from kiosk.domain.views import LogRow
from kiosk.domain.visitor_log import KIOSK_WORD_KEY, call_line, registered_by
from kiosk.ui.console.call_dialog import answer_name, channel_name


def call_words() -> dict[str, str]:
    """The words of a call line and of a kiosk as the registrar, in the desk's language, by the
    keys kiosk.domain.visitor_log reads (the export's labels carry them to the server)."""
    return {
        **{f"call.{channel.value}": channel_name(channel) for channel in CallChannel},
        **{f"call.{answer.value}": answer_name(answer) for answer in CallAnswer},
        KIOSK_WORD_KEY: QCoreApplication.translate("VisitorLogDetail", "Kiosk"),
    }


def detail_text(row: LogRow, words: Mapping[str, str], purposes: Mapping[str, str], zone: tzinfo) -> str:
    """The chosen visit in a few lines: who and whom, who registered them, each call with what
    the clerk wrote. ``words``: the page's labels (with :func:`call_words`); ``purposes``: the
    kiosk's purpose buttons in the desk's language."""
    visitor = " · ".join(
        part for part in (row.visitor_name, row.company, words[row.visitor_type.value]) if part
    )
    visiting = (
        QCoreApplication.translate("VisitorLogDetail", "Visiting %1 (%2)")
        .replace("%1", row.host_name)
        .replace("%2", row.host_department)
    )
    if row.resident_name:
        visiting += QCoreApplication.translate("VisitorLogDetail", ", resident %1").replace(
            "%1", row.resident_name
        )
    lines = [
        visitor,
        visiting,
        QCoreApplication.translate("VisitorLogDetail", "Registered by %1 · purpose %2 · badge %3")
        .replace("%1", registered_by(row, words))
        .replace("%2", purposes.get(row.purpose, row.purpose) or "—")
        .replace("%3", row.badge_number or "—"),
    ]
    if row.calls:
        lines.append(QCoreApplication.translate("VisitorLogDetail", "Calls:"))
        lines += [f"  {call_line(call, zone, words, with_note=True)}" for call in row.calls]
    else:
        lines.append(QCoreApplication.translate("VisitorLogDetail", "No call recorded."))
    return "\n".join(lines)
