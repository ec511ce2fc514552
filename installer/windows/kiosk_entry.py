"""The entry point PyInstaller freezes (lobby-kiosk.spec): the `kiosk` command, as kiosk.exe (a
console program: serve, enrol, doctor, logs...) and as kiosk-window.exe (no console: the kiosk,
desk and guard windows, started at sign-in or from a shortcut).

Not kiosk/__main__.py: PyInstaller puts the entry script's folder on the module path while it
analyses, and kiosk/'s own modules must not be found as top-level ones.
"""

import os
import sys

from kiosk.cli import main

if __name__ == "__main__":
    # A windowed build has no console: print() and the stderr log handler would fail on None.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process's life
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process's life
    sys.exit(main())
