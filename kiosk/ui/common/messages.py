"""Turn service and domain errors into sentences for the person in front of the screen."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from kiosk.client.http import AccessRefusedError, ServerUnreachableError
from kiosk.devices.errors import CardRemovedError, CardWriteError, NoCardError
from kiosk.domain.cards import CARD_ON_ENCODER
from kiosk.domain.errors import ValidationError

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate under ``context`` (lupdate looks for this name); translated later."""
    return text


# (field, code) -> message; {name} placeholders are filled from the error's params.
_MESSAGES: dict[tuple[str, str], str] = {
    ("visitor_name", "required"): QT_TRANSLATE_NOOP("messages", "Please enter your name."),
    ("visitor_name", "too_long"): QT_TRANSLATE_NOOP(
        "messages", "Your name is too long: at most {max} characters."
    ),
    ("visitor_name", "invalid_character"): QT_TRANSLATE_NOOP(
        "messages", "Your name cannot contain “{char}”. Please use letters only."
    ),
    ("visitor_name", "no_letters"): QT_TRANSLATE_NOOP("messages", "Your name must contain letters."),
    ("company", "too_long"): QT_TRANSLATE_NOOP(
        "messages", "The company name is too long: at most {max} characters."
    ),
    ("permit_number", "required"): QT_TRANSLATE_NOOP(
        "messages", "Contractors need their access permit (出入证) number. Please enter it."
    ),
    ("permit_number", "too_long"): QT_TRANSLATE_NOOP(
        "messages", "The access permit number is too long: at most {max} characters."
    ),
    ("mobile", "too_long"): QT_TRANSLATE_NOOP(
        "messages", "The mobile number is too long: at most {max} characters."
    ),
    ("id_number", "empty"): QT_TRANSLATE_NOOP("messages", "Please enter the ID number."),
    ("id_number", "old_15_digit"): QT_TRANSLATE_NOOP(
        "messages", "15-digit ID cards are no longer valid. Please use your 18-digit ID card."
    ),
    ("id_number", "length"): QT_TRANSLATE_NOOP(
        "messages", "A resident ID number has 18 characters; you typed {length}. Please check it."
    ),
    ("id_number", "characters"): QT_TRANSLATE_NOOP(
        "messages", "A resident ID number has 17 digits and then a digit or X. Please check it."
    ),
    ("id_number", "region"): QT_TRANSLATE_NOOP(
        "messages", "The first digits of this ID number are not a region code. Please check it."
    ),
    ("id_number", "birth_date"): QT_TRANSLATE_NOOP(
        "messages", "Digits 7 to 14 of this ID number are not a valid date of birth. Please check them."
    ),
    ("id_number", "check_digit"): QT_TRANSLATE_NOOP(
        "messages",
        "This ID number does not add up (its last character does not match). Please check every digit.",
    ),
    ("id_number", "format_passport"): QT_TRANSLATE_NOOP(
        "messages", "A passport number has 5 to 17 letters and digits. Please check it."
    ),
    ("id_number", "format_hk_macao_permit"): QT_TRANSLATE_NOOP(
        "messages", "A Home Return Permit number is H or M followed by 8 or 10 digits. Please check it."
    ),
    ("id_number", "format_taiwan_permit"): QT_TRANSLATE_NOOP(
        "messages", "A Taiwan compatriot permit number has 8 digits. Please check it."
    ),
    ("id_number", "format_other"): QT_TRANSLATE_NOOP(
        "messages", "Please enter the document number with letters and digits only."
    ),
    ("mobile", "format"): QT_TRANSLATE_NOOP(
        "messages", "This is not a mobile number. Use 11 digits, or + and the country code."
    ),
    ("mobile", "mainland_length"): QT_TRANSLATE_NOOP(
        "messages", "A mainland mobile number has 11 digits; you typed {length}."
    ),
    ("reason", "required"): QT_TRANSLATE_NOOP("messages", "Please give the reason."),
    ("reason", "too_long"): QT_TRANSLATE_NOOP("messages", "Please keep the reason under {max} characters."),
    ("until", "in_the_past"): QT_TRANSLATE_NOOP("messages", "The end date must be in the future."),
    ("watchlist", "unknown"): QT_TRANSLATE_NOOP("messages", "This watchlist entry no longer exists."),
    ("id_number", "not_accepted_here"): QT_TRANSLATE_NOOP(
        "messages", "ID numbers cannot be taken at this kiosk. Please leave the field empty."
    ),
    ("purpose", "too_long"): QT_TRANSLATE_NOOP("messages", "Please keep the purpose under {max} characters."),
    ("party_size", "out_of_range"): QT_TRANSLATE_NOOP(
        "messages", "A party can be 1 to {max} people. Larger groups, please see the front desk."
    ),
    ("declaration", "required"): QT_TRANSLATE_NOOP(
        "messages", "Please read and accept the declaration before checking in."
    ),
    ("visit", "already_decided"): QT_TRANSLATE_NOOP("messages", "This visit has already been decided."),
    ("visit", "held"): QT_TRANSLATE_NOOP(
        "messages", "This visit is on hold: a supervisor must release it first."
    ),
    ("visit", "not_held"): QT_TRANSLATE_NOOP("messages", "This visit is not on hold."),
    ("badge", "unknown"): QT_TRANSLATE_NOOP(
        "messages", "This badge is not known here. Please see the front desk."
    ),
    ("badge", "unsigned"): QT_TRANSLATE_NOOP(
        "messages",
        "This badge is of an older kind the kiosk no longer accepts. Please check out at the front desk.",
    ),
    ("checkout", "no_match"): QT_TRANSLATE_NOOP(
        "messages",
        "No visitor on site has this name and these four digits. Please check both, or see the front desk.",
    ),
    ("checkout", "see_desk"): QT_TRANSLATE_NOOP("messages", "Please check out at the front desk."),
    ("mobile_last_four", "format"): QT_TRANSLATE_NOOP(
        "messages", "Please type the last four digits of the mobile number you gave at check-in."
    ),
    ("station", "wait"): QT_TRANSLATE_NOOP(
        "messages",
        "Too many entries here did not match. Please wait {minutes} min and try again, or see the front desk.",
    ),
    ("slip", "expired"): QT_TRANSLATE_NOOP(
        "messages", "This slip expired at {valid_until}: the holder must ask the office for a new one."
    ),
    ("invitation_code", "required"): QT_TRANSLATE_NOOP(
        "messages", "Please enter the 6-character code from your invitation."
    ),
    ("invitation_code", "wrong_length"): QT_TRANSLATE_NOOP(
        "messages", "The invitation code has {length} characters. Please check it."
    ),
    ("invitation_code", "invalid_character"): QT_TRANSLATE_NOOP(
        "messages", "Invitation codes do not contain “{char}”. Please check the code."
    ),
    ("invitation_code", "unknown"): QT_TRANSLATE_NOOP(
        "messages", "There is no invitation with this code. Please check it, or check in as a new visitor."
    ),
    ("invitation_code", "expired"): QT_TRANSLATE_NOOP(
        "messages", "This invitation was valid until {valid_until}. Please check in as a new visitor."
    ),
    ("invitation_code", "not_yet"): QT_TRANSLATE_NOOP(
        "messages",
        "This invitation is valid from {valid_from}. Please come back then, or see the front desk.",
    ),
    ("invitation_code", "used"): QT_TRANSLATE_NOOP("messages", "This invitation has already been used."),
    ("invitation_code", "cancelled"): QT_TRANSLATE_NOOP(
        "messages", "This invitation was cancelled. Please see the front desk."
    ),
    ("credentials", "invalid"): QT_TRANSLATE_NOOP("messages", "Staff number or PIN is wrong."),
    ("credentials", "not_allowed"): QT_TRANSLATE_NOOP(
        "messages", "Only a supervisor or an administrator may leave kiosk mode."
    ),
    ("credentials", "locked"): QT_TRANSLATE_NOOP(
        "messages", "Too many wrong tries: this account is locked for 15 minutes."
    ),
    ("credentials", "guard_only"): QT_TRANSLATE_NOOP("messages", "Only lobby guards check slips here."),
    ("message", "required"): QT_TRANSLATE_NOOP("messages", "Please enter a phone number or a message."),
    ("phone", "too_long"): QT_TRANSLATE_NOOP("messages", "The phone number is too long."),
    ("message", "too_long"): QT_TRANSLATE_NOOP("messages", "Please keep the message under {max} characters."),
    # A declined visitor's message, refused by the server (kiosk.services.checkin.leave_message).
    ("message", "other_station"): QT_TRANSLATE_NOOP(
        "messages", "A message can only be left at the kiosk where you checked in. Please see the front desk."
    ),
    ("message", "not_declined"): QT_TRANSLATE_NOOP(
        "messages",
        "A message can only be left when the host could not receive you. Please see the front desk.",
    ),
    ("message", "already_left"): QT_TRANSLATE_NOOP(
        "messages", "Your message has already been sent. The front desk will pass it to your host."
    ),
    ("message", "too_late"): QT_TRANSLATE_NOOP(
        "messages",
        "A message can be left up to {minutes} minutes after the host's answer. Please see the front desk.",
    ),
    ("host", "required"): QT_TRANSLATE_NOOP("messages", "Please choose the person you are visiting."),
    ("host", "unknown"): QT_TRANSLATE_NOOP(
        "messages", "That person is no longer in the directory. Please choose again."
    ),
    ("visit", "unknown"): QT_TRANSLATE_NOOP("messages", "This visit no longer exists."),
    ("visit", "already_checked_out"): QT_TRANSLATE_NOOP("messages", "This visitor has already checked out."),
    ("visit", "no_badge"): QT_TRANSLATE_NOOP("messages", "This visit has no badge to print."),
    ("print_job", "unknown"): QT_TRANSLATE_NOOP("messages", "This print job no longer exists."),
    ("print_job", "purged"): QT_TRANSLATE_NOOP(
        "messages",
        "This document is past its retention period and was removed; print it again from its record.",
    ),
    ("print_job", "already_printed"): QT_TRANSLATE_NOOP(
        "messages", "This job has already printed. Use “Reprint (copy)” for another copy."
    ),
    ("print_job", "not_printed_yet"): QT_TRANSLATE_NOOP(
        "messages", "This job has not printed yet. Use “Send now” instead."
    ),
    # Pre-registration
    ("valid_until", "before_start"): QT_TRANSLATE_NOOP(
        "messages", "The end of the visit must be after its start."
    ),
    ("valid_until", "in_the_past"): QT_TRANSLATE_NOOP(
        "messages", "This time window ended at {valid_until}. Please choose a later date or time."
    ),
    ("visiting_unit", "required"): QT_TRANSLATE_NOOP(
        "messages", "Please enter the visiting unit of the group."
    ),
    ("invitees", "required"): QT_TRANSLATE_NOOP(
        "messages", "Please list at least one visitor, one per line."
    ),
    ("headcount", "out_of_range"): QT_TRANSLATE_NOOP(
        "messages", "The headcount must be from {low} (the people listed) to {high}."
    ),
    ("email", "format"): QT_TRANSLATE_NOOP("messages", "This is not an e-mail address."),
    ("email", "required"): QT_TRANSLATE_NOOP("messages", "This invitation has no e-mail address."),
    ("email", "not_configured"): QT_TRANSLATE_NOOP(
        "messages", "E-mail is not set up at this site (notify.smtp_url): print the invitation instead."
    ),
    ("invitation", "unknown"): QT_TRANSLATE_NOOP("messages", "This invitation no longer exists."),
    ("invitation", "already_used"): QT_TRANSLATE_NOOP(
        "messages", "This invitation has been used to check in and cannot be cancelled."
    ),
    ("invitation", "ended"): QT_TRANSLATE_NOOP(
        "messages",
        "This invitation ended at {valid_until}: the kiosk would refuse its code. "
        "Create a new invitation instead.",
    ),
    # Release slips (物品放行条)
    ("unit", "format"): QT_TRANSLATE_NOOP("messages", "Please enter the unit as building-room, e.g. 2-104."),
    ("unit", "unknown"): QT_TRANSLATE_NOOP("messages", "Unit {unit} is not in the owner records."),
    ("holder", "not_on_record"): QT_TRANSLATE_NOOP("messages", "{name} is not on record for unit {unit}."),
    ("owner", "not_on_record"): QT_TRANSLATE_NOOP(
        "messages", "No owner of unit {unit} is on record, so the owner cannot be phoned: no slip."
    ),
    ("arrears", "tenant_must_pay"): QT_TRANSLATE_NOOP(
        "messages",
        "No slip until the fees are paid: {months} month(s) of management fees outstanding, ¥{amount}.",
    ),
    ("arrears", "override_required"): QT_TRANSLATE_NOOP(
        "messages",
        "{months} months of management fees outstanding (¥{amount}): a supervisor must approve "
        "with their PIN and a reason.",
    ),
    ("arrears", "none"): QT_TRANSLATE_NOOP("messages", "Nothing is outstanding for this payer."),
    ("fees", "no_record"): QT_TRANSLATE_NOOP(
        "messages",
        "This unit has no management-fee record, so nobody knows whether it is paid up: check with "
        "finance; a supervisor must approve the slip with their PIN and a reason.",
    ),
    ("owner_consent", "call_required"): QT_TRANSLATE_NOOP(
        "messages", "Phone the owner and record the answers first."
    ),
    ("owner_consent", "refused"): QT_TRANSLATE_NOOP(
        "messages", "The owner {owner} does not consent: no slip. Ask the tenant to contact the owner."
    ),
    ("item", "required"): QT_TRANSLATE_NOOP("messages", "Please enter the item."),
    ("item", "too_long"): QT_TRANSLATE_NOOP("messages", "Please keep the item under {max} characters."),
    ("quantity", "out_of_range"): QT_TRANSLATE_NOOP("messages", "The quantity must be from 1 to {max}."),
    ("items", "required"): QT_TRANSLATE_NOOP("messages", "Please list the items first."),
    ("items", "too_many"): QT_TRANSLATE_NOOP("messages", "At most {max} items fit on one slip."),
    ("signature", "required"): QT_TRANSLATE_NOOP(
        "messages", "The holder must type their name and tick the confirmation."
    ),
    ("signature", "mismatch"): QT_TRANSLATE_NOOP(
        "messages", "The typed name does not match the holder's name."
    ),
    ("override", "not_a_supervisor"): QT_TRANSLATE_NOOP("messages", "Only a supervisor can approve this."),
    ("staff", "not_allowed"): QT_TRANSLATE_NOOP("messages", "Your role cannot do this."),
    ("slip", "already_used"): QT_TRANSLATE_NOOP("messages", "This slip has already been used."),
    ("slip", "voided"): QT_TRANSLATE_NOOP("messages", "This slip was voided."),
    ("slip", "unknown"): QT_TRANSLATE_NOOP("messages", "This slip no longer exists."),
    # IDC identity-verification cards (IDC身份校验卡)
    ("form_number", "required"): QT_TRANSLATE_NOOP("messages", "Please enter the application form number."),
    ("form_number", "too_long"): QT_TRANSLATE_NOOP(
        "messages", "The form number is too long: at most {max} characters."
    ),
    ("form_number", "taken"): QT_TRANSLATE_NOOP(
        "messages", "An application with this form number has already been filed."
    ),
    ("company", "required"): QT_TRANSLATE_NOOP("messages", "Please enter the customer company."),
    ("mobile", "required"): QT_TRANSLATE_NOOP("messages", "Please enter the card holder's mobile number."),
    ("letter_reference", "required"): QT_TRANSLATE_NOOP(
        "messages", "Please enter the reference of the company's introduction letter."
    ),
    ("letter_reference", "too_long"): QT_TRANSLATE_NOOP(
        "messages", "The letter reference is too long: at most {max} characters."
    ),
    ("areas", "required"): QT_TRANSLATE_NOOP(
        "messages", "Please list the machine rooms or cages the card opens, one per line."
    ),
    ("areas", "too_long"): QT_TRANSLATE_NOOP(
        "messages", "A machine room or cage name has at most {max} characters."
    ),
    ("areas", "too_many"): QT_TRANSLATE_NOOP("messages", "At most {max} machine rooms or cages per card."),
    ("validity", "before_start"): QT_TRANSLATE_NOOP(
        "messages", "The card must be valid until after it starts."
    ),
    ("validity", "too_long"): QT_TRANSLATE_NOOP(
        "messages", "A card can be valid for at most {max_days} days."
    ),
    ("validity", "ended"): QT_TRANSLATE_NOOP(
        "messages", "The requested validity has already ended: sales must file a new application."
    ),
    ("application", "unknown"): QT_TRANSLATE_NOOP("messages", "This application no longer exists."),
    ("application", "own_application"): QT_TRANSLATE_NOOP(
        "messages", "You filed this application: another supervisor must decide it."
    ),
    ("application", "not_filed"): QT_TRANSLATE_NOOP("messages", "This application has already been decided."),
    ("application", "not_approved"): QT_TRANSLATE_NOOP(
        "messages", "Only an approved application can have its card issued."
    ),
    ("application", "not_issued"): QT_TRANSLATE_NOOP(
        "messages", "This application has no card in use to revoke."
    ),
    ("note", "required"): QT_TRANSLATE_NOOP("messages", "Please give the reason."),
    ("note", "too_long"): QT_TRANSLATE_NOOP("messages", "Please keep the note under {max} characters."),
    ("delivery", "unknown"): QT_TRANSLATE_NOOP("messages", "This upload no longer exists."),
    ("username", "required"): QT_TRANSLATE_NOOP(
        "messages", "Please enter a staff number (up to 40 characters)."
    ),
    ("username", "taken"): QT_TRANSLATE_NOOP("messages", "This staff number is taken already."),
    ("secret", "too_short"): QT_TRANSLATE_NOOP(
        "messages", "The PIN or password needs at least {min} characters."
    ),
    ("name", "required"): QT_TRANSLATE_NOOP("messages", "Please enter the name (up to 60 characters)."),
    ("role", "last_admin"): QT_TRANSLATE_NOOP(
        "messages", "This is the last administrator: make someone else administrator first."
    ),
    ("staff", "unknown"): QT_TRANSLATE_NOOP("messages", "This staff account no longer exists."),
    # Stations enrolled with the site server (the console's Stations section)
    ("station_name", "required"): QT_TRANSLATE_NOOP("messages", "Please enter a name for the station."),
    ("station_name", "too_long"): QT_TRANSLATE_NOOP(
        "messages", "The station name is too long: at most {max} characters."
    ),
    ("station_name", "invalid"): QT_TRANSLATE_NOOP(
        "messages", "A station name may have letters, digits, spaces, dots and dashes only."
    ),
    ("station_name", "taken"): QT_TRANSLATE_NOOP(
        "messages", "A station with this name is enrolled already: revoke it first, or choose another name."
    ),
    ("station", "unknown"): QT_TRANSLATE_NOOP("messages", "This station no longer exists."),
    ("card", "already_issued"): QT_TRANSLATE_NOOP("messages", "This visit has a visitor card already."),
    # Walk-ins at the desk and the desk's calls (kiosk.services.desk_visits, kiosk.domain.calls)
    ("number", "required"): QT_TRANSLATE_NOOP("messages", "Please enter the number you called."),
    ("number", "too_long"): QT_TRANSLATE_NOOP(
        "messages", "The number is too long: at most {max} characters."
    ),
    ("number", "format"): QT_TRANSLATE_NOOP(
        "messages", "A number has digits and may have + - # * (an intercom code, an extension or a phone)."
    ),
    ("resident", "not_of_unit"): QT_TRANSLATE_NOOP(
        "messages", "This resident is not on record for unit {unit}. Look the unit up again."
    ),
    ("callee", "unit_visit"): QT_TRANSLATE_NOOP(
        "messages", "This visit is to a unit: call the unit or one of its residents."
    ),
    ("callee", "staff_visit"): QT_TRANSLATE_NOOP(
        "messages", "This visit is to a member of staff: call them, not a unit."
    ),
    ("call", "unknown"): QT_TRANSLATE_NOOP("messages", "This call is not on record."),
    # The management office's permits (搬运材料凭据, 出入证): the refusals of the one check the desk,
    # the guard screen and the kiosk share (kiosk.domain.permits.refusal)
    ("permit", "unknown"): QT_TRANSLATE_NOOP(
        "messages",
        "This permit is not on the management office's register: it cannot be accepted.",
    ),
    ("permit", "expired"): QT_TRANSLATE_NOOP(
        "messages",
        "Permit {number} expired on {valid_until}: it cannot be accepted. "
        "The management office issues a new one.",
    ),
    ("permit", "not_yet_valid"): QT_TRANSLATE_NOOP(
        "messages", "Permit {number} is valid only from {valid_from}: it cannot be accepted before then."
    ),
    ("permit", "cancelled"): QT_TRANSLATE_NOOP(
        "messages", "Permit {number} was cancelled by the management office: it cannot be accepted."
    ),
    ("permit", "already_cancelled"): QT_TRANSLATE_NOOP("messages", "Permit {number} is already cancelled."),
    ("permit", "not_printed"): QT_TRANSLATE_NOOP("messages", "This permit was never printed here."),
    # Each kind of person at the lobby (seed 001's table; kiosk.services.visitor_kinds): who must
    # approve, the admissions' fields, the company leaders' list and the patrol notices
    ("approver", "duty_officer"): QT_TRANSLATE_NOOP(
        "messages",
        "Only the duty officer can approve this visit (at night, or an official or a visiting group). "
        "A supervisor approves it as duty officer from the night banner on the board.",
    ),
    ("approver", "host"): QT_TRANSLATE_NOOP(
        "messages",
        "This visit is approved by its host (or by the desk after calling them), not the duty officer.",
    ),
    ("approver", "desk_call"): QT_TRANSLATE_NOOP(
        "messages",
        "Let this person in after an intercom call to the unit, or after checking their name against "
        "the resident records.",
    ),
    ("approver", "nobody"): QT_TRANSLATE_NOOP(
        "messages", "This kind of person is let through without approval."
    ),
    ("approver", "permit"): QT_TRANSLATE_NOOP(
        "messages", "A permit holder is let in only on a valid permit from the management office's register."
    ),
    ("kind", "off"): QT_TRANSLATE_NOOP(
        "messages", "This site does not take this kind of person here. Please see the desk."
    ),
    ("kind", "is_visit"): QT_TRANSLATE_NOOP(
        "messages", "A visitor to someone is registered as a visit (walk-in registration or the kiosk)."
    ),
    ("kind", "not_a_visit"): QT_TRANSLATE_NOOP(
        "messages", "This kind of person is let through on the admissions page, not registered as a visit."
    ),
    ("name", "not_a_resident"): QT_TRANSLATE_NOOP(
        "messages", "Nobody of that name is in the resident records for unit {unit}. Do not let them in yet."
    ),
    ("unit", "no_residents"): QT_TRANSLATE_NOOP(
        "messages", "The resident records have nobody for unit {unit}. Do not let them in yet."
    ),
    ("unit", "required"): QT_TRANSLATE_NOOP("messages", "Please enter the unit, e.g. 2-104."),
    ("leader", "not_on_list"): QT_TRANSLATE_NOOP(
        "messages", "Choose the leader from the company leaders' list (a supervisor keeps it)."
    ),
    ("leader", "unknown"): QT_TRANSLATE_NOOP("messages", "This leader is no longer on the list."),
    ("leader", "already_retired"): QT_TRANSLATE_NOOP(
        "messages", "This leader was already taken off the list."
    ),
    ("work_card", "required"): QT_TRANSLATE_NOOP(
        "messages", "Check the work card and enter its number before letting staff through."
    ),
    ("work_card", "too_long"): QT_TRANSLATE_NOOP(
        "messages", "The work card number has at most {max} characters."
    ),
    ("call_note", "required"): QT_TRANSLATE_NOOP(
        "messages", "Write whom you called on the intercom and what they said."
    ),
    ("call_note", "too_long"): QT_TRANSLATE_NOOP(
        "messages", "Please keep the call note under {max} characters."
    ),
    ("title", "too_long"): QT_TRANSLATE_NOOP("messages", "The form of address has at most {max} characters."),
    ("name", "too_long"): QT_TRANSLATE_NOOP("messages", "The name has at most {max} characters."),
    ("admission", "already_followed"): QT_TRANSLATE_NOOP(
        "messages", "Someone has already marked this notice as followed."
    ),
    ("admission", "unknown"): QT_TRANSLATE_NOOP("messages", "This admission is not on record."),
}


def validation_message(error: ValidationError) -> str:
    """A specific, translated sentence saying what to fix."""
    template = _MESSAGES.get((error.field, error.code))
    if template is None:
        # A code with no sentence yet: a general one, never the error's own English text (its
        # parameters may hold what a person typed). The log names the code so it gets a sentence.
        log.warning("no message for the validation error %s.%s", error.field, error.code)
        return QCoreApplication.translate("messages", "Please check the entry.")
    text = QCoreApplication.translate("messages", template)  # marked with QT_TRANSLATE_NOOP
    for name, value in error.params.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def error_message(error: Exception) -> str:
    """What a person is told when an operation failed: what to fix if the entry was refused,
    otherwise a general apology that sends them to the desk (the cause goes to the log)."""
    if isinstance(error, ValidationError):
        return validation_message(error)
    if isinstance(error, ServerUnreachableError):
        return QCoreApplication.translate(
            "messages", "This station cannot reach the site server just now. Please see the front desk."
        )
    if isinstance(error, AccessRefusedError):
        return access_message(error)
    return QCoreApplication.translate("messages", "Sorry, something went wrong. Please see the front desk.")


def access_message(error: AccessRefusedError) -> str:
    """A refusal by the server's rights, in the user's words."""
    words = {
        "sign_in_required": QCoreApplication.translate("messages", "Please sign in first."),
        "session_expired": QCoreApplication.translate(
            "messages", "You were signed out after a time without use. Please sign in again."
        ),
        "forbidden": QCoreApplication.translate("messages", "Your role may not do this at this station."),
        "too_many_tries": QCoreApplication.translate(
            "messages", "Too many tries at this station. Please wait a few minutes."
        ),
        "station_unknown": QCoreApplication.translate(
            "messages",
            "This station is not enrolled with the site server (or was removed). Please call the desk.",
        ),
    }
    return words.get(error.code) or QCoreApplication.translate(
        "messages", "Sorry, something went wrong. Please see the front desk."
    )


def log_failure(logger: logging.Logger, what: str, error: BaseException) -> None:
    """Log a failed operation. A refused entry is ordinary: INFO, with its field and code only (its
    parameters may hold a person's name). Anything else is a fault: ERROR, with the traceback."""
    if isinstance(error, ValidationError):
        logger.info("%s refused: %s.%s", what, error.field, error.code)
    else:
        logger.error("%s failed: %s", what, type(error).__name__, exc_info=error)


def page_message(messages: Mapping[tuple[str, str], str], error: Exception) -> str:
    """A page's own translated sentence for ``error`` (its params fill %1, %2, ... in order),
    else the shared one from :func:`validation_message`; an error that is not a refusal (the
    server out of reach...) in :func:`error_message`'s words."""
    if not isinstance(error, ValidationError):
        return error_message(error)
    text = messages.get((error.field, error.code))
    if text is None:
        return validation_message(error)
    for n, value in enumerate(error.params.values(), start=1):
        text = text.replace(f"%{n}", str(value))
    return text


def issue_failure_message(error: Exception) -> str:
    """What the visitor is told when their card was not issued, in the kiosk's language."""
    if isinstance(error, NoCardError):
        return QCoreApplication.translate(
            "kiosk_card", "No card was found. Lay one card flat on the reader and keep it there."
        )
    # The server's word on the card (a station's read, or the server's own encoder): its verdict
    # refuses the card, or what was read back did not verify.
    verdict = error.code if isinstance(error, ValidationError) and error.field == CARD_ON_ENCODER else None
    refused = verdict is not None
    if verdict is not None and verdict not in ("not_verified", "attempt_over"):
        return QCoreApplication.translate(
            "kiosk_card", "This card cannot be used. Please take another card from the tray."
        )
    if isinstance(error, CardRemovedError):
        return QCoreApplication.translate(
            "kiosk_card", "The card was moved while it was being written. Lay it on the reader again."
        )
    if isinstance(error, CardWriteError) or refused:
        return QCoreApplication.translate(
            "kiosk_card", "Writing the card failed. Please try again, holding the card still."
        )
    if isinstance(error, ValidationError | ServerUnreachableError):
        return error_message(error)  # the visit may not have a card; the server is away
    return QCoreApplication.translate(
        "kiosk_card", "The card reader is not working. Please see the front desk."
    )
