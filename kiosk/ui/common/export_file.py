"""A register's file written by the server and saved where the person chooses: the save dialog,
the file's ending added if they left it off, the download off the GUI thread with its progress
in kilobytes received, and a file that could not be written here said as such."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kiosk.ui.common.operations import QueryOp, Report
from kiosk.ui.common.widgets import StatusLabel, ask_save_path

T = TypeVar("T")

# (title, suggested file name, file filter) -> the path chosen, "" if cancelled. A page keeps one
# as an attribute so that tests answer the dialog.
AskSavePath = Callable[[str, str, str], str]
# How the download says how far it got: bytes received of the file's size (None: not known).
Received = Callable[[int, int | None], None]


def ask_with_dialog(parent: QWidget) -> AskSavePath:
    """The save dialog over ``parent``."""
    return lambda title, suggested, file_filter: ask_save_path(parent, title, suggested, file_filter)


def save_path(chosen: str, suffix: str) -> Path:
    """The file chosen, with ``suffix`` (".xlsx") added where the person left it off."""
    return Path(chosen) if chosen.lower().endswith(suffix) else Path(chosen + suffix)


def in_kilobytes(report: Report) -> Received:
    """The download's byte counts, reported as kilobytes (the progress dialogs say "KB")."""
    return lambda done, total: report(done // 1024, None if total is None else total // 1024)


def not_saved_text(error: Exception) -> str | None:
    """The words for a file this station could not write (a full disk, a folder it may not write
    to), or None for any other failure (a refused request, a server that does not answer)."""
    if isinstance(error, OSError) and not isinstance(error, ConnectionError):
        return QCoreApplication.translate("export_file", "Could not save the file: %1").replace(
            "%1", error.strerror or str(error)
        )
    return None


def export_to_file(
    parent: QWidget,
    ask: AskSavePath,
    dialog: tuple[str, str, str],
    write: Callable[[Path, Received], T],
    done: Callable[[T], None],
    progress: str,
    status: StatusLabel,
    failed: Callable[[Exception], None],
    suffix: str = ".xlsx",
) -> None:
    """Ask where to save (``dialog``: title, suggested name, filter), then ``write(path, received)``
    in the background and ``done(result)``; a file not written is said in ``status``, any other
    failure goes to ``failed``. ``write`` must not touch widgets: read what it needs before."""
    chosen = ask(*dialog)
    if not chosen:
        return
    path = save_path(chosen, suffix)

    def fail(error: Exception) -> None:
        text = not_saved_text(error)
        if text is None:
            failed(error)
        else:
            status.show_error(text)

    QueryOp.reporting(parent, lambda report: write(path, in_kilobytes(report)), done).failure(
        fail
    ).with_progress(progress).run_in_background()
