"""Run the benchmark suite: ``python -m bench --out DIR [--quick]``."""

from __future__ import annotations

import argparse
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench.board import board_refresh
from bench.devices import msr_issue_verify, pn532_issue_verify
from bench.export_checkins import checkin_during_export
from bench.figures import write_report
from bench.host_search import host_search
from bench.machine_room import reconciliation
from bench.mail import parcel_find, parcel_lookup
from bench.monthly_charts import monthly_charts
from bench.pipeline import checkin_pipeline
from bench.printing import document_bytes, layout_time
from bench.site_server import api_checkin, concurrent_checkins
from bench.site_ui import board_push, gui_stall
from bench.startup import cold_start
from bench.transitions import screen_transitions
from bench.two_servers import two_server_figures
from bench.visitor_log import log_search, xlsx_export


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a check that it runs)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    figures = cold_start(runs=1, first_install=False) if args.quick else cold_start(runs=7)
    figures += checkin_pipeline(iterations=10 if args.quick else 200)
    figures += document_bytes()
    figures += layout_time(rounds=20 if args.quick else 200)
    figures += screen_transitions(rounds=2 if args.quick else 30)
    figures += host_search(people=2_000 if args.quick else 10_000, rounds=5 if args.quick else 100)
    log_visits = 2_000 if args.quick else 1_000_000
    figures += log_search(visits=log_visits, rounds=5 if args.quick else 50)
    figures += xlsx_export(
        rows=2_000 if args.quick else 100_000, small=1_000 if args.quick else 10_000, visits=log_visits
    )
    # --quick: tiny data, a check that they run (their figures then say nothing about the target).
    figures += board_refresh(
        on_site=50 if args.quick else 500,
        past=2_000 if args.quick else 200_000,
        rounds=5 if args.quick else 100,
        open_repairs=20 if args.quick else 200,
        closed_repairs=200 if args.quick else 20_000,
    )
    figures += reconciliation(passes=30 if args.quick else 300, rounds=3 if args.quick else 30)
    figures += monthly_charts(
        visits=2_000 if args.quick else 1_000_000,
        repairs=100 if args.quick else 20_000,
        rounds=2 if args.quick else 20,
    )
    figures += parcel_find(items=2_000 if args.quick else 200_000, rounds=5 if args.quick else 200)
    figures += parcel_lookup(items=2_000 if args.quick else 200_000, rounds=5 if args.quick else 100)
    figures += pn532_issue_verify(rounds=5 if args.quick else 100)
    figures += msr_issue_verify(rounds=2 if args.quick else 20)
    figures += api_checkin(rounds=20 if args.quick else 300)
    figures += concurrent_checkins(
        stations=4 if args.quick else 50,
        per_station=2 if args.quick else 20,
        fsync_s=0.1 if args.quick else 1.0,
    )
    figures += two_server_figures(
        push_rounds=3 if args.quick else 50,
        stations=4 if args.quick else 50,
        per_station=2 if args.quick else 20,
    )
    figures += checkin_during_export(rows=2_000 if args.quick else 100_000)
    figures += board_push(rounds=3 if args.quick else 50)
    figures += gui_stall(delay_s=0.05, dwell_s=0.05) if args.quick else gui_stall(delay_s=0.3, dwell_s=0.6)
    context: dict[str, object] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus, {platform.system()}",
        "quick": args.quick,
    }
    print(write_report(figures, args.out, context))
    # Unmet targets are reported in the table and bench.json, not by the exit code: the run itself worked.
    return 0


if __name__ == "__main__":
    sys.exit(main())
