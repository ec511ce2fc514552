"""Key files written durably: whole or not at all, published without overwriting another
process's key, owner-only, and a torn one named in a sentence that says what to do."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from kiosk.services import site_keys
from kiosk.services.site_keys import (
    KEY_BYTES,
    KeyFileTornError,
    load_or_create_key,
    publish_key,
    read_key,
)


def test_a_new_key_goes_through_a_fsynced_temporary_file_and_the_folder_is_fsynced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "keys" / "id-seal.key"
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        target = Path(os.readlink(f"/proc/self/fd/{fd}"))
        synced.append("folder" if target.is_dir() else "tmp" if target.name.endswith(".tmp") else target.name)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    key = load_or_create_key(path)
    assert synced == ["tmp", "folder"]  # the bytes before the name, the name after
    assert read_key(path) == key and len(key) == KEY_BYTES
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in path.parent.iterdir()) == ["id-seal.key"]


def test_a_process_that_loses_the_race_keeps_the_winners_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process publishes its key while this one is between writing and publishing."""
    path = tmp_path / "keys" / "id-seal.key"
    winner = bytes(range(32))

    def other_process_wins(name: str) -> None:
        if name == "key.written" and not path.exists():
            path.write_bytes(winner)

    monkeypatch.setattr(site_keys, "crash_point", other_process_wins)
    assert load_or_create_key(path) == winner
    assert path.read_bytes() == winner  # never overwritten
    assert sorted(p.name for p in path.parent.iterdir()) == ["id-seal.key"]


def test_a_keys_folder_open_to_others_is_closed(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    load_or_create_key(folder / "card-site.key")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_dead_writers_temporary_file_is_removed_a_live_ones_kept(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    folder.mkdir()
    dead_pid = 2**22 + 1  # above Linux's largest pid: no such process
    dead = folder / f".id-hash.key.{dead_pid}.0a0b0c0d.tmp"
    live = folder / f".id-hash.key.{os.getpid()}.0a0b0c0d.tmp"
    dead.write_bytes(b"")
    live.write_bytes(b"")
    load_or_create_key(folder / "id-hash.key")
    assert not dead.exists() and live.exists()


@pytest.mark.parametrize("length", [0, 5, 31, 33])
def test_a_torn_key_is_refused_in_one_sentence_that_says_what_to_do(tmp_path: Path, length: int) -> None:
    path = tmp_path / "keys" / "id-seal.key"
    path.parent.mkdir()
    path.write_bytes(b"\x01" * length)
    with pytest.raises(KeyFileTornError) as torn:
        load_or_create_key(path)
    message = str(torn.value)
    assert "\n" not in message and str(path) in message and f"({length} bytes" in message
    assert "kiosk keys restore FILE" in message
    assert path.read_bytes() == b"\x01" * length  # left for the person to look at


def test_replacing_publishes_over_the_old_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "id-seal.key"
    path.parent.mkdir()
    path.write_bytes(b"")
    new = bytes(32)
    assert publish_key(path, new, replace=True) == new and path.read_bytes() == new
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_filesystem_without_hard_links_still_gets_a_whole_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "keys" / "id-seal.key"
    key = load_or_create_key(path)
    assert path.read_bytes() == key and len(key) == KEY_BYTES
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["id-seal.key"]
    assert load_or_create_key(path) == key
