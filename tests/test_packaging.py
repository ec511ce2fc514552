"""What the installed package says of itself (its metadata, as pip and a Debian package read it)."""

from __future__ import annotations

from importlib.metadata import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_licence_is_declared_and_shipped() -> None:
    """GPL-3.0-or-later, for Qt Virtual Keyboard (docs/licence.md); the text goes with the package."""
    declared = metadata("lobby-kiosk")
    assert declared["License-Expression"] == "GPL-3.0-or-later"
    assert declared.get_all("License-File") == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
