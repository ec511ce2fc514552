"""Where the program's own files are (translations, demo data, sample configuration)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# A built package (wheel, bundle) carries its own copy, translations compiled, as kiosk/_resources
# (installer/build_resources.py). A source checkout and an editable install have none: they read
# resources/ beside the package, where `make` compiles the translations.
_PACKAGED = _PACKAGE / "_resources"
RESOURCES_DIR = _PACKAGED if _PACKAGED.is_dir() else _PACKAGE.parent / "resources"
