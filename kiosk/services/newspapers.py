"""Newspapers and magazines (报刊), seed 004 §报刊函件管理程序 2): the units' subscriptions, each
day's bundles counted against them (清点登记), shortfalls and late deliveries raised with the post
office (交涉) and followed until resolved; the server's round escalates one left open past
[newspapers] escalate_after_hours to the shift leader (领班), once. The month's deliveries and
shortfalls export to XLSX. Rules and words: kiosk.domain.newspapers.

Decided: counting a title opens its shortfall by itself when copies are missing or the bundle was
ticked late; a recount changes the open one (a recount that finds it complete, with nobody at the
post office spoken to yet, resolves it as a miscount). A title not come at all is reported late
before it is counted ("not delivered"); counting it later keeps the same shortfall. A shortfall is
resolved only with what was done (补送, credited...); nothing is deleted, a subscription is stopped
with its reason and keeps its history.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ValidationError
from kiosk.domain.monthly_figures import Month
from kiosk.domain.newspapers import (
    BUNDLE_MAX,
    CONTACT_MAX,
    NOTE_MAX,
    SUPPLIER_MAX,
    ContactMethod,
    DeliveryDay,
    Frequency,
    NewspaperSettings,
    NewspapersOnBoard,
    ShortfallOnBoard,
    ShortfallRow,
    ShortfallStatus,
    ShortfallStepKind,
    ShortfallStepView,
    ShortfallView,
    SubscriptionRow,
    TitleOfDay,
    UncountedTitle,
    UnitCopies,
    clean_title,
    delivers_on,
    month_days_text,
    parse_month_days,
    read_day,
    read_shortfall_number,
    shortfall_number,
    title_key,
    validate_copies,
    validate_period,
    validate_schedule,
)
from kiosk.domain.repairs import validate_unit
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.text import optional_text, required_text
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.site import SiteInfo
from kiosk.services.supervisor_alerts import tell_supervisor
from kiosk.services.xlsx_stream import Sheet, save_workbook
from kiosk.storage.database import Sessions
from kiosk.storage.models import (
    NewspaperDelivery,
    NewspaperShortfall,
    NewspaperShortfallStep,
    NewspaperSubscription,
)

SUBSCRIPTION = "newspaper_subscription"
DELIVERY = "newspaper_delivery"
SHORTFALL = "newspaper_shortfall"
LIST_LIMIT = 500
# A recount found the bundle complete before anyone was spoken to: a miscount, not a shortfall.
RECOUNTED = "复点齐全 / recounted: complete"


@dataclass(frozen=True)
class SubscriptionDraft:
    """What the desk takes down of a unit's order (订阅单)."""

    unit: str
    title: str
    frequency: Frequency
    copies: int
    starts_on: date
    ends_on: date
    weekdays: int = 0  # dailies and weeklies: bit 0 Monday ... bit 6 Sunday
    month_days: str = ""  # monthlies: "5", "1,16"
    supplier: str = ""  # "" the post office (邮局)


@dataclass(frozen=True)
class ShortfallEscalated:
    """A shortfall left open too long, for the shift leader: which title, which day, what is
    missing, and how far the desk got with the post office."""

    number: str
    day: date
    title: str
    supplier: str
    copies_missing: int
    late: bool
    received: bool
    noticed_at: datetime
    contacts: int
    timezone: tzinfo

    def subject(self) -> str:
        return f"报刊缺失未解决 / Newspaper shortfall unresolved {self.number} {self.title}"

    def lines(self) -> list[str]:
        noticed = f"{self.noticed_at.astimezone(self.timezone):%Y-%m-%d %H:%M}"
        if not self.received:
            zh, en = "未送达", "not delivered"
        elif self.copies_missing:
            zh, en = f"缺 {self.copies_missing} 份", f"{self.copies_missing} copies missing"
        else:
            zh, en = "迟到", "delivered late"
        if self.late and self.received and self.copies_missing:
            zh, en = zh + "，迟到", en + ", late"
        supplier = self.supplier or "邮局"
        return [
            f"{self.day:%Y-%m-%d} 的《{self.title}》{zh}（{self.number}，{noticed} 登记），"
            f"至今未解决，请领班与{supplier}进一步交涉。",
            f"{self.title} of {self.day:%Y-%m-%d}: {en} ({self.number}, noticed {noticed}), still "
            "unresolved; please take it up further with the supplier.",
            "",
            f"- 已交涉 / contacts so far: {self.contacts}",
            f"- 投递方 / delivered by: {supplier}",
        ]


def _require(who: SignedIn) -> None:
    if not allowed(who.role, Permission.NEWSPAPERS):
        raise ValidationError("staff", "not_allowed")


@dataclass
class NewspaperService:
    sessions: Sessions
    clock: Clock
    site: SiteInfo
    settings: NewspaperSettings = field(default_factory=NewspaperSettings)
    # Where escalations go besides the audit trail and the board (kiosk.app: the mail).
    alerters: list[Callable[[ShortfallEscalated], None]] = field(default_factory=list)

    def today(self) -> date:
        return self.clock.now().astimezone(self.site.timezone).date()

    # --- subscriptions --------------------------------------------------------------------------
    def subscribe(self, draft: SubscriptionDraft, who: SignedIn) -> SubscriptionRow:
        """Take down a unit's order of a title."""
        _require(who)
        unit = validate_unit(draft.unit)
        title = clean_title(draft.title)
        copies = validate_copies(draft.copies)
        days = parse_month_days(draft.month_days) if draft.frequency is Frequency.MONTHLY else ()
        weekdays = 0 if draft.frequency is Frequency.MONTHLY else draft.weekdays
        validate_schedule(draft.frequency, weekdays, days)
        validate_period(draft.starts_on, draft.ends_on)
        supplier = optional_text(draft.supplier, "supplier", SUPPLIER_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = NewspaperSubscription(
                unit=unit,
                title=title,
                title_key=title_key(title),
                frequency=draft.frequency,
                weekdays=weekdays,
                month_days=month_days_text(days),
                copies=copies,
                starts_on=draft.starts_on,
                ends_on=draft.ends_on,
                supplier=supplier,
                created_at=now,
                created_by=who.actor.label,
                created_by_name=who.name,
            )
            session.add(row)
            session.flush()
            audit.record(
                session, who.actor, "newspaper.subscribed", SUBSCRIPTION, row.id, now,
                unit=unit, title=title, copies=copies, frequency=draft.frequency.value,
            )  # fmt: skip
            return _subscription(row)

    def stop(
        self, subscription_id: int, who: SignedIn, reason: str, last_day: date | None = None
    ) -> SubscriptionRow:
        """Stop an order before its end (the unit moved out, cancelled it): ``last_day`` the last
        day it comes (today when not given); kept with its reason."""
        _require(who)
        clean = required_text(reason, "reason", NOTE_MAX)
        last = last_day if last_day is not None else self.today()
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = session.get(NewspaperSubscription, subscription_id)
            if row is None:
                raise ValidationError("subscription", "unknown")
            if row.stopped_on is not None:
                raise ValidationError("subscription", "stopped")
            if not row.starts_on - timedelta(days=1) <= last < row.ends_on:
                raise ValidationError("last_day", "outside", first=str(row.starts_on), last=str(row.ends_on))
            row.stopped_on = last
            row.stop_reason = clean
            row.stopped_by = who.actor.label
            audit.record(
                session, who.actor, "newspaper.subscription_stopped", SUBSCRIPTION, row.id, now,
                unit=row.unit, title=row.title, last_day=str(last),
            )  # fmt: skip
            return _subscription(row)

    def subscriptions(self, search: str = "", which: str = "current") -> list[SubscriptionRow]:
        """The orders, by unit then title: ``current`` (not ended or stopped before today) or
        ``all``; ``search`` a unit (2-104) or part of a title."""
        stmt = select(NewspaperSubscription).order_by(
            NewspaperSubscription.unit, NewspaperSubscription.title_key, NewspaperSubscription.id
        )
        if which == "current":
            today = self.today()
            stmt = stmt.where(
                NewspaperSubscription.ends_on >= today,
                or_(NewspaperSubscription.stopped_on.is_(None), NewspaperSubscription.stopped_on >= today),
            )
        elif which != "all":
            raise ValidationError("which", "unknown")
        text = search.strip()
        if text:
            stmt = stmt.where(_unit_or_title(text))
        with self.sessions.reads() as session:
            return [_subscription(row) for row in session.scalars(stmt.limit(LIST_LIMIT))]

    def subscription(self, subscription_id: int) -> SubscriptionRow:
        with self.sessions.reads() as session:
            row = session.get(NewspaperSubscription, subscription_id)
            if row is None:
                raise ValidationError("subscription", "unknown")
            return _subscription(row)

    # --- a day's bundles ------------------------------------------------------------------------
    def day(self, day: date) -> DeliveryDay:
        """Each title expected on ``day`` (every unit's copies) beside what was counted."""
        with self.sessions.reads() as session:
            return self._day(session, day)

    def day_of_count(self, delivery_id: int) -> DeliveryDay:
        """The day a count was made on, as it stands (a retried count's answer)."""
        with self.sessions.reads() as session:
            delivery = session.get(NewspaperDelivery, delivery_id)
            if delivery is None:
                raise ValidationError("delivery", "unknown")
            return self._day(session, delivery.day)

    def count(
        self,
        day: date,
        title: str,
        received: int,
        who: SignedIn,
        arrived_late: bool = False,
        note: str = "",
    ) -> DeliveryDay:
        """Record the copies of ``title`` that came on ``day`` (again: a recount, audited with the
        count it replaces). Short or ticked late, its shortfall opens (or the open one changes)."""
        _require(who)
        validate_copies(received, "received", BUNDLE_MAX, low=0)
        clean_note = optional_text(note, "note", NOTE_MAX)
        key = title_key(clean_title(title))
        now = self.clock.now()
        self._not_future(day)
        with self.sessions.begin() as session:
            shown = self._title_of(session, day, key)
            delivery = session.scalar(
                select(NewspaperDelivery).where(
                    NewspaperDelivery.day == day, NewspaperDelivery.title_key == key
                )
            )
            before = delivery.received if delivery is not None else None
            if delivery is None:
                delivery = NewspaperDelivery(day=day, title_key=key, title=shown.title)
                session.add(delivery)
            delivery.expected = shown.expected
            delivery.received = received
            delivery.arrived_late = arrived_late or (delivery.arrived_late if before is not None else False)
            delivery.counted_at = now
            delivery.counted_by = who.actor.label
            delivery.counted_by_name = who.name
            delivery.note = clean_note
            session.flush()
            audit.record(
                session, who.actor, "newspaper.counted", DELIVERY, delivery.id, now,
                day=str(day), title=shown.title, expected=shown.expected, received=received,
                recount_of=before, late=delivery.arrived_late,
            )  # fmt: skip
            self._shortfall_after_count(session, delivery, who, now)
            return self._day(session, day)

    def report_late(self, day: date, title: str, who: SignedIn) -> ShortfallView:
        """A title not come by the time it should have (未按时送达): its shortfall opens, every
        copy missing, to be raised with the post office before the bundle is counted."""
        _require(who)
        key = title_key(clean_title(title))
        now = self.clock.now()
        self._not_future(day)
        with self.sessions.begin() as session:
            shown = self._title_of(session, day, key)
            if shown.received is not None:
                raise ValidationError("title", "counted")
            if shown.shortfall_id is not None:
                raise ValidationError("shortfall", "already_open", number=shown.shortfall_number)
            shortfall = self._open_shortfall(
                session,
                day,
                key,
                shown.title,
                self._supplier(session, day, key),
                shown.expected,
                None,
                True,
                who,
                now,
            )
            return self._view(session, shortfall)

    # --- shortfalls -----------------------------------------------------------------------------
    def shortfall(self, shortfall_id: int) -> ShortfallView:
        with self.sessions.reads() as session:
            return self._view(session, self._get(session, shortfall_id))

    def shortfalls(self, which: str = "open", search: str = "") -> list[ShortfallRow]:
        """Newest first: ``open`` or ``all``; ``search`` a number (BK000001), a day (2026-11-25,
        11-25) or part of a title."""
        stmt = select(NewspaperShortfall).order_by(NewspaperShortfall.id.desc()).limit(LIST_LIMIT)
        if which == "open":
            stmt = stmt.where(NewspaperShortfall.status == ShortfallStatus.OPEN)
        elif which != "all":
            raise ValidationError("which", "unknown")
        text = search.strip()
        if text:
            number = read_shortfall_number(text)
            day = read_day(text, self.today())
            if number is not None:
                stmt = stmt.where(NewspaperShortfall.number == number)
            elif day is not None:
                stmt = stmt.where(NewspaperShortfall.day == day)
            else:
                stmt = stmt.where(NewspaperShortfall.title_key.contains(title_key(text), autoescape=True))
        with self.sessions.reads() as session:
            rows = list(session.scalars(stmt))
            contacted = _contacted(session, [row.id for row in rows])
            return [_shortfall_row(row, row.id in contacted) for row in rows]

    def record_contact(
        self, shortfall_id: int, who: SignedIn, contact_name: str, method: ContactMethod, note: str
    ) -> ShortfallView:
        """Raised with the post office or the paper (交涉): whom there, how, what they said."""
        _require(who)
        contact = required_text(contact_name, "contact_name", CONTACT_MAX)
        said = required_text(note, "note", NOTE_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            shortfall = self._open(session, shortfall_id)
            _step(session, shortfall, ShortfallStepKind.CONTACTED, who.actor, who.name, now,
                  contact_name=contact, method=method, note=said)  # fmt: skip
            audit.record(
                session, who.actor, "newspaper.shortfall_contacted", SHORTFALL, shortfall.id, now,
                number=shortfall.number, method=method.value,
            )  # fmt: skip
            return self._view(session, shortfall)

    def resolve(
        self, shortfall_id: int, who: SignedIn, resolution: str, copies_made_good: int = 0
    ) -> ShortfallView:
        """Closed with what was done (补送 N 份, credited, not recoverable...)."""
        _require(who)
        how = required_text(resolution, "resolution", NOTE_MAX)
        validate_copies(copies_made_good, "copies_made_good", BUNDLE_MAX, low=0)
        now = self.clock.now()
        with self.sessions.begin() as session:
            shortfall = self._open(session, shortfall_id)
            _close(session, shortfall, who.actor, who.name, now, how, copies_made_good)
            audit.record(
                session, who.actor, "newspaper.shortfall_resolved", SHORTFALL, shortfall.id, now,
                number=shortfall.number, copies_made_good=copies_made_good,
            )  # fmt: skip
            return self._view(session, shortfall)

    # --- the board and the server's round ----------------------------------------------------------
    def on_board(self) -> NewspapersOnBoard:
        """Today's titles not yet counted, and the shortfalls still open (the oldest first)."""
        today = self.today()
        with self.sessions.reads() as session:
            shown = self._day(session, today)
            rows = list(
                session.scalars(
                    select(NewspaperShortfall)
                    .where(NewspaperShortfall.status == ShortfallStatus.OPEN)
                    .order_by(NewspaperShortfall.noticed_at, NewspaperShortfall.id)
                )
            )
            contacted = _contacted(session, [row.id for row in rows])
        return NewspapersOnBoard(
            today,
            shown.late_after,
            [UncountedTitle(t.title, t.expected) for t in shown.titles if t.received is None],
            [
                ShortfallOnBoard(
                    r.id,
                    r.number,
                    r.day,
                    r.title,
                    r.copies_missing,
                    r.late,
                    r.received is not None,
                    r.id in contacted,
                    r.escalated_at is not None,
                    r.noticed_at,
                )
                for r in rows
            ],
        )

    def escalate_overdue(self, actor: Actor) -> list[ShortfallEscalated]:
        """Escalate each shortfall open ``escalate_after_hours`` since it was noticed to the shift
        leader, once: marked in the same transaction as its step and audit event, so no round
        sends it again."""
        now = self.clock.now()
        cutoff = now - timedelta(hours=self.settings.escalate_after_hours)
        alerts: list[ShortfallEscalated] = []
        with self.sessions.begin() as session:
            due = session.scalars(
                select(NewspaperShortfall)
                .where(
                    NewspaperShortfall.status == ShortfallStatus.OPEN,
                    NewspaperShortfall.noticed_at <= cutoff,
                    NewspaperShortfall.escalated_at.is_(None),
                )
                .order_by(NewspaperShortfall.id)
                .with_for_update()
            ).all()
            contacted = _contact_counts(session, [row.id for row in due])
            for shortfall in due:
                shortfall.escalated_at = now
                _step(session, shortfall, ShortfallStepKind.ESCALATED, actor, "", now)
                audit.record(
                    session, actor, "newspaper.shortfall_escalated", SHORTFALL, shortfall.id, now,
                    number=shortfall.number, hours=self.settings.escalate_after_hours,
                )  # fmt: skip
                alerts.append(
                    ShortfallEscalated(
                        shortfall.number,
                        shortfall.day,
                        shortfall.title,
                        shortfall.supplier,
                        shortfall.copies_missing,
                        shortfall.late,
                        shortfall.received is not None,
                        shortfall.noticed_at,
                        contacted.get(shortfall.id, 0),
                        self.site.timezone,
                    )
                )
        for alert in alerts:
            tell_supervisor(self.alerters, alert, "newspaper shortfall")
        return alerts

    # --- the month's workbook ---------------------------------------------------------------------
    def export(self, month: Month, path: Path, words: Mapping[str, str]) -> Path:
        """The month's bundles (expected beside received, day by day up to today), its shortfalls
        with their trail, and the orders that ran in it, as an XLSX workbook at ``path`` headed
        in ``words`` (English -> the desk's language). Complete or not there."""
        save_workbook(path, self._month_sheets(month, words))
        return path

    def _month_sheets(self, month: Month, words: Mapping[str, str]) -> list[Sheet]:
        def w(text: str) -> str:
            return words.get(text, text)

        zone = self.site.timezone

        def local(moment: datetime | None) -> datetime | None:
            return moment.astimezone(zone).replace(tzinfo=None) if moment is not None else None

        last = min(month.after - timedelta(days=1), self.today())
        with self.sessions.reads() as session:
            days = [self._day(session, d) for d in month.dates() if d <= last]
            shortfalls = list(
                session.scalars(
                    select(NewspaperShortfall)
                    .where(NewspaperShortfall.day >= month.first_day, NewspaperShortfall.day < month.after)
                    .order_by(NewspaperShortfall.day, NewspaperShortfall.id)
                )
            )
            steps = _steps_of(session, [s.id for s in shortfalls])
            orders = list(
                session.scalars(
                    select(NewspaperSubscription)
                    .where(
                        NewspaperSubscription.starts_on < month.after,
                        NewspaperSubscription.ends_on >= month.first_day,
                    )
                    .order_by(NewspaperSubscription.unit, NewspaperSubscription.title_key)
                )
            )
        yes = w("Yes")
        delivery_rows = [
            (
                d.day,
                t.title,
                t.expected,
                t.received,
                t.missing if t.received is not None else None,
                yes if t.arrived_late else "",
                local(t.counted_at),
                t.counted_by_name,
                t.shortfall_number,
                t.note,
            )
            for d in days
            for t in d.titles
        ]

        def contacts(shortfall_id: int) -> str:
            return "; ".join(
                f"{local(s.at):%m-%d %H:%M} {s.contact_name} ({w(s.method.value) if s.method else ''}): "
                f"{s.note} — {s.actor_name}"
                for s in steps.get(shortfall_id, [])
                if s.kind is ShortfallStepKind.CONTACTED
            )

        shortfall_rows = [
            (
                s.number,
                s.day,
                s.title,
                s.supplier or w("Post office"),
                s.expected,
                s.received,
                s.copies_missing,
                yes if s.late else "",
                local(s.noticed_at),
                s.noticed_by_name,
                contacts(s.id),
                local(s.escalated_at),
                w(s.status.value),
                local(s.resolved_at),
                s.resolved_by_name,
                s.resolution,
                s.copies_made_good,
            )
            for s in shortfalls
        ]
        order_rows = [
            (
                o.unit,
                o.title,
                w(o.frequency.value),
                _days_words(o, w),
                o.copies,
                o.starts_on,
                o.ends_on,
                o.stopped_on,
                o.stop_reason,
                o.supplier or w("Post office"),
            )
            for o in orders
        ]
        heads = (
            "Day", "Title", "Expected", "Received", "Missing", "Late", "Counted at", "Counted by",
            "Shortfall", "Note",
        )  # fmt: skip
        shortfall_heads = (
            "Shortfall", "Day", "Title", "Delivered by", "Expected", "Received", "Missing", "Late",
            "Noticed at", "Noticed by", "Raised with the post office", "Escalated at", "State",
            "Resolved at", "Resolved by", "Resolution", "Copies made good",
        )  # fmt: skip
        order_heads = (
            "Unit", "Title", "Frequency", "Days", "Copies", "From", "To", "Stopped after", "Why stopped",
            "Delivered by",
        )  # fmt: skip
        return [
            Sheet(w("Deliveries"), [w(h) for h in heads], delivery_rows, {1: 24, 6: 16, 9: 30}),
            Sheet(w("Shortfalls"), [w(h) for h in shortfall_heads], shortfall_rows, {2: 24, 10: 60, 15: 40}),
            Sheet(w("Subscriptions"), [w(h) for h in order_heads], order_rows, {1: 24, 3: 20}),
        ]

    # --- inside ---------------------------------------------------------------------------------
    def _not_future(self, day: date) -> None:
        if day > self.today():
            raise ValidationError("day", "future")

    def _late_after(self, day: date) -> datetime:
        return datetime.combine(day, self.settings.expected_by, tzinfo=self.site.timezone).astimezone(UTC)

    def _day(self, session: Session, day: date) -> DeliveryDay:
        expected: dict[str, tuple[str, list[UnitCopies]]] = {}
        for sub in session.scalars(
            _running_on(day).order_by(NewspaperSubscription.unit, NewspaperSubscription.id)
        ):
            if delivers_on(sub.frequency, sub.weekdays, _days(sub), day):
                expected.setdefault(sub.title_key, (sub.title, []))[1].append(
                    UnitCopies(sub.unit, sub.copies)
                )
        counted = {
            d.title_key: d
            for d in session.scalars(select(NewspaperDelivery).where(NewspaperDelivery.day == day))
        }
        latest: dict[str, NewspaperShortfall] = {}
        for s in session.scalars(
            select(NewspaperShortfall).where(NewspaperShortfall.day == day).order_by(NewspaperShortfall.id)
        ):
            if s.status is ShortfallStatus.OPEN or s.title_key not in latest:
                latest[s.title_key] = s
        names = {key: d.title for key, d in counted.items()} | {key: t for key, (t, _u) in expected.items()}
        titles: list[TitleOfDay] = []
        for key in sorted(names, key=lambda k: (names[k], k)):
            units = expected[key][1] if key in expected else []
            title = names[key]
            delivery = counted.get(key)
            shortfall = latest.get(key)
            titles.append(
                TitleOfDay(
                    title_key=key,
                    title=title,
                    expected=sum(u.copies for u in units)
                    if units
                    else (delivery.expected if delivery else 0),
                    units=tuple(units),
                    received=delivery.received if delivery else None,
                    arrived_late=delivery.arrived_late if delivery else False,
                    counted_at=delivery.counted_at if delivery else None,
                    counted_by_name=delivery.counted_by_name if delivery else "",
                    note=delivery.note if delivery else "",
                    shortfall_id=shortfall.id if shortfall else None,
                    shortfall_number=shortfall.number if shortfall else "",
                    shortfall_open=shortfall is not None and shortfall.status is ShortfallStatus.OPEN,
                )
            )
        return DeliveryDay(day, self._late_after(day), titles)

    def _title_of(self, session: Session, day: date, key: str) -> TitleOfDay:
        for shown in self._day(session, day).titles:
            if shown.title_key == key:
                if not shown.units:
                    break
                return shown
        raise ValidationError("title", "not_expected", day=str(day))

    @staticmethod
    def _supplier(session: Session, day: date, key: str) -> str:
        return (
            session.scalar(
                _running_on(day)
                .where(NewspaperSubscription.title_key == key)
                .order_by(NewspaperSubscription.id.desc())
                .with_only_columns(NewspaperSubscription.supplier)
                .limit(1)
            )
            or ""
        )

    def _shortfall_after_count(
        self, session: Session, delivery: NewspaperDelivery, who: SignedIn, now: datetime
    ) -> None:
        gap = max(0, delivery.expected - delivery.received)
        shortfall = session.scalar(
            select(NewspaperShortfall).where(
                NewspaperShortfall.day == delivery.day,
                NewspaperShortfall.title_key == delivery.title_key,
                NewspaperShortfall.status == ShortfallStatus.OPEN,
            )
        )
        if shortfall is None:
            if gap or delivery.arrived_late:
                supplier = self._supplier(session, delivery.day, delivery.title_key)
                self._open_shortfall(
                    session, delivery.day, delivery.title_key, delivery.title, supplier,
                    delivery.expected, delivery.received, delivery.arrived_late, who, now,
                )  # fmt: skip
            return
        shortfall.expected = delivery.expected
        shortfall.received = delivery.received
        shortfall.copies_missing = gap
        shortfall.late = shortfall.late or delivery.arrived_late
        _step(session, shortfall, ShortfallStepKind.COUNTED, who.actor, who.name, now, copies=gap)
        contacted = _contacted(session, [shortfall.id])
        if not gap and not shortfall.late and not contacted:
            _close(session, shortfall, who.actor, who.name, now, RECOUNTED, 0)
            audit.record(
                session, who.actor, "newspaper.shortfall_resolved", SHORTFALL, shortfall.id, now,
                number=shortfall.number, recounted=True,
            )  # fmt: skip

    @staticmethod
    def _open_shortfall(
        session: Session,
        day: date,
        key: str,
        title: str,
        supplier: str,
        expected: int,
        received: int | None,
        late: bool,
        who: SignedIn,
        now: datetime,
    ) -> NewspaperShortfall:
        missing = expected - received if received is not None else expected
        shortfall = NewspaperShortfall(
            number=shortfall_number(next_value(session, "newspaper_shortfall")),
            day=day,
            title_key=key,
            title=title,
            supplier=supplier,
            expected=expected,
            received=received,
            copies_missing=max(0, missing),
            late=late,
            status=ShortfallStatus.OPEN,
            noticed_at=now,
            noticed_by=who.actor.label,
            noticed_by_name=who.name,
        )
        session.add(shortfall)
        session.flush()
        _step(
            session,
            shortfall,
            ShortfallStepKind.NOTICED,
            who.actor,
            who.name,
            now,
            copies=shortfall.copies_missing,
        )
        audit.record(
            session, who.actor, "newspaper.shortfall_noticed", SHORTFALL, shortfall.id, now,
            number=shortfall.number, day=str(day), title=title, missing=shortfall.copies_missing, late=late,
        )  # fmt: skip
        return shortfall

    @staticmethod
    def _get(session: Session, shortfall_id: int) -> NewspaperShortfall:
        shortfall = session.get(NewspaperShortfall, shortfall_id)
        if shortfall is None:
            raise ValidationError("shortfall", "unknown")
        return shortfall

    def _open(self, session: Session, shortfall_id: int) -> NewspaperShortfall:
        shortfall = self._get(session, shortfall_id)
        if shortfall.status is not ShortfallStatus.OPEN:
            raise ValidationError("shortfall", "resolved", number=shortfall.number)
        return shortfall

    @staticmethod
    def _view(session: Session, s: NewspaperShortfall) -> ShortfallView:
        session.flush()
        steps = _steps_of(session, [s.id]).get(s.id, [])
        return ShortfallView(
            shortfall_id=s.id,
            number=s.number,
            day=s.day,
            title=s.title,
            supplier=s.supplier,
            expected=s.expected,
            received=s.received,
            copies_missing=s.copies_missing,
            late=s.late,
            status=s.status,
            noticed_at=s.noticed_at,
            noticed_by_name=s.noticed_by_name,
            escalated_at=s.escalated_at,
            resolved_at=s.resolved_at,
            resolved_by_name=s.resolved_by_name,
            resolution=s.resolution,
            copies_made_good=s.copies_made_good,
            steps=tuple(steps),
        )


def _running_on(day: date) -> Select[NewspaperSubscription]:
    """The orders that run on ``day`` (whether an issue comes that day is the schedule's)."""
    return select(NewspaperSubscription).where(
        NewspaperSubscription.starts_on <= day,
        NewspaperSubscription.ends_on >= day,
        or_(NewspaperSubscription.stopped_on.is_(None), NewspaperSubscription.stopped_on >= day),
    )


def _days(sub: NewspaperSubscription) -> tuple[int, ...]:
    return tuple(int(d) for d in sub.month_days.split(",") if d)


def _days_words(sub: NewspaperSubscription, w: Callable[[str], str]) -> str:
    if sub.frequency is Frequency.MONTHLY:
        return sub.month_days
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    return " ".join(w(name) for bit, name in enumerate(names) if sub.weekdays >> bit & 1)


def _unit_or_title(text: str) -> ColumnElement[bool]:
    by_title = NewspaperSubscription.title_key.contains(title_key(text), autoescape=True)
    try:
        unit = validate_unit(text)
    except ValidationError:
        return by_title
    return or_(NewspaperSubscription.unit == unit, by_title)


def _subscription(row: NewspaperSubscription) -> SubscriptionRow:
    return SubscriptionRow(
        subscription_id=row.id,
        unit=row.unit,
        title=row.title,
        frequency=row.frequency,
        weekdays=row.weekdays,
        month_days=_days(row),
        copies=row.copies,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        supplier=row.supplier,
        created_at=row.created_at,
        created_by_name=row.created_by_name,
        stopped_on=row.stopped_on,
        stop_reason=row.stop_reason,
    )


def _shortfall_row(row: NewspaperShortfall, contacted: bool) -> ShortfallRow:
    return ShortfallRow(
        row.id, row.number, row.day, row.title, row.expected, row.received, row.copies_missing,
        row.late, row.status, row.noticed_at, contacted, row.escalated_at, row.resolved_at,
    )  # fmt: skip


def _step(
    session: Session,
    shortfall: NewspaperShortfall,
    kind: ShortfallStepKind,
    actor: Actor,
    actor_name: str,
    now: datetime,
    *,
    contact_name: str = "",
    method: ContactMethod | None = None,
    note: str = "",
    copies: int | None = None,
) -> None:
    session.add(
        NewspaperShortfallStep(
            shortfall_id=shortfall.id,
            kind=kind,
            at=now,
            actor=actor.label,
            actor_name=actor_name,
            contact_name=contact_name,
            method=method,
            note=note,
            copies=copies,
        )
    )


def _close(
    session: Session,
    shortfall: NewspaperShortfall,
    actor: Actor,
    name: str,
    now: datetime,
    how: str,
    copies: int,
) -> None:
    shortfall.status = ShortfallStatus.RESOLVED
    shortfall.resolved_at = now
    shortfall.resolved_by = actor.label
    shortfall.resolved_by_name = name
    shortfall.resolution = how
    shortfall.copies_made_good = copies
    _step(session, shortfall, ShortfallStepKind.RESOLVED, actor, name, now, note=how, copies=copies)


def _steps_of(session: Session, ids: Sequence[int]) -> dict[int, list[ShortfallStepView]]:
    found: dict[int, list[ShortfallStepView]] = {}
    if not ids:
        return found
    for step in session.scalars(
        select(NewspaperShortfallStep)
        .where(NewspaperShortfallStep.shortfall_id.in_(ids))
        .order_by(NewspaperShortfallStep.id)
    ):
        found.setdefault(step.shortfall_id, []).append(
            ShortfallStepView(
                step.kind, step.at, step.actor_name, step.contact_name, step.method, step.note, step.copies
            )
        )
    return found


def _contact_counts(session: Session, ids: Sequence[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for shortfall_id, views in _steps_of(session, ids).items():
        counts[shortfall_id] = sum(1 for v in views if v.kind is ShortfallStepKind.CONTACTED)
    return {k: v for k, v in counts.items() if v}


def _contacted(session: Session, ids: Sequence[int]) -> set[int]:
    return set(_contact_counts(session, ids))
