"""Each kind of person at the lobby and who approves them (seed 001's table, 对出入大堂人员的控制).

Two families. A **visit** is someone who comes to see a person (an outside visitor, a government
official, a visiting group): it waits for its approver as every visit does. An **admission** is
someone let through on what they are (a resident without a card, a company leader on the desk's
list, a member of staff with a work card, a permit holder): the desk (or the kiosk, for a permit)
decides at once and the visitor record (来人来访记录表) gets a line. A resident the desk knows by
sight needs no line at all.

Which kinds exist and who approves each is the site's configuration ([visitor_kinds], with the
seed's defaults); the server checks every decision against it, whatever a screen offers.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.domain.notify import NotifyAddressError, NotifyChannel, validate_address
from kiosk.domain.visit import VisitorType


class VisitorKind(enum.Enum):
    RESIDENT_KNOWN = "resident_known"  # 认识的住户: no record
    RESIDENT_NO_CARD = "resident_no_card"  # 不认识但自称业户且无卡和密码
    COMPANY_LEADER = "company_leader"  # 非住户公司领导（附名单）
    STAFF = "staff"  # 公司员工: 查验工作证
    VISITOR = "visitor"  # 外来人员访问住户 / 被访者
    GOVERNMENT = "government"  # 政府部门人员
    TOUR_GROUP = "tour_group"  # 参观人员
    PERMIT_HOLDER = "permit_holder"  # 持“出入证”人员（装修、送报、送奶）

    @property
    def is_visit(self) -> bool:
        """Someone come to see a person: a visit with a host, waiting for its approver."""
        return self in _VISIT_KINDS


_VISIT_KINDS = frozenset({VisitorKind.VISITOR, VisitorKind.GOVERNMENT, VisitorKind.TOUR_GROUP})


class KindApprover(enum.Enum):
    """Who must approve a kind."""

    NOBODY = "nobody"  # let through on what they are, recorded (or, known by sight, not even that)
    HOST = "host"  # the person visited (their link), or the desk after calling them
    DESK_CALL = "desk_call"  # the desk, after an intercom call (or a check of the resident records)
    DUTY_OFFICER = "duty_officer"  # 管理处值班人员 / 物业总值
    PERMIT = "permit"  # the permits register's check (出入证)


class ApprovalWay(enum.Enum):
    """How a visit or an admission was approved: the record says, and the server checks it
    against the kind's approver."""

    KNOWN = "known"  # known by sight (a resident), nothing recorded
    LEADERS_LIST = "leaders_list"  # on the desk's list of company leaders
    WORK_CARD = "work_card"  # a member of staff's work card checked
    HOST_LINK = "host_link"  # the host's e-mail / chat / SMS link
    DESK_CALL = "desk_call"  # the desk called the host or the unit (对讲 / 电话) and they agreed
    GATE_GUARD = "gate_guard"  # the gate guard's message that the visit was confirmed (大门岗信息)
    RESIDENT_RECORDS = "resident_records"  # nobody home: name checked against the resident records
    DUTY_OFFICER_LINK = "duty_officer_link"  # the duty officer's own link
    DUTY_OFFICER_DESK = "duty_officer_desk"  # the duty officer (or a supervisor for them) at a console
    PERMIT_CHECK = "permit_check"  # a valid permit from the register
    INVITATION = "invitation"  # pre-registered: the host approved in advance


# Which ways satisfy which approver. Decided: the host's approval may come from the host's link,
# the desk's call to the host, the gate guard's message, or an invitation; nothing but the duty
# officer satisfies the duty officer.
SATISFIES: dict[KindApprover, frozenset[ApprovalWay]] = {
    KindApprover.NOBODY: frozenset({ApprovalWay.KNOWN, ApprovalWay.LEADERS_LIST, ApprovalWay.WORK_CARD}),
    KindApprover.HOST: frozenset(
        {ApprovalWay.HOST_LINK, ApprovalWay.DESK_CALL, ApprovalWay.GATE_GUARD, ApprovalWay.INVITATION}
    ),
    KindApprover.DESK_CALL: frozenset({ApprovalWay.DESK_CALL, ApprovalWay.RESIDENT_RECORDS}),
    KindApprover.DUTY_OFFICER: frozenset({ApprovalWay.DUTY_OFFICER_LINK, ApprovalWay.DUTY_OFFICER_DESK}),
    KindApprover.PERMIT: frozenset({ApprovalWay.PERMIT_CHECK}),
}

# The seed's table, as each site starts.
DEFAULT_APPROVERS: dict[VisitorKind, KindApprover] = {
    VisitorKind.RESIDENT_KNOWN: KindApprover.NOBODY,
    VisitorKind.RESIDENT_NO_CARD: KindApprover.DESK_CALL,
    VisitorKind.COMPANY_LEADER: KindApprover.NOBODY,
    VisitorKind.STAFF: KindApprover.NOBODY,
    VisitorKind.VISITOR: KindApprover.HOST,
    VisitorKind.GOVERNMENT: KindApprover.DUTY_OFFICER,
    VisitorKind.TOUR_GROUP: KindApprover.DUTY_OFFICER,
    VisitorKind.PERMIT_HOLDER: KindApprover.PERMIT,
}

# What a site may set a kind to (besides "off"). A permit holder is checked by the register
# alone; a visit needs someone to say yes; an admission has no host to ask.
_ALLOWED: dict[VisitorKind, frozenset[KindApprover]] = {
    kind: (
        frozenset({KindApprover.HOST, KindApprover.DESK_CALL, KindApprover.DUTY_OFFICER})
        if kind.is_visit
        else frozenset({KindApprover.PERMIT})
        if kind is VisitorKind.PERMIT_HOLDER
        else frozenset({KindApprover.NOBODY, KindApprover.DESK_CALL, KindApprover.DUTY_OFFICER})
    )
    for kind in VisitorKind
}
# A resident known by sight is let in by the desk that knows them: that kind is nobody's or off.
_ALLOWED[VisitorKind.RESIDENT_KNOWN] = frozenset({KindApprover.NOBODY})

OFF = "off"
LEADER_NAME_MAX = 60
LEADER_TITLE_MAX = 40  # the greeting the desk uses: 王总, Director Wang
LEADER_COMPANY_MAX = 80
WORK_CARD_MAX = 30
NOTE_MAX = 200
UNIT_MAX = 20
REASON_MAX = 200


@dataclass(frozen=True)
class KindSettings:
    """[visitor_kinds]: each kind's approver, or absent (off); the duty officer and the patrol
    guard's contacts ([duty_officer]); a contact is a channel of kiosk.domain.notify and its
    address (a robot's webhook, a mobile, an e-mail)."""

    approvers: Mapping[VisitorKind, KindApprover] = field(default_factory=lambda: dict(DEFAULT_APPROVERS))
    duty_officer_name: str = "物业总值"
    duty_officer_channel: str = ""  # "": not notified (the desk's banner and alarm only)
    duty_officer_address: str = ""
    duty_officer_mobile: str = ""
    patrol_channel: str = ""
    patrol_address: str = ""
    patrol_mobile: str = ""

    def enabled(self, kind: VisitorKind) -> bool:
        return kind in self.approvers

    def approver(self, kind: VisitorKind) -> KindApprover:
        """The kind's approver (the service refuses a kind that is off before asking)."""
        return self.approvers[kind]

    def problems(self) -> list[tuple[str, str]]:
        """(key, why) for a contact whose channel has no address to reach them at."""
        found: list[tuple[str, str]] = []
        for prefix, channel, address, mobile in (
            ("duty_officer.", self.duty_officer_channel, self.duty_officer_address, self.duty_officer_mobile),
            ("duty_officer.patrol_", self.patrol_channel, self.patrol_address, self.patrol_mobile),
        ):
            if not channel:
                continue
            try:
                validate_address(NotifyChannel(channel), address)
            except NotifyAddressError as exc:
                found.append((f"{prefix}address", f"{address!r} cannot be used for {channel}: {exc.code}"))
                continue
            # A group robot may be the site's ([notify]); an e-mail or an SMS needs whom to send to.
            if channel == NotifyChannel.EMAIL.value and not address:
                found.append((f"{prefix}address", "email needs an e-mail address"))
            if channel == NotifyChannel.SMS.value and not (address or mobile):
                found.append((f"{prefix}address", "sms needs a mobile number"))
        return found


def parse_approver(kind: VisitorKind, raw: str) -> KindApprover | None:
    """A [visitor_kinds] value: an approver allowed for ``kind``, or "off" (None). Raises
    ValueError naming the choices."""
    text = raw.strip().lower()
    if text == OFF:
        return None
    choices = sorted(a.value for a in _ALLOWED[kind])
    try:
        approver = KindApprover(text)
    except ValueError:
        approver = None
    if approver is None or approver not in _ALLOWED[kind]:
        raise ValueError(f"{raw!r} is not one of {', '.join(repr(c) for c in [*choices, OFF])}")
    return approver


def required_approver(settings: KindSettings, kind: VisitorKind, night: bool) -> KindApprover:
    """Who must approve ``kind`` now: at night (20:00-08:00) the duty officer approves every visit
    (seed 002 item 12: 物业总值 does the night's registration), over the host."""
    approver = settings.approver(kind)
    if night and kind.is_visit:
        return KindApprover.DUTY_OFFICER
    return approver


def may_approve(required: KindApprover, way: ApprovalWay) -> bool:
    return way in SATISFIES[required]


def kind_of_type(visitor_type: VisitorType) -> VisitorKind:
    """A kiosk check-in's kind from what the visitor tapped: a government official is one; every
    other check-in comes to see someone."""
    return VisitorKind.GOVERNMENT if visitor_type is VisitorType.GOVERNMENT else VisitorKind.VISITOR


# --- what the desk and the guard screen exchange with the server -------------------------------


@dataclass(frozen=True)
class AdmissionRequest:
    """The desk lets someone through on what they are. ``kind`` says which fields count: a
    resident without a card names their unit and how they were checked (``way``: the intercom
    call or the resident records); a company leader is ``leader_id`` of the desk's list; staff
    show a work card (``work_card``); a permit holder's ``permit_code`` (scanned or typed)."""

    kind: VisitorKind
    name: str = ""
    unit: str = ""
    company: str = ""
    way: ApprovalWay | None = None
    leader_id: int | None = None
    work_card: str = ""
    permit_code: str = ""
    # What was said on the intercom or the phone; the desk's call record may be joined later.
    call_note: str = ""
    note: str = ""


@dataclass(frozen=True)
class AdmissionView:
    admission_id: int | None  # None: a resident known by sight, nothing recorded
    kind: VisitorKind
    name: str
    unit: str
    company: str
    way: ApprovalWay
    reference: str  # the leader's greeting, the work card, the permit number
    note: str
    night: bool
    at: datetime
    by_name: str
    patrol_notified: bool = False
    patrol_error: str = ""
    patrol_followed_at: datetime | None = None
    patrol_followed_by: str = ""
    # A permit holder's permit: its last day (the kiosk shows it)
    permit_number: str = ""
    permit_valid_until: datetime | None = None


@dataclass(frozen=True)
class LeaderView:
    leader_id: int
    name: str
    title: str
    company: str
    active: bool
    added_at: datetime
    added_by_name: str
    retired_at: datetime | None = None
    retire_reason: str = ""


@dataclass(frozen=True)
class KindRule:
    """One kind as the site configured it, for the desk's screen."""

    kind: VisitorKind
    approver: KindApprover


@dataclass(frozen=True)
class NightWaiting:
    """A visit waiting for the duty officer (at night, or a kind the duty officer approves)."""

    visit_id: int
    visitor_name: str
    kind: VisitorKind
    requested_at: datetime
    night: bool
    notified: bool
    notice_error: str = ""


@dataclass(frozen=True)
class KindsOnBoard:
    """The board's part: whether it is night now, the visits waiting for the duty officer (the
    banner and the alarm), and the patrol notices not yet followed up."""

    night: bool = False
    duty_officer: str = ""
    waiting_for_duty_officer: list[NightWaiting] = field(default_factory=list)
    patrol_open: list[AdmissionView] = field(default_factory=list)
