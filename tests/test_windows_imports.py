"""The program starts on Windows: no module it loads uses a POSIX-only part of Python while being
imported (``import fcntl`` at the top, ``os.getgroups`` as a default argument...), or ``kiosk.exe``
dies before it can say anything. Checked by reading the source, since Windows cannot be run here
and pretending to be Windows in this interpreter would fool the libraries too (pyserial picks its
POSIX back end by os.name)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kiosk"
POSIX_MODULES = {"fcntl", "termios", "tty", "pty", "grp", "pwd", "resource", "syslog", "crypt", "posix"}
POSIX_OS_NAMES = {
    "getgroups",
    "getuid",
    "geteuid",
    "getgid",
    "getegid",
    "fork",
    "setsid",
    "killpg",
    "openpty",
}
# The emulators on pseudo-terminals: POSIX by nature, loaded only where ptys exist (the factory
# imports them inside functions and falls back to in-memory devices without them).
POSIX_BY_DESIGN = {
    "kiosk.devices.ptylink",
    "kiosk.devices.pn532.emulator",
    "kiosk.devices.msr.emulator",
    "kiosk.devices.idreader.emulator",
    "kiosk.devices.emushell",
    "kiosk.devices.memlink",  # tests' in-process line, built on ptylink's timing
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


class ImportTime(ast.NodeVisitor):
    """What runs when a module is imported: its body, class bodies, default arguments and
    decorators, not function bodies; blocks that guard themselves (``except ImportError``, a
    ``sys.platform`` / ``os.name`` test) are left out."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.posix: list[str] = []
        self.imports: set[str] = set()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for expr in [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]:
            if expr is not None:
                self.visit(expr)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        for expr in node.args.defaults:
            self.visit(expr)

    def visit_Try(self, node: ast.Try) -> None:
        guarded = any("ImportError" in ast.unparse(h.type or ast.Name("")) for h in node.handlers)
        if not guarded:
            self.generic_visit(node)

    def visit_If(self, node: ast.If) -> None:
        test = ast.unparse(node.test)
        if "sys.platform" in test or "os.name" in test or "TYPE_CHECKING" in test:
            return
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._imported(alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            package = self.name.split(".")[: len(self.name.split(".")) - node.level + 1]
            base = ".".join([*package, *([base] if base else [])])
        self._imported(base)
        for alias in node.names:
            self._imported(f"{base}.{alias.name}")  # a submodule, when it is one
            if base == "os" and alias.name in POSIX_OS_NAMES:
                self.posix.append(f"from os import {alias.name}")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.value, ast.Name) and node.value.id == "os" and node.attr in POSIX_OS_NAMES:
            self.posix.append(f"os.{node.attr} (line {node.lineno})")
        self.generic_visit(node)

    def _imported(self, name: str) -> None:
        if name.split(".", maxsplit=1)[0] in POSIX_MODULES:
            self.posix.append(f"import {name}")
        if name.startswith("kiosk"):
            self.imports.add(name)


def scan() -> dict[str, ImportTime]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        visitor = ImportTime(name)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        found[name] = visitor
    return found


def test_no_module_windows_loads_needs_posix_while_it_is_imported() -> None:
    modules = scan()
    assert "kiosk.cli" in modules and "kiosk.server.run" in modules
    own = {name: v for name, v in modules.items() if v.posix and name not in POSIX_BY_DESIGN}
    assert not own, "POSIX-only at import time (Windows cannot start): " + "; ".join(
        f"{name}: {', '.join(v.posix)}" for name, v in own.items()
    )
    # Nor does any other module reach one of the pty emulators at import time, however indirectly.
    tainted = dict.fromkeys(POSIX_BY_DESIGN, "")
    while True:
        more = {
            name: sorted(visitor.imports & tainted.keys())[0]
            for name, visitor in modules.items()
            if name not in tainted and visitor.imports & tainted.keys()
        }
        if not more:
            break
        tainted.update(more)
    reached = {name: via for name, via in tainted.items() if name not in POSIX_BY_DESIGN}
    assert not reached, f"these import a pty emulator when imported (Windows has no ptys): {reached}"


def test_the_scan_sees_what_it_looks_for() -> None:
    """The checker itself: a top-level fcntl, a default argument, a guarded import."""
    source = (
        "import os\nimport fcntl\ndef f(g=os.getgroups):\n    import pwd\n"
        "try:\n    import termios\nexcept ImportError:\n    pass\n"
    )
    visitor = ImportTime("kiosk.example")
    visitor.visit(ast.parse(source))
    assert visitor.posix == ["import fcntl", "os.getgroups (line 3)"]


def test_one_local_server_per_data_folder(tmp_path: Path) -> None:
    """`kiosk run`'s lock (flock here, msvcrt on Windows): the first claim holds it, a second is
    told to join, and closing frees it."""
    from kiosk.server.run import claim_local

    first = claim_local(tmp_path)
    assert first is not None
    assert claim_local(tmp_path) is None
    first.close()
    again = claim_local(tmp_path)
    assert again is not None
    again.close()
