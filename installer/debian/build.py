"""`make deb`: the lobby-kiosk Debian package, the program as a venv in /opt/lobby-kiosk.

    python installer/debian/build.py --wheel dist/lobby_kiosk-0.1.0-py3-none-any.whl

A venv laid out by this script rather than dh-virtualenv (which Debian 12 has): that one wants a
debian/ source package (rules, changelog, compat) and dpkg-buildpackage with debhelper around a
build that is one venv and a few files; trimming PySide6 and checking what the trimmed libraries
still link would be hooks into its steps anyway; and here the whole build needs only pip and
dpkg-deb, so a test makes a package in seconds on any Debian machine.

The venv is made by Debian's /usr/bin/python3.11 (what the package Depends on: the venv's python
is a link to it), at a staging root, then moved in thought to /opt/lobby-kiosk: the console
scripts' #! lines and pyvenv.cfg are rewritten to that path, and nothing may still name the
staging root. PySide6 is trimmed to what the program loads (installer/lean.py). No bytecode in
the package: the postinst compiles it where it is installed (as Debian's own Python packages do),
the prerm removes it.

Standard library only, plus pip (run from the project's venv, installing into the staging venv).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))

from lean import needed_by, shared_objects, size_of, trim_venv  # noqa: E402

PACKAGE = "lobby-kiosk"
PREFIX = Path("/opt/lobby-kiosk")
DEBIAN_PYTHON = Path("/usr/bin/python3.11")
MAINTAINER = "Lobby Kiosk maintainers <lobby-kiosk@localhost>"
# Besides Python, the system libraries Qt loads (installer/debian-packages.txt, what `make run`
# installs; python3-venv is `make run`'s, to make a venv); adduser and systemd for the
# maintainer scripts. cage only where a screen runs the kiosk or guard: recommended, with
# Xwayland, without which Debian 12's cage refuses to start ("Cannot create XWayland server";
# tried: the kiosk then starts under cage on Wayland, its on-screen keyboard typing).
EXTRA_DEPENDS = ("python3.11", "adduser", "systemd")
NOT_DEPENDS = ("python3-venv",)
RECOMMENDS = ("cage", "xwayland")


@dataclass(frozen=True)
class Built:
    deb: Path
    installed_bytes: int
    untrimmed_bytes: int


def debian_version(version: str) -> str:
    """A PEP 440 version as Debian orders it: pre-releases and dev releases sort before the
    release (~), post releases and local versions after it (+). A dev release is "~~dev":
    1.0.dev1 comes before 1.0a1, and dpkg would put "~dev" after "~a" (d > a)."""
    found = re.fullmatch(
        r"(?P<release>\d+(?:\.\d+)*)(?:\.?(?P<pre>a|b|rc)(?P<pre_n>\d+))?(?:\.post(?P<post>\d+))?"
        r"(?:\.dev(?P<dev>\d+))?(?:\+(?P<local>[a-z0-9.]+))?",
        version.lower(),
    )
    if not found:
        raise ValueError(f"not a version this builder knows how to write for Debian: {version!r}")
    parts = found.groupdict()
    text = parts["release"]
    if parts["pre"]:
        text += f"~{parts['pre']}{parts['pre_n']}"
    if parts["post"]:
        text += f"+post{parts['post']}"
    if parts["dev"]:
        text += f"~~dev{parts['dev']}"
    if parts["local"]:
        text += f"+{parts['local']}"
    return text


def depends(packages_file: Path, libraries: list[str]) -> list[str]:
    listed = [
        line.strip()
        for line in packages_file.read_text("utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    return list(dict.fromkeys(p for p in (*EXTRA_DEPENDS, *listed, *libraries) if p not in NOT_DEPENDS))


def library_packages(venv: Path) -> list[str]:
    """dpkg-shlibdeps' work for the venv: the Debian packages holding every system library its
    ELF files link (libglib-2.0 for Qt's event loop, libwayland-cursor under cage...), as this
    machine's dpkg knows them. A library no installed package holds stops the build, named."""
    inside = {p.name for p in venv.rglob("*.so*")}
    needed = sorted({name for path in shared_objects(venv) for name in needed_by(path)} - inside)
    done = subprocess.run(
        ["dpkg", "-S", *(f"*/{name}" for name in needed)], capture_output=True, text=True, check=False
    )
    owners: dict[str, str] = {}
    for line in done.stdout.splitlines():
        packages, _, path = line.partition(": ")
        name = path.rsplit("/", 1)[-1]
        if name in needed and "/lib/" in path and "-dev" not in packages:
            owners.setdefault(name, packages.split(", ")[0].split(":")[0])
    if missing := [name for name in needed if name not in owners]:
        raise SystemExit(
            f"build.py: no installed Debian package holds {', '.join(missing)}: install it, then build"
        )
    return sorted(set(owners.values()))


def _run(*command: str | Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build.py: {' '.join(map(str, command))} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def make_venv(stage: Path, python: Path, lock: Path, wheel: Path) -> Path:
    """The program and exactly the locked dependencies, in a venv at ``stage``/opt/lobby-kiosk."""
    venv = stage / PREFIX.relative_to("/")
    _run(python, "-m", "venv", "--without-pip", venv)
    # pip from the project's venv, installing into the new one: the package carries no pip (a
    # kiosk never installs anything; upgrades come as a new package).
    pip = (
        sys.executable,
        "-m",
        "pip",
        "--python",
        venv / "bin" / "python",
        "install",
        "--quiet",
        "--no-compile",
    )
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    _run(*pip, "--require-hashes", "--only-binary", ":all:", "-r", lock, env=env)
    _run(*pip, "--no-deps", wheel, env=env)
    # Bytecode the interpreter wrote while pip asked it about itself (the postinst compiles all).
    for cache in sorted(venv.rglob("__pycache__"), reverse=True):
        shutil.rmtree(cache)
    return venv


def relocate(venv: Path) -> None:
    """Name /opt/lobby-kiosk wherever the venv names where it was made, and check nothing else does."""
    staged = str(venv).encode()
    final = str(PREFIX).encode()
    for path in [venv / "pyvenv.cfg", *sorted((venv / "bin").iterdir())]:
        if path.is_file() and not path.is_symlink():
            content = path.read_bytes()
            if staged in content:
                path.write_bytes(content.replace(staged, final))
    # pip's record of where the wheel came from (a file on the build machine); not needed to run.
    for direct_url in venv.glob("lib/python3*/site-packages/*.dist-info/direct_url.json"):
        direct_url.unlink()
    left = [p for p in venv.rglob("*") if p.is_file() and not p.is_symlink() and staged in p.read_bytes()]
    if left:
        raise SystemExit("build.py: still naming the staging folder: " + ", ".join(map(str, left)))


def lay_out(stage: Path, venv: Path) -> None:
    """The package's files around the venv: units, udev rules, the sample config, the command."""
    files = {
        **{
            unit: Path("usr/lib/systemd/system") / unit.name
            for unit in sorted((HERE / "systemd").glob("*.service"))
        },
        **{
            rules: Path("usr/lib/udev/rules.d") / rules.name
            for rules in sorted((HERE / "udev").glob("*.rules"))
        },
        # The desk console in a staff PC's desktop menu (a desk runs in the member's own session).
        **{
            app: Path("usr/share/applications") / app.name
            for app in sorted((HERE / "applications").glob("*.desktop"))
        },
        # Outside /etc on purpose: the postinst copies it to /etc/lobby-kiosk/kiosk.toml once.
        next(venv.glob("lib/python3*/site-packages/kiosk/_resources/kiosk.sample.toml")): Path(
            "usr/share/lobby-kiosk/kiosk.sample.toml"
        ),
        ROOT / "LICENSE": Path("usr/share/doc/lobby-kiosk/LICENSE"),
    }
    for source, target in files.items():
        (stage / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, stage / target)
        (stage / target).chmod(0o644)
    (stage / "usr/share/doc/lobby-kiosk/copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: lobby-kiosk\n\n"
        "Files: *\nLicense: GPL-3.0-or-later\n"
        " The program's own licence is in LICENSE beside this file. /opt/lobby-kiosk holds the\n"
        " Python libraries it runs on, each with its licence in its .dist-info folder; Qt for\n"
        " Python and Qt Virtual Keyboard are used under the GPL (docs/licence.md).\n",
        "utf-8",
    )
    (stage / "usr/bin").mkdir(parents=True, exist_ok=True)
    (stage / "usr/bin/kiosk").symlink_to(PREFIX / "bin" / "kiosk")


def control(stage: Path, version: str, architecture: str, libraries: list[str]) -> None:
    debian = stage / "DEBIAN"
    debian.mkdir()
    for script in ("postinst", "prerm", "postrm"):
        shutil.copyfile(HERE / "maintscripts" / script, debian / script)
        (debian / script).chmod(0o755)
    sums = []
    installed_kib = 0
    for path in sorted(stage.rglob("*")):
        if path.is_relative_to(debian) or path.is_dir():
            continue
        installed_kib += (path.lstat().st_size + 1023) // 1024 or 1
        if path.is_file() and not path.is_symlink():
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            sums.append(f"{digest}  {path.relative_to(stage)}\n")
    (debian / "md5sums").write_text("".join(sums), "utf-8")
    fields = {
        "Package": PACKAGE,
        "Version": debian_version(version),
        "Architecture": architecture,
        "Maintainer": MAINTAINER,
        "Installed-Size": str(installed_kib),
        "Depends": ", ".join(depends(ROOT / "installer" / "debian-packages.txt", libraries)),
        "Recommends": ", ".join(RECOMMENDS),
        "Section": "misc",
        "Priority": "optional",
        "Homepage": "https://github.com/lobby-kiosk/lobby-kiosk",
        "Description": "lobby and IDC front-desk kiosk, desk console and guard screen\n"
        " Visitors check themselves in at a touchscreen kiosk (Chinese and English); the desk\n"
        " pre-registers visitors, issues IDC identity-verification cards, machine-room passes,\n"
        " release slips and receipts; lobby guards verify release slips. One site server\n"
        " (lobby-kiosk-server.service) keeps the database; kiosks and guard screens run full\n"
        " screen under cage (lobby-kiosk-kiosk.service, lobby-kiosk-guard.service).",
    }
    (debian / "control").write_text("".join(f"{k}: {v}\n" for k, v in fields.items()), "utf-8")


def build(wheel: Path, lock: Path, out: Path, work: Path, python: Path, compression: str) -> Built:
    if not python.is_file():
        raise SystemExit(
            f"build.py: {python} is not here: the package's venv is made by Debian 12's own Python "
            "3.11 (apt install python3.11-venv), the interpreter the installed program runs on"
        )
    found = re.match(r"lobby_kiosk-([^-]+)-", wheel.name)
    if not found:
        raise SystemExit(f"build.py: {wheel} is not a lobby_kiosk wheel")
    version = found.group(1)
    architecture = _run("dpkg", "--print-architecture").strip()
    stage = work / "root"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    venv = make_venv(stage, python, lock, wheel)
    trimmed = trim_venv(venv)
    relocate(venv)
    lay_out(stage, venv)
    control(stage, version, architecture, library_packages(venv))
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{debian_version(version)}_{architecture}.deb"
    # Owned by root whoever builds it; files keep their modes (0644, 0755 for programs).
    _run("dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", stage, deb)
    return Built(
        deb=deb,
        installed_bytes=size_of(stage) - size_of(stage / "DEBIAN"),
        untrimmed_bytes=trimmed.bytes_before,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, required=True, help="dist/lobby_kiosk-VERSION-py3-none-any.whl")
    parser.add_argument("--lock", type=Path, default=ROOT / "requirements-runtime.lock")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "deb")
    parser.add_argument("--python", type=Path, default=DEBIAN_PYTHON)
    # zstd: dpkg reads it since 1.21.18 (Debian 12 has 1.21.22). Measured on the 256 MiB tree:
    # 89 MiB in 2 s of CPU; xz (Debian's archive format) 65 MiB in 2.5 minutes.
    parser.add_argument("--compression", choices=("zstd", "xz", "gzip", "none"), default="zstd")
    args = parser.parse_args(argv)
    built = build(args.wheel, args.lock, args.out, args.work, args.python, args.compression)
    mib = 1024 * 1024
    print(
        f"{built.deb} ({built.deb.stat().st_size / mib:.0f} MiB): installs "
        f"{built.installed_bytes / mib:.0f} MiB; the venv was {built.untrimmed_bytes / mib:.0f} MiB "
        "before what the program never loads was left out"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
