"""setuptools' build_py, plus the program's resources as package data (pyproject.toml names it in
[tool.setuptools.cmdclass]).

A built package must run with no source tree around, so the build copies the demo data, the
sample configuration and the desk's alarm sound from resources/ into kiosk/_resources/ and
compiles the translations (resources/i18n/*.ts) to .qm files there. resources/ stays the one copy in the checkout (the .qm
files are never committed); kiosk.resources looks for the packaged copy first. An editable
install gets nothing: it reads resources/ in place, where `make` compiles the .qm files.

The compiler is PySide6's lrelease, so PySide6-Essentials is a build requirement, pinned as at run
time: the .qm format is Qt's, and the lrelease of the Qt the program runs on reads its own .ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
PACKAGED = Path("kiosk") / "_resources"  # in the built package, beside kiosk/resources.py
COPIED = ("demo/*.csv", "kiosk.sample.toml", "sounds/*.wav")
# PySide6's own wrapper (what pyside6-lrelease runs) finds the binary on every platform.
LRELEASE = "import sys; from PySide6.scripts.pyside_tool import lrelease; sys.exit(lrelease())"


class BuildPy(build_py):
    def run(self) -> None:
        super().run()
        for target, source in self._resources().items():
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix == ".ts":
                _lrelease(source, target)
            else:
                shutil.copyfile(source, target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [*super().get_outputs(include_bytecode), *map(str, self._resources())]

    def _resources(self) -> dict[Path, Path]:
        """Each file the build writes into the package, with the file it comes from."""
        if self.editable_mode:
            return {}
        into = Path(self.build_lib) / PACKAGED
        files = {
            into / path.relative_to(RESOURCES): path for pattern in COPIED for path in RESOURCES.glob(pattern)
        }
        for ts in RESOURCES.glob("i18n/*.ts"):
            files[into / "i18n" / f"{ts.stem}.qm"] = ts
        return dict(sorted(files.items()))


def _lrelease(ts: Path, qm: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", LRELEASE, "-silent", str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not qm.is_file():
        raise SystemExit(
            f"compiling {ts} failed: {done.stderr.strip() or 'no .qm written'}\n"
            "PySide6-Essentials is a build requirement ([build-system] in pyproject.toml); "
            "with --no-build-isolation it must be installed in the building environment"
        )
