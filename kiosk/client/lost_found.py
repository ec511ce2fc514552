"""Lost and found (失物招领) at the desk, as typed calls to the site server."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.api.lost_found import (
    LostItemClaim,
    LostItemCode,
    LostItemDispose,
    LostItemExport,
    LostItemLog,
    LostItemTagPrint,
    LostItemVoid,
    Which,
)
from kiosk.client.http import SiteClient
from kiosk.domain.lost_found import DisposalMethod, LostItemRow, LostItemView
from kiosk.domain.views import PrintOutcome


class LostFound:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def listing(
        self,
        which: Which = "held",
        search: str = "",
        first_day: date | None = None,
        last_day: date | None = None,
    ) -> list[LostItemRow]:
        params: dict[str, Any] = {"which": which, "q": search.strip()[:80]}
        if first_day is not None:
            params["first_day"] = first_day.isoformat()
        if last_day is not None:
            params["last_day"] = last_day.isoformat()
        return self._c.get_list("/lost-found", LostItemRow, params)

    def item(self, item_id: int) -> LostItemView:
        return self._c.get(f"/lost-found/{item_id}", LostItemView)

    def find(self, code: str) -> LostItemView:
        """The item a scanned tag (or a typed number) names."""
        return self._c.post("/lost-found/find", LostItemView, LostItemCode(code=code[:200]))

    def log(self, item: LostItemLog, key: str | None = None) -> LostItemView:
        """Stored once however often it is sent (the answer lost, the server away a moment)."""
        return self._c.post("/lost-found", LostItemView, item, submit=True, key=key)

    def claim(self, item_id: int, claim: LostItemClaim, key: str | None = None) -> LostItemView:
        return self._c.post(f"/lost-found/{item_id}/claim", LostItemView, claim, submit=True, key=key)

    def dispose(
        self,
        item_id: int,
        method: DisposalMethod,
        note: str,
        supervisor: str,
        secret: str,
        key: str | None = None,
    ) -> LostItemView:
        body = LostItemDispose(method=method, note=note[:500], supervisor=supervisor[:80], secret=secret[:80])
        return self._c.post(f"/lost-found/{item_id}/dispose", LostItemView, body, submit=True, key=key)

    def void(self, item_id: int, reason: str, key: str | None = None) -> LostItemView:
        body = LostItemVoid(reason=reason[:500])
        return self._c.post(f"/lost-found/{item_id}/void", LostItemView, body, submit=True, key=key)

    def print_tag(self, item_id: int, language: str) -> PrintOutcome:
        return self._c.post(f"/lost-found/{item_id}/tag", PrintOutcome, LostItemTagPrint(language=language))

    def export(
        self,
        search: LostItemExport,
        path: Path,
        words: Mapping[str, str],
        report: Callable[[int, int | None], None],
    ) -> Path:
        """The search's items as a workbook saved at ``path`` (complete or not at all), in ``words``."""
        body = search.model_copy(update={"words": dict(words)})
        self._c.download_file("/lost-found/export", body, path, report)
        return path
