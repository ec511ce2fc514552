"""A plausible month at the lobby for `kiosk screenshots`' monthly figures, made through the
product's own services as the desk would have made it: the site's clock (a ManualClock) is walked
through the month and at each moment the step due then is taken. Visitors check in (a morning and
an afternoon peak, fewer at weekends), are approved and leave, a few forgotten until the night's
auto check-out; release slips are issued; deposits taken and refunded, fees paid; repairs taken,
dispatched with their work order, reached, completed, signed off and called back, most within
their limits (the server's round alerts the late ones); complaints recorded, followed up, called
back and closed by a supervisor. Every badge, slip, receipt and work order is printed.

Decided: a quieter lobby than a busy one (about 130 visits and 35 repairs where a busy one has
1,500 and 80; 20 complaints): every badge, receipt, slip and work order is printed, and printing
is most of the time `kiosk screenshots` spends on the month. Whatever the month started is
finished by the time the screenshots stand at (the month's last repairs run into this one), so
nothing of it is left open on today's board or lists. Same month every run (a seeded random).
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from kiosk.app import KioskApp
from kiosk.domain.complaints import (
    ComplaintKind,
    ComplaintSource,
    ComplaintSubject,
    NewComplaint,
    Satisfaction,
)
from kiosk.domain.documents import PartyKind, PaymentMethod, ReceiptPurpose
from kiosk.domain.monthly_figures import Month
from kiosk.domain.repairs import RepairCategory, RepairClass, RepairSettings
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver, CheckoutMethod, VisitStatus
from kiosk.services.clock import ManualClock
from kiosk.services.release_slips import SlipRequest
from kiosk.services.repairs import RepairDraft
from kiosk.services.staff import DEMO_PIN, SignedIn

# Arrivals by hour of the day (08:00 to 19:00), a weekday's shape.
_HOURS = (8, 9, 9, 9, 10, 10, 10, 11, 11, 13, 14, 14, 14, 15, 15, 16, 16, 17, 18, 19)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超"
_COMPANIES = (
    "蓝海数据科技有限公司",
    "华南数据科技有限公司",
    "星河通信",
    "顺丰速运",
    "华美装饰",
    "Acme Data Ltd",
    "",
)
_PURPOSES = ("商务洽谈", "设备巡检", "送货", "面试", "")
# The sample owners (fictional), each paid up, so the office issues their slips at once.
_OWNERS = (
    ("2-0301", "郑国平", "440305197506123318"),
    ("2-0702", "何丽华", "440304198209235629"),
    ("3-1101", "冯建军", "11010819680304121X"),
    ("5-0802", "Grace Lin", "440306199005177831"),
    ("6-1203", "曹文静", "320502198511304040"),
)
_ITEMS = (
    ("台式电脑主机", 1),
    ("液晶显示器", 2),
    ("旧沙发", 1),
    ("纸箱（书籍）", 6),
    ("洗衣机", 1),
    ("办公椅", 4),
)
# What breaks, where, and who fixes it ("" the engineering department, 工程部).
_REPAIRS = {
    RepairCategory.WATER: (
        ("卫生间水管漏水", "卫生间"),
        ("厨房下水道堵塞", "厨房"),
        ("阳台地漏返水", "阳台"),
    ),
    RepairCategory.ELECTRICITY: (("客厅跳闸，部分插座无电", "配电箱"), ("走廊灯不亮", "入户走廊")),
    RepairCategory.AIR_CONDITIONING: (("空调不制冷", "客厅"), ("空调滴水", "主卧")),
    RepairCategory.LIFT: (("电梯按钮失灵", "2 号电梯"), ("电梯运行异响", "1 号电梯")),
    RepairCategory.DOORS_LOCKS: (("门锁无法反锁", "入户门"), ("窗户关不严", "书房")),
    RepairCategory.OTHER: (("墙面渗水发霉", "次卧"), ("可视对讲无画面", "门厅")),
}
_CONTRACTORS = {RepairCategory.LIFT: "奥的斯电梯维保", RepairCategory.AIR_CONDITIONING: "美的空调售后"}
_OFTEN_URGENT = (RepairCategory.WATER, RepairCategory.ELECTRICITY, RepairCategory.LIFT)
_ENGINEERS = ("刘师傅", "张师傅", "陈工", "黄师傅")
# What people complain about, and who is to deal with it.
_COMPLAINTS = {
    ComplaintSubject.CLEANING: ("B1 电梯厅垃圾未及时清运。", "保洁部"),
    ComplaintSubject.SECURITY: ("夜间有外来人员在楼道逗留。", "保安部"),
    ComplaintSubject.REPAIRS: ("报修后维修人员迟到一小时。", "工程部"),
    ComplaintSubject.PARKING: ("访客车辆占用业主车位。", "保安部"),
    ComplaintSubject.NOISE: ("楼上装修噪音影响休息。", "工程部"),
    ComplaintSubject.STAFF_ATTITUDE: ("前台接听电话态度生硬。", "客服部"),
    ComplaintSubject.FEES: ("对本月管理费账单有疑问。", "财务部"),
    ComplaintSubject.DECORATION: ("装修垃圾堆放在楼道。", "工程部"),
    ComplaintSubject.OTHER: ("快递柜经常满柜。", "管理处"),
}

Step = Callable[[], object]  # a service call; what it answers is not needed


@dataclass
class _Agenda:
    """The month's steps in time order: each step runs with the clock set to its moment, and may
    add later steps (a check-in adds its approval). Nothing runs after ``end``: a step due later
    is taken then."""

    clock: ManualClock
    end: datetime
    _steps: list[tuple[datetime, int, Step]] = field(default_factory=list)
    _order: itertools.count[int] = field(default_factory=itertools.count)

    def at(self, moment: datetime, step: Step) -> None:
        heapq.heappush(self._steps, (min(moment, self.end), next(self._order), step))

    def run(self) -> None:
        while self._steps:
            moment, _, step = heapq.heappop(self._steps)
            self.clock.set(moment)
            step()


def fill_sample_month(app: KioskApp, month: Month) -> None:
    """Make the sample month through the services, on the site's clock walked through it; the
    clock is put back after. Once: a month with visits already is left alone (the screenshots
    check their visitors in today; a repair or complaint of theirs may date from last month)."""
    clock = app.clock
    if not isinstance(clock, ManualClock):
        raise TypeError("the sample month walks the site's clock: build the app with a ManualClock")
    if app.monthly_figures.figures(month).visits:
        return
    back_to = clock.now()
    zone = app.site.timezone
    try:
        _Month(app, clock, month, zone).make()
    finally:
        clock.set(back_to)


class _Month:
    clerk: SignedIn
    supervisor: SignedIn
    hosts: list[int]

    def __init__(self, app: KioskApp, clock: ManualClock, month: Month, zone: tzinfo) -> None:
        self.app, self.month, self.zone = app, month, zone
        self.rng = random.Random(18)
        # What the month started is finished by now (the month's last repairs into this one).
        self.agenda = _Agenda(clock, clock.now())
        self.clock = clock
        self.settings: RepairSettings = app.config.repairs
        self.deposits = itertools.count(1)

    def _at(self, day: date, hour: int, minute: int) -> datetime:
        return datetime.combine(day, time(hour, minute), self.zone)

    def make(self) -> None:
        app, first = self.app, self.month.first_day
        self.clock.set(self._at(first, 8, 30))
        if not app.staff.count():
            app.staff.add_demo_accounts(app.actor)
        # The shift's receptionist does the desk's work; the supervisor (领班) closes complaints.
        self.clerk = app.staff.sign_in(Role.RECEPTIONIST.value, DEMO_PIN)
        self.supervisor = app.staff.sign_in(Role.SUPERVISOR.value, DEMO_PIN)
        self._import_owners(first)
        self.hosts = [host.host_id for host in app.directory.search("")]
        for day in self.month.dates():
            self._plan_day(day)
        self.agenda.run()

    def _import_owners(self, first: date) -> None:
        """The month's owner records and fee ledger, as the office imports the property-management
        system's export: the sample owners paid up to last month."""
        rows = "\n".join(f"{unit},{name},业主,139{n:08d}" for n, (unit, name, _) in enumerate(_OWNERS, 1))
        self.app.residents.import_residents(
            f"房号,姓名,身份,电话\n{rows}\n".encode(), "owners.csv", self.app.actor
        )
        before = first - timedelta(days=1)
        fees = "\n".join(f"{unit},业主,{before:%Y-%m},300.00,300.00" for unit, _name, _id in _OWNERS)
        self.app.residents.import_fees(
            f"房号,缴费人,月份,应收,实收\n{fees}\n".encode(), "fees.csv", self.app.actor
        )

    def _plan_day(self, day: date) -> None:
        rng = self.rng
        weekend = day.weekday() >= 5
        for _ in range(rng.randint(1, 3) if weekend else rng.randint(3, 7)):
            self.agenda.at(self._at(day, rng.choice(_HOURS), rng.randrange(60)), self._visitor())
        if not weekend and rng.random() < 0.5:
            self.agenda.at(self._at(day, rng.randint(9, 16), rng.randrange(60)), self._slip)
        if rng.random() < 0.5:
            self.agenda.at(self._at(day, rng.randint(9, 17), rng.randrange(60)), self._deposit)
        if rng.random() < 0.15:
            self.agenda.at(self._at(day, rng.randint(9, 17), rng.randrange(60)), self._fee)
        for _ in range(rng.randint(0, 1) if weekend else rng.randint(1, 2)):
            self.agenda.at(self._at(day, rng.randint(8, 20), rng.randrange(60)), self._repair)
        if rng.random() < 0.7:
            self.agenda.at(self._at(day, rng.randint(9, 17), rng.randrange(60)), self._complaint)
        at = self.app.config.auto_checkout_at
        if at is not None:
            # The server's round at the configured hour: the visitors nobody checked out.
            self.agenda.at(self._at(day, at.hour, at.minute), self._auto_check_out)

    def _later(self, minutes: float, step: Step) -> None:
        self.agenda.at(self.clock.now() + timedelta(minutes=minutes), step)

    def _name(self) -> str:
        rng = self.rng
        return rng.choice(_SURNAMES) + rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.6 else "")

    # --- visitors -------------------------------------------------------------------------------
    def _visitor(self) -> Step:
        app, rng = self.app, self.rng
        request = CheckInRequest(
            self._name(),
            rng.choice(self.hosts),
            rng.choice(_COMPANIES),
            purpose=rng.choice(_PURPOSES),
            party_size=rng.choice((1, 1, 1, 2, 3)),
            declaration_accepted=True,
        )
        # Most hosts answer their link; the desk phones the others.
        approver = Approver.HOST if rng.random() < 0.8 else Approver.DESK
        stays = rng.uniform(20, 300)
        forgotten = rng.random() < 0.04

        def arrive() -> None:
            visit = app.checkin.check_in(request, app.actor)
            visit_id = visit.visit_id

            def approve() -> None:
                if visit.status is VisitStatus.HELD:
                    # A namesake of someone on the watchlist: the supervisor looked and let them on.
                    app.checkin.release_hold(visit_id, self.supervisor.actor, "同名，非本人")
                app.checkin.approve(
                    visit_id, app.actor if approver is Approver.HOST else self.clerk.actor, approver
                )
                if not forgotten:
                    # Gone by the evening, before the night's auto check-out.
                    now = self.clock.now()
                    evening = self._at(now.astimezone(self.zone).date(), 21, 0)
                    leave = min(stays, max(5, (evening - now).total_seconds() / 60))
                    self._later(leave, lambda: app.lobby.check_out(visit_id, app.actor, CheckoutMethod.DESK))

            self._later(rng.uniform(1, 6), approve)

        return arrive

    def _auto_check_out(self) -> None:
        self.app.lobby.auto_check_out(self.clock.now(), self.app.actor)

    # --- the office -----------------------------------------------------------------------------
    def _slip(self) -> None:
        rng = self.rng
        unit, owner, id_number = rng.choice(_OWNERS)
        items = tuple(rng.sample(_ITEMS, rng.randint(1, 3)))
        self.app.release_slips.issue(
            SlipRequest(unit, owner, PartyKind.OWNER, "resident_id", id_number, items, owner, True),
            self.clerk,
        )

    def _deposit(self) -> None:
        app, rng, actor = self.app, self.rng, self.clerk.actor
        purpose, fen, prefix = rng.choice(
            (
                (ReceiptPurpose.CARD_DEPOSIT, 5000, "C"),
                (ReceiptPurpose.CARD_DEPOSIT, 5000, "C"),
                (ReceiptPurpose.PASS_DEPOSIT, 10000, "P"),
                (ReceiptPurpose.DECORATION_PASS_DEPOSIT, 20000, "D"),
            )
        )
        reference = f"{prefix}-{next(self.deposits):04d}"
        method = rng.choice(
            (PaymentMethod.CASH, PaymentMethod.CASH, PaymentMethod.WECHAT, PaymentMethod.ALIPAY)
        )
        app.payments.take_deposit(purpose, self._name(), reference, fen, actor, method=method)
        # Cards and passes come back the same day; a decoration pass when the works end (some
        # works go on still).
        back = self.clock.now() + timedelta(
            minutes=rng.uniform(60, 480) if prefix != "D" else rng.uniform(3, 40) * 1440
        )
        if back < self.agenda.end:
            self.agenda.at(back, lambda: app.payments.refund(reference, actor))

    def _fee(self) -> None:
        unit, owner, _ = self.rng.choice(_OWNERS)
        self.app.payments.record_fee_payment(owner, 30000, "装修垃圾清运费", self.clerk.actor, unit=unit)

    # --- repairs --------------------------------------------------------------------------------
    def _repair(self) -> None:
        app, rng, who = self.app, self.rng, self.clerk
        category = rng.choice(list(RepairCategory))
        what, where = rng.choice(_REPAIRS[category])
        # A burst pipe, a power cut, someone stuck in a lift: most of those are urgent (急修).
        urgent = rng.random() < (0.6 if category in _OFTEN_URGENT else 0.1)
        repair_class = RepairClass.URGENT if urgent else RepairClass.GENERAL
        unit = f"{rng.randint(1, 6)}-{rng.randint(1, 30):02d}{rng.randint(1, 4):02d}"
        draft = RepairDraft(
            unit, self._name(), f"139{rng.randrange(10**8):08d}", what, category, repair_class, where
        )
        repair_id = app.repairs.take(draft, who).repair_id
        limit = self.settings.fix_limit(repair_class).total_seconds() / 60
        arrival = self.settings.arrival_limit(repair_class)
        # Minutes from the taking to the engineer on site and to the work done: most within their
        # limits, about one in eight misses one (the server's round then alerts the supervisor).
        done = limit * rng.uniform(0.1, 0.9)
        if arrival is not None:
            reach = arrival.total_seconds() / 60 * rng.uniform(0.25, 0.9)
        else:
            reach = done * rng.uniform(0.3, 0.8)
        missed: timedelta | None = None
        if rng.random() < 0.125:
            if arrival is not None and rng.random() < 0.5:
                reach, missed = arrival.total_seconds() / 60 + rng.uniform(5, 80), arrival
            else:
                done, missed = limit * rng.uniform(1.05, 1.5), timedelta(minutes=limit)
        done = max(done, reach + 20)
        contractor = _CONTRACTORS.get(category, "") if rng.random() < 0.7 else ""
        dispatch_in = min(reach / 2, rng.uniform(5, 30))

        def dispatch() -> None:
            app.repairs.dispatch(repair_id, who, contractor, rng.choice(_ENGINEERS) if not contractor else "")
            self._later(reach - dispatch_in, arrive)

        def arrive() -> None:
            app.repairs.record_arrival(repair_id, who)
            self._later(done - reach, complete)

        def complete() -> None:
            app.repairs.record_completion(repair_id, who, "已修复")
            self._later(rng.uniform(10, 90), lambda: app.repairs.sign_off(repair_id, who, draft.caller_name))
            self._later(rng.uniform(1, 3) * 1440, call_back)

        def call_back() -> None:
            # One in six does not answer the first time: the desk calls again the next day.
            if rng.random() < 1 / 6 and self.clock.now() < self.agenda.end:
                app.repairs.callback(repair_id, who, None, "无人接听")
                self._later(1440, call_back)
                return
            satisfied = rng.choice((Satisfaction.SATISFIED,) * 4 + (Satisfaction.FAIRLY,))
            app.repairs.callback(repair_id, who, Satisfaction.FAIRLY if missed else satisfied)

        self._later(dispatch_in, dispatch)
        if missed is not None:
            self._later(missed.total_seconds() / 60 + 5, lambda: app.repairs.alert_overdue(app.actor))

    # --- complaints -----------------------------------------------------------------------------
    def _complaint(self) -> None:
        app, rng, who = self.app, self.rng, self.clerk
        subject = rng.choice(list(ComplaintSubject))
        text, responsible = _COMPLAINTS[subject]
        today = self.clock.now().astimezone(self.zone).date()
        new = NewComplaint(
            ComplaintKind.COMPLAINT,
            rng.choice(
                (ComplaintSource.PHONE, ComplaintSource.PHONE, ComplaintSource.VISIT, ComplaintSource.LETTER)
            ),
            subject,
            self._name(),
            text,
            responsible,
            today + timedelta(days=3),
            unit=f"{rng.randint(1, 6)}-{rng.randint(1, 30):02d}{rng.randint(1, 4):02d}",
            contact=f"138{rng.randrange(10**8):08d}",
            serious=rng.random() < 0.1,
        )
        complaint_id = app.complaints.record(new, who).complaint.complaint_id
        # Most close within a day or two; a few drag on for days.
        hours = rng.uniform(2, 40) if rng.random() < 0.8 else rng.uniform(48, 120)

        def follow_up() -> None:
            app.complaints.add_step(complaint_id, f"已通知{responsible}处理。", who)
            self._later(hours * 60 * 0.6, done)

        def done() -> None:
            app.complaints.add_step(complaint_id, f"{responsible}已现场处理完毕。", who)
            self._later(hours * 60 * 0.2, call_back)

        def call_back() -> None:
            app.complaints.call_back(complaint_id, rng.choice(tuple(Satisfaction)), "已回访业户", who)
            self._later(
                hours * 60 * 0.1,
                lambda: app.complaints.close(complaint_id, "已处理，业户认可。", self.supervisor),
            )

        self._later(hours * 60 * 0.1, follow_up)
