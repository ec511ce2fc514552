"""The benchmark suite runs and writes figures in the agreed shape (no timing is asserted here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.figures import Figure, percentile
from kiosk.app import KioskApp


def test_percentile_is_nearest_rank() -> None:
    samples = [float(n) for n in range(1, 101)]
    assert percentile(samples, 50) == 50
    assert percentile(samples, 95) == 95
    assert percentile([7.0], 95) == 7


def test_figure_direction() -> None:
    assert Figure("a", 10, "ms", 20).met
    assert not Figure("a", 30, "ms", 20).met
    assert Figure("b", 30, "x", 20, direction="min").met


@pytest.mark.heavy
@pytest.mark.timeout(330)  # the whole benchmark in a process of its own; its own limit is 300 s
def test_quick_run_writes_every_figure(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    names = {f["name"] for f in report["figures"]}
    assert names == {
        "cold_start_ms",
        "checkin_pipeline_p50_ms",
        "checkin_pipeline_p95_ms",
        "badge_bytes",
        "release_slip_10_items_bytes",
        "layout_p95_ms",
        "screen_transition_p95_ms",
        "host_search_p95_ms",
        "board_refresh_p95_ms",
        "reconciliation_ms",
        "monthly_charts_ms",
        "parcel_find_p95_ms",
        "parcel_lookup_p95_ms",
        "log_search_p95_ms",
        "xlsx_export_100k_s",
        "xlsx_export_peak_mib",
        "pn532_issue_verify_ratio",
        "pn532_issue_verify_bytes",
        "msr_issue_verify_ratio",
        "api_checkin_p95_ms",
        "server_checkins_per_s",
        "fsync_per_s",
        "checkins_per_fsync",
        "cross_server_push_p95_ms",
        "server_checkins_per_s_pg",
        "checkin_during_export_p95_ms",
        "board_push_p95_ms",
        "gui_stall_max_ms",
    }
    for figure in report["figures"]:
        assert set(figure) >= {"name", "value", "unit", "target", "met"}
        assert figure["value"] > 0
    board = next(f for f in report["figures"] if f["name"] == "board_refresh_p95_ms")
    assert "50 unread phone messages, 20 open repairs (6 overdue, 6 amber; 200 closed)" in board["note"]
    assert "| `cold_start_ms` |" in result.stdout
    assert (tmp_path / "bench.md").read_text(encoding="utf-8").startswith("# Benchmarks")


def test_visitor_log_figures_at_a_tiny_size(tmp_path: Path) -> None:
    from bench.visitor_log import log_search, xlsx_export

    [search] = log_search(visits=2_000, rounds=2, cache_dir=tmp_path)
    assert search.name == "log_search_p95_ms" and search.value > 0
    seconds, memory = xlsx_export(rows=2_000, small=1_000, visits=2_000, cache_dir=tmp_path)
    assert (seconds.name, memory.name) == ("xlsx_export_100k_s", "xlsx_export_peak_mib")
    assert "2,000 rows" in seconds.note and "1,000 rows" in memory.note
    # The generated log is kept and reused.
    assert [p.name for p in tmp_path.glob("visitor-log-*.db")] == ["visitor-log-2000-v2.db"]


def test_monthly_charts_at_a_tiny_size(tmp_path: Path, qapp: object) -> None:
    from bench.monthly_charts import monthly_charts

    [figure] = monthly_charts(visits=2_000, repairs=50, rounds=1, cache_dir=tmp_path)
    assert figure.name == "monthly_charts_ms" and figure.value > 0
    assert "2,000 visits" in figure.note and "50 repairs" in figure.note
    assert [p.name for p in tmp_path.glob("monthly-figures-*.db")] == ["monthly-figures-2000-50-v1.db"]


def test_parcel_find_at_a_tiny_size(tmp_path: Path) -> None:
    from bench.mail import parcel_find

    [figure] = parcel_find(items=500, rounds=3, cache_dir=tmp_path)
    assert figure.name == "parcel_find_p95_ms" and figure.value > 0
    assert "500 items" in figure.note and "3 scans" in figure.note
    assert [p.name for p in tmp_path.glob("mail-register-*.db")] == ["mail-register-500-v1.db"]


def test_board_bench_repairs_show_in_every_clock_state(app: KioskApp) -> None:
    """The board figure's open repairs are read as the board reads them, each clock's colour
    among them; the closed ones stay off the board."""
    from bench.board import NOW
    from bench.repairs import add_repairs, clock_states
    from kiosk.domain.repairs import ClockState, RepairClock

    add_repairs(app, NOW, open_=20, closed=30)
    board = app.repairs.on_board()
    assert len(board) == 20 and len(app.repairs.listing("all")) == 50
    assert clock_states(board, NOW) == {ClockState.OVERDUE: 6, ClockState.SHORT: 6, ClockState.RUNNING: 8}
    # Both clocks of urgent requests are on it, the arrival one overdue for those not reached.
    assert {r.clock for r in board} == {RepairClock.ARRIVAL, RepairClock.FIX}
    assert len(app.repairs.listing("overdue")) == 6


def test_encoder_figures_at_a_tiny_size() -> None:
    from bench.devices import msr_issue_verify, pn532_issue_verify

    ratio, size = pn532_issue_verify(rounds=2)
    assert (ratio.name, size.name) == ("pn532_issue_verify_ratio", "pn532_issue_verify_bytes")
    # A blank card formatted, written and verified: 8 round trips within the issue's 400 bytes.
    assert size.value == 340 and "8 round trips at 115200 baud" in size.note and size.met
    assert ratio.value >= 1.0  # the paced emulator never beats the wire
    [stripe] = msr_issue_verify(rounds=1)
    assert stripe.name == "msr_issue_verify_ratio" and "2 round trips at 9600 baud" in stripe.note
    assert stripe.value >= 1.0
