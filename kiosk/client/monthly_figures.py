"""The manager's monthly figures from the site server: a month's counts, and their workbook."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from kiosk.api.monthly_figures import FiguresExport
from kiosk.client.http import SiteClient
from kiosk.domain.monthly_figures import Month, MonthlyFigures


class MonthlyFiguresClient:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def figures(self, month: Month) -> MonthlyFigures:
        return self._c.get(f"/monthly-figures/{month}", MonthlyFigures)

    def export(
        self, month: Month, path: Path, words: Mapping[str, str], report: Callable[[int, int | None], None]
    ) -> Path:
        """The month's workbook saved at ``path`` (complete or not at all), in ``words``."""
        body = FiguresExport(words=dict(words))
        self._c.download_file(f"/monthly-figures/{month}/export", body, path, report)
        return path
