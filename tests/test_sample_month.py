"""`kiosk screenshots`' sample month, made through the services on the site's clock walked back
through last month: a full month of every figure, nothing of it left open, the clock put back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.app import KioskApp
from kiosk.cli.sample_month import fill_sample_month
from kiosk.config import Config
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.monthly_figures import Month
from kiosk.domain.repairs import RepairEventKind
from kiosk.services.clock import ManualClock
from tests.conftest import TEST_NOW, build_test_app, close_test_app

LAST_MONTH = Month(2026, 10)


@pytest.fixture
def site(config: Config, migrated_database: Path, printer: FakePrinter) -> Iterator[KioskApp]:
    """The screenshots' site: the server's core on a clock that can be set."""
    built = build_test_app(config, migrated_database, "server", printer=printer, clock=ManualClock(TEST_NOW))
    yield built
    close_test_app(built)


@pytest.mark.heavy  # a month of a lobby: over a thousand transactions
def test_the_sample_month_is_made_through_the_services_once(site: KioskApp, printer: FakePrinter) -> None:
    fill_sample_month(site, LAST_MONTH)
    assert site.clock.now() == TEST_NOW  # put back
    figures = site.monthly_figures.figures(LAST_MONTH)
    # Visitors every day, fewer at weekends; slips, receipts and refunds; every figure has data.
    assert all(figures.visits_per_day) and figures.visits > 100
    by_day = list(zip(LAST_MONTH.dates(), figures.visits_per_day, strict=True))
    assert min(n for day, n in by_day if day.weekday() < 5) >= 3
    assert max(n for day, n in by_day if day.weekday() >= 5) <= 3
    assert sum(figures.people_per_day) > figures.visits
    assert sum(figures.slips_per_day) and sum(figures.receipts_per_day) and sum(figures.refunds_per_day)
    assert sum(figures.visits_per_hour[8:20]) == figures.visits  # the lobby's hours
    # Repairs: most within their limits, the late ones alerted by the round, every one closed.
    taken = sum(r.taken for r in figures.repairs)
    late = sum(r.late for r in figures.repairs)
    assert taken > 20 and sum(r.completed for r in figures.repairs) == taken
    assert 0 < late < taken / 3 and sum(r.within_limit for r in figures.repairs) == taken - late
    repairs = site.repairs.listing("all")
    assert len(repairs) == taken and not site.repairs.listing("open")
    alerted = [
        r
        for r in repairs
        if any(e.kind is RepairEventKind.OVERDUE for e in site.repairs.repair(r.repair_id).events)
    ]
    assert len(alerted) == late
    # Complaints: each recorded, followed up, called back and closed; none left open.
    recorded = sum(c.recorded for c in figures.complaints)
    assert recorded > 5 and sum(c.closed for c in figures.complaints) == recorded
    assert site.complaints.counts().open == 0
    # Nobody left in the lobby or waiting, and every badge, slip, receipt and work order printed.
    assert not site.lobby.on_site() and not site.lobby.waiting()
    assert len(printer.documents) >= figures.visits + taken
    # Made once: the second language's screenshots find the month there and leave it alone.
    fill_sample_month(site, LAST_MONTH)
    assert site.monthly_figures.figures(LAST_MONTH) == figures


def test_the_sample_month_needs_a_clock_it_can_set(app: KioskApp) -> None:
    with pytest.raises(TypeError, match="ManualClock"):
        fill_sample_month(app, LAST_MONTH)


def test_a_manual_clock_is_set_to_aware_moments_only() -> None:
    clock = ManualClock(TEST_NOW)
    clock.set(TEST_NOW - timedelta(days=40))
    assert clock.now() == TEST_NOW - timedelta(days=40)
    with pytest.raises(ValueError, match="aware"):
        clock.set(TEST_NOW.replace(tzinfo=None))
