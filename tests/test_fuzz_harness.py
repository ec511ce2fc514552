"""The fuzzer (``make fuzz``, fuzz/) in miniature: every target runs a few hundred cases with its
seeds passing, and a bug planted in a codec is reported as unexpected, with an input file that
reproduces it, and fails the run, so the harness cannot pass silently."""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from fuzz.__main__ import cases_for, fuzz_all, replay
from fuzz.api import api_targets, app_target
from fuzz.engine import Target, fuzz_target, pure
from fuzz.targets import device_and_domain_targets
from kiosk.app import KioskApp
from kiosk.devices.pn532 import frames
from kiosk.server.context import ServerContext
from tests.stations import serve

CASES = 300  # per target (the slow ones get their share of it)


@pytest.mark.parametrize(
    "target",
    [t for t in device_and_domain_targets() + api_targets() if t.name != "api-app"],
    ids=lambda t: t.name,
)
def test_every_target_runs_clean(target: Target, tmp_path: Path) -> None:
    report = fuzz_target(target, cases_for(target, CASES), seed=1, out_dir=tmp_path)
    assert report.cases == cases_for(target, CASES)
    assert not report.findings, [f.traceback for f in report.findings]
    if report.cases >= 100:  # the mutations reached more than one way through the codec
        assert report.outcomes > 3


@pytest.mark.one_database("sqlite", reason="fuzzed bodies are refused before the database; SQLite is enough")
def test_requests_through_the_server_run_clean(app: KioskApp, tmp_path: Path) -> None:
    context, server = serve(app)  # the process's application: its OpenAPI document is built once

    @contextmanager
    def site() -> Iterator[ServerContext]:
        yield context

    report = fuzz_target(app_target(site, lambda _: server), 20, seed=1, out_dir=tmp_path)
    assert report.cases == 20
    assert not report.findings, [f.traceback for f in report.findings]


def test_a_bug_planted_in_a_codec_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The PN532 frame parser made to raise KeyError on the ACK frame (one of the seeds)."""
    parse = frames.FrameParser._parse_at_start

    def planted(self: frames.FrameParser) -> object:
        if bytes(self._buf[:4]) == frames.ACK_FRAME[1:5]:
            raise KeyError("planted")
        return parse(self)

    monkeypatch.setattr(frames.FrameParser, "_parse_at_start", planted)
    (target,) = [t for t in device_and_domain_targets() if t.name == "pn532-frames"]
    assert fuzz_all([target], 200, seed=1, out=tmp_path) == 1
    report = json.loads((tmp_path / "fuzz.json").read_text())["targets"][0]
    (finding,) = report["unexpected"]
    assert finding["signature"].startswith("KeyError at ")
    assert finding["count"] >= 1
    minimal = Path(finding["files"][1])
    assert frames.ACK_FRAME[1:5] in minimal.read_bytes()
    assert len(minimal.read_bytes()) <= len(Path(finding["files"][0]).read_bytes())
    assert replay(target, minimal) == 1  # the file reproduces it
    assert "KeyError" in (tmp_path / "fuzz.md").read_text()


def test_documented_errors_pass_and_anything_else_is_found(tmp_path: Path) -> None:
    def codec(data: bytes) -> Hashable:
        if data.startswith(b"x"):
            raise ValueError("the codec's own error")
        if len(data) < 3:
            return {}["short"]  # the planted bug: a KeyError on short input
        return len(data)

    target = Target(
        "planted", "a codec with a bug", lambda: [b"x-valid", b"hello world"], pure(codec), (ValueError,)
    )
    report = fuzz_target(target, 300, seed=1, out_dir=tmp_path)
    assert report.expected["ValueError"] > 0
    (finding,) = report.findings
    assert finding.signature.startswith("KeyError at ")
    assert len(finding.minimised) < 3
    assert Path(finding.files[1]).read_bytes() == finding.minimised
    # The same seed, the same inputs: the finding comes back at the same case.
    again = fuzz_target(target, 300, seed=1, out_dir=None)
    assert [f.first_case for f in again.findings] == [finding.first_case]
