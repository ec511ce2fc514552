"""``python -m fuzz --cases 100000 [--target NAME ...] [--seed N] --out DIR`` (and ``--replay FILE``).

Writes fuzz.md and fuzz.json into DIR (and each finding's input under DIR/crashes); exits 1 if
any target raised something other than its documented errors.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
import time
import traceback
import warnings
from datetime import UTC, datetime
from pathlib import Path

from fuzz.engine import Target, TargetReport, fuzz_target, run_one


def all_targets() -> list[Target]:
    from fuzz.api import api_targets
    from fuzz.targets import device_and_domain_targets

    return device_and_domain_targets() + api_targets()


def cases_for(target: Target, cases: int) -> int:
    return max(1, round(cases * target.share))


def write_report(reports: list[TargetReport], out_dir: Path, context: dict[str, object]) -> str:
    """fuzz.json and fuzz.md into ``out_dir``; the markdown table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "fuzz.json").write_text(
        json.dumps(
            {"context": context, "targets": [r.as_json() for r in reports]}, indent=2, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    lines = [
        "| target | cases | seconds | cases/s | documented errors | outcomes | unexpected | what |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in reports:
        rate = f"{r.cases / r.seconds:,.0f}" if r.seconds else "-"
        lines.append(
            f"| `{r.name}` | {r.cases:,} | {r.seconds:.1f} | {rate} | {sum(r.expected.values()):,} | "
            f"{r.outcomes:,} | {'**' + str(r.unexpected) + '**' if r.unexpected else 0} | {r.about} |"
        )
    table = "\n".join(lines)
    found = [
        f"- `{r.name}`: {f.signature} ({f.count} cases): {f.error}\n  reproducer: {', '.join(f.files) or 'not written'}"
        for r in reports
        for f in r.findings
    ]
    body = "# Fuzzing\n\n" + "\n".join(f"- {k}: {v}" for k, v in context.items()) + "\n\n" + table + "\n"
    body += "\n## Unexpected exceptions\n\n" + ("\n".join(found) if found else "None.") + "\n"
    (out_dir / "fuzz.md").write_text(body, encoding="utf-8")
    return table + ("\n\n" + "\n".join(found) if found else "")


def replay(target: Target, path: Path) -> int:
    data = path.read_bytes()
    with target.open() as run:
        shape, exc = run_one(target, run, data)
    if exc is None:
        print(f"{target.name}: {len(data)} bytes -> {shape!r} (expected)")
        return 0
    traceback.print_exception(exc)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzz", description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000, help="inputs per target (default 100000)")
    parser.add_argument("--target", action="append", help="only this target (repeatable); see --list")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same inputs")
    parser.add_argument("--out", type=Path, default=Path("fuzz-out"))
    parser.add_argument("--replay", type=Path, help="run one input file through the --target")
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    args = parser.parse_args(argv)
    # The drivers log every retry; a hundred thousand broken frames would bury the report.
    logging.disable(logging.WARNING)
    # Starlette's TestClient asks for httpx2 in its next major (as pyproject's pytest settings note).
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient` is deprecated")
    targets = all_targets()
    if args.list:
        for target in targets:
            print(f"{target.name:18} {target.about}")
        return 0
    chosen = [t for t in targets if not args.target or t.name in args.target]
    unknown = set(args.target or ()) - {t.name for t in targets}
    if unknown:
        parser.error(f"no such target: {', '.join(sorted(unknown))} (see --list)")
    if args.replay is not None:
        if len(chosen) != 1:
            parser.error("--replay needs exactly one --target")
        return replay(chosen[0], args.replay)
    return fuzz_all(chosen, args.cases, args.seed, args.out)


def fuzz_all(targets: list[Target], cases: int, seed: int, out: Path) -> int:
    """Fuzz each target, write the report into ``out``; 1 if anything unexpected came out."""
    started = time.perf_counter()
    reports = []
    for target in targets:
        report = fuzz_target(target, cases_for(target, cases), seed, out)
        print(
            f"{target.name}: {report.cases:,} cases in {report.seconds:.1f} s, {report.unexpected} unexpected",
            flush=True,
        )
        reports.append(report)
    context: dict[str, object] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "seed": seed,
        "cases per target": cases,
        "total seconds": round(time.perf_counter() - started, 1),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus, {platform.system()}",
    }
    print(write_report(reports, out, context))
    return 1 if any(r.findings for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
