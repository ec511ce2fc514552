"""Key loans (钥匙借用) at the desk, as typed calls to the site server."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from kiosk.api.key_loans import (
    KeyReason,
    KeySetBody,
    KeySetChange,
    KeysExport,
    LendRequest,
    ReturnRequest,
    WriteOffRequest,
)
from kiosk.client.http import SiteClient
from kiosk.domain.key_loans import Borrower, KeyLoanView, KeySetView, KeysOverview, SetDraft


def _set_body(draft: SetDraft) -> dict[str, object]:
    return {
        "label": draft.label[:80],
        "opens": draft.opens[:500],
        "key_count": draft.key_count,
        "kept_at": draft.kept_at[:80],
        "kind": draft.kind,
    }


class KeyLoans:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def overview(self, search: str = "") -> KeysOverview:
        """The register, the open loans, the keys that should be at the desk, the default due."""
        return self._c.get("/keys", KeysOverview, {"q": search.strip()[:80]})

    def loans(self, which: str = "open", search: str = "") -> list[KeyLoanView]:
        return self._c.get_list("/keys/loans", KeyLoanView, {"which": which, "q": search.strip()[:80]})

    def sets(self, search: str = "", retired: bool = False) -> list[KeySetView]:
        params = {"q": search.strip()[:80], "retired": retired}
        return self._c.get_list("/keys/sets", KeySetView, params)

    def loan(self, loan_id: int) -> KeyLoanView:
        return self._c.get(f"/keys/loans/{loan_id}", KeyLoanView)

    def lend(
        self,
        set_id: int,
        borrower: Borrower,
        keys: int | None = None,
        due_at: datetime | None = None,
        note: str = "",
        key: str | None = None,
    ) -> KeyLoanView:
        """Stored once however often it is sent (the answer lost, the server away a moment)."""
        body = LendRequest(
            set_id=set_id,
            borrower=borrower.name[:80],
            company=borrower.company[:80],
            phone=borrower.phone[:80],
            id_type=borrower.id_type[:80],
            id_last_four=borrower.id_last_four[:80],
            staff_number=borrower.staff_number[:80],
            keys=keys,
            due_at=due_at,
            note=note[:500],
        )
        return self._c.post("/keys/loans", KeyLoanView, body, submit=True, key=key)

    def take_back(
        self, loan_id: int, keys: int | None = None, note: str = "", key: str | None = None
    ) -> KeyLoanView:
        body = ReturnRequest(keys=keys, note=note[:500])
        return self._c.post(f"/keys/loans/{loan_id}/return", KeyLoanView, body, submit=True, key=key)

    def write_off(self, loan_id: int, keys: int, reason: str, key: str | None = None) -> KeyLoanView:
        body = WriteOffRequest(keys=keys, reason=reason[:500])
        return self._c.post(f"/keys/loans/{loan_id}/write-off", KeyLoanView, body, submit=True, key=key)

    def add_set(self, draft: SetDraft, key: str | None = None) -> KeySetView:
        body = KeySetBody.model_validate(_set_body(draft))
        return self._c.post("/keys/sets", KeySetView, body, submit=True, key=key)

    def change_set(self, set_id: int, draft: SetDraft, reason: str, key: str | None = None) -> KeySetView:
        body = KeySetChange.model_validate({**_set_body(draft), "reason": reason[:500]})
        return self._c.post(f"/keys/sets/{set_id}", KeySetView, body, submit=True, key=key)

    def retire_set(self, set_id: int, reason: str, key: str | None = None) -> KeySetView:
        body = KeyReason(reason=reason[:500])
        return self._c.post(f"/keys/sets/{set_id}/retire", KeySetView, body, submit=True, key=key)

    def export(self, path: Path, words: Mapping[str, str], report: Callable[[int, int | None], None]) -> Path:
        """The register and its loans saved at ``path`` as a workbook (complete or not at all)."""
        self._c.download_file("/keys/export", KeysExport(words=dict(words)), path, report)
        return path
