"""Where the program's files go on Windows (docs/install-windows.md), checked here on Linux: our own
path functions take the environment, platformdirs' Windows rules are asked with its folder lookup
answered as a Windows machine would."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import platformdirs.windows
import pytest

from kiosk import config as config_module
from kiosk.config import (
    APP_NAME,
    DATA_DIR_ENV,
    ConfigError,
    default_config_paths,
    load_config,
    windows_machine_dir,
)
from kiosk.storage.database import sqlite_url_for

FOLDERS = {
    "CSIDL_LOCAL_APPDATA": r"C:\Users\kiosk\AppData\Local",
    "CSIDL_APPDATA": r"C:\Users\kiosk\AppData\Roaming",
    "CSIDL_COMMON_APPDATA": r"C:\ProgramData",
}


def test_the_machine_folder_follows_programdata() -> None:
    assert windows_machine_dir({"PROGRAMDATA": r"D:\ProgramData"}) == PureWindowsPath(
        r"D:\ProgramData\Lobby Kiosk"
    )
    assert windows_machine_dir({}) == PureWindowsPath(r"C:\ProgramData\Lobby Kiosk")


def test_on_windows_the_machine_wide_config_is_where_the_installer_puts_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(config_module, "running_on_windows", lambda: True)
    machine = default_config_paths({"PROGRAMDATA": r"D:\ProgramData"})[1]
    assert PureWindowsPath(str(machine)) == PureWindowsPath(r"D:\ProgramData\Lobby Kiosk\kiosk.toml")
    # and the installer's script writes it there (its {commonappdata} is %PROGRAMDATA%)
    iss = (Path(__file__).resolve().parent.parent / "installer" / "windows" / "lobby-kiosk.iss").read_text(
        "utf-8"
    )
    assert r"{commonappdata}\Lobby Kiosk" in iss and "kiosk.toml" in iss


def test_a_stations_own_files_are_in_its_users_local_appdata(monkeypatch: pytest.MonkeyPatch) -> None:
    """Enrolment (the station's config folder), logs and the demo's data of the kiosk user: its
    own profile, not roaming (a kiosk's credential must not follow the account to another PC)."""
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", FOLDERS.__getitem__)
    dirs = platformdirs.windows.Windows(APP_NAME)
    local = PureWindowsPath(r"C:\Users\kiosk\AppData\Local\lobby-kiosk\lobby-kiosk")
    assert PureWindowsPath(dirs.user_config_dir) == local
    assert PureWindowsPath(dirs.user_data_dir) == local
    assert PureWindowsPath(dirs.user_log_dir) == local / "Logs"


def test_the_service_keeps_its_state_where_its_environment_says(tmp_path: Path) -> None:
    state = tmp_path / "Lobby Kiosk" / "data"
    config = load_config(None, {DATA_DIR_ENV: str(state)})
    assert config.data_dir == state
    assert config.database_url == sqlite_url_for(state / "kiosk.db")  # keys: data_dir/keys
    with pytest.raises(ConfigError) as info:
        load_config(None, {DATA_DIR_ENV: "data"})
    assert info.value.key == "KIOSK_DATA_DIR (environment)" and "not an absolute folder" in str(info.value)


def test_a_relative_folder_on_windows_is_refused_with_a_windows_example(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(config_module, "running_on_windows", lambda: True)
    with pytest.raises(ConfigError, match=r"such as 'C:\\ProgramData\\Lobby Kiosk\\logs'"):
        load_config(None, {"KIOSK_LOG_DIR": "logs"})
