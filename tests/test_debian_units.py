"""The Debian package's system files (installer/debian, docs/install-debian.md): systemd accepts the
units, the udev rules parse and name only our devices, the maintainer scripts are valid sh that
create what the services need and never overwrite a site's config, and every name they share
with the program (environment variables, folders, accounts, roles) agrees with it.

Starts OS processes on purpose, few: one `systemd-analyze verify` for all units, `sh -n` per
script, and three runs of the scripts against stand-in commands (adduser, systemctl...)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from kiosk import config as config_module
from kiosk.config import DATA_DIR_ENV, DEBIAN_CONFIG_DIR
from kiosk.logs.setup import ROLES

DEBIAN = Path(__file__).resolve().parent.parent / "installer" / "debian"
UNIT_DIR = DEBIAN / "systemd"
UNITS = sorted(UNIT_DIR.glob("*.service"))
RULES = DEBIAN / "udev" / "60-lobby-kiosk.rules"
SCRIPTS = DEBIAN / "maintscripts"
SCREEN_UNITS = {"kiosk": "lobby-kiosk-kiosk.service", "guard": "lobby-kiosk-guard.service"}


def unit(name: str) -> dict[str, list[str]]:
    """``Section.Key`` -> its values, in order (systemd allows a key more than once)."""
    values: dict[str, list[str]] = {}
    section = ""
    for raw in (UNIT_DIR / name).read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        values.setdefault(f"{section}.{key}", []).append(value)
    return values


def script_variable(script: str, name: str) -> str:
    found = re.search(rf"^{name}=(.*)$", (SCRIPTS / script).read_text("utf-8"), re.MULTILINE)
    assert found, f"{name}= in {script}"
    return found.group(1).strip('"')


def test_there_are_the_three_units() -> None:
    assert [u.name for u in UNITS] == [
        "lobby-kiosk-guard.service",
        "lobby-kiosk-kiosk.service",
        "lobby-kiosk-server.service",
    ]


def _host_unit_dir() -> Path:
    for candidate in (Path("/usr/lib/systemd/system"), Path("/lib/systemd/system")):
        if (candidate / "sysinit.target").exists():
            return candidate
    # systemd is in installer/debian-packages-test.txt: a missing one fails, never skips quietly.
    raise AssertionError("no systemd units on this machine to verify against: install systemd")


def test_systemd_analyze_verify_passes_on_every_unit(tmp_path: Path) -> None:
    """The units' text unchanged, in a root of their own: `verify --root` finds the system's own
    units (targets, dbus.socket...) copied there, and looks for each ExecStart program inside
    the root, where an executable stand-in sits at the unit's exact path (/opt/lobby-kiosk and
    cage are not installed on a build machine). A canary with a misspelt key proves that verify
    reads what it is given here."""
    unit_dir = tmp_path / "usr" / "lib" / "systemd" / "system"
    shutil.copytree(_host_unit_dir(), unit_dir, symlinks=True)
    for path in UNITS:
        shutil.copyfile(path, unit_dir / path.name)
        for command in unit(path.name)["Service.ExecStart"]:
            program = tmp_path / command.lstrip("-@:+!").split()[0].lstrip("/")
            program.parent.mkdir(parents=True, exist_ok=True)
            program.write_text("#!/bin/sh\n", "utf-8")
            program.chmod(0o755)
    canary = "lobby-kiosk-canary.service"
    (unit_dir / canary).write_text(
        "[Service]\nExecStart=/opt/lobby-kiosk/bin/kiosk serve\nProtectSytem=strict\n"
    )
    result = subprocess.run(
        ["systemd-analyze", "verify", f"--root={tmp_path}", *(u.name for u in UNITS), canary],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    ours = [line for line in (result.stdout + result.stderr).splitlines() if "lobby-kiosk" in line]
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(ours) == 1 and canary in ours[0] and "ProtectSytem" in ours[0], ours


def test_the_kiosk_and_guard_units_differ_only_in_the_role() -> None:
    """They are one design for two roles: a change to one and not the other is a mistake."""
    kiosk = (UNIT_DIR / SCREEN_UNITS["kiosk"]).read_text("utf-8")
    guard = (UNIT_DIR / SCREEN_UNITS["guard"]).read_text("utf-8")
    as_kiosk = (
        guard.replace("lobby-kiosk-kiosk.service", "lobby-kiosk-guard.service")
        .replace("--role guard", "--role kiosk")
        .replace("Lobby Kiosk guard screen", "Lobby Kiosk visitor kiosk")
    )
    settings = [line for line in as_kiosk.splitlines() if not line.startswith("#")]
    assert settings == [line for line in kiosk.splitlines() if not line.startswith("#")]
    for role, name in SCREEN_UNITS.items():
        other = next(n for n in SCREEN_UNITS.values() if n != name)
        conflicts = unit(name)["Unit.Conflicts"][0].split()
        # One screen per PC, tty1 to itself: never a login prompt or a desktop behind it.
        assert {"getty@tty1.service", "display-manager.service", other} <= set(conflicts)
        service = unit(name)
        assert service["Service.TTYPath"] == ["/dev/tty1"] and service["Service.Restart"] == ["always"]
        assert service["Service.ExecStart"] == [
            f"/usr/bin/cage -- /opt/lobby-kiosk/bin/kiosk run --role {role}"
        ]
        assert role in ROLES


def test_the_units_names_agree_with_the_program_and_the_postinst() -> None:
    server = unit("lobby-kiosk-server.service")
    state_dir = script_variable("postinst", "STATE_DIR")
    assert server["Service.ExecStart"] == ["/opt/lobby-kiosk/bin/kiosk serve"]
    assert server["Service.Environment"] == [f"{DATA_DIR_ENV}={state_dir}"]
    assert state_dir == "/var/lib/" + server["Service.StateDirectory"][0]
    assert server["Service.StateDirectoryMode"] == ["0700"] and server["Service.UMask"] == ["0077"]
    assert server["Service.User"] == [script_variable("postinst", "SERVER_USER")]
    for name in SCREEN_UNITS.values():
        assert unit(name)["Service.User"] == [script_variable("postinst", "SCREEN_USER")]
    # The package's config is where the program looks (not the fixture's stand-in folder).
    assert script_variable("postinst", "CONFIG_DIR") == str(DEBIAN_CONFIG_DIR) == "/etc/lobby-kiosk"
    assert server["Service.EnvironmentFile"] == [f"-{DEBIAN_CONFIG_DIR}/server.env"]
    # Every KIOSK_ variable the files name (settings and comments) is one the program reads.
    known = {value for key, value in vars(config_module).items() if key.endswith("_ENV")}
    named = {
        name
        for path in DEBIAN.rglob("*")
        # Not the bytecode of build.py (tests/test_deb.py imports it, and make test keeps .pyc)
        if path.is_file() and "__pycache__" not in path.parts
        for name in re.findall(r"\bKIOSK_[A-Z_]+\b", path.read_text("utf-8"))
    }
    assert DATA_DIR_ENV in named and named <= known, named - known


_UDEV_ITEM = re.compile(r'\s*([A-Z_]+)(?:\{([^}]+)\})?\s*(==|!=|\+=|-=|:=|=)\s*"([^"]*)"\s*(?:,|$)')
_UDEV_MATCH_KEYS = {"ACTION", "SUBSYSTEM", "KERNEL", "ATTR", "ATTRS", "ENV", "KERNELS", "SUBSYSTEMS"}
_UDEV_ASSIGN_KEYS = {"SYMLINK", "GROUP", "MODE", "GOTO", "LABEL"}


def udev_rules() -> list[list[tuple[str, str | None, str, str]]]:
    """Each rule: its (key, {attribute}, operator, value) items; a line that does not parse fails."""
    rules = []
    for number, raw in enumerate(RULES.read_text("utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        items, position = [], 0
        while position < len(line):
            found = _UDEV_ITEM.match(line, position)
            assert found, f"60-lobby-kiosk.rules:{number}: cannot parse from {line[position:]!r}"
            key, attribute, operator, value = found.groups()
            if key in _UDEV_MATCH_KEYS:
                assert operator in ("==", "!="), f"line {number}: {key} is a match key"
            else:
                assert key in _UDEV_ASSIGN_KEYS and operator in ("=", "+="), f"line {number}: {key}{operator}"
            items.append((key, attribute, operator, value))
            position = found.end()
        rules.append(items)
    return rules


def test_udev_rules_parse_and_give_our_devices_their_names_and_groups() -> None:
    rules = udev_rules()
    screen_groups = set(
        re.findall(r"^\s*for group in (.+); do$", (SCRIPTS / "postinst").read_text("utf-8"), re.M)[0].split()
    )
    names: set[str] = set()
    gotos = {value for rule in rules for key, _, _, value in rule if key == "GOTO"}
    labels = {value for rule in rules for key, _, _, value in rule if key == "LABEL"}
    assert gotos == labels == {"lobby_kiosk_end"}
    for rule in rules:
        settings = {key: value for key, _, _, value in rule}
        if "GROUP" not in settings:
            continue
        # A device of ours by its USB ids, for the screen user's groups, not for everyone.
        assert {"SUBSYSTEM"} <= settings.keys() and settings["MODE"] == "0660", rule
        assert settings["GROUP"] in screen_groups, rule
        ids = [(key, a, v) for key, a, _, v in rule if a in ("idVendor", "idProduct")]
        assert len(ids) == 2 and all(re.fullmatch(r"[0-9a-f]{4}", v) for _, _, v in ids), rule
        if "SYMLINK" in settings:
            assert settings["SYMLINK"].startswith("lobby-kiosk/"), rule
            names.add(settings["SYMLINK"])
    assert names == {"lobby-kiosk/encoder", "lobby-kiosk/idreader", "lobby-kiosk/printer"}


@pytest.mark.skipif(shutil.which("udevadm") is None, reason="no udevadm on this machine")
def test_udevadm_accepts_the_rules() -> None:
    help_text = subprocess.run(["udevadm", "--help"], capture_output=True, text=True, check=False).stdout
    if " verify " not in help_text:
        pytest.skip("udevadm has no verify (systemd < 254); the parser test above stands in")
    result = subprocess.run(["udevadm", "verify", str(RULES)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("script", ["postinst", "prerm", "postrm"])
def test_maintainer_scripts_are_strict_posix_sh(script: str) -> None:
    path = SCRIPTS / script
    text = path.read_text("utf-8")
    assert text.startswith("#!/bin/sh\n") and "\nset -e\n" in text
    assert path.stat().st_mode & stat.S_IXUSR, "dpkg runs it: it must be executable"
    assert re.search(r'^case "\$1" in$', text, re.M) and "exit 1" in text  # unknown actions fail
    result = subprocess.run(["sh", "-n", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


# Stand-ins for the commands that change the running system: each logs its arguments; the
# account commands keep a user list ("name group group...") in $FAKE_USERS.
_STUBS = {
    "systemctl": "",
    "udevadm": "",
    "getent": 'grep -q "^$2\\( \\|$\\)" "$FAKE_USERS"',
    "id": 'grep "^$2\\( \\|$\\)" "$FAKE_USERS" | cut -s -d" " -f2-',
    "adduser": """case "$1" in
--system) for last; do :; done; echo "$last" >>"$FAKE_USERS" ;;
*) sed -i "s/^$2\\( .*\\)\\{0,1\\}$/& $3/" "$FAKE_USERS" ;;
esac""",
    "deluser": 'for last; do :; done; sed -i "/^$last\\( \\|$\\)/d" "$FAKE_USERS"',
    "delgroup": "",
    # -o/-g need root; the modes and the copying are real.
    "install": """skip=""; first=1
for a do
    if [ "$first" = 1 ]; then set --; first=0; fi
    if [ -n "$skip" ]; then skip=""; continue; fi
    case "$a" in -o | -g) skip=1; continue ;; esac
    set -- "$@" "$a"
done
exec REAL_INSTALL "$@"
""",
}


@pytest.fixture
def fake_system(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    stubs = tmp_path / "bin"
    stubs.mkdir()
    real_install = shutil.which("install")
    assert real_install
    for name, body in _STUBS.items():
        path = stubs / name
        script = body.replace("REAL_INSTALL", real_install)
        path.write_text(f'#!/bin/sh\necho "{name} $*" >>"$FAKE_LOG"\n{script}\n', "utf-8")
        path.chmod(0o755)
    root = tmp_path / "root"
    sample = root / "usr" / "share" / "lobby-kiosk" / "kiosk.sample.toml"
    sample.parent.mkdir(parents=True)
    sample.write_text('[site]\nname = "sample"\n', "utf-8")
    (tmp_path / "users").write_text("dialout\nlp\n", "utf-8")
    env = {
        "PATH": f"{stubs}:{os.environ['PATH']}",
        "DPKG_ROOT": str(root),
        "FAKE_LOG": str(tmp_path / "log"),
        "FAKE_USERS": str(tmp_path / "users"),
    }
    return root, env


def _run(script: str, env: dict[str, str], *args: str) -> list[str]:
    log = Path(env["FAKE_LOG"])
    log.write_text("", "utf-8")
    result = subprocess.run(
        ["sh", str(SCRIPTS / script), *args], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return log.read_text("utf-8").splitlines()


def test_postinst_makes_accounts_folders_and_config_once_and_keeps_the_sites_config(
    fake_system: tuple[Path, dict[str, str]],
) -> None:
    root, env = fake_system
    first = _run("postinst", env, "configure", "")
    assert (
        "adduser --system --group --quiet --home /var/lib/lobby-kiosk --no-create-home --shell /usr/sbin/nologin lobby-kiosk"
        in first
    )
    assert {"adduser --quiet lobby-kiosk-screen dialout", "adduser --quiet lobby-kiosk-screen lp"} <= set(
        first
    )
    assert f"systemctl --root={root} enable lobby-kiosk-server.service" in first
    # Neither screen is enabled (the site picks one); another root's udev and services untouched.
    assert not [c for c in first if ("screen" in c and c.startswith("systemctl")) or c.startswith("udevadm")]
    assert not [c for c in first if "daemon-reload" in c or " start " in c]
    for folder in ("var/lib/lobby-kiosk", "var/lib/lobby-kiosk-screen"):
        assert stat.S_IMODE((root / folder).stat().st_mode) == 0o700
    config = root / "etc" / "lobby-kiosk" / "kiosk.toml"
    assert config.read_text("utf-8") == '[site]\nname = "sample"\n'
    assert stat.S_IMODE(config.stat().st_mode) == 0o644

    config.write_text('[site]\nname = "蓝天大厦"\n', "utf-8")
    again = _run("postinst", env, "configure", "1.0")  # an upgrade from 1.0
    assert config.read_text("utf-8") == '[site]\nname = "蓝天大厦"\n'
    # Nothing made twice; an upgrade does not re-enable a server the site disabled.
    assert not [c for c in again if c.startswith(("adduser", "systemctl"))], again

    gone = _run("postrm", env, "purge")
    assert not (root / "var" / "lib" / "lobby-kiosk").exists() and not config.exists()
    assert not (root / "etc" / "lobby-kiosk").exists()
    assert {"deluser --quiet --system lobby-kiosk", "deluser --quiet --system lobby-kiosk-screen"} <= set(
        gone
    )


def test_the_desk_launcher_starts_the_desk_console_from_the_package() -> None:
    """A desk is a staff PC with a desktop: its menu entry runs the installed program's desk."""
    entry = (DEBIAN / "applications" / "lobby-kiosk-desk.desktop").read_text("utf-8").splitlines()
    assert entry[0] == "[Desktop Entry]"
    fields = dict(line.split("=", 1) for line in entry[1:] if "=" in line)
    assert fields["Type"] == "Application" and fields["Terminal"] == "false"
    program, *arguments = fields["Exec"].split()
    assert program == unit("lobby-kiosk-server.service")["Service.ExecStart"][0].split()[0]
    assert arguments == ["run", "--role", "desk"] and "desk" in ROLES
    assert fields["Name[zh_CN]"] == "前台控制台"
