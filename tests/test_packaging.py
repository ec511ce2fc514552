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


def locked(lock: str = "requirements.lock") -> dict[str, tuple[str, frozenset[str]]]:
    """A lock file: each pinned name, its version and the file hashes it lists."""
    from packaging.utils import canonicalize_name

    pins: dict[str, tuple[str, frozenset[str]]] = {}
    name = ""
    for line in (ROOT / lock).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")):
            requirement, _, _ = line.partition(" ")
            name, _, version = requirement.partition("==")
            name = canonicalize_name(name)
            pins[name] = (version, frozenset())
        elif line.strip().startswith("--hash=sha256:"):
            version, hashes = pins[name]
            pins[name] = (version, hashes | {line.strip().split()[0]})
    return pins


def test_the_lock_pins_every_dependency_within_its_declared_range_with_hashes() -> None:
    """What `make test` installs (pip --require-hashes -r requirements.lock) covers what
    pyproject.toml asks for, the test extra included: a dependency added without `make lock`
    fails here (and `pip check` in the Makefile)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins = locked()
    assert pins and all(hashes for _version, hashes in pins.values())
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


def test_the_debian_package_s_lock_is_the_same_pins_without_the_test_extra() -> None:
    """requirements-runtime.lock (the package's venv, `make deb`) is made by `make lock` from the
    main lock as constraints: the same version and hashes of each package, and none of the
    tools only the tests use."""
    everything, runtime = locked(), locked("requirements-runtime.lock")
    assert all(everything[name] == pin for name, pin in runtime.items()), "run make lock"
    assert {"pyside6-essentials", "pyside6-addons", "sqlalchemy", "fastapi"} <= runtime.keys()
    assert not {"pytest", "hypothesis", "mypy", "ruff", "playwright"} & runtime.keys()
