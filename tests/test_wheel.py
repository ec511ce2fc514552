"""The wheel, built as a user builds it, runs by itself: installed into an empty venv, away from any
source tree, `kiosk run --smoke` opens the kiosk in Chinese (issue #17 item 1)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from kiosk import __version__
from tests.test_cli import run_cli

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# What a checkout holds that no build reads (the sdist step below decides what goes in).
NOT_SOURCE = shutil.ignore_patterns(
    ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis",
    "bench-out", "fuzz-out", "screenshots",
)  # fmt: skip


def test_kiosk_version_prints_the_one_version() -> None:
    """kiosk/__init__.py writes it, the package's metadata reads it from there (and /ping reports it)."""
    assert "version" in PYPROJECT["project"]["dynamic"] and "version" not in PYPROJECT["project"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "kiosk.__version__"}
    result = run_cli("--version")
    assert (result.returncode, result.stdout) == (0, f"kiosk {__version__}\n")


def test_the_build_compiles_translations_with_the_pyside6_the_program_runs_on() -> None:
    """Its lrelease writes the wheel's .qm files: the same range as at run time (6.12.0 left out)."""
    from packaging.requirements import Requirement

    def essentials(requirements: list[str]) -> Requirement:
        (found,) = (r for r in map(Requirement, requirements) if r.name == "PySide6-Essentials")
        return found

    assert essentials(PYPROJECT["build-system"]["requires"]) == essentials(
        PYPROJECT["project"]["dependencies"]
    )


def run_checked(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    """A build step's process (tests/test_deb.py's too): its stdout, or a failure with its output."""
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, f"{command}: {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.heavy
@pytest.mark.timeout(180)
def test_the_wheel_runs_by_itself_in_chinese(tmp_path: Path) -> None:
    """sdist, then the wheel from it (what `python -m build` does), in a copy of the checkout: the
    build writes its build/ and egg-info beside the sources, and other builds may run at once.
    The new venv borrows the project venv's site-packages as a plain path line in a .pth file:
    the dependencies without installing them, and without that venv's .pth files, so its
    editable install of the project (an __editable__ .pth) stays out."""
    source, unpacked, dist = tmp_path / "checkout", tmp_path / "sdist", tmp_path / "dist"
    pip = (sys.executable, "-m", "pip", "--quiet")
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    build_sdist = "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))"
    name = run_checked(sys.executable, "-c", build_sdist, dist, cwd=source).splitlines()[-1]
    with tarfile.open(dist / name) as sdist:
        files = {member.split("/", 1)[-1] for member in sdist.getnames()}
        sdist.extractall(unpacked, filter="data")
    assert {
        "resources/i18n/kiosk_zh_CN.ts",
        "resources/kiosk.sample.toml",
        "installer/build_resources.py",
    } <= files
    assert not [f for f in files if f.endswith(".qm") or f.startswith("tests/")]
    built = unpacked / name.removesuffix(".tar.gz")
    run_checked(*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", dist, built, cwd=tmp_path)
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        files = set(archive.namelist())
    info = f"lobby_kiosk-{__version__}.dist-info"
    assert {
        "kiosk/_resources/i18n/kiosk_zh_CN.qm",
        *(f"kiosk/_resources/demo/{csv}.csv" for csv in ("directory", "residents", "fees")),
        "kiosk/_resources/kiosk.sample.toml",
        "kiosk/_resources/sounds/desk-alert.wav",
        "kiosk/ui/kiosk/keyboard.qml",
        f"{info}/licenses/LICENSE",
    } <= files
    assert {f.split("/")[0] for f in files} == {"kiosk", info}

    empty = tmp_path / "venv"
    venv.create(empty, with_pip=False)
    bin_dir = empty / ("Scripts" if os.name == "nt" else "bin")
    site_packages = Path(sysconfig.get_path("purelib", vars={"base": str(empty), "platbase": str(empty)}))
    (site_packages / "project-venv.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    run_checked(*pip, "--python", bin_dir / "python", "install", "--no-deps", wheel, cwd=tmp_path)

    elsewhere = tmp_path / "elsewhere"  # no source tree around
    elsewhere.mkdir()
    config = elsewhere / "kiosk.toml"
    config.write_text('[kiosk]\nlanguage = "zh_CN"\n', encoding="utf-8")
    # The XDG folders are this test's (tests/conftest.py); nothing from the checkout's Python path.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    where = "import kiosk, kiosk.resources as r; print(kiosk.__file__); print(r.RESOURCES_DIR)"
    found = run_checked(bin_dir / "python", "-c", where, cwd=elsewhere, env=env).splitlines()
    assert all(Path(path).is_relative_to(site_packages / "kiosk") for path in found), found
    assert run_checked(bin_dir / "kiosk", "--version", cwd=elsewhere, env=env) == f"kiosk {__version__}\n"
    smoke = run_checked(bin_dir / "kiosk", "run", "--smoke", "--config", config, cwd=elsewhere, env=env)
    # The title in Chinese: the translations came from the wheel (the only .qm this Python sees).
    assert smoke.splitlines()[-2:] == ["first-frame kioskWindow", "title 大堂访客自助终端"]
