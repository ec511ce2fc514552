"""The management office's permits, as typed calls to the site server: the desk's register, the
check the desk and the guard screen share, and the public kiosk's check."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from kiosk.api.permits import PermitCode, PermitEntryRecord, PermitExport, PermitIssue, PermitReason
from kiosk.client.http import SiteClient
from kiosk.domain.permit_views import IssuedPermit, PermitCheck, PermitValidity, PermitView
from kiosk.domain.permits import EntryDecision
from kiosk.domain.views import PrintOutcome


class Permits:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    # --- the office ------------------------------------------------------------------------------

    def listing(self, which: str = "current", search: str = "") -> list[PermitView]:
        return self._c.get_list("/permits", PermitView, {"which": which, "q": search.strip()[:80]})

    def permit(self, permit_id: int) -> PermitView:
        return self._c.get(f"/permits/{permit_id}", PermitView)

    def issue(self, request: PermitIssue, key: str | None = None) -> IssuedPermit:
        """Stored once however often it is sent (the answer lost, the server away a moment)."""
        return self._c.post("/permits", IssuedPermit, request, submit=True, key=key)

    def print_again(self, permit_id: int) -> PrintOutcome:
        return self._c.post(f"/permits/{permit_id}/print-again", PrintOutcome)

    def cancel(self, permit_id: int, reason: str, key: str | None = None) -> PermitView:
        body = PermitReason(reason=reason[:500])
        return self._c.post(f"/permits/{permit_id}/cancel", PermitView, body, submit=True, key=key)

    def export(
        self,
        path: Path,
        words: Mapping[str, str],
        report: Callable[[int, int | None], None],
        which: str = "all",
        search: str = "",
    ) -> Path:
        """The register's workbook saved at ``path`` (complete or not at all), in ``words``."""
        body = PermitExport(which=which, search=search.strip()[:80], words=dict(words))
        self._c.download_file("/permits/export", body, path, report)
        return path

    # --- the desk and the guard screen -----------------------------------------------------------

    def check(self, code: str) -> PermitCheck:
        """What a scanned QR or a typed number is today; a refusal is an outcome, not an error
        (``PermitCheck.refusal`` words it)."""
        return self._c.post("/permits/check", PermitCheck, PermitCode(code=code[:200]))

    def record_entry(
        self, permit_id: int, decision: EntryDecision, note: str = "", key: str | None = None
    ) -> PermitView:
        body = PermitEntryRecord(decision=decision, note=note[:500])
        return self._c.post(f"/permits/{permit_id}/entries", PermitView, body, submit=True, key=key)

    # --- the public kiosk ------------------------------------------------------------------------

    def check_at_kiosk(self, code: str) -> PermitValidity:
        """A permit a visitor shows at the kiosk (for item 4's permit holders: the kiosk's own
        screen for them comes with the visitor kinds). A good one's number, kind and days; any
        other raises ValidationError ``permit.<outcome>`` with its dates, which
        kiosk.ui.common.messages words in the visitor's language."""
        return self._c.post("/permits/kiosk-check", PermitValidity, PermitCode(code=code[:200]))
