"""A seeded, structure-aware mutation fuzzer.

Each :class:`Target` starts from valid inputs made by the project's own encoders (its seeds),
mutates them (bits flipped, bytes inserted, deleted, repeated, truncated, tokens of the format
spliced in), and, for formats with checksums or MACs, sometimes repairs those on purpose so the
mutation reaches past the integrity check. An input whose outcome is new (a result shape or an
error not seen before) joins the corpus and is mutated further: a cheap stand-in for coverage
guidance. The same seed gives the same inputs, so a finding is reproduced by its seed as well
as by its input file.

An outcome is *expected* when the codec returns, or raises one of the target's documented
errors for bad input; anything else (and a case slower than the hang limit) is *unexpected*: it
is deduplicated by where it was raised, its input minimised and written to a file.
"""

from __future__ import annotations

import random
import re
import signal
import time
import traceback
import zlib
from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

Run = Callable[[bytes], Hashable]

# Bytes that sit on format boundaries: lengths, sign bits, the ASCII controls of the protocols.
INTERESTING = (
    0x00,
    0x01,
    0x02,
    0x03,
    0x0A,
    0x0D,
    0x10,
    0x1B,
    0x1C,
    0x1D,
    0x20,
    0x30,
    0x3F,
    0x7F,
    0x80,
    0xFE,
    0xFF,
)
HANG_S = 20.0  # a case still running after this is reported as a hang
MINIMISE_RUNS = 300  # at most this many re-runs to shrink one finding
CORPUS_MAX = 2000


@dataclass(frozen=True)
class Target:
    """One codec under fuzzing.

    ``open`` gives the function that feeds it one input (inside a context, for targets that
    need a server or a device line set up once); it returns a hashable shape of the result.
    ``expected`` are the codec's documented errors for bad input. ``repair`` rewrites a mutated
    input's checksums or MAC so it is well formed on the outside. ``share`` scales --cases for a
    target far slower per case than the others (a request through the whole server).
    """

    name: str
    about: str
    seeds: Callable[[], Sequence[bytes]]
    open: Callable[[], AbstractContextManager[Run]]
    expected: tuple[type[BaseException], ...] = ()
    tokens: tuple[bytes, ...] = ()
    repair: Callable[[random.Random, bytearray], bytes] | None = None
    share: float = 1.0
    max_size: int = 4096


def pure(run: Run) -> Callable[[], AbstractContextManager[Run]]:
    """``open`` for a target with nothing to set up."""
    return lambda: nullcontext(run)


@dataclass
class Finding:
    """One unexpected exception (or hang), by where it was raised."""

    signature: str
    error: str
    traceback: str
    first_case: int
    data: bytes
    count: int = 1
    minimised: bytes = b""
    files: list[str] = field(default_factory=list)


@dataclass
class TargetReport:
    name: str
    about: str
    cases: int = 0
    seconds: float = 0.0
    expected: Counter[str] = field(default_factory=Counter)
    outcomes: int = 0  # distinct outcome shapes seen (how much of the codec the inputs reached)
    corpus: int = 0
    slowest_ms: float = 0.0
    findings: list[Finding] = field(default_factory=list)

    @property
    def unexpected(self) -> int:
        return sum(f.count for f in self.findings)

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "about": self.about,
            "cases": self.cases,
            "seconds": round(self.seconds, 2),
            "cases_per_s": round(self.cases / self.seconds) if self.seconds else None,
            "expected_errors": dict(self.expected.most_common()),
            "distinct_outcomes": self.outcomes,
            "corpus": self.corpus,
            "slowest_case_ms": round(self.slowest_ms, 1),
            "unexpected": [
                {
                    "signature": f.signature,
                    "error": f.error,
                    "count": f.count,
                    "first_case": f.first_case,
                    "files": f.files,
                    "traceback": f.traceback,
                }
                for f in self.findings
            ],
        }


class CaseTimeoutError(BaseException):
    """A case ran past :data:`HANG_S` (BaseException: no codec's ``except Exception`` takes it)."""


@contextmanager
def hang_limit(seconds: float) -> Iterator[None]:
    """Interrupt the case after ``seconds`` (SIGALRM; the main thread only, else no limit)."""

    def fire(signum: int, frame: FrameType | None) -> None:
        raise CaseTimeoutError(f"the case ran longer than {seconds:g} s")

    try:
        previous = signal.signal(signal.SIGALRM, fire)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _arm(seconds: float) -> None:
    if signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, signal.SIG_IGN, None):
        signal.setitimer(signal.ITIMER_REAL, seconds)


# -- mutation ----------------------------------------------------------------------------------


class Mutator:
    def __init__(self, rng: random.Random, tokens: Sequence[bytes], max_size: int) -> None:
        self.rng = rng
        self.tokens = [t for t in tokens if t] or [b"\x00"]
        self.max_size = max_size

    def mutate(self, data: bytes, other: bytes) -> bytearray:
        rng = self.rng
        buf = bytearray(data)
        for _ in range(1 + min(int(rng.expovariate(0.7)), 10)):
            getattr(self, rng.choice(_OPERATIONS))(buf, other)
        del buf[self.max_size :]
        return buf

    def _pos(self, buf: bytearray, end: bool = False) -> int:
        return self.rng.randrange(len(buf) + (1 if end else 0)) if buf or end else 0

    def flip_bit(self, buf: bytearray, other: bytes) -> None:
        if buf:
            buf[self._pos(buf)] ^= 1 << self.rng.randrange(8)

    def random_byte(self, buf: bytearray, other: bytes) -> None:
        if buf:
            buf[self._pos(buf)] = self.rng.randrange(256)

    def interesting_byte(self, buf: bytearray, other: bytes) -> None:
        if buf:
            buf[self._pos(buf)] = self.rng.choice(INTERESTING)

    def arithmetic(self, buf: bytearray, other: bytes) -> None:
        if buf:
            i = self._pos(buf)
            buf[i] = (buf[i] + self.rng.choice((-1, 1)) * self.rng.randint(1, 35)) & 0xFF

    def insert_random(self, buf: bytearray, other: bytes) -> None:
        i = self._pos(buf, end=True)
        buf[i:i] = self.rng.randbytes(self.rng.randint(1, 8))

    def insert_token(self, buf: bytearray, other: bytes) -> None:
        i = self._pos(buf, end=True)
        buf[i:i] = self.rng.choice(self.tokens)

    def overwrite_token(self, buf: bytearray, other: bytes) -> None:
        token = self.rng.choice(self.tokens)
        i = self._pos(buf, end=True)
        buf[i : i + len(token)] = token

    def delete_range(self, buf: bytearray, other: bytes) -> None:
        if buf:
            i = self._pos(buf)
            del buf[i : i + self.rng.randint(1, max(1, min(64, len(buf) // 2)))]

    def duplicate_range(self, buf: bytearray, other: bytes) -> None:
        if buf:
            i = self._pos(buf)
            chunk = buf[i : i + self.rng.randint(1, 32)]
            j = self._pos(buf, end=True)
            buf[j:j] = chunk * self.rng.choice((1, 1, 2, 8, 64))

    def truncate(self, buf: bytearray, other: bytes) -> None:
        if buf:
            del buf[self._pos(buf) :]

    def splice(self, buf: bytearray, other: bytes) -> None:
        if other:
            i = self.rng.randrange(len(other))
            piece = other[i : i + self.rng.randint(1, 128)]
            j = self._pos(buf, end=True)
            buf[j : j + (len(piece) if self.rng.random() < 0.5 else 0)] = piece

    def swap(self, buf: bytearray, other: bytes) -> None:
        if len(buf) > 2:
            i, j = sorted(self.rng.sample(range(len(buf)), 2))
            n = self.rng.randint(1, max(1, min(16, j - i)))
            buf[i : i + n], buf[j : j + n] = buf[j : j + n], buf[i : i + n]


_OPERATIONS = (
    "flip_bit",
    "random_byte",
    "interesting_byte",
    "arithmetic",
    "insert_random",
    "insert_token",
    "overwrite_token",
    "delete_range",
    "duplicate_range",
    "truncate",
    "splice",
    "swap",
)


# -- running -----------------------------------------------------------------------------------


def _where(exc: BaseException) -> str:
    """Where an exception was raised: the innermost frame in the project's code, else the last."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [fr for fr in frames if "/kiosk/" in fr.filename or "/fuzz/" in fr.filename]
    if not (ours or frames):
        return "?"
    frame = (ours or frames)[-1]
    path = frame.filename
    for marker in ("/kiosk/", "/fuzz/", "/site-packages/"):
        if marker in path:
            path = marker.strip("/") + "/" + path.split(marker, 1)[1]
            break
    return f"{path}:{frame.lineno}"


def signature(exc: BaseException) -> str:
    return f"{type(exc).__name__} at {_where(exc)}"


def _shape(exc: BaseException) -> tuple[Hashable, ...]:
    # Numbers in messages (lengths, offsets) would make every error look new.
    return ("error", type(exc).__name__, re.sub(r"\d+", "N", str(exc))[:60])


def run_one(
    target: Target, run: Run, data: bytes
) -> tuple[tuple[Hashable, ...] | None, BaseException | None]:
    """One case: (the outcome's shape, the unexpected exception or None)."""
    _arm(HANG_S)
    try:
        return ("ok", run(data)), None
    except target.expected as exc:
        return _shape(exc), None
    except (Exception, CaseTimeoutError) as exc:  # what the fuzzer is for: anything else is a finding
        return None, exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def minimise(target: Target, run: Run, data: bytes, wanted: str, budget: int = MINIMISE_RUNS) -> bytes:
    """A shorter input raising the same unexpected error (chunks removed while it still does)."""

    def same(candidate: bytes) -> bool:
        _, exc = run_one(target, run, candidate)
        return exc is not None and signature(exc) == wanted

    chunk = max(1, len(data) // 2)
    while budget > 0:
        i, removed = 0, False
        while i < len(data) and budget > 0:
            candidate = data[:i] + data[i + chunk :]
            budget -= 1
            if same(candidate):
                data, removed = candidate, True
            else:
                i += chunk
        if chunk == 1 and not removed:
            break
        if not removed:
            chunk = max(1, chunk // 2)
    return data


def fuzz_target(target: Target, cases: int, seed: int, out_dir: Path | None) -> TargetReport:
    """Run ``cases`` inputs through ``target``; findings' inputs go to ``out_dir/crashes``."""
    rng = random.Random(f"{seed}:{target.name}")
    report = TargetReport(target.name, target.about)
    with target.open() as run:
        seeds = [bytes(s[: target.max_size]) for s in target.seeds()]
        if not seeds:
            raise ValueError(f"target {target.name} has no seeds")
        mutator = Mutator(rng, [*target.tokens, *(s[:8] for s in seeds)], target.max_size)
        corpus: list[bytes] = []
        shapes: set[Hashable] = set()
        findings: dict[str, Finding] = {}
        started = time.perf_counter()
        with hang_limit(HANG_S):
            for case in range(cases):
                data = _next_input(rng, mutator, target, seeds, corpus, case)
                t0 = time.perf_counter()
                shape, exc = run_one(target, run, data)
                elapsed = (time.perf_counter() - t0) * 1000
                report.slowest_ms = max(report.slowest_ms, elapsed)
                if exc is not None:
                    key = signature(exc)
                    if key in findings:
                        findings[key].count += 1
                    else:
                        findings[key] = Finding(
                            key,
                            f"{type(exc).__name__}: {exc}"[:300],
                            "".join(traceback.format_exception(exc)),
                            case,
                            data,
                        )
                    continue
                assert shape is not None
                if shape[0] == "error":
                    report.expected[str(shape[1])] += 1
                if shape not in shapes:
                    shapes.add(shape)
                    if len(corpus) < CORPUS_MAX:
                        corpus.append(data)
            report.seconds = time.perf_counter() - started
            for finding in findings.values():
                finding.minimised = minimise(target, run, finding.data, finding.signature)
    report.cases = cases
    report.outcomes = len(shapes)
    report.corpus = len(corpus)
    report.findings = list(findings.values())
    if out_dir is not None:
        for n, finding in enumerate(report.findings, 1):
            finding.files = write_reproducer(out_dir, target.name, n, finding)
    return report


def _next_input(
    rng: random.Random, mutator: Mutator, target: Target, seeds: list[bytes], corpus: list[bytes], case: int
) -> bytes:
    if case < len(seeds):  # every seed once, unmutated: the valid inputs must pass
        return seeds[case]
    roll = rng.random()
    if roll < 0.02:
        return rng.randbytes(rng.randint(0, 64))
    base = rng.choice(corpus) if corpus and roll < 0.45 else rng.choice(seeds)
    other = rng.choice(corpus or seeds)
    buf = mutator.mutate(base, other)
    if target.repair is not None and rng.random() < 0.5:
        return target.repair(rng, buf)[: target.max_size]
    return bytes(buf)


def write_reproducer(out_dir: Path, name: str, n: int, finding: Finding) -> list[str]:
    folder = out_dir / "crashes"
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{name}-{n}"
    (folder / f"{stem}.bin").write_bytes(finding.data)
    (folder / f"{stem}.min.bin").write_bytes(finding.minimised)
    replay = f"python -m fuzz --target {name} --replay {folder / f'{stem}.min.bin'}"
    (folder / f"{stem}.txt").write_text(
        f"{finding.signature}\n{finding.error}\n\nfirst at case {finding.first_case}, {finding.count} cases in all\n"
        f"input: {stem}.bin ({len(finding.data)} bytes), minimised: {stem}.min.bin "
        f"({len(finding.minimised)} bytes) = {finding.minimised!r}\n"
        f"reproduce: {replay}\n\n{finding.traceback}",
        encoding="utf-8",
    )
    return [str(folder / f"{stem}{suffix}") for suffix in (".bin", ".min.bin", ".txt")]


def stable_rng(data: bytes) -> random.Random:
    """A generator fixed by the input itself (for a target's own choices, e.g. where to split it),
    so replaying the input file repeats the case exactly."""
    return random.Random(zlib.crc32(data))
