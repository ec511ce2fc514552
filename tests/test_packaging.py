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


def locked() -> dict[str, tuple[str, int]]:
    """requirements.lock: each pinned name, its version and how many file hashes it lists."""
    from packaging.utils import canonicalize_name

    pins: dict[str, tuple[str, int]] = {}
    name = ""
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")):
            requirement, _, _ = line.partition(" ")
            name, _, version = requirement.partition("==")
            name = canonicalize_name(name)
            pins[name] = (version, 0)
        elif line.strip().startswith("--hash=sha256:"):
            version, hashes = pins[name]
            pins[name] = (version, hashes + 1)
    return pins


def test_the_lock_pins_every_dependency_within_its_declared_range_with_hashes() -> None:
    """What `make test` installs (pip --require-hashes -r requirements.lock) covers what
    pyproject.toml asks for, the test extra included: a dependency added without `make lock`
    fails here (and `pip check` in the Makefile)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins = locked()
    assert pins and all(hashes >= 1 for _version, hashes in pins.values())
    declared = [Requirement(text) for text in metadata("lobby-kiosk").get_all("Requires-Dist") or []]
    for requirement in declared:
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": "test"}):
            continue
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in requirements.lock: run make lock"
        version, _hashes = pins[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"requirements.lock pins {name}=={version}, outside {requirement}: run make lock"
        )
