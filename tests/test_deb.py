"""The Debian package (issue #17 items 3 and 8): `make deb`'s builder makes a package from the
wheel and the runtime lock, it unpacks into an empty root, and the program there runs by itself:
`kiosk --version`, and `kiosk run --smoke` opening the kiosk in Chinese with its on-screen
keyboard, from a PySide6 trimmed to what the program loads. The trimming's own rules are
checked on their own, against a made-up PySide6 tree and real ELF headers."""

from __future__ import annotations

import importlib.util
import itertools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk import __version__
from tests.test_wheel import NOT_SOURCE, run_checked

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "opt/lobby-kiosk"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


lean = _load("lean", ROOT / "installer" / "lean.py")
builder = _load("deb_build", ROOT / "installer" / "debian" / "build.py")


@pytest.mark.heavy
@pytest.mark.timeout(300)
def test_the_package_unpacks_and_runs_from_an_empty_root(tmp_path: Path) -> None:
    """What `make deb` does, into this test's folders; the wheel is built from a copy of the
    checkout (a build writes build/ and egg-info beside the sources, and other builds may run)."""
    source, dist = tmp_path / "checkout", tmp_path / "dist"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    pip = (sys.executable, "-m", "pip", "--quiet")
    run_checked(*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", dist, source, cwd=tmp_path)
    (wheel,) = dist.glob("lobby_kiosk-*.whl")

    built = builder.build(
        wheel,
        ROOT / "requirements-runtime.lock",
        dist,
        tmp_path / "work",
        Path("/usr/bin/python3.11"),
        "zstd",
    )
    assert (
        built.deb.name == f"lobby-kiosk_{builder.debian_version(__version__)}_{built.deb.name.split('_')[2]}"
    )
    # Trimmed: the installed program is a third of what pip put in (measured: 737 -> 256 MiB).
    assert built.installed_bytes < built.untrimmed_bytes / 2

    fields = {
        name: run_checked("dpkg-deb", "--field", built.deb, name, cwd=tmp_path).strip()
        for name in ("Package", "Version", "Depends", "Recommends")
    }
    assert fields["Package"] == "lobby-kiosk"
    assert fields["Version"] == builder.debian_version(__version__)
    depends = fields["Depends"].split(", ")
    # The listed ones, and those found for the libraries Qt links (libglib2.0-0 was missing once).
    assert {"python3.11", "adduser", "systemd", "fonts-noto-cjk", "libxcb-cursor0"} <= set(depends)
    assert {"libglib2.0-0", "libwayland-cursor0", "libxcb-randr0", "libstdc++6"} <= set(depends)
    assert "python3-venv" not in depends and fields["Recommends"] == "cage, xwayland"

    listing = run_checked("dpkg-deb", "--contents", built.deb, cwd=tmp_path).splitlines()
    # "mode owner size date time ./path[ -> target]", by path
    entries = {
        line.split(maxsplit=5)[5].split(" -> ")[0].removeprefix("./").rstrip("/"): line for line in listing
    }
    for unit in ("server", "kiosk", "guard"):
        line = entries[f"usr/lib/systemd/system/lobby-kiosk-{unit}.service"]
        assert line.startswith("-rw-r--r-- root/root"), line
    assert entries["usr/lib/udev/rules.d/60-lobby-kiosk.rules"].startswith("-rw-r--r-- root/root")
    assert entries["usr/bin/kiosk"].endswith("-> /opt/lobby-kiosk/bin/kiosk")
    assert entries[f"{PREFIX}/bin/kiosk"].startswith("-rwxr-xr-x root/root")
    assert "usr/share/lobby-kiosk/kiosk.sample.toml" in entries
    assert "usr/share/applications/lobby-kiosk-desk.desktop" in entries
    assert not [p for p in entries if p.startswith("etc/")], (
        "no conffile: the postinst writes kiosk.toml once"
    )
    assert not [p for p in entries if "__pycache__" in p], "the postinst compiles, the prerm cleans"
    assert not [p for p in entries if "WebEngine" in p or "Qt3D" in p or "/designer" in p]
    assert not [p for p in entries if "/_pytest/" in p or "/hypothesis/" in p], "the runtime lock only"
    maintainer = run_checked("dpkg-deb", "--ctrl-tarfile", built.deb, cwd=tmp_path)
    del maintainer  # (binary tar) the scripts are checked by tests/test_debian_units.py

    unpacked = tmp_path / "root"
    run_checked("dpkg-deb", "--extract", built.deb, unpacked, cwd=tmp_path)
    venv = unpacked / PREFIX
    kiosk_script = venv / "bin" / "kiosk"
    # The scripts name the installed path; here the root is a folder, so its python runs them.
    assert kiosk_script.read_text("utf-8").splitlines()[0] == "#!/opt/lobby-kiosk/bin/python"
    assert os.readlink(venv / "bin" / "python3.11") == "/usr/bin/python3.11"
    assert "/opt/lobby-kiosk" in (venv / "pyvenv.cfg").read_text("utf-8")

    elsewhere = tmp_path / "elsewhere"  # no source tree around
    elsewhere.mkdir()
    config = elsewhere / "kiosk.toml"
    shutil.copyfile(unpacked / "usr/share/lobby-kiosk/kiosk.sample.toml", config)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(tmp_path / "data"))
    python = venv / "bin" / "python"
    assert run_checked(python, kiosk_script, "--version", cwd=elsewhere, env=env) == f"kiosk {__version__}\n"
    smoke = run_checked(python, kiosk_script, "run", "--smoke", "--config", config, cwd=elsewhere, env=env)
    # In Chinese (the sample's language), the keyboard's QML loaded (it raises otherwise), and
    # the program came from the package: the .qm files are only in its kiosk/_resources.
    assert smoke.splitlines()[-2:] == ["first-frame kioskWindow", "title 大堂访客自助终端"]


def test_the_program_imports_no_qt_module_the_package_leaves_out() -> None:
    """Every PySide6 module the program's code imports survives the trimming (a new page using
    Qt Charts, say, would otherwise start in the checkout and fail in the package)."""
    imported = {
        name
        for path in (ROOT / "kiosk").rglob("*.py")
        for name in re.findall(r"^\s*(?:from|import) PySide6\.(\w+)", path.read_text("utf-8"), re.MULTILINE)
    }
    assert {"QtCore", "QtGui", "QtWidgets", "QtQuickWidgets"} <= imported
    assert not [name for name in imported if lean.UNUSED_QT_NAME.match(name)]


def _fake_pyside6(root: Path) -> Path:
    pyside6 = root / "lib" / "python3.11" / "site-packages" / "PySide6"
    files = [
        "QtCore.abi3.so", "QtWebEngineCore.abi3.so", "QtSql.pyi", "Qt/lib/libQt6Core.so.6",
        "Qt/lib/libQt6WebEngineCore.so.6", "Qt/lib/libQt6Quick3D.so.6", "Qt/lib/libavcodec.so",
        "Qt/lib/libavcodec.so.61", "Qt/lib/libavcodec.so.61.19.101", "Qt/plugins/platforms/libqxcb.so",
        "Qt/plugins/sqldrivers/libqsqlite.so", "Qt/qml/QtQuick/VirtualKeyboard/qmldir",
        "Qt/qml/QtQuick/Controls/qmldir", "Qt/qml/Qt3D/qmldir", "Qt/translations/qtbase_zh_CN.qm",
        "Qt/translations/qtbase_de.qm", "Qt/translations/designer_zh_CN.qm", "designer",
        "Qt/libexec/QtWebEngineProcess", "_sqlite3_lookalike.so",
    ]  # fmt: skip
    for name in files:
        (pyside6 / name).parent.mkdir(parents=True, exist_ok=True)
        (pyside6 / name).write_bytes(b"x" * 10)
    (root / "bin").mkdir()
    for script in ("kiosk", "pyside6-designer", "activate", "Activate.ps1"):
        (root / "bin" / script).write_text("#!/bin/sh\n")
    return pyside6


def test_the_trimming_leaves_out_what_the_program_never_loads(tmp_path: Path) -> None:
    pyside6 = _fake_pyside6(tmp_path)
    trimmed = lean.trim_venv(tmp_path)
    left = sorted(str(p.relative_to(pyside6)) for p in pyside6.rglob("*") if p.is_file())
    assert left == [
        "Qt/lib/libQt6Core.so.6",
        # Not named by any library here (no real ELF files), so not known to be a copy.
        "Qt/lib/libavcodec.so",
        "Qt/lib/libavcodec.so.61",
        "Qt/lib/libavcodec.so.61.19.101",
        "Qt/plugins/platforms/libqxcb.so",
        "Qt/qml/QtQuick/VirtualKeyboard/qmldir",
        "Qt/translations/qtbase_zh_CN.qm",
        "QtCore.abi3.so",
        "_sqlite3_lookalike.so",
    ]
    assert sorted(p.name for p in (tmp_path / "bin").iterdir()) == ["kiosk"]
    assert trimmed.bytes_after < trimmed.bytes_before


def test_elf_needed_reads_the_libraries_a_real_qt_library_links() -> None:
    from PySide6 import QtCore

    core = Path(QtCore.__file__)
    needed = lean.elf_needed(core.read_bytes())
    assert "libQt6Core.so.6" in needed and any(n.startswith("libpyside6") for n in needed)
    assert lean.elf_needed(b"not an ELF file") == []


def test_a_kept_library_missing_what_it_links_stops_the_trimming(tmp_path: Path) -> None:
    """A kept Qt module that needs one left out would fail to load: the build says which."""
    from PySide6 import QtCore

    pyside6 = _fake_pyside6(tmp_path)
    # A real ELF image that needs libpyside6 and libQt6Core: with libQt6Core gone it cannot load.
    shutil.copyfile(QtCore.__file__, pyside6 / "QtCore.abi3.so")
    (pyside6 / "Qt/lib/libQt6Core.so.6").unlink()
    with pytest.raises(RuntimeError, match=r"QtCore.abi3.so needs .*libQt6Core.so.6"):
        lean.trim_venv(tmp_path)


@given(
    release=st.lists(st.integers(0, 99), min_size=1, max_size=4),
    pre=st.sampled_from(["", "a1", "b2", "rc3"]),
    post=st.sampled_from(["", ".post1"]),
    dev=st.sampled_from(["", ".dev4"]),
    local=st.sampled_from(["", "+site.2"]),
)
def test_debian_versions_are_pep_440_versions_written_for_dpkg(
    release: list[int], pre: str, post: str, dev: str, local: str
) -> None:
    from packaging.version import Version

    version = ".".join(map(str, release)) + pre + post + dev + local
    written = builder.debian_version(version)
    assert re.fullmatch(r"[0-9][0-9A-Za-z.+~]*", written), written  # what dpkg accepts
    number = ".".join(map(str, release))
    assert written.startswith(number) and not re.match(r"[0-9.]", written[len(number) :] or "-")
    # Before the release it comes to ("~"): pre-releases and dev releases.
    assert ("~" in written) == Version(version).is_prerelease
    assert ("+post" in written) == Version(version).is_postrelease
    assert written.endswith(local)


def test_debian_versions_order_as_pep_440_does() -> None:
    """dpkg itself compares them (one process for the lot)."""
    pep_440 = ("1.0.dev1", "1.0a1.dev2", "1.0a1", "1.0rc1", "1.0", "1.0.post1.dev3", "1.0.post1", "1.1")
    ordered = ["1.0~~dev1", "1.0~a1~~dev2", "1.0~a1", "1.0~rc1", "1.0", "1.0+post1~~dev3", "1.0+post1", "1.1"]
    assert [builder.debian_version(v) for v in pep_440] == ordered
    script = " && ".join(f"dpkg --compare-versions {a} lt {b}" for a, b in itertools.pairwise(ordered))
    assert subprocess.run(["sh", "-c", script], check=False).returncode == 0
    with pytest.raises(ValueError, match="not a version"):
        builder.debian_version("1.0-beta")
