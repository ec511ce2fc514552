"""The visitor log at the server: search, statistics, exports streamed to a file of the desk's."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.api.schemas import LogExport, LogSearch
from kiosk.client.http import SiteClient
from kiosk.domain.views import DailyStats, LogCursor, LogPage
from kiosk.domain.visitor_log import LogFilter

# Sent with the export's answer: how many visits the file holds.
ROWS_HEADER = "x-export-rows"


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int


def _query(log_filter: LogFilter) -> dict[str, object]:
    return {
        "first_day": log_filter.first_day,
        "last_day": log_filter.last_day,
        "name": log_filter.name,
        "company": log_filter.company,
        "host": log_filter.host,
        "last_four": log_filter.last_four,
        "visitor_type": log_filter.visitor_type,
    }


class VisitorLog:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def search(self, log_filter: LogFilter, after: LogCursor | None = None) -> LogPage:
        body = LogSearch.model_validate({**_query(log_filter), "after": after})
        return self._c.post("/visitor-log/search", LogPage, body)

    def daily_stats(self, day: date) -> DailyStats:
        return self._c.get(f"/visitor-log/stats/{day.isoformat()}", DailyStats)

    def export(
        self,
        log_filter: LogFilter,
        fmt: str,
        path: Path,
        headers: Sequence[str],
        labels: Mapping[str, str],
        purposes: Mapping[str, str],
        sheet_name: str,
        report: Callable[[int, int | None], None],
    ) -> Exported:
        """The server writes the file; it is saved at ``path`` complete or not at all (written
        beside it, then renamed). ``report`` hears the bytes received and the total."""
        body = LogExport.model_validate(
            {
                **_query(log_filter),
                "headers": list(headers),
                "labels": dict(labels),
                "purposes": dict(purposes),
                "sheet_name": sheet_name[:31],
            }
        )
        answer = self._c.download_file(f"/visitor-log/export/{fmt}", body, path, report)
        return Exported(path, int(answer.get(ROWS_HEADER, "0")))
