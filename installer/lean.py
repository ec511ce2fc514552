"""What the installed program leaves out of PySide6 (issue #17 item 8): one list for the Debian
package (installer/debian/build.py deletes it from the venv) and the Windows bundle
(installer/windows/lobby-kiosk.spec never collects it).

PySide6's wheels carry all of Qt: WebEngine alone is 220 MB, and a third of the rest is Qt
modules, tools and translations the program never loads. What it does load was read from
/proc/self/maps of a kiosk with its on-screen keyboard up: QtCore, QtGui, QtWidgets, QtNetwork,
QtOpenGL, the QML runtime and QtQuickWidgets (the keyboard's panel), Qt Virtual Keyboard and its
QML plugins, QtMultimedia (the keyboard's key sounds, and the desk's alarms), QtSvg, QtDBus,
QtConcurrent, ICU, the platform plugins (xcb, wayland under cage, eglfs, offscreen) and the image
formats; QtCharts draws the manager's monthly figures. Whatever a kept library needs stays:
`needed_but_missing` checks that on the ELF files, and tests/test_deb.py starts the trimmed kiosk.

Standard library only: the Windows spec imports it in PyInstaller's Python.
"""

from __future__ import annotations

import functools
import re
import shutil
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Qt modules by the stem of their names ("Qt6Sql" the library, "QtSql" the Python module,
# "qml/QtSql" the QML module). A stem also covers longer names: "WebEngine" is WebEngineCore,
# WebEngineQuick and WebEngineWidgets. Not here because the program loads them: Core, Gui,
# Widgets, Network, OpenGL, Qml*, Quick, QuickWidgets, QuickLayouts, VirtualKeyboard*,
# Multimedia, Svg, DBus, Concurrent, Charts, XcbQpa, Wayland client, EglFS.
UNUSED_QT = (
    "WebEngine", "WebChannel", "WebView", "WebSockets", "3D", "Quick3D", "QuickTest",
    "MultimediaWidgets", "SpatialAudio", "Pdf", "DataVisualization", "Graphs",
    "Location", "Positioning", "Sensors", "SerialPort", "SerialBus", "Bluetooth", "Nfc",
    "RemoteObjects", "Scxml", "StateMachine", "Sql", "Test", "TextToSpeech", "HttpServer",
    "Designer", "UiTools", "Help", "NetworkAuth", "PrintSupport", "CanvasPainter", "Lottie",
    "QuickControls2", "QuickDialogs2", "QuickTemplates2", "QuickParticles", "QuickTimeline",
    "QuickVectorImage", "QuickEffects", "QuickShapes", "QmlCompiler", "QmlLocalStorage",
    "QmlXmlListModel", "WaylandCompositor", "WaylandEglCompositor", "ShaderTools", "5Compat",
    "LabsAnimation", "LabsPlatform", "LabsQmlModels", "LabsSettings", "LabsSharedImage",
    "LabsStyleKit", "LabsSynchronizer", "LabsWavefrontMesh",
)  # fmt: skip
# Qt's own names only, case and all: a loose "sql" would also match Python's _sqlite3.
UNUSED_QT_NAME = re.compile(r"Qt6?(?:" + "|".join(UNUSED_QT) + ")")

# Plugin folders (Qt/plugins/<kind>) the program uses; every other kind is left out. The screen
# (platforms: xcb, wayland, eglfs, offscreen; windows on Windows), the keyboard (input contexts),
# pictures and icons, the desktop's theme and Windows' style, sound (multimedia: Qt picks its
# audio back end there, FFmpeg's), GL under X, EGL devices, Wayland under cage, and evdev touch
# input for a bare eglfs screen.
PLUGINS_KEPT = (
    "platforms", "platforminputcontexts", "imageformats", "iconengines", "platformthemes",
    "styles", "multimedia", "xcbglintegrations", "egldeviceintegrations", "wayland-decoration-client",
    "wayland-graphics-integration-client", "wayland-shell-integration", "generic",
)  # fmt: skip

# QML modules inside qml/QtQuick the keyboard never imports (Controls and Templates are the
# QuickControls2 libraries above; the rest are Quick add-ons).
QML_QUICK_UNUSED = (
    "Controls", "Dialogs", "Effects", "LocalStorage", "Particles", "Pdf", "Scene2D", "Scene3D",
    "Shapes", "Templates", "Timeline", "VectorImage",
)  # fmt: skip

# Qt's own translations: the program offers Chinese and English (kiosk.ui.common.i18n.LANGUAGES)
# and loads Qt's words for its dialogs; the tools' catalogues (Designer, Linguist...) go.
TRANSLATIONS_KEPT = re.compile(r"(?:qt|qtbase|qtdeclarative|qtmultimedia)_(?:zh_CN|en)\.qm")

# Inside the PySide6 package: developer tools, headers and binding sources, never run by the
# program (lrelease compiled the translations when the wheel was built). Qt/libexec holds
# WebEngine's process and the QML and UI compilers; Qt/resources is WebEngine's (ICU data, paks).
PYSIDE6_UNUSED = (
    "assistant", "designer", "linguist", "lupdate", "lrelease", "qmlformat", "qmllint", "qmlls",
    "balsam", "balsamui", "svgtoqml", "qsb", "include", "doc", "typesystems", "glue", "scripts",
    "Qt/libexec", "Qt/resources", "Qt/metatypes", "Qt/modules", "Qt/mkspecs",
)  # fmt: skip

# Single plugins left out of a kind that is kept: GTK's theme (the program draws its own look; it
# would pull GTK 3, Cairo and Pango onto every kiosk).
PLUGINS_UNUSED = ("platformthemes/libqgtk3.so",)

# Console scripts of the tools above (pyside6-designer, -lupdate, -deploy...), and the venv's
# activate scripts (nobody activates the program's venv; they hold the build's path).
BIN_UNUSED = re.compile(r"pyside6-.*|activate.*|Activate\.ps1")


@dataclass
class Trimmed:
    removed: list[Path] = field(default_factory=list)
    bytes_before: int = 0
    bytes_after: int = 0


def size_of(path: Path) -> int:
    if path.is_symlink() or path.is_file():
        return path.lstat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir() or p.is_symlink())


def unused_in_pyside6(pyside6: Path) -> Iterator[Path]:
    """Every file or folder under an installed PySide6 package the program never loads."""
    for name in PYSIDE6_UNUSED:
        if (pyside6 / name).exists():
            yield pyside6 / name
    for module in pyside6.iterdir():
        if UNUSED_QT_NAME.match(module.name):
            yield module  # QtSql.abi3.so, QtSql.pyi
    qt = pyside6 / "Qt"
    for library in sorted((qt / "lib").glob("*")):
        if UNUSED_QT_NAME.match(library.name.removeprefix("lib")):
            yield library
    yield from _copies(qt / "lib")
    plugins = qt / "plugins"
    if plugins.is_dir():
        yield from (kind for kind in sorted(plugins.iterdir()) if kind.name not in PLUGINS_KEPT)
        yield from (plugins / name for name in PLUGINS_UNUSED if (plugins / name).exists())
    qml = qt / "qml"
    if qml.is_dir():
        yield from (module for module in sorted(qml.iterdir()) if UNUSED_QT_NAME.match(module.name))
        yield from (qml / "QtQuick" / name for name in QML_QUICK_UNUSED if (qml / "QtQuick" / name).exists())
        # Qt Designer's palette entries for a QML module (qml/QtCharts/designer).
        yield from sorted(p for p in qml.glob("*/designer") if p.is_dir())
    translations = qt / "translations"
    if translations.is_dir():
        for catalogue in sorted(translations.iterdir()):
            if not TRANSLATIONS_KEPT.fullmatch(catalogue.name):
                yield catalogue


def _copies(lib: Path) -> Iterator[Path]:
    """A wheel holds no symbolic links, so FFmpeg's libavcodec.so, .so.61 and .so.61.19.101 are
    three copies of one file: only the name the libraries ask for (their DT_NEEDED) is kept."""
    if not lib.is_dir():
        return
    needed = {name for path in shared_objects(lib.parent.parent) for name in needed_by(path)}
    by_stem: dict[str, list[Path]] = {}
    for path in sorted(lib.iterdir()):
        by_stem.setdefault(path.name.split(".so")[0], []).append(path)
    for paths in by_stem.values():
        wanted = [p for p in paths if p.name in needed]
        for path in paths:
            if path.name not in needed and any(size_of(w) == size_of(path) for w in wanted):
                yield path


def trim_venv(prefix: Path) -> Trimmed:
    """Delete what the program never loads from the venv at ``prefix``; fails, naming them, if a
    library or plugin left in needs one that is gone (it would not load)."""
    (site_packages,) = prefix.glob("lib/python3*/site-packages")
    pyside6 = site_packages / "PySide6"
    trimmed = Trimmed(bytes_before=size_of(prefix))
    doomed = list(unused_in_pyside6(pyside6))
    doomed += [script for script in sorted((prefix / "bin").iterdir()) if BIN_UNUSED.fullmatch(script.name)]
    for path in doomed:
        if not path.exists() and not path.is_symlink():
            continue  # inside a folder already removed
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
        trimmed.removed.append(path)
    # Plugins whose library was left out (imageformats' PDF reader needs QtPdf; the QML modules
    # of Qt labs, Wayland's compositor side, QML state machines) could never load: Qt would skip
    # them with a warning. They go too: a Qt plugin alone, a QML module with its folder (its
    # qmldir names the plugin). Nothing else may be missing anything.
    missing = needed_but_missing(pyside6)
    for plugin in sorted(p for p in missing if "/plugins/" in p.as_posix() or "/qml/" in p.as_posix()):
        del missing[plugin]
        module = plugin if "/plugins/" in plugin.as_posix() else plugin.parent
        if module.exists():
            shutil.rmtree(module) if module.is_dir() else module.unlink()
            trimmed.removed.append(module)
    if missing:
        raise RuntimeError(
            "trimmed too much: "
            + "; ".join(f"{p.relative_to(prefix)} needs {', '.join(sorted(n))}" for p, n in missing.items())
        )
    trimmed.bytes_after = size_of(prefix)
    return trimmed


def needed_but_missing(pyside6: Path) -> dict[Path, set[str]]:
    """ELF files under PySide6 that need a Qt, PySide or ICU library not in Qt/lib (nor beside
    the Python modules): each with the names it lacks. System libraries are the package's
    Depends, not looked at here."""
    present = {p.name for p in (pyside6 / "Qt" / "lib").iterdir()} | {p.name for p in pyside6.iterdir()}
    shiboken = pyside6.parent / "shiboken6"
    if shiboken.is_dir():
        present |= {p.name for p in shiboken.iterdir()}
    ours = re.compile(r"lib(?:Qt6|pyside6|shiboken6|icu)")
    lacking: dict[Path, set[str]] = {}
    for path in shared_objects(pyside6):
        wanted = {name for name in needed_by(path) if ours.match(name)}
        if wanted - present:
            lacking[path] = wanted - present
    return lacking


def shared_objects(root: Path) -> Iterable[Path]:
    for path in sorted(root.rglob("*.so*")):
        if path.is_file() and not path.is_symlink():
            yield path


def needed_by(path: Path) -> tuple[str, ...]:
    """``path``'s DT_NEEDED names, read once per version of the file: the trimming asks before and
    after it deletes, and the package's Depends again, each of some 600 files (~500 MB)."""
    stat = path.stat()
    return _needed_by(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=8192)
def _needed_by(path: Path, _size: int, _mtime_ns: int) -> tuple[str, ...]:
    return tuple(elf_needed(path.read_bytes()))


def elf_needed(image: bytes) -> list[str]:
    """The DT_NEEDED names of a 64-bit little-endian ELF shared object (x86-64, arm64), read from
    its dynamic section; [] for anything else (binutils' readelf is not on every machine)."""
    if image[:4] != b"\x7fELF" or image[4] != 2 or image[5] != 1:
        return []
    (phoff,) = struct.unpack_from("<Q", image, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", image, 0x36)
    segments = [struct.unpack_from("<IIQQQQQQ", image, phoff + i * phentsize) for i in range(phnum)]
    load = [(s[3], s[2], s[5]) for s in segments if s[0] == 1]  # PT_LOAD: vaddr, offset, filesz

    def offset_of(address: int) -> int:
        for vaddr, offset, size in load:
            if vaddr <= address < vaddr + size:
                return address - vaddr + offset
        raise ValueError(f"address {address:#x} outside every loaded segment")

    dynamic = next((s for s in segments if s[0] == 2), None)  # PT_DYNAMIC
    if dynamic is None:
        return []
    entries = [struct.unpack_from("<qQ", image, dynamic[2] + i * 16) for i in range(dynamic[5] // 16)]
    strtab = next((value for tag, value in entries if tag == 5), None)  # DT_STRTAB
    if strtab is None:
        return []
    base = offset_of(strtab)
    names = []
    for tag, value in entries:
        if tag == 0:  # DT_NULL
            break
        if tag == 1:  # DT_NEEDED
            end = image.index(b"\0", base + value)
            names.append(image[base + value : end].decode())
    return names
