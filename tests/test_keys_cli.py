"""`kiosk keys backup FILE` and `kiosk keys restore FILE`: the shared keys sealed with a
passphrase, and put back so the site starts again with the keys its database knows."""

from __future__ import annotations

import json
import shutil
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk import cli
from kiosk.app import KioskApp
from kiosk.cli import keys as keys_cli
from kiosk.config import Config
from kiosk.services import key_backup
from kiosk.services.key_backup import MAGIC, KeyBackupError, WrongPassphraseError, open_keys, seal_keys
from kiosk.services.site_keys import SHARED_KEYS
from tests.conftest import FixedClock, build_test_app, close_test_app

PASSPHRASE = "correct horse battery"
BACKED_UP = sorted(k for k in SHARED_KEYS if k != "decision-links")  # no e-mail decisions here


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at 1 MiB, not 128 (0.4 s a try); test_the_backup_costs_scrypt_at_128_mib keeps
    the production cost."""
    monkeypatch.setattr(key_backup, "SCRYPT_N", 2**10)


def passphrase_file(tmp_path: Path, text: str = PASSPHRASE) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(text + "\n")
    return path


def key_files(folder: Path) -> dict[str, bytes]:
    return {p.stem: p.read_bytes() for p in sorted(folder.glob("*.key"))}


def backup(tmp_path: Path, text: str = PASSPHRASE) -> Path:
    file = tmp_path / "site-keys.backup"
    assert (
        cli.main(["keys", "backup", str(file), "--passphrase-file", str(passphrase_file(tmp_path, text))])
        == 0
    )
    return file


def restore(tmp_path: Path, file: Path, *extra: str, text: str = PASSPHRASE) -> int:
    return cli.main(
        ["keys", "restore", str(file), "--passphrase-file", str(passphrase_file(tmp_path, text)), *extra]
    )


def test_backup_then_restore_into_an_empty_keys_folder_and_the_site_starts_again(
    app: KioskApp,
    config: Config,
    clock: FixedClock,
    migrated_database: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = key_files(app.site_key_dir)
    file = backup(tmp_path)
    assert f"backed up {len(BACKED_UP)} keys ({', '.join(BACKED_UP)})" in capsys.readouterr().out
    sealed = file.read_bytes()
    assert sealed.startswith(MAGIC) and stat.S_IMODE(file.stat().st_mode) == 0o600
    assert not any(key.hex().encode() in sealed or key in sealed for key in before.values())
    header = json.loads(sealed.splitlines()[1])
    assert header["version"] == 1 and header["kdf"]["name"] == "scrypt" and header["kdf"]["n"] == 2**10

    shutil.rmtree(app.site_key_dir)  # the disk died; the database is on another machine
    assert restore(tmp_path, file) == 0
    out = capsys.readouterr().out
    assert "restored 5 keys" in out and "they are the keys this site's database was first used with" in out
    assert key_files(app.site_key_dir) == before
    assert stat.S_IMODE(app.site_key_dir.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in app.site_key_dir.glob("*.key"))
    close_test_app(build_test_app(config, migrated_database, clock=clock))  # the fingerprints match


def test_a_wrong_passphrase_is_refused_in_one_line_and_nothing_is_restored(
    app: KioskApp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = backup(tmp_path)
    shutil.rmtree(app.site_key_dir)
    capsys.readouterr()
    assert restore(tmp_path, file, text="wrong horse battery") == keys_cli.EXIT_KEYS
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the passphrase does not open this keys backup" in err
    assert "nothing was restored" in err and not app.site_key_dir.exists()


def test_restore_leaves_keys_that_differ_unless_forced(
    app: KioskApp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = key_files(app.site_key_dir)
    file = backup(tmp_path)
    seal = app.site_key_dir / "id-seal.key"
    seal.write_bytes(bytes(32))  # someone copied the wrong file in
    capsys.readouterr()
    assert restore(tmp_path, file) == keys_cli.EXIT_KEYS
    err = capsys.readouterr().err
    assert f"id-seal.key in {app.site_key_dir} differ from the backup's; nothing was restored (--force" in err
    assert seal.read_bytes() == bytes(32)
    assert restore(tmp_path, file, "--force") == 0
    assert key_files(app.site_key_dir) == before


def test_a_torn_key_is_replaced_without_force(app: KioskApp, tmp_path: Path) -> None:
    before = key_files(app.site_key_dir)
    file = backup(tmp_path)
    (app.site_key_dir / "card-site.key").write_bytes(b"")
    assert restore(tmp_path, file) == 0
    assert key_files(app.site_key_dir) == before


def test_a_backup_of_other_keys_than_the_databases_is_refused_unless_forced(
    app: KioskApp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other-site.backup"
    other.write_bytes(
        seal_keys({"id-hash": bytes(32), "id-seal": bytes(32)}, PASSPHRASE, datetime.now(UTC), n=16)
    )
    shutil.rmtree(app.site_key_dir)
    assert restore(tmp_path, other) == keys_cli.EXIT_KEYS
    err = capsys.readouterr().err
    assert "the backup's id-hash, id-seal are not the keys this site's database was first used with" in err
    assert not app.site_key_dir.exists()


def test_the_passphrase_is_asked_twice_at_a_terminal(
    app: KioskApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = iter([PASSPHRASE, "something else"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    file = tmp_path / "keys.backup"
    assert cli.main(["keys", "backup", str(file)]) == keys_cli.EXIT_KEYS
    assert "the two entries differ; nothing was done" in capsys.readouterr().err and not file.exists()
    typed = iter([PASSPHRASE, PASSPHRASE])
    assert cli.main(["keys", "backup", str(file)]) == 0
    assert set(open_keys(file.read_bytes(), PASSPHRASE)) == set(BACKED_UP)


def test_no_terminal_and_no_passphrase_file_says_what_to_give(
    app: KioskApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert cli.main(["keys", "backup", str(tmp_path / "k.backup")]) == keys_cli.EXIT_KEYS
    assert "give --passphrase-file PATH" in capsys.readouterr().err


def test_a_short_passphrase_is_refused(
    app: KioskApp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "k.backup"
    assert (
        cli.main(["keys", "backup", str(file), "--passphrase-file", str(passphrase_file(tmp_path, "1234"))])
        == keys_cli.EXIT_KEYS
    )
    assert "use at least 8 characters" in capsys.readouterr().err and not file.exists()


def test_the_backup_costs_scrypt_at_128_mib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the production cost (0.4 s)
    sealed = seal_keys({"id-seal": bytes(32)}, PASSPHRASE, datetime.now(UTC))
    kdf = json.loads(sealed.splitlines()[1])["kdf"]
    assert (kdf["n"], kdf["r"], kdf["p"]) == (2**17, 8, 1)


SMALL = seal_keys({"id-seal": bytes(range(32))}, PASSPHRASE, datetime(2026, 11, 25, tzinfo=UTC), n=16)


def test_the_parameters_a_file_asks_for_are_bounded() -> None:
    head, _, rest = SMALL.partition(b"\n")[2].partition(b"\n")
    header = json.loads(head)
    header["kdf"]["n"] = 2**30  # 128 GiB of memory, if obeyed
    crafted = MAGIC + json.dumps(header).encode() + b"\n" + rest
    with pytest.raises(KeyBackupError, match="header is damaged"):
        open_keys(crafted, PASSPHRASE)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_raise_only_backup_errors(data: bytes) -> None:
    with pytest.raises(KeyBackupError):
        open_keys(data, PASSPHRASE)
    with pytest.raises(KeyBackupError):
        open_keys(MAGIC + data, PASSPHRASE)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=len(SMALL) - 1), st.integers(min_value=1, max_value=255))
def test_any_byte_changed_is_refused(position: int, flip: int) -> None:
    changed = bytearray(SMALL)
    changed[position] ^= flip
    with pytest.raises(KeyBackupError):
        open_keys(bytes(changed), PASSPHRASE)


def test_a_good_file_opens() -> None:
    assert open_keys(SMALL, PASSPHRASE) == {"id-seal": bytes(range(32))}
    with pytest.raises(WrongPassphraseError):
        open_keys(SMALL, PASSPHRASE + "!")
