"""Every call the UI makes to the server goes through :class:`QueryOp`: off the GUI thread.

A LAN stall must never freeze a window, so nothing that waits on the network (or the database,
argon2, a printer) runs on the GUI thread. ``QueryOp`` runs the work on the thread pool
(``background.run_in_background``) and brings the outcome back to the GUI thread with:

- a default failure message in the user's language (``messages.error_message``), shown in the
  page's result line, or a message box where there is no single one; the cause goes to the log;
- a progress dialog for long work (exports, imports), fed by the work's own reports if it makes
  any, and closed when the work ends however it ends;
- a guard against stale results: nothing is delivered to a widget that has been destroyed, nor
  the result of a search that a newer one with the same ``key`` has overtaken.

The model is Anki's ``QueryOp`` (qt/aqt/operations). Anki's separate ``CollectionOp`` exists to
fire change hooks after a write; here the server pushes changes to every station, so one helper
carries queries and submits alike.

:func:`assert_not_gui_thread` is installed as the client's guard (``kiosk.client.guard``): a
request made on the GUI thread by mistake raises at once instead of freezing the window.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Generic, Protocol, Self, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QThread, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QProgressBar, QVBoxLayout, QWidget
from shiboken6 import Shiboken

from kiosk.client import guard
from kiosk.ui.common.background import run_in_background
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.widgets import StatusLabel, named

T = TypeVar("T")

# Work that ends within this time never flashes a dialog.
PROGRESS_SHOW_AFTER_MS = 400
# How often the dialog reads the work's newest report: the GUI's pace, whatever the worker's.
PROGRESS_POLL_MS = 100


class Report(Protocol):
    """How work says how far it got: ``done`` of ``total`` (``None``: the total is not known)."""

    def __call__(self, done: int, total: int | None = None) -> None: ...


class _Latest:
    """The work's newest report. The worker only assigns a tuple (atomic), the dialog's timer
    reads it: the worker never touches a Qt object nor waits for the GUI, and a loop reporting
    every row costs the GUI one update per poll, not one per row."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value: tuple[int, int | None] | None = None

    def report(self, done: int, total: int | None = None) -> None:
        self.value = (done, total)


class ProgressDialog(QDialog):
    """Long work under way: what it is, how far it got, and the window kept still meanwhile.

    Shown only if the work takes longer than ``PROGRESS_SHOW_AFTER_MS``. It cannot be closed by
    hand (the work cannot be stopped half-way); it closes itself when the work ends.
    """

    def __init__(self, parent: QWidget, label: str, latest: _Latest) -> None:
        super().__init__(parent)
        self.setObjectName("operationProgressDialog")
        self.setWindowTitle(label)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self._latest = latest
        self._seen: tuple[int, int | None] | None = None
        layout = QVBoxLayout(self)
        self.label = named(QLabel(label), "operationProgressLabel", label)
        self.label.setStyleSheet("font-size: 16px;")
        self.bar = named(QProgressBar(), "operationProgressBar", label)
        self.bar.setRange(0, 0)  # a busy bar until the work says how far it got
        self.bar.setMinimumWidth(360)
        self.count = named(QLabel(), "operationProgressCount", label)
        for widget in (self.label, self.bar, self.count):
            layout.addWidget(widget)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._refresh)
        self._poll.start(PROGRESS_POLL_MS)
        self._show_later = QTimer(self)
        self._show_later.setSingleShot(True)
        self._show_later.timeout.connect(self.show)
        self._show_later.start(PROGRESS_SHOW_AFTER_MS)

    def _refresh(self) -> None:
        value = self._latest.value
        if value is None or value == self._seen:
            return
        self._seen = value
        done, total = value
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.count.setText(f"{done} / {total}")
        else:
            self.count.setText(str(done))

    def finish(self) -> None:
        self._show_later.stop()
        self._poll.stop()
        self.hide()
        self.deleteLater()

    def reject(self) -> None:
        """Esc does nothing: the work goes on, and so does the dialog that says so."""

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window manager's close (Alt+F4) is refused; the program's own close() still works.
        if event.spontaneous():
            event.ignore()


def show_failure(parent: QWidget, error: Exception) -> None:
    """Tell the person that ``error`` stopped what they asked for, in their language: in the
    parent's result line if it has exactly one (a console page's ``StatusLabel``), otherwise in a
    message box over it (a window, or a page with several result lines, has no obvious one)."""
    text = error_message(error)
    labels = [parent] if isinstance(parent, StatusLabel) else parent.findChildren(StatusLabel)
    if len(labels) == 1:
        labels[0].show_error(text)
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("operations", "It did not work"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("operationFailedBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()  # not exec(): no event loop inside the delivery of a result


# Every run gets a serial. (parent, key) -> the newest keyed run's serial, while that run is in
# flight: its result is wanted only while its serial is still there, and a worker reads it (a
# plain dict, no Qt call) to skip a read already overtaken before it starts. A scanner "types" a
# code into a search box in a few ms: every key queued a search, and the check-out the scan asked
# for waited behind them all (2.5 s on a kiosk's two pool threads, measured). An entry whose
# parent was destroyed first stays (its answer is never delivered); a widget made later at the
# same address writes its own serial before it reads one.
_serials = itertools.count(1)
_newest: dict[tuple[int, str], int] = {}


class QueryOp(Generic[T]):
    """``op()`` on the thread pool, ``success(result)`` on the GUI thread.

    ``parent`` is the widget that asked: results are dropped if it is destroyed meanwhile. With a
    ``key``, only the newest run with that key from the same parent is answered (a search box
    typed into fast shows the last search, not whichever answer came last). With ``reads_only``
    as well (the op only reads), a run overtaken before a thread took it up is not sent at all;
    without it every run is sent, for a request may record something (a scan is audited).
    Failures are logged and shown by :func:`show_failure` unless :meth:`failure` or
    :meth:`failure_in` says otherwise.

        QueryOp(self, lambda: client.search(query), self._show_rows, key="search").run_in_background()

    ``op`` must not touch widgets: read what it needs from them before, in the GUI thread.
    """

    def __init__(
        self,
        parent: QWidget,
        op: Callable[[], T],
        success: Callable[[T], None],
        *,
        key: str | None = None,
        reads_only: bool = False,
    ) -> None:
        self._setup(parent, lambda _report: op(), success, key, getattr(op, "__qualname__", ""), reads_only)

    @classmethod
    def reporting(
        cls,
        parent: QWidget,
        op: Callable[[Report], T],
        success: Callable[[T], None],
        *,
        key: str | None = None,
    ) -> Self:
        """An operation whose ``op`` takes a :class:`Report` to call as it goes (an export, row
        by row); with :meth:`with_progress` the dialog shows the count and a bar."""
        made = cls.__new__(cls)
        made._setup(parent, op, success, key, getattr(op, "__qualname__", ""))
        return made

    def _setup(
        self,
        parent: QWidget,
        work: Callable[[Report], T],
        success: Callable[[T], None],
        key: str | None,
        name: str,
        reads_only: bool = False,
    ) -> None:
        self._parent = parent
        self._reads_only = reads_only
        self._work = work
        self._success = success
        self._key = key
        self._what = name or "background operation"  # a lambda's qualname names its method
        self._failure: Callable[[Exception], None] = lambda error: show_failure(parent, error)
        self._progress_label: str | None = None

    def failure(self, handler: Callable[[Exception], None]) -> Self:
        """Handle a failure yourself (it is logged either way)."""
        self._failure = handler
        return self

    def failure_in(self, label: StatusLabel) -> Self:
        """Show a failure in ``label`` (for a page with more than one result line)."""
        return self.failure(lambda error: label.show_error(error_message(error)))

    def with_progress(self, label: str) -> Self:
        """Show ``label`` in a progress dialog while the work runs (long work: exports, imports)."""
        self._progress_label = label
        return self

    def run_in_background(self) -> None:
        parent, key, serial = self._parent, self._key, next(_serials)
        slot = (id(parent), key or "")
        skippable = key is not None and self._reads_only
        if key is not None:
            _newest[slot] = serial
        latest = _Latest()
        dialog = ProgressDialog(parent, self._progress_label, latest) if self._progress_label else None
        work = self._work

        def run() -> T | None:
            if skippable and _newest.get(slot) != serial:
                return None  # overtaken while queued: nobody will see its answer
            return work(latest.report)

        def wanted() -> bool:
            """Close the progress; is the outcome still wanted? (GUI thread, parent alive.)"""
            if dialog is not None and Shiboken.isValid(dialog):
                dialog.finish()
            if key is None:
                return True
            if _newest.get(slot) != serial:
                return False  # a newer run with the same key was asked for meanwhile
            del _newest[slot]  # the newest has answered: nothing left to overtake
            return True

        def done(result: T) -> None:
            if wanted():
                self._success(result)

        def failed(error: Exception) -> None:
            if wanted():
                self._failure(error)

        run_in_background(parent, run, done, failed, what=self._what)


def assert_not_gui_thread() -> None:
    """Raise RuntimeError if called on the Qt GUI thread (a no-op without a Qt application)."""
    app = QCoreApplication.instance()
    if app is not None and QThread.currentThread() is app.thread():
        raise RuntimeError(
            "a server request on the GUI thread would freeze the window: run it with "
            "kiosk.ui.common.operations.QueryOp"
        )


# Installed on import: any UI that makes server calls imports this module, so the client's guard
# is armed wherever there is a GUI thread to protect.
guard.set_gui_thread_check(assert_not_gui_thread)
