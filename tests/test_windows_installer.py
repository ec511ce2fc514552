"""The Windows build's scripts (installer/windows/), read here where they cannot run: every file they
name exists, they agree with the program on names and folders, and the spec's choice of Qt files
keeps what the program needs and leaves out what it never loads."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import DATA_DIR_ENV, LOG_DIR_ENV, WINDOWS_FOLDER

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = ROOT / "installer" / "windows"


def text(name: str) -> str:
    return (WINDOWS / name).read_text(encoding="utf-8")


def test_every_file_the_installer_script_takes_exists() -> None:
    iss = text("lobby-kiosk.iss")
    sources = re.findall(r'^Source: "([^"]+)"', iss, re.MULTILINE)
    own = [s for s in sources if "{#" not in s]  # the build's output and NSSM come from build.ps1
    assert len(own) >= 6
    for source in own:
        assert (WINDOWS / source.replace("\\", "/")).is_file(), source
    for key in ("LicenseFile", "SetupIconFile"):
        value = re.search(rf"^{key}=(.+)$", iss, re.MULTILINE)
        assert value and (WINDOWS / value.group(1).replace("\\", "/")).is_file(), key
    # The configuration is installed once and kept: a site's changes survive updates and removal.
    sample = next(line for line in iss.splitlines() if "kiosk.sample.toml" in line)
    assert "onlyifdoesntexist" in sample and "uninsneveruninstall" in sample


def test_the_service_and_the_program_agree_on_folders_and_names() -> None:
    service = text("service.ps1")
    assert f'Join-Path $env:ProgramData "{WINDOWS_FOLDER}"' in service
    assert f"{DATA_DIR_ENV}=$Data" in service and f"{LOG_DIR_ENV}=$Logs" in service
    assert "serve --config" in service
    # The administrator's commands see the server's folders as the service does.
    server_cmd = text("kiosk-server.cmd")
    assert rf"{DATA_DIR_ENV}=%ProgramData%\{WINDOWS_FOLDER}\data" in server_cmd
    assert rf"{LOG_DIR_ENV}=%ProgramData%\{WINDOWS_FOLDER}\logs" in server_cmd
    assert '$Data = Join-Path $Machine "data"' in service and '$Logs = Join-Path $Machine "logs"' in service
    iss = text("lobby-kiosk.iss")
    assert rf"{{commonappdata}}\{WINDOWS_FOLDER}" in iss
    # Both programs the shortcuts and the shell start are the ones the spec builds.
    spec = text("lobby-kiosk.spec")
    for exe in ("kiosk", "kiosk-window"):
        assert f'name="{exe}"' in spec
    for script in ("lobby-kiosk.iss", "kiosk-shell.ps1", "kiosk-shell.cmd"):
        assert "kiosk-window.exe" in text(script), script
    for role in re.findall(r"--role (\w+)", text("lobby-kiosk.iss")):
        assert role in ("kiosk", "desk", "guard")


def test_the_build_script_names_files_that_exist() -> None:
    build = text("build.ps1")
    assert "requirements.lock" in build and (ROOT / "requirements.lock").is_file()
    for name in re.findall(r'Join-Path \$Here "([^"]+)"', build):
        if name != "vendor":  # NSSM's download folder, made by the build
            assert (WINDOWS / name.replace("\\", "/")).exists(), name
    assert "--require-hashes" in build


@pytest.fixture
def spec_namespace(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The spec run as PyInstaller runs it, with PyInstaller's classes standing in: what it
    collected is what the fake Analysis found, which the spec then filters."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    collected: list[tuple[str, str, str]] = []

    def collect_data_files(package: str, **options: Any) -> list[tuple[str, str]]:
        collected.append(("datas", package, repr(sorted(options))))
        return [(f"/site/{package}/data.json", package)]

    hooks.collect_data_files = collect_data_files  # type: ignore[attr-defined]
    hooks.collect_submodules = lambda package: [f"{package}.x"]  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)

    class Analysis:
        def __init__(self, scripts: list[str], **options: Any) -> None:
            self.scripts, self.options, self.pure = scripts, options, []
            self.binaries = [(name, "/src/" + name, "BINARY") for name in BINARIES]
            self.datas: list[tuple[str, str, str]] = []

    built: dict[str, Any] = {"collected": collected}

    def exe(*args: Any, **options: Any) -> dict[str, Any]:
        built.setdefault("exes", []).append(options)
        return options

    namespace: dict[str, Any] = {
        "SPECPATH": str(WINDOWS),
        "Analysis": Analysis,
        "PYZ": lambda pure: "pyz",
        "EXE": exe,
        "COLLECT": lambda *parts, **options: built.setdefault("collect", options),
        "built": built,
    }
    exec(compile(text("lobby-kiosk.spec"), "lobby-kiosk.spec", "exec"), namespace)
    return namespace


KEPT = [
    "_sqlite3.pyd",
    "sqlite3.dll",
    "PySide6/Qt6Core.dll",
    "PySide6/Qt6Quick.dll",
    "PySide6/Qt6QuickWidgets.dll",
    "PySide6/Qt6VirtualKeyboard.dll",
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll",
    "PySide6/plugins/imageformats/qjpeg.dll",
    "PySide6/qml/QtQuick/VirtualKeyboard/qtvkbplugin.dll",
    "PySide6/qml/QtQuick/VirtualKeyboard/Plugins/Pinyin/qtvkbpinyinplugin.dll",
    # Qt Virtual Keyboard links Qt Multimedia (key sounds); the audio back end is a plugin.
    "PySide6/Qt6Multimedia.dll",
    "PySide6/plugins/multimedia/ffmpegmediaplugin.dll",
    "PySide6/Qt6Charts.dll",
    "win32/win32print.pyd",
]
DROPPED = [
    "PySide6/Qt6WebEngineCore.dll",
    "PySide6/QtWebEngineWidgets.pyd",
    "PySide6/Qt6Pdf.dll",
    "PySide6/Qt6Quick3D.dll",
    "PySide6/qml/QtQuick3D/qquick3dplugin.dll",
    "PySide6/Qt6Sql.dll",
    "PySide6/plugins/sqldrivers/qsqlite.dll",
    "PySide6/plugins/tls/qopensslbackend.dll",
]
BINARIES = KEPT + DROPPED


def test_the_spec_keeps_what_the_kiosk_loads_and_drops_unused_qt(spec_namespace: dict[str, Any]) -> None:
    analysis = spec_namespace["a"]
    assert Path(analysis.scripts[0]) == WINDOWS / "kiosk_entry.py" and (WINDOWS / "kiosk_entry.py").is_file()
    assert [entry[0] for entry in analysis.binaries] == KEPT
    excludes = set(analysis.options["excludes"])
    assert {"PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.Qt3DCore", "pytest"} <= excludes
    used = {"QtCore", "QtGui", "QtWidgets", "QtQml", "QtQuick", "QtQuickWidgets", "QtNetwork", "QtSvg"}
    assert not {f"PySide6.{name}" for name in used} & excludes
    # The package's data (kiosk\_resources, the keyboard's QML) and Alembic's scripts as source.
    collected = spec_namespace["built"]["collected"]
    assert ("datas", "kiosk", "[]") in collected
    assert ("datas", "kiosk", "['include_py_files', 'includes']") in collected
    exes = {options["name"]: options for options in spec_namespace["built"]["exes"]}
    assert exes["kiosk"]["console"] is True and exes["kiosk-window"]["console"] is False
    assert Path(exes["kiosk"]["icon"]).is_file()
    assert spec_namespace["built"]["collect"]["name"] == "lobby-kiosk"


def test_the_entry_script_runs_the_command_line() -> None:
    source = text("kiosk_entry.py")
    compile(source, "kiosk_entry.py", "exec")
    assert "from kiosk.cli import main" in source and "sys.exit(main())" in source
