"""Outgoing courier (快递寄发) at the desk, as typed calls to the site server."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.api.courier import (
    CourierCompanyActive,
    CourierCompanyAdd,
    CourierExport,
    CourierHandOver,
    CourierItemDraft,
    CourierStatementPrint,
    CourierVoid,
)
from kiosk.client.http import SiteClient
from kiosk.domain.courier import CourierBatchView, CourierCompanyView, CourierItemView, CourierMonth
from kiosk.domain.monthly_figures import Month
from kiosk.domain.views import PrintOutcome


class Courier:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def companies(self, retired: bool = False) -> list[CourierCompanyView]:
        return self._c.get_list("/courier/companies", CourierCompanyView, {"retired": retired})

    def add_company(self, code: str, name: str, name_en: str = "") -> CourierCompanyView:
        body = CourierCompanyAdd(code=code[:80], name=name[:80], name_en=name_en[:80])
        return self._c.post("/courier/companies", CourierCompanyView, body)

    def set_company_active(self, company_id: int, active: bool) -> CourierCompanyView:
        body = CourierCompanyActive(active=active)
        return self._c.post(f"/courier/companies/{company_id}/active", CourierCompanyView, body)

    def listing(
        self, which: str = "waiting", search: str = "", day: date | None = None, company_id: int | None = None
    ) -> list[CourierItemView]:
        params: dict[str, Any] = {"which": which, "q": search.strip()[:80]}
        if day is not None:
            params["day"] = day.isoformat()
        if company_id is not None:
            params["company_id"] = company_id
        return self._c.get_list("/courier/items", CourierItemView, params)

    def departments(self) -> list[str]:
        return self._c.get_list("/courier/departments", str)

    def item(self, item_id: int) -> CourierItemView:
        return self._c.get(f"/courier/items/{item_id}", CourierItemView)

    def log(self, draft: CourierItemDraft, key: str | None = None) -> CourierItemView:
        """Stored once however often it is sent (the answer lost, the server away a moment)."""
        return self._c.post("/courier/items", CourierItemView, draft, submit=True, key=key)

    def edit(self, item_id: int, draft: CourierItemDraft, key: str | None = None) -> CourierItemView:
        return self._c.post(f"/courier/items/{item_id}/edit", CourierItemView, draft, submit=True, key=key)

    def void(self, item_id: int, reason: str, key: str | None = None) -> CourierItemView:
        body = CourierVoid(reason=reason[:500])
        return self._c.post(f"/courier/items/{item_id}/void", CourierItemView, body, submit=True, key=key)

    def hand_over(
        self, item_ids: Sequence[int], courier_name: str, confirmed: bool, key: str | None = None
    ) -> CourierBatchView:
        body = CourierHandOver(item_ids=list(item_ids), courier_name=courier_name[:80], confirmed=confirmed)
        return self._c.post("/courier/batches", CourierBatchView, body, submit=True, key=key)

    def batch(self, batch_id: int) -> CourierBatchView:
        return self._c.get(f"/courier/batches/{batch_id}", CourierBatchView)

    def month(self, month: Month) -> CourierMonth:
        return self._c.get(f"/courier/statements/{month}", CourierMonth)

    def print_statement(self, month: Month, company_id: int, language: str) -> PrintOutcome:
        body = CourierStatementPrint(company_id=company_id, language=language)
        return self._c.post(f"/courier/statements/{month}/print", PrintOutcome, body)

    def export(
        self, month: Month, path: Path, language: str, report: Callable[[int, int | None], None]
    ) -> Path:
        """The month's workbook saved at ``path`` (complete or not at all)."""
        self._c.download_file(
            f"/courier/statements/{month}/export", CourierExport(language=language), path, report
        )
        return path
