"""Staff roles and the rules for signing in."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta

from kiosk.domain.actor import Actor

# Demo mode only (no configuration file): every demo account's PIN, which the sign-in page shows.
DEMO_PIN = "2580"
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
PIN_MIN_LENGTH = 4


class Role(enum.Enum):
    RECEPTIONIST = "receptionist"  # 前台
    SUPERVISOR = "supervisor"  # 客服主管
    GUARD = "guard"  # 护卫员
    SALES = "sales"  # 销售
    ADMIN = "admin"  # 管理员


class Permission(enum.Enum):
    """What a signed-in staff member may do at the console."""

    VIEW_BOARD = "view_board"
    DECIDE_VISITS = "decide_visits"  # approve/decline for the host, check out, reprint
    RELEASE_HOLDS = "release_holds"  # watchlist holds
    MANAGE_WATCHLIST = "manage_watchlist"
    PRINT_QUEUE = "print_queue"
    PRE_REGISTER = "pre_register"
    EVACUATION = "evacuation"
    MANAGE_STAFF = "manage_staff"
    # IDC identity-verification cards (IDC身份校验卡)
    FILE_CARD_APPLICATIONS = "file_card_applications"  # sales file them
    APPROVE_CARD_APPLICATIONS = "approve_card_applications"  # a supervisor approves
    ISSUE_CARDS = "issue_cards"  # the desk encodes, issues and revokes
    # Machine-room visitor passes (IDC机房访客证) and the weekday reconciliation
    MACHINE_ROOM_PASSES = "machine_room_passes"
    SIGN_RECONCILIATION_AS_GUARD = "sign_reconciliation_as_guard"  # the machine-room duty guard
    RESOLVE_PASS_DISCREPANCIES = "resolve_pass_discrepancies"  # a supervisor closes them with a note
    # The site's days off and make-up working days over the official calendar: they decide which
    # days owe a pass reconciliation, so not the clerks whose sheets they excuse.
    MANAGE_WORK_CALENDAR = "manage_work_calendar"
    # Release slips (物品放行条): the office issues, the lobby guard verifies
    ISSUE_RELEASE_SLIPS = "issue_release_slips"
    OVERRIDE_ARREARS = "override_arrears"  # owner arrears over 3 months: supervisor only
    VERIFY_RELEASE_SLIPS = "verify_release_slips"
    # Deposits, fees and receipts
    TAKE_PAYMENTS = "take_payments"
    # The visitor log and records
    SEARCH_VISITOR_LOG = "search_visitor_log"
    EXPORT_VISITOR_LOG = "export_visitor_log"  # supervisor only; audited, ID numbers masked
    HANDOVER = "handover"  # shift handover and duty log
    # The manager's monthly figures (统计分析) as charts and their workbook: the supervisors who
    # report them each month (seed 000); counts only, no person in them.
    MONTHLY_FIGURES = "monthly_figures"
    # Phone messages (电话记录 / 代客留言): take, read, pass on, cancel, print; they carry callers'
    # numbers, so the desk and supervisors only (a guard or sales see no inbox on the board).
    PHONE_MESSAGES = "phone_messages"
    # Complaints and suggestions (投诉 / 建议): they name residents and staff, so only the desk and
    # supervisors read them; a supervisor (领班) closes and reassigns.
    COMPLAINTS = "complaints"  # record, read, follow up, call back, make serious
    CLOSE_COMPLAINTS = "close_complaints"
    # Repair requests (报修): take, dispatch with a work order, record the engineer's arrival and
    # completion, the resident's sign-off and the callback (回访), reopen within the warranty.
    HANDLE_REPAIRS = "handle_repairs"
    # Cancel a repair request (with its reason): it stops a clock the company is liable for.
    CANCEL_REPAIRS = "cancel_repairs"
    # Registered mail and parcels (挂号邮件、包裹单、汇兑单): log on arrival, print the label, hand
    # out against ID and a signature, forward a moved-out person's, search the trail of a lost one.
    HANDLE_MAIL = "handle_mail"
    # A shift leader's (领班) PIN on a damaged item, a supervisor's approving a return (退件), and
    # the register's export (it names addressees and collectors).
    SUPERVISE_MAIL = "supervise_mail"
    # The management office's permits (搬运材料凭据, 出入证): the desk issues and cancels them; the desk
    # and the lobby guard check them (let in, or refuse with the reason); supervisors export the
    # register (it names the holders).
    ISSUE_PERMITS = "issue_permits"
    CHECK_PERMITS = "check_permits"
    EXPORT_PERMITS = "export_permits"
    # Lost and found (失物招领): log a found item or a meeting guest's, hand it to its owner against
    # their ID and signature, print its tag, ask for a disposal (with a supervisor's PIN).
    LOST_PROPERTY = "lost_property"
    # Approve a disposal with one's PIN, void an item logged in error, export the register (it
    # names claimants): supervisors (领班 / 客服主管).
    DISPOSE_LOST_PROPERTY = "dispose_lost_property"
    # Key loans (钥匙借用): lend a set against ID or a staff number, take it back, read the register.
    KEY_LOANS = "key_loans"
    # The key register itself: add, change or retire a set, write lost keys off, export the
    # register and its loans (it names borrowers). The handover counts against it: supervisors.
    KEY_REGISTER = "key_register"
    # Outgoing courier (快递寄发): log what departments send, hand a batch to the courier, print and
    # export the month-end statement for the settlement the desk does with each courier company.
    COURIER = "courier"
    # Void an item already handed over (it is on the courier's bill) and keep the list of courier
    # companies: supervisors.
    VOID_HANDED_OVER_COURIER = "void_handed_over_courier"
    MANAGE_COURIER_COMPANIES = "manage_courier_companies"
    # Newspapers and magazines (报刊): the units' subscriptions, counting each day's bundles, raising
    # a shortfall with the post office and resolving it, the month's workbook (no resident's
    # personal data in it). The escalated ones reach the shift leader by the server's round.
    NEWSPAPERS = "newspapers"
    # Each kind of person at the lobby (seed 001, kiosk.domain.visitor_kinds): the desk lets a
    # resident, a leader, staff or a permit holder through under DECIDE_VISITS; the list of company
    # leaders the desk greets is kept by supervisors; the duty officer's approval (物业总值, 管理处值班
    # 人员: government officials, visiting groups, every visit at night) is a supervisor's at a
    # console, or the duty officer's own link; the patrol guard (and the desk) close a notice to
    # follow a resident let in on the records.
    KEEP_LEADERS_LIST = "keep_leaders_list"
    APPROVE_AS_DUTY_OFFICER = "approve_as_duty_officer"
    FOLLOW_PATROL_NOTICES = "follow_patrol_notices"
    # The duty roster (大堂助理值班表): the desk reads it and asks for a swap (a supervisor agrees in
    # the service); the shift leader (领班 = a supervisor) drafts and submits next month's; another
    # supervisor than the one who submitted it (or an admin) approves it.
    VIEW_ROSTER = "view_roster"
    DRAFT_ROSTER = "draft_roster"
    APPROVE_ROSTER = "approve_roster"
    # Deposits tied to what they secure: deductions from a deposit (a decoration bond's damage,
    # a card's repair), each with its amount and reason, are finance's decision. There is no
    # finance role at the desk: supervisors record what finance decided (and admins).
    FINANCE = "finance"
    # A deposit whose item is lost or kept, forfeited with the reason: a supervisor's PIN.
    FORFEIT_DEPOSITS = "forfeit_deposits"
    # Walk-ins registered at the desk (the same check-in as the kiosk's) and a unit's residents with
    # their phone numbers (to call on the intercom): the desk and supervisors, never the kiosk.
    REGISTER_VISITORS = "register_visitors"


_RECEPTION = frozenset(
    {
        Permission.VIEW_BOARD,
        Permission.DECIDE_VISITS,
        Permission.PRINT_QUEUE,
        Permission.PRE_REGISTER,
        Permission.EVACUATION,
        Permission.ISSUE_CARDS,
        Permission.MACHINE_ROOM_PASSES,
        Permission.ISSUE_RELEASE_SLIPS,
        Permission.TAKE_PAYMENTS,
        Permission.SEARCH_VISITOR_LOG,
        Permission.HANDOVER,
        Permission.COMPLAINTS,
        Permission.PHONE_MESSAGES,
        Permission.HANDLE_REPAIRS,
        Permission.NEWSPAPERS,
        Permission.HANDLE_MAIL,
        Permission.ISSUE_PERMITS,
        Permission.CHECK_PERMITS,
        Permission.LOST_PROPERTY,
        Permission.KEY_LOANS,
        Permission.COURIER,
        Permission.FOLLOW_PATROL_NOTICES,
        Permission.VIEW_ROSTER,
        Permission.REGISTER_VISITORS,
    }
)

# Decided: a guard sees the board and the evacuation list (roll call), verifies release slips and
# countersigns the pass reconciliation, but decides no visit; sales pre-register their customers and
# file IDC card applications; only supervisors approve card applications, override owner arrears,
# touch the watchlist and export the visitor log; admins do everything.
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.RECEPTIONIST: _RECEPTION,
    Role.SUPERVISOR: _RECEPTION
    | {
        Permission.RELEASE_HOLDS,
        Permission.MANAGE_WATCHLIST,
        Permission.APPROVE_CARD_APPLICATIONS,
        Permission.OVERRIDE_ARREARS,
        Permission.EXPORT_VISITOR_LOG,
        Permission.RESOLVE_PASS_DISCREPANCIES,
        Permission.MANAGE_WORK_CALENDAR,
        Permission.MONTHLY_FIGURES,
        Permission.CLOSE_COMPLAINTS,
        Permission.CANCEL_REPAIRS,
        Permission.SUPERVISE_MAIL,
        Permission.EXPORT_PERMITS,
        Permission.DISPOSE_LOST_PROPERTY,
        Permission.KEY_REGISTER,
        Permission.VOID_HANDED_OVER_COURIER,
        Permission.MANAGE_COURIER_COMPANIES,
        Permission.KEEP_LEADERS_LIST,
        Permission.APPROVE_AS_DUTY_OFFICER,
        Permission.DRAFT_ROSTER,
        Permission.APPROVE_ROSTER,
        Permission.FINANCE,
        Permission.FORFEIT_DEPOSITS,
    },
    Role.GUARD: frozenset(
        {
            Permission.VIEW_BOARD,
            Permission.EVACUATION,
            Permission.VERIFY_RELEASE_SLIPS,
            Permission.CHECK_PERMITS,
            Permission.FOLLOW_PATROL_NOTICES,
            Permission.SIGN_RECONCILIATION_AS_GUARD,
            Permission.HANDOVER,
        }
    ),
    Role.SALES: frozenset(
        {Permission.VIEW_BOARD, Permission.PRE_REGISTER, Permission.FILE_CARD_APPLICATIONS}
    ),
    Role.ADMIN: frozenset(Permission),
}


def allowed(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


@dataclass(frozen=True)
class SignedIn:
    """A member of staff signed in at a console (as the server's session knows them)."""

    staff_id: int
    username: str
    name: str
    role: Role

    @property
    def actor(self) -> Actor:
        return Actor("staff", self.username)
