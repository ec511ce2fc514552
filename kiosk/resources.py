"""Where the program's own files are (translations, demo data, sample configuration)."""

from __future__ import annotations

from pathlib import Path

# In a source checkout (and the installer's layout) resources/ sits beside the package.
RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
