from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.badge import checkout_code, parse_checkout_code
from kiosk.ui.scanner import WedgeScanDetector


def feed(detector: WedgeScanDetector, text: str, gap: float, start: float = 100.0) -> str | None:
    at = start
    for ch in text:
        assert detector.key(ch, at) is None
        at += gap
    return detector.key("", at, enter=True)


def test_a_fast_burst_ending_in_enter_is_a_scan() -> None:
    assert feed(WedgeScanDetector(), "LKV:V000001", gap=0.004) == "LKV:V000001"


def test_a_person_typing_is_not_a_scan() -> None:
    assert feed(WedgeScanDetector(), "LKV:V000001", gap=0.12) is None


def test_short_bursts_are_not_scans() -> None:
    assert feed(WedgeScanDetector(), "abc", gap=0.004) is None


def test_a_pause_restarts_the_burst() -> None:
    detector = WedgeScanDetector()
    detector.key("x", 1.0)
    detector.key("y", 1.5)  # a person's keys before the scan
    assert feed(detector, "LKV:V000002", gap=0.004, start=3.0) == "LKV:V000002"


@given(st.text(max_size=40), st.floats(min_value=0.0, max_value=0.5))
def test_detector_never_raises(text: str, gap: float) -> None:
    result = feed(WedgeScanDetector(), text, gap)
    assert result is None or (text.endswith(result) and len(result) >= 6)


@given(st.text(max_size=30))
def test_checkout_codes_parse_only_our_badges(text: str) -> None:
    number = parse_checkout_code(text)
    assert number is None or (number.startswith("V") and checkout_code(number).strip() == text.strip())


def test_checkout_code_round_trip() -> None:
    assert parse_checkout_code(checkout_code("V000123")) == "V000123"
    assert parse_checkout_code("LKV:X000123") is None
