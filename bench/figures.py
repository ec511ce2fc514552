"""A figure is one measured number with a stable name, a unit and a target."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    target: float
    # "max": value must be <= target; "min": value must be >= target.
    direction: str = "max"
    note: str = ""

    @property
    def met(self) -> bool:
        return self.value <= self.target if self.direction == "max" else self.value >= self.target

    def as_json(self) -> dict[str, object]:
        return {**asdict(self), "met": self.met}


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile (no interpolation: the figure is a sample that happened)."""
    ordered = sorted(samples)
    rank = max(1, round(pct / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def write_report(figures: list[Figure], out_dir: Path, context: dict[str, object]) -> str:
    """Write bench.json and bench.md into ``out_dir``; return the markdown table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench.json").write_text(
        json.dumps(
            {"context": context, "figures": [f.as_json() for f in figures]}, indent=2, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    lines = ["| figure | value | unit | target | met | note |", "|---|---:|---|---:|---|---|"]
    for f in figures:
        op = "≤" if f.direction == "max" else "≥"
        lines.append(
            f"| `{f.name}` | {f.value:.1f} | {f.unit} | {op} {f.target:g} | {'yes' if f.met else 'NO'} | {f.note} |"
        )
    table = "\n".join(lines)
    header = "# Benchmarks\n\n" + "\n".join(f"- {k}: {v}" for k, v in context.items()) + "\n\n"
    (out_dir / "bench.md").write_text(header + table + "\n", encoding="utf-8")
    return table
