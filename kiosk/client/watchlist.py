"""The watchlist at the server: the station never hashes an ID number (it holds no key)."""

from __future__ import annotations

from datetime import datetime

from kiosk.api.schemas import WatchlistAdd, WatchlistListing, WatchlistRef
from kiosk.client.http import SiteClient


class Watchlist:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def entries(self) -> WatchlistListing:
        return self._c.get("/watchlist", WatchlistListing)

    def add(
        self,
        name: str,
        reason: str,
        *,
        company: str = "",
        id_type: str = "",
        id_number: str = "",
        until: datetime | None = None,
    ) -> int:
        body = WatchlistAdd(
            name=name[:80], reason=reason[:500], company=company[:80], id_type=id_type[:40],
            id_number=id_number[:40], until=until,
        )  # fmt: skip
        return self._c.post("/watchlist", WatchlistRef, body, submit=True).entry_id

    def remove(self, entry_id: int) -> None:
        self._c.act(f"/watchlist/{entry_id}/remove")
