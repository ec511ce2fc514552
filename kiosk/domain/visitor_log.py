"""The visitor log's search filters, how exported cells are made safe for spreadsheets, and how a
visit's registration and the desk's calls read in the log (the table, the detail, the export)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import TYPE_CHECKING

from kiosk.domain.calls import CallView
from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text
from kiosk.domain.visit import VisitorType

if TYPE_CHECKING:
    # kiosk.domain.views imports this module's parse_last_four (through key_loans).
    from kiosk.domain.views import LogRow

# A search covers at most this many days: name and company are substrings, scanned within the
# date range, so the range keeps a search of a large log quick.
MAX_RANGE_DAYS = 366
FILTER_MAX_CHARS = 60

_LAST_FOUR = re.compile(r"^[0-9A-Z]{4}$")
# OWASP's list for CSV injection: a spreadsheet treats a cell starting with these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def parse_last_four(raw: str) -> str:
    """The last four characters of an ID number as typed (``002x`` -> ``002X``); empty allowed.

    Codes: ``length`` (not four characters), ``characters`` (not letters or digits).
    """
    text = re.sub(r"[\s\u3000]", "", raw).upper()
    if not text:
        return ""
    if len(text) != 4:
        raise ValidationError("last_four", "length", length=len(text), expected=4)
    if not _LAST_FOUR.match(text):
        raise ValidationError("last_four", "characters")
    return text


def _text_filter(field: str, raw: str) -> str:
    text = sanitize_text(raw)
    if len(text) > FILTER_MAX_CHARS:
        raise ValidationError(field, "too_long", max=FILTER_MAX_CHARS)
    return text


@dataclass(frozen=True)
class LogFilter:
    """What the desk searches the visitor log by; blank fields do not filter.

    Dates are the site's calendar days, both included; the visit's day is the day it was
    requested at the kiosk or the desk (every visit has one, declined ones too).
    """

    first_day: date
    last_day: date
    name: str = ""
    company: str = ""
    host: str = ""
    last_four: str = ""
    visitor_type: VisitorType | None = None

    def describe(self) -> dict[str, str]:
        """The filters as the audit trail records them: the dates, and which texts were searched
        by, not the texts (a visitor's name or last four would outlive the visit's purge)."""
        described = {"first_day": self.first_day.isoformat(), "last_day": self.last_day.isoformat()}
        used = [key for key in ("name", "company", "host", "last_four") if getattr(self, key)]
        if used:
            described["searched_by"] = ",".join(used)
        if self.visitor_type is not None:
            described["visitor_type"] = self.visitor_type.value
        return described


def parse_filter(
    first_day: date,
    last_day: date,
    name: str = "",
    company: str = "",
    host: str = "",
    last_four: str = "",
    visitor_type: VisitorType | None = None,
) -> LogFilter:
    """Check what the desk typed and return the cleaned filter, or raise ValidationError.

    Codes: ``date_range``/``reversed`` (last day before the first), ``date_range``/``too_long``
    (more than MAX_RANGE_DAYS), the text fields' ``too_long`` and :func:`parse_last_four`'s.
    """
    if last_day < first_day:
        raise ValidationError("date_range", "reversed")
    if (last_day - first_day).days + 1 > MAX_RANGE_DAYS:
        raise ValidationError("date_range", "too_long", max=MAX_RANGE_DAYS)
    return LogFilter(
        first_day,
        last_day,
        _text_filter("name", name),
        _text_filter("company", company),
        _text_filter("host", host),
        parse_last_four(last_four),
        visitor_type,
    )


def safe_cell(text: str) -> str:
    """A text cell a spreadsheet will show, never run: ``=HYPERLINK(..)`` -> ``'=HYPERLINK(..)``."""
    return "'" + text if text.startswith(_FORMULA_START) else text


# The words a call line and the "registered by" cell take from the desk's language, by these keys
# (the export's labels carry them; "call." keeps them apart from the visit states' "declined").
CALL_WORD_KEYS = ("call.intercom", "call.phone", "call.agreed", "call.declined", "call.no_answer")
KIOSK_WORD_KEY = "registered.kiosk"


def call_line(call: CallView, zone: tzinfo, words: Mapping[str, str], with_note: bool = False) -> str:
    """One call as the log says it: ``13:05 对讲 2-104 同意 (李娜)``, ``13:07 电话 13800138000 陈晓明
    不同意 (李娜)`` (time, how, the number, whom when it is not the number itself, the answer, the
    clerk who called); ``with_note`` adds what the clerk wrote after a dash."""
    local = call.called_at.astimezone(zone)
    parts = [
        f"{local.hour:02d}:{local.minute:02d}",  # not strftime: a 100,000-row export formats each
        words.get(f"call.{call.channel.value}", call.channel.value),
        call.number,
        call.callee_name if call.callee_name != call.number else "",
        words.get(f"call.{call.answer.value}", call.answer.value),
    ]
    if with_note and call.note:
        parts += ["—", call.note]
    return " ".join(part for part in parts if part) + f" ({call.called_by})"


def calls_text(
    calls: Iterable[CallView], zone: tzinfo, words: Mapping[str, str], with_note: bool = False
) -> str:
    """Every call of a visit in one cell, oldest first."""
    return "; ".join(call_line(call, zone, words, with_note) for call in calls)


def registered_by(row: LogRow, words: Mapping[str, str]) -> str:
    """Who registered the visitor: the clerk of a desk walk-in, else the kiosk they used
    (``自助机 lobby-1``)."""
    if row.registered_by:
        return row.registered_by
    return f"{words.get(KIOSK_WORD_KEY, 'Kiosk')} {row.station}".strip()
