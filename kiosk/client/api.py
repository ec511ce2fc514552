"""The server's endpoints as typed methods, grouped as the pages use them."""

from __future__ import annotations

import threading
from urllib.parse import quote

from kiosk.api.schemas import (
    BadgeCheckout,
    ClaimedJob,
    InvitedCheckIn,
    JobResult,
    MessageRequest,
    MessageStored,
    NameCheckout,
    Note,
    PrinterStateReport,
    PrinterStatesReport,
    SignedInReply,
    SignInRequest,
    SiteSettings,
    StaffView,
    StationAdd,
    StationEnrolment,
    VisitRef,
)
from kiosk.client.http import STAFF_HEADER, SiteClient
from kiosk.domain.station import StationRole
from kiosk.domain.views import (
    Board,
    CheckInRequest,
    CheckInResult,
    HostEntry,
    InvitationView,
    PrintOutcome,
    StationListing,
    VisitState,
)

# A sign-in waits at most this long for the last member's sign-out to reach the server.
SIGN_OUT_WAIT_S = 10.0


class Visits:
    """The visitor's journey at a kiosk, and the desk's decisions."""

    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def search_hosts(self, text: str) -> list[HostEntry]:
        return self._c.get_list("/directory", HostEntry, {"q": text[:80]})

    def check_in(self, request: CheckInRequest, key: str | None = None) -> CheckInResult:
        """``key``: the same for every try of one visitor's submit (their tap again after "cannot
        reach the server" must not store the visit twice)."""
        return self._c.post("/visits", CheckInResult, request, submit=True, key=key)

    def state(self, visit_id: int) -> VisitState:
        return self._c.get(f"/visits/{visit_id}/state", VisitState)

    def withdraw(self, visit_id: int) -> None:
        self._c.act(f"/visits/{visit_id}/withdraw")

    def leave_message(self, visit_id: int, phone: str, text: str) -> int:
        stored = self._c.post(
            f"/visits/{visit_id}/message", MessageStored, MessageRequest(phone=phone, text=text), submit=True
        )
        return stored.message_id

    def find_invitation(self, code: str) -> InvitationView:
        return self._c.get(f"/invitations/{_segment(code)}", InvitationView)

    def check_in_invited(
        self, code: str, language: str, declaration_accepted: bool, key: str | None = None
    ) -> CheckInResult:
        body = InvitedCheckIn(language=language, declaration_accepted=declaration_accepted)
        return self._c.post(
            f"/invitations/{_segment(code)}/check-in", CheckInResult, body, submit=True, key=key
        )

    def check_out_by_badge(self, scanned: str) -> int:
        """The scanned badge QR as the scanner typed it: the server verifies it."""
        return self._c.post("/checkout/badge", VisitRef, BadgeCheckout(code=scanned[:80])).visit_id

    def check_out_by_name(self, name: str, mobile_last_four: str) -> int:
        body = NameCheckout(name=name[:80], mobile_last_four=mobile_last_four[:8])
        return self._c.post("/checkout/by-name", VisitRef, body).visit_id

    # --- the desk -------------------------------------------------------------------------------
    def board(self) -> Board:
        return self._c.get("/board", Board)

    def approve(self, visit_id: int, note: str = "") -> CheckInResult:
        return self._c.post(f"/visits/{visit_id}/approve", CheckInResult, Note(note=note))

    def decline(self, visit_id: int, note: str = "") -> None:
        self._c.act(f"/visits/{visit_id}/decline", Note(note=note))

    def release_hold(self, visit_id: int, note: str) -> None:
        self._c.act(f"/visits/{visit_id}/release-hold", Note(note=note))

    def check_out(self, visit_id: int) -> None:
        self._c.act(f"/visits/{visit_id}/check-out")

    def print_badge_again(self, visit_id: int) -> PrintOutcome:
        return self._c.post(f"/visits/{visit_id}/reprint-badge", PrintOutcome)


class Session:
    """Staff signing in at this station, and the kiosk's staff exit."""

    def __init__(self, client: SiteClient) -> None:
        self._c = client
        # Set while the last member's session is being ended on the server: the next sign-in
        # waits for it, or the server (one session per station) would drop the old one first and
        # the sign-out, arriving after, could no longer say whose it was.
        self._ended = threading.Event()
        self._ended.set()

    def site(self) -> SiteSettings:
        return self._c.get("/site", SiteSettings)

    def sign_in(self, username: str, secret: str) -> SignedInReply:
        self._ended.wait(SIGN_OUT_WAIT_S)
        # Never with the last member's session (it may be on its way out): the station alone asks.
        reply = self._c.post(
            "/session",
            SignedInReply,
            SignInRequest(username=username[:80], secret=secret[:200]),
            headers={STAFF_HEADER: ""},
        )
        self._c.staff_token = reply.token
        return reply

    def current(self) -> StaffView:
        return self._c.get("/session", StaffView)

    def leave(self) -> str | None:
        """Forget this station's staff session at once (on the GUI thread, as the window signs
        out); returns its token for :meth:`sign_out` to end on the server in the background."""
        token, self._c.staff_token = self._c.staff_token, None
        if token:
            self._ended.clear()
        return token

    def sign_out(self, reason: str = "sign_out", token: str | None = None) -> None:
        """End ``token``'s session on the server (default: the current one, forgotten too);
        ``reason``: sign_out (the member's choice) or locked (the console's inactivity lock)."""
        token = token or self.leave()
        try:
            if token:
                self._c.delete(f"/session?reason={reason}", headers={STAFF_HEADER: token})
        finally:
            self._ended.set()

    def authorise_kiosk_exit(self, username: str, secret: str) -> None:
        self._c.act("/kiosk/exit", SignInRequest(username=username[:80], secret=secret[:200]))


class PrintJobs:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def claim(self) -> list[ClaimedJob]:
        return self._c.post_list("/print-jobs/claim", ClaimedJob)

    def report(self, job_id: int, printed: bool, printer: str | None, error: str | None) -> PrintOutcome:
        body = JobResult(printed=printed, printer=printer, error=None if error is None else error[:500])
        return self._c.post(f"/print-jobs/{job_id}/result", PrintOutcome, body)

    def report_printers(self, states: list[tuple[str, str]]) -> None:
        """This station's printers as they said just now (name, PrinterStatus value), its own first."""
        body = PrinterStatesReport(
            printers=[PrinterStateReport(name=name[:200], status=status[:20]) for name, status in states[:8]]
        )
        self._c.act("/print-jobs/printer-states", body)


class Stations:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def listing(self) -> list[StationListing]:
        return self._c.get_list("/stations", StationListing)

    def add(self, name: str, role: StationRole) -> StationEnrolment:
        return self._c.post("/stations", StationEnrolment, StationAdd(name=name, role=role))

    def revoke(self, station_id: int) -> None:
        self._c.act(f"/stations/{station_id}/revoke")


def _segment(text: str) -> str:
    return quote(text.strip()[:40], safe="")
