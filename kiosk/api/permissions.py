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
    "site.ping": Rule(ANY_STATION, None, public=ANY_STATION),
    "events.listen": Rule(ANY_STATION, None, public=ANY_STATION),
    # --- the visitor's journey at the kiosk -------------------------------------------------------
    "directory.search": Rule(DESK, Permission.PRE_REGISTER, public=KIOSK),
    "visit.check_in": Rule(NOBODY, None, public=KIOSK),
    "visit.state": Rule(DESK, Permission.VIEW_BOARD, public=KIOSK),
    "visit.withdraw": Rule(NOBODY, None, public=KIOSK),
    "visit.leave_message": Rule(NOBODY, None, public=KIOSK),
    "invitation.find": Rule(NOBODY, None, public=KIOSK),
    "invitation.check_in": Rule(NOBODY, None, public=KIOSK),
    # Codes and names tried at the kiosk are counted per station by the server (a few wrong and
    # the kiosk waits: kiosk.server.throttling); the public check-out by name lists nobody.
    "checkout.by_badge": Rule(DESK, Permission.DECIDE_VISITS, public=KIOSK),
    "checkout.by_name": Rule(NOBODY, None, public=KIOSK),
    # --- cards: the station's encoder, the server's keys ----------------------------------------
    # Key A (reads) for a card on the pad; a result for a plan only from the station it was given to.
    "cards.read_keys": Rule(DESK, None, public=KIOSK),
    "cards.report": Rule(DESK, None, public=KIOSK),
    # A visitor card for a visit on site without one: the kiosk after the badge, the desk's board.
    "visitor_card.plan": Rule(DESK, Permission.DECIDE_VISITS, public=KIOSK),
    "visitor_card.check_out": Rule(NOBODY, None, public=KIOSK),
    # --- a station's own printer ----------------------------------------------------------------
    "print_jobs.claim": Rule(ANY_STATION, None, public=ANY_STATION),
    "print_jobs.report": Rule(ANY_STATION, None, public=ANY_STATION),
    # What a station's printers say of themselves, after each round (the desk's print queue lists it).
    "print_jobs.printer_states": Rule(ANY_STATION, None, public=ANY_STATION),
    # --- the desk's print queue: every station's jobs --------------------------------------------
    "print_queue.list": Rule(DESK, Permission.PRINT_QUEUE),
    "print_queue.document": Rule(DESK, Permission.PRINT_QUEUE),
    "print_queue.printers": Rule(DESK, Permission.PRINT_QUEUE),
    "print_queue.send_now": Rule(DESK, Permission.PRINT_QUEUE),
    "print_queue.reprint": Rule(DESK, Permission.PRINT_QUEUE),
    # --- the desk's decisions on visits ------------------------------------------------------------
    "board.read": Rule(CONSOLES, Permission.VIEW_BOARD),
    "visit.approve": Rule(DESK, Permission.DECIDE_VISITS),
    "visit.decline": Rule(DESK, Permission.DECIDE_VISITS),
    "visit.release_hold": Rule(DESK, Permission.RELEASE_HOLDS),
    "visit.check_out": Rule(DESK, Permission.DECIDE_VISITS),
    "visit.reprint_badge": Rule(DESK, Permission.DECIDE_VISITS),
    # --- walk-ins at the desk, units visited, the desk's calls (kiosk.services.desk_visits) --------
    # A unit's residents come with their phone numbers: the desk's only, never the public kiosk's.
    "desk_visits.register": Rule(DESK, Permission.REGISTER_VISITORS),
    "desk_visits.unit": Rule(DESK, Permission.REGISTER_VISITORS),
    "desk_visits.calls": Rule(DESK, Permission.DECIDE_VISITS),
    "desk_visits.record_call": Rule(DESK, Permission.DECIDE_VISITS),
    # --- stations -------------------------------------------------------------------------------
    "stations.list": Rule(DESK, Permission.MANAGE_STAFF),
    "stations.add": Rule(DESK, Permission.MANAGE_STAFF),
    "stations.revoke": Rule(DESK, Permission.MANAGE_STAFF),
    # --- release slips (物品放行条): the office issues, the guard screen (or a desk) checks -----------
    "slips.unit": Rule(DESK, Permission.ISSUE_RELEASE_SLIPS),
    "slips.list": Rule(DESK, Permission.ISSUE_RELEASE_SLIPS),
    "slips.owner_call": Rule(DESK, Permission.ISSUE_RELEASE_SLIPS),
    "slips.issue": Rule(DESK, Permission.ISSUE_RELEASE_SLIPS),
    "slips.pay_arrears": Rule(DESK, Permission.TAKE_PAYMENTS),
    "slips.scan": Rule(CONSOLES, Permission.VERIFY_RELEASE_SLIPS),
    "slips.release": Rule(CONSOLES, Permission.VERIFY_RELEASE_SLIPS),
    "slips.mismatch": Rule(CONSOLES, Permission.VERIFY_RELEASE_SLIPS),
    # --- deposits and receipts (押金、代收费用) ------------------------------------------------------
    "payments.list": Rule(DESK, Permission.TAKE_PAYMENTS),
    "payments.cash_summary": Rule(DESK, Permission.TAKE_PAYMENTS),
    "payments.print_cash_summary": Rule(DESK, Permission.TAKE_PAYMENTS),
    "payments.deposit": Rule(DESK, Permission.TAKE_PAYMENTS),
    "payments.fee": Rule(DESK, Permission.TAKE_PAYMENTS),
    "payments.refund": Rule(DESK, Permission.TAKE_PAYMENTS),
    "payments.reprint": Rule(DESK, Permission.TAKE_PAYMENTS),
    # Deposits tied to the pass, card or permit they secure: the desk takes them and is prompted to
    # refund when the item is back; finance's deductions (supervisors record them); a forfeit is
    # asked by the clerk and approved by a supervisor's PIN in the body (checked by the service).
    "deposits.list": Rule(DESK, Permission.TAKE_PAYMENTS),
    "deposits.items": Rule(DESK, Permission.TAKE_PAYMENTS),
    "deposits.due": Rule(DESK, Permission.TAKE_PAYMENTS),
    "deposits.read": Rule(DESK, Permission.TAKE_PAYMENTS),
    "deposits.take": Rule(DESK, Permission.TAKE_PAYMENTS),
    "deposits.deduct": Rule(DESK, Permission.FINANCE),
    "deposits.forfeit": Rule(DESK, Permission.TAKE_PAYMENTS),
    # --- pre-registration (预约) ------------------------------------------------------------------
    "pre_registration.list": Rule(DESK, Permission.PRE_REGISTER),
    "pre_registration.invite": Rule(DESK, Permission.PRE_REGISTER),
    "pre_registration.invite_group": Rule(DESK, Permission.PRE_REGISTER),
    "pre_registration.cancel": Rule(DESK, Permission.PRE_REGISTER),
    "pre_registration.print_slip": Rule(DESK, Permission.PRE_REGISTER),
    "pre_registration.email_slip": Rule(DESK, Permission.PRE_REGISTER),
    # --- the watchlist (matched and hashed at the server only, with its one key) ------------------
    "watchlist.list": Rule(DESK, Permission.MANAGE_WATCHLIST),
    "watchlist.add": Rule(DESK, Permission.MANAGE_WATCHLIST),
    "watchlist.remove": Rule(DESK, Permission.MANAGE_WATCHLIST),
    # --- evacuation: the roll call is read by consoles and printed on their own printer ------------
    "evacuation.roll_call": Rule(CONSOLES, Permission.EVACUATION),
    "evacuation.printed": Rule(CONSOLES, Permission.EVACUATION),
    # --- staff accounts (admins) ------------------------------------------------------------------
    "staff.list": Rule(DESK, Permission.MANAGE_STAFF),
    "staff.add": Rule(DESK, Permission.MANAGE_STAFF),
    "staff.update": Rule(DESK, Permission.MANAGE_STAFF),
    "staff.reset_secret": Rule(DESK, Permission.MANAGE_STAFF),
    "staff.unlock": Rule(DESK, Permission.MANAGE_STAFF),
    # --- the visitor log ----------------------------------------------------------------------------
    "visitor_log.search": Rule(DESK, Permission.SEARCH_VISITOR_LOG),
    "visitor_log.stats": Rule(DESK, Permission.SEARCH_VISITOR_LOG),
    "visitor_log.export": Rule(DESK, Permission.EXPORT_VISITOR_LOG),
    # --- the manager's monthly figures (统计分析): read and exported by supervisors at a desk -------
    "figures.monthly": Rule(DESK, Permission.MONTHLY_FIGURES),
    "figures.export": Rule(DESK, Permission.MONTHLY_FIGURES),
    # --- shift handover (交接班) and the duty log: at the desk, where both clerks count --------------
    "handover.read": Rule(DESK, Permission.HANDOVER),
    "handover.prefill": Rule(DESK, Permission.HANDOVER),
    "handover.hand_over": Rule(DESK, Permission.HANDOVER),
    "handover.sign": Rule(DESK, Permission.HANDOVER),
    "handover.close_issue": Rule(DESK, Permission.HANDOVER),
    "handover.log_incident": Rule(DESK, Permission.HANDOVER),
    # --- complaints and suggestions (投诉 / 建议): they name residents and staff, so guards and sales
    # read none; the desk records, follows up and calls back; a supervisor closes and reassigns ----
    "complaints.list": Rule(DESK, Permission.COMPLAINTS),
    "complaints.read": Rule(DESK, Permission.COMPLAINTS),
    "complaints.record": Rule(DESK, Permission.COMPLAINTS),
    "complaints.add_step": Rule(DESK, Permission.COMPLAINTS),
    "complaints.make_serious": Rule(DESK, Permission.COMPLAINTS),
    "complaints.call_back": Rule(DESK, Permission.COMPLAINTS),
    "complaints.assign": Rule(DESK, Permission.CLOSE_COMPLAINTS),
    "complaints.close": Rule(DESK, Permission.CLOSE_COMPLAINTS),
    # --- phone messages (电话记录 / 代客留言): the desk's switchboard and inbox; the kiosk's messages
    # arrive through visit.leave_message -----------------------------------------------------------
    "messages.list": Rule(DESK, Permission.PHONE_MESSAGES),
    "messages.directory": Rule(DESK, Permission.PHONE_MESSAGES),
    "messages.take": Rule(DESK, Permission.PHONE_MESSAGES),
    "messages.pass_on": Rule(DESK, Permission.PHONE_MESSAGES),
    "messages.cancel": Rule(DESK, Permission.PHONE_MESSAGES),
    "messages.print": Rule(DESK, Permission.PHONE_MESSAGES),
    # --- repair requests (报修): the desk takes, dispatches (the work order prints at its printer),
    # records the work and calls back; cancelling stops a liability clock: supervisors only. Guards
    # and sales see the open ones on the board (no caller's name or phone there) ---------------------
    "repairs.list": Rule(DESK, Permission.HANDLE_REPAIRS),
    "repairs.read": Rule(DESK, Permission.HANDLE_REPAIRS),
    "repairs.find": Rule(DESK, Permission.HANDLE_REPAIRS),
    "repairs.take": Rule(DESK, Permission.HANDLE_REPAIRS),
    "repairs.dispatch": Rule(DESK, Permission.HANDLE_REPAIRS),
    "repairs.print_again": Rule(DESK, Permission.HANDLE_REPAIRS),
    "repairs.arrive": Rule(DESK, Permission.HANDLE_REPAIRS),
    "repairs.complete": Rule(DESK, Permission.HANDLE_REPAIRS),
    "repairs.sign_off": Rule(DESK, Permission.HANDLE_REPAIRS),
    "repairs.callback": Rule(DESK, Permission.HANDLE_REPAIRS),
    "repairs.reopen": Rule(DESK, Permission.HANDLE_REPAIRS),
    "repairs.cancel": Rule(DESK, Permission.CANCEL_REPAIRS),
    # --- key loans (钥匙借用): the desk lends against ID or a staff number and takes back; the register
    # the handover counts against (add, change, retire a set, write lost keys off) and its export
    # (it names borrowers) are a supervisor's. Guards and sales see the open loans on the board -----
    "keys.read": Rule(DESK, Permission.KEY_LOANS),
    "keys.lend": Rule(DESK, Permission.KEY_LOANS),
    "keys.take_back": Rule(DESK, Permission.KEY_LOANS),
    "keys.write_off": Rule(DESK, Permission.KEY_REGISTER),
    "keys.add_set": Rule(DESK, Permission.KEY_REGISTER),
    "keys.change_set": Rule(DESK, Permission.KEY_REGISTER),
    "keys.retire_set": Rule(DESK, Permission.KEY_REGISTER),
    "keys.export": Rule(DESK, Permission.KEY_REGISTER),
    # --- the duty roster (大堂助理值班表): the desk reads it, exports it and records a swap (a
    # supervisor agrees: their session or PIN, checked by the service); the shift leader (a
    # supervisor) drafts, fills and submits; approval is by another supervisor than the one who
    # submitted, signed in or with their PIN at this desk (checked by the service). Consoles read
    # who is on duty now and next (the board carries it too) ----------------------------------
    "roster.read": Rule(DESK, Permission.VIEW_ROSTER),
    "roster.on_duty": Rule(CONSOLES, Permission.VIEW_BOARD),
    "roster.edit": Rule(DESK, Permission.DRAFT_ROSTER),
    "roster.fill": Rule(DESK, Permission.DRAFT_ROSTER),
    "roster.submit": Rule(DESK, Permission.DRAFT_ROSTER),
    "roster.send_back": Rule(DESK, Permission.DRAFT_ROSTER),
    "roster.approve": Rule(DESK, Permission.VIEW_ROSTER),
    "roster.swap": Rule(DESK, Permission.VIEW_ROSTER),
    "roster.export": Rule(DESK, Permission.VIEW_ROSTER),
    # --- newspapers and magazines (报刊): the desk keeps the orders, counts each day's bundles and
    # raises shortfalls with the post office; the server's round escalates one left open. Guards and
    # sales see today's uncounted titles and the open shortfalls on the board only ------------------
    "newspapers.subscriptions": Rule(DESK, Permission.NEWSPAPERS),
    "newspapers.subscribe": Rule(DESK, Permission.NEWSPAPERS),
    "newspapers.stop": Rule(DESK, Permission.NEWSPAPERS),
    "newspapers.day": Rule(DESK, Permission.NEWSPAPERS),
    "newspapers.count": Rule(DESK, Permission.NEWSPAPERS),
    "newspapers.report_late": Rule(DESK, Permission.NEWSPAPERS),
    "newspapers.shortfalls": Rule(DESK, Permission.NEWSPAPERS),
    "newspapers.shortfall": Rule(DESK, Permission.NEWSPAPERS),
    "newspapers.contact": Rule(DESK, Permission.NEWSPAPERS),
    "newspapers.resolve": Rule(DESK, Permission.NEWSPAPERS),
    "newspapers.export": Rule(DESK, Permission.NEWSPAPERS),
    # --- outgoing courier (快递寄发): the desk logs, hands batches to the courier and settles at the
    # month's end (statement printed at its printer, workbook exported); voiding an item already on
    # the courier's bill is a supervisor's (checked by the service), as is the list of companies ----
    "courier.list": Rule(DESK, Permission.COURIER),
    "courier.read": Rule(DESK, Permission.COURIER),
    "courier.departments": Rule(DESK, Permission.COURIER),
    "courier.companies": Rule(DESK, Permission.COURIER),
    "courier.add_company": Rule(DESK, Permission.MANAGE_COURIER_COMPANIES),
    "courier.company_active": Rule(DESK, Permission.MANAGE_COURIER_COMPANIES),
    "courier.log": Rule(DESK, Permission.COURIER),
    "courier.edit": Rule(DESK, Permission.COURIER),
    "courier.void": Rule(DESK, Permission.COURIER),
    "courier.hand_over": Rule(DESK, Permission.COURIER),
    "courier.batch": Rule(DESK, Permission.COURIER),
    "courier.month": Rule(DESK, Permission.COURIER),
    "courier.print_statement": Rule(DESK, Permission.COURIER),
    "courier.export": Rule(DESK, Permission.COURIER),
    # --- registered mail and parcels (挂号邮件): the desk logs, labels, hands out and forwards; a
    # shift leader's or supervisor's PIN signs a damage record and approves a return (checked by the
    # service with StaffService.countersign, so the clerk's route is HANDLE_MAIL); the register's
    # export names addressees and collectors: supervisors only ---------------------------------------
    "mail.list": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.read": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.find": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.directory": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.log": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.print_label": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.notify": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.shelve": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.record_damage": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.hand_out": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.forward": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.return": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.returns": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.export": Rule(DESK, Permission.SUPERVISE_MAIL),
    "mail.moved_out.list": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.moved_out.add": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.moved_out.told": Rule(DESK, Permission.HANDLE_MAIL),
    "mail.moved_out.close": Rule(DESK, Permission.HANDLE_MAIL),
    # --- lost and found (失物招领): the desk logs, tags, hands over and asks a disposal (the approving
    # supervisor signs with their PIN, checked by the service); a supervisor voids and exports (the
    # register names claimants). Guards hand what they find to the desk ---------------------------
    "lost_found.list": Rule(DESK, Permission.LOST_PROPERTY),
    "lost_found.read": Rule(DESK, Permission.LOST_PROPERTY),
    "lost_found.find": Rule(DESK, Permission.LOST_PROPERTY),
    "lost_found.log": Rule(DESK, Permission.LOST_PROPERTY),
    "lost_found.claim": Rule(DESK, Permission.LOST_PROPERTY),
    "lost_found.print_tag": Rule(DESK, Permission.LOST_PROPERTY),
    "lost_found.dispose": Rule(DESK, Permission.LOST_PROPERTY),
    "lost_found.void": Rule(DESK, Permission.DISPOSE_LOST_PROPERTY),
    "lost_found.export": Rule(DESK, Permission.DISPOSE_LOST_PROPERTY),
    # --- the management office's permits (搬运材料凭据, 出入证): the desk issues, cancels, searches;
    # supervisors export the register (it names the holders); the desk and the guard screen check a
    # permit and record the let-in or the refusal; the public kiosk checks the one a visitor shows
    # and hears only whether it is good and until when (unknown numbers count as wrong tries) ------
    "permits.list": Rule(DESK, Permission.ISSUE_PERMITS),
    "permits.read": Rule(DESK, Permission.ISSUE_PERMITS),
    "permits.issue": Rule(DESK, Permission.ISSUE_PERMITS),
    "permits.print_again": Rule(DESK, Permission.ISSUE_PERMITS),
    "permits.cancel": Rule(DESK, Permission.ISSUE_PERMITS),
    "permits.export": Rule(DESK, Permission.EXPORT_PERMITS),
    "permits.check": Rule(CONSOLES, Permission.CHECK_PERMITS),
    "permits.record_entry": Rule(CONSOLES, Permission.CHECK_PERMITS),
    "permits.kiosk_check": Rule(NOBODY, None, public=KIOSK),
    # --- each kind of person at the lobby (kiosk.services.visitor_kinds) --------------------------
    # The kinds offered: the consoles' forms and the kiosk's first question.
    "kinds.rules": Rule(CONSOLES, Permission.VIEW_BOARD, public=KIOSK),
    "admissions.admit": Rule(DESK, Permission.DECIDE_VISITS),
    "admissions.list": Rule(DESK, Permission.DECIDE_VISITS),
    "admissions.kiosk_permit": Rule(NOBODY, None, public=KIOSK),
    # The patrol guard's notices to follow a resident let in on the records: the guard screen too.
    "patrol.list": Rule(CONSOLES, Permission.FOLLOW_PATROL_NOTICES),
    "patrol.followed": Rule(CONSOLES, Permission.FOLLOW_PATROL_NOTICES),
    "leaders.list": Rule(DESK, Permission.DECIDE_VISITS),
    "leaders.add": Rule(DESK, Permission.KEEP_LEADERS_LIST),
    "leaders.retire": Rule(DESK, Permission.KEEP_LEADERS_LIST),
    # The duty officer's approval at a console (a night visit, an official, a visiting group).
    "visit.approve_as_duty_officer": Rule(DESK, Permission.APPROVE_AS_DUTY_OFFICER),
    # --- machine-room passes (机房访客证): the duty guard countersigns at the desk with their PIN -----
    "passes.read": Rule(DESK, Permission.MACHINE_ROOM_PASSES),
    "passes.add": Rule(DESK, Permission.MACHINE_ROOM_PASSES),
    "passes.retire": Rule(DESK, Permission.MACHINE_ROOM_PASSES),
    "passes.sign_out": Rule(DESK, Permission.MACHINE_ROOM_PASSES),
    "passes.return": Rule(DESK, Permission.MACHINE_ROOM_PASSES),
    "passes.sign_as_guard": Rule(DESK, Permission.MACHINE_ROOM_PASSES),
    "passes.sign_as_desk": Rule(DESK, Permission.MACHINE_ROOM_PASSES),
    "passes.print_again": Rule(DESK, Permission.MACHINE_ROOM_PASSES),
    "passes.resolve": Rule(DESK, Permission.RESOLVE_PASS_DISCREPANCIES),
    # The working-day calendar the reconciliation follows: the desk reads it; a supervisor adds
    # and withdraws the site's days off and make-up working days.
    "calendar.read": Rule(DESK, Permission.MACHINE_ROOM_PASSES),
    "calendar.add": Rule(DESK, Permission.MANAGE_WORK_CALENDAR),
    "calendar.cancel": Rule(DESK, Permission.MANAGE_WORK_CALENDAR),
    # --- IDC identity-verification cards (IDC身份校验卡): sales file, a supervisor decides, the desk
    # issues on its own encoder (every supervisor may issue too), revokes and follows the uploads ---
    "idc.read": Rule(DESK, Permission.ISSUE_CARDS),
    "idc.mine": Rule(DESK, Permission.FILE_CARD_APPLICATIONS),
    "idc.file": Rule(DESK, Permission.FILE_CARD_APPLICATIONS),
    "idc.decide": Rule(DESK, Permission.APPROVE_CARD_APPLICATIONS),
    "idc.issue": Rule(DESK, Permission.ISSUE_CARDS),
    "idc.revoke": Rule(DESK, Permission.ISSUE_CARDS),
    "idc.send_now": Rule(DESK, Permission.ISSUE_CARDS),
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
