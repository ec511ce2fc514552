"""Newspapers and magazines (报刊) at the desk, as typed calls to the site server."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from kiosk.api.newspapers import (
    BundleCount,
    BundleLate,
    NewspapersExport,
    ShortfallContact,
    ShortfallResolve,
    SubscriptionStop,
    SubscriptionTake,
)
from kiosk.client.http import SiteClient
from kiosk.domain.monthly_figures import Month
from kiosk.domain.newspapers import (
    ContactMethod,
    DeliveryDay,
    ShortfallRow,
    ShortfallView,
    SubscriptionRow,
)


class Newspapers:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def subscriptions(self, search: str = "", which: str = "current") -> list[SubscriptionRow]:
        params = {"which": which, "q": search.strip()[:80]}
        return self._c.get_list("/newspapers/subscriptions", SubscriptionRow, params)

    def subscribe(self, order: SubscriptionTake, key: str | None = None) -> SubscriptionRow:
        """Stored once however often it is sent (the answer lost, the server away a moment)."""
        return self._c.post("/newspapers/subscriptions", SubscriptionRow, order, submit=True, key=key)

    def stop(self, subscription_id: int, reason: str, last_day: date | None = None) -> SubscriptionRow:
        body = SubscriptionStop(reason=reason[:500], last_day=last_day)
        return self._c.post(f"/newspapers/subscriptions/{subscription_id}/stop", SubscriptionRow, body)

    def day(self, day: date) -> DeliveryDay:
        return self._c.get(f"/newspapers/days/{day.isoformat()}", DeliveryDay)

    def count(
        self,
        day: date,
        title: str,
        received: int,
        arrived_late: bool = False,
        note: str = "",
        key: str | None = None,
    ) -> DeliveryDay:
        body = BundleCount(title=title[:80], received=received, arrived_late=arrived_late, note=note[:500])
        return self._c.post(
            f"/newspapers/days/{day.isoformat()}/count", DeliveryDay, body, submit=True, key=key
        )

    def report_late(self, day: date, title: str, key: str | None = None) -> ShortfallView:
        body = BundleLate(title=title[:80])
        return self._c.post(
            f"/newspapers/days/{day.isoformat()}/late", ShortfallView, body, submit=True, key=key
        )

    def shortfalls(self, which: str = "open", search: str = "") -> list[ShortfallRow]:
        params = {"which": which, "q": search.strip()[:80]}
        return self._c.get_list("/newspapers/shortfalls", ShortfallRow, params)

    def shortfall(self, shortfall_id: int) -> ShortfallView:
        return self._c.get(f"/newspapers/shortfalls/{shortfall_id}", ShortfallView)

    def record_contact(
        self, shortfall_id: int, contact_name: str, method: ContactMethod, note: str, key: str | None = None
    ) -> ShortfallView:
        body = ShortfallContact(contact_name=contact_name[:80], method=method, note=note[:500])
        path = f"/newspapers/shortfalls/{shortfall_id}/contact"
        return self._c.post(path, ShortfallView, body, submit=True, key=key)

    def resolve(
        self, shortfall_id: int, resolution: str, copies_made_good: int = 0, key: str | None = None
    ) -> ShortfallView:
        body = ShortfallResolve(resolution=resolution[:500], copies_made_good=copies_made_good)
        path = f"/newspapers/shortfalls/{shortfall_id}/resolve"
        return self._c.post(path, ShortfallView, body, submit=True, key=key)

    def export(
        self, month: Month, path: Path, words: Mapping[str, str], report: Callable[[int, int | None], None]
    ) -> Path:
        """The month's workbook saved at ``path`` (complete or not at all), in ``words``."""
        body = NewspapersExport(words=dict(words))
        self._c.download_file(f"/newspapers/months/{month}/export", body, path, report)
        return path
