"""Who may do what: one table of station role × staff role × action, enforced by the server.

Every endpoint names one action. At a station of a role in ``public`` the action needs no one
signed in (the visitor's own journey at the kiosk); otherwise it needs a staff session at a
station of a role in ``stations``, by a member whose role grants ``permission``
(``kiosk.domain.staff.ROLE_PERMISSIONS``). The permission-matrix test walks this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.staff import Permission, Role, allowed
from kiosk.domain.station import StationRole

KIOSK = frozenset({StationRole.KIOSK})
CONSOLES = frozenset({StationRole.DESK, StationRole.GUARD})
DESK = frozenset({StationRole.DESK})
ANY_STATION = frozenset(StationRole)
NOBODY: frozenset[StationRole] = frozenset()


@dataclass(frozen=True)
class Rule:
    # Stations where a signed-in member with ``permission`` may call it.
    stations: frozenset[StationRole]
    # None: any signed-in member at those stations (signing out, their own session).
    permission: Permission | None
    # Stations where it needs nobody signed in.
    public: frozenset[StationRole] = NOBODY


# Decided: the kiosk's staff exit needs a supervisor or admin (MANAGE_KIOSK below); a desk may run
# the visitor journey's look-ups too (the receptionist helping at the desk), but only signed in.
ACTIONS: dict[str, Rule] = {
    # --- sessions --------------------------------------------------------------------------------
    # Not at the public kiosk: wrong PINs there would count towards a desk account's lock-out;
    # staff leave kiosk mode through kiosk.exit, which never counts them.
    "session.sign_in": Rule(NOBODY, None, public=CONSOLES),
    "session.sign_out": Rule(ANY_STATION, None),
    "session.current": Rule(ANY_STATION, None),
    "kiosk.exit": Rule(NOBODY, None, public=KIOSK),
    # --- what every station reads at start -------------------------------------------------------
    "site.info": Rule(ANY_STATION, None, public=ANY_STATION),
    "events.listen": Rule(ANY_STATION, None, public=ANY_STATION),
    # --- the visitor's journey at the kiosk -------------------------------------------------------
    "directory.search": Rule(DESK, Permission.PRE_REGISTER, public=KIOSK),
    "visit.check_in": Rule(NOBODY, None, public=KIOSK),
    "visit.state": Rule(DESK, Permission.VIEW_BOARD, public=KIOSK),
    "visit.withdraw": Rule(NOBODY, None, public=KIOSK),
    "visit.leave_message": Rule(NOBODY, None, public=KIOSK),
    "invitation.find": Rule(NOBODY, None, public=KIOSK),
    "invitation.check_in": Rule(NOBODY, None, public=KIOSK),
    "checkout.find": Rule(NOBODY, None, public=KIOSK),
    "checkout.by_badge": Rule(DESK, Permission.DECIDE_VISITS, public=KIOSK),
    "checkout.by_name": Rule(NOBODY, None, public=KIOSK),
    # --- a station's own printer ----------------------------------------------------------------
    "print_jobs.claim": Rule(ANY_STATION, None, public=ANY_STATION),
    "print_jobs.report": Rule(ANY_STATION, None, public=ANY_STATION),
    # --- the desk's decisions on visits ------------------------------------------------------------
    "board.read": Rule(CONSOLES, Permission.VIEW_BOARD),
    "visit.approve": Rule(DESK, Permission.DECIDE_VISITS),
    "visit.decline": Rule(DESK, Permission.DECIDE_VISITS),
    "visit.release_hold": Rule(DESK, Permission.RELEASE_HOLDS),
    "visit.check_out": Rule(DESK, Permission.DECIDE_VISITS),
    "visit.reprint_badge": Rule(DESK, Permission.DECIDE_VISITS),
    "visit.escalate_overdue": Rule(DESK, Permission.DECIDE_VISITS),
    "visit.auto_check_out": Rule(DESK, Permission.DECIDE_VISITS),
    # --- stations -------------------------------------------------------------------------------
    "stations.list": Rule(DESK, Permission.MANAGE_STAFF),
    "stations.add": Rule(DESK, Permission.MANAGE_STAFF),
    "stations.revoke": Rule(DESK, Permission.MANAGE_STAFF),
}


def is_allowed(action: str, station: StationRole, staff: Role | None) -> bool:
    """Whether ``action`` may run at a ``station`` with ``staff`` signed in (None: nobody)."""
    rule = ACTIONS[action]
    if station in rule.public:
        return True
    if staff is None or station not in rule.stations:
        return False
    return rule.permission is None or allowed(staff, rule.permission)


def needs_staff(action: str, station: StationRole) -> bool:
    """Whether the answer to a refused call is 'sign in' rather than 'not here'."""
    rule = ACTIONS[action]
    return station not in rule.public and station in rule.stations
