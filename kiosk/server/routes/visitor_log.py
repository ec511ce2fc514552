"""The visitor log (来人来访记录表): search, a day's statistics, and exports for supervisors.

An export is written on the server (one read snapshot, no write lock) and streamed to the desk as
the response body; the desk saves it where its user chose. Who may export is the server's
decision from the signed-in member's role; a refused attempt is on record like the export itself.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from kiosk.api.permissions import is_allowed
from kiosk.api.schemas import LogExport, LogQuery, LogSearch
from kiosk.domain.views import DailyStats, LogPage
from kiosk.domain.visitor_log import LogFilter, parse_filter
from kiosk.server.auth import Context, Who, action_route
from kiosk.server.startup import export_folder

router = APIRouter(prefix="/api/v1", tags=["visitor log"])
Format = Literal["csv", "xlsx"]
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ROWS_HEADER = "X-Export-Rows"


def _filter(query: LogQuery) -> LogFilter:
    return parse_filter(
        query.first_day,
        query.last_day,
        name=query.name,
        company=query.company,
        host=query.host,
        last_four=query.last_four,
        visitor_type=query.visitor_type,
    )


@router.post("/visitor-log/search", response_model=LogPage, **action_route("visitor_log.search"))
def search(body: LogSearch, context: Context) -> LogPage:
    # POST: the filters (names, ID digits) stay out of URLs and access logs.
    return context.core.visitor_log.search(_filter(body), after=body.after)


@router.get("/visitor-log/stats/{day}", response_model=DailyStats, **action_route("visitor_log.stats"))
def daily_stats(day: date, context: Context) -> DailyStats:
    return context.core.visitor_log.daily_stats(day)


def _record_refusal(fmt: Format, context: Context, caller: Who) -> None:
    """Runs before the permission check: a member whose role may not export is on record as
    having tried (the permission check then refuses)."""
    staff = caller.staff
    if staff is not None and not is_allowed("visitor_log.export", caller.station.role, staff.who.role):
        context.core.visitor_log.record_refused_export(caller.actor, staff.who.role, fmt, {})


_export = action_route("visitor_log.export")


@router.post(
    "/visitor-log/export/{fmt}",
    response_class=FileResponse,
    responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}, "description": "The file"}},
    dependencies=[Depends(_record_refusal), *_export["dependencies"]],
    openapi_extra=_export["openapi_extra"],
)
def export(fmt: Format, body: LogExport, context: Context, caller: Who) -> FileResponse:
    assert caller.staff is not None  # the permission check let only a signed-in member through
    # In the data folder, not /tmp: what a crash leaves there is removed at the next start.
    folder = Path(tempfile.mkdtemp(prefix="kiosk-export-", dir=export_folder(context.core.export_dir)))
    name = f"visitor-log-{body.first_day:%Y%m%d}-{body.last_day:%Y%m%d}.{fmt}"
    try:
        result = context.core.visitor_log.export(
            _filter(body),
            fmt,
            folder / name,
            caller.actor,
            caller.staff.who.role,
            body.headers,
            body.labels,
            body.purposes,
            body.sheet_name,
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        result.path,
        media_type=MEDIA_TYPES[fmt],
        filename=name,
        headers={ROWS_HEADER: str(result.rows)},
        # The file is the server's only until the desk has it.
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )
