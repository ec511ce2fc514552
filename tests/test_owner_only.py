"""Personal data's files and folders are tightened to owner-only once, with a warning; on Windows,
where there are no such bits, nothing is said at every start (kiosk.owner_only)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk import owner_only


def test_a_wider_folder_is_tightened_with_a_warning_and_then_left_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    with caplog.at_level(logging.WARNING, logger="kiosk.owner_only"):
        assert owner_only.tighten(folder, 0o700)
        assert not owner_only.tighten(folder, 0o700)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert [r.getMessage() for r in caplog.records] == [f"Tightening {folder} to owner-only (mode 0700)"]


def test_windows_is_not_warned_about_bits_it_does_not_have(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "server.key"
    key.write_bytes(b"k")
    key.chmod(0o644)  # what every Windows file reads as, whatever its ACL says
    monkeypatch.setattr(owner_only, "POSIX", False)
    with caplog.at_level(logging.WARNING, logger="kiosk.owner_only"):
        assert not owner_only.tighten(key, 0o600)
    assert key.stat().st_mode & 0o777 == 0o644 and not caplog.records
