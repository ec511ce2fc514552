"""The manager's monthly figures (统计分析): a month's counts for the desk's charts, and the same
as an XLSX workbook (a sheet a figure), written on the server and streamed to the desk."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from kiosk.api.monthly_figures import FiguresExport
from kiosk.domain.monthly_figures import MonthlyFigures, parse_month
from kiosk.server.auth import Context, action_route
from kiosk.server.exports import export_file
from kiosk.server.routes.visitor_log import MEDIA_TYPES

router = APIRouter(prefix="/api/v1", tags=["monthly figures"])


@router.get("/monthly-figures/{month}", response_model=MonthlyFigures, **action_route("figures.monthly"))
def monthly_figures(month: str, context: Context) -> MonthlyFigures:
    """``month`` as ``YYYY-MM``: its days and hours on the site's clock."""
    return context.core.monthly_figures.figures(parse_month(month[:20]))


@router.post(
    "/monthly-figures/{month}/export",
    response_class=FileResponse,
    responses={200: {"content": {MEDIA_TYPES["xlsx"]: {}}, "description": "The workbook"}},
    **action_route("figures.export"),
)
def export(month: str, body: FiguresExport, context: Context) -> FileResponse:
    chosen = parse_month(month[:20])
    return export_file(
        context,
        f"monthly-figures-{chosen}.xlsx",
        lambda path: context.core.monthly_figures.export(chosen, path, body.words),
    )
