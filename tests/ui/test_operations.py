"""Server calls run off the GUI thread through QueryOp: results come back to the GUI thread,
failures in the user's words, stale answers nowhere, and long work with a progress dialog."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThread, QThreadPool
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from kiosk.client import guard
from kiosk.domain.errors import ValidationError
from kiosk.ui.common.background import in_flight, run_in_background, wait_for_background
from kiosk.ui.common.i18n import set_language
from kiosk.ui.common.operations import ProgressDialog, QueryOp, Report, assert_not_gui_thread
from kiosk.ui.common.widgets import StatusLabel
from tests.ui.conftest import type_text

APOLOGY_ZH = "抱歉，系统出现问题，请到前台办理。"
WAIT_S = 5


def on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    assert app is not None
    return QThread.currentThread() is app.thread()


class Page(QWidget):
    """A console page in miniature: a search box, a result line, the rows found."""

    def __init__(self, search: Callable[[str], list[str]]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.search_edit = QLineEdit()
        self.rows = QLabel()
        self.status = StatusLabel("testStatus", "Last action result")
        for widget in (self.search_edit, self.rows, self.status):
            layout.addWidget(widget)
        self.shown: list[list[str]] = []
        self._search = search
        self.reads_only = False
        # Searches as the person types, as a filter box does.
        self.search_edit.textChanged.connect(self.start_search)

    def start_search(self, text: str) -> None:
        QueryOp(
            self, lambda: self._search(text), self.show_rows, key="search", reads_only=self.reads_only
        ).run_in_background()

    def show_rows(self, rows: list[str]) -> None:
        self.shown.append(rows)
        self.rows.setText(", ".join(rows))


def wait_until_answered(qtbot: QtBot) -> None:
    assert wait_for_background(WAIT_S * 1000)
    qtbot.waitUntil(lambda: in_flight() == 0, timeout=WAIT_S * 1000)


def test_the_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(qtbot: QtBot) -> None:
    page = Page(lambda text: [])
    qtbot.addWidget(page)
    threads: list[tuple[str, bool]] = []

    def work() -> int:
        threads.append(("work", on_gui_thread()))
        return 42

    def success(value: int) -> None:
        threads.append((f"success {value}", on_gui_thread()))

    QueryOp(page, work, success).run_in_background()
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=WAIT_S * 1000)
    assert threads == [("work", False), ("success 42", True)]


def test_a_failure_is_shown_in_the_result_line_in_the_users_language_and_logged(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    set_language("zh_CN")
    page = Page(lambda text: [])
    qtbot.addWidget(page)
    caplog.set_level(logging.INFO)

    def lookup() -> list[str]:
        raise ConnectionError("server at 10.0.0.5 did not answer")

    QueryOp(page, lookup, page.show_rows).run_in_background()
    qtbot.waitUntil(lambda: page.status.text() != "", timeout=WAIT_S * 1000)
    assert page.status.text() == APOLOGY_ZH
    assert page.status.property("error") is True
    assert page.shown == []
    # The cause is in the log, named after the method that asked, with its traceback.
    (record,) = [r for r in caplog.records if r.name == "kiosk.ui.common.background"]
    assert record.levelno == logging.ERROR and record.exc_info is not None
    assert "test_a_failure_is_shown" in record.getMessage() and "ConnectionError" in record.getMessage()

    # A refused entry says what to fix, and is an ordinary INFO line.
    caplog.clear()

    def refused() -> list[str]:
        raise ValidationError("visit", "unknown")

    QueryOp(page, refused, page.show_rows).run_in_background()
    qtbot.waitUntil(lambda: page.status.text() != APOLOGY_ZH, timeout=WAIT_S * 1000)
    assert page.status.text() == QCoreApplication.translate("messages", "This visit no longer exists.")
    assert page.status.text() != "This visit no longer exists."  # in Chinese, not the source
    assert [r.levelno for r in caplog.records if r.name == "kiosk.ui.common.background"] == [logging.INFO]


def test_with_no_single_result_line_the_failure_opens_a_message_box(qtbot: QtBot) -> None:
    set_language("zh_CN")
    window = QWidget()  # two result lines: which one is meant is not obvious
    layout = QVBoxLayout(window)
    first, second = StatusLabel("a", "a"), StatusLabel("b", "b")
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(window)
    window.show()

    def fails() -> None:
        raise OSError("disk full")

    QueryOp(window, fails, lambda _r: None).run_in_background()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "operationFailedBox") is not None)
    box = window.findChild(QMessageBox, "operationFailedBox")
    assert isinstance(box, QMessageBox)
    assert box.text() == APOLOGY_ZH
    assert first.text() == second.text() == ""
    ok = box.button(QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not Shiboken.isValid(box))

    # The page names the line it means.
    QueryOp(window, fails, lambda _r: None).failure_in(second).run_in_background()
    qtbot.waitUntil(lambda: second.text() == APOLOGY_ZH, timeout=WAIT_S * 1000)
    assert window.findChild(QMessageBox, "operationFailedBox") is None


def test_typing_fast_shows_only_the_last_searchs_result(qtbot: QtBot) -> None:
    """The searches for "z" and "zh" answer after the one for "zha": their rows must not
    replace it, nor their failure paint the result line red."""
    last_answered = threading.Event()

    def search(text: str) -> list[str]:
        if text == "zha":
            return ["张三"]
        last_answered.wait(WAIT_S)  # the older searches are the slow ones
        if text == "zh":
            raise ConnectionError("late and broken")
        return ["赵六", "张三"]

    page = Page(search)
    qtbot.addWidget(page)
    page.show()
    type_text(qtbot, page.search_edit, "zha")
    qtbot.waitUntil(lambda: page.shown != [], timeout=WAIT_S * 1000)
    last_answered.set()
    wait_until_answered(qtbot)
    assert page.shown == [["张三"]]
    assert page.rows.text() == "张三"
    assert page.status.text() == ""

    # Another key from the same page, and the same key from another page, are not overtaken.
    other = Page(lambda text: ["李四"])
    qtbot.addWidget(other)
    delivered: list[str] = []
    QueryOp(page, lambda: "stats", delivered.append, key="statistics").run_in_background()
    other.start_search("li")
    page.start_search("zhang")
    wait_until_answered(qtbot)
    assert delivered == ["stats"]
    assert other.shown == [["李四"]]


def test_a_search_overtaken_while_it_waits_for_a_thread_is_never_sent(qtbot: QtBot) -> None:
    """A scanner types a whole code into the focused search box in a few ms: a search per key
    was queued, and what the scan itself asked for waited behind all of them."""
    searched: list[str] = []

    def search(text: str) -> list[str]:
        searched.append(text)
        return [text]

    for reads_only in (True, False):
        searched.clear()
        page = Page(search)
        page.reads_only = reads_only
        qtbot.addWidget(page)
        page.show()
        # Every thread of the pool busy meanwhile (slow answers from a congested LAN).
        release = threading.Event()
        pool = QThreadPool.globalInstance()
        started = 0
        while started < pool.maxThreadCount():  # the pool grows at its first use: read it each time
            run_in_background(page, lambda: release.wait(WAIT_S), lambda _r: None, lambda _e: None)  # noqa: B023
            started += 1
        type_text(qtbot, page.search_edit, "LKV:V000123")
        release.set()
        wait_until_answered(qtbot)
        assert page.shown == [["LKV:V000123"]]
        # Only a read is dropped: a request that may record something (a scan) is always sent.
        if reads_only:
            assert searched == ["LKV:V000123"]
        else:
            # Every one, in whatever order the pool's threads took them up.
            assert sorted(searched, key=len) == ["LKV:V000123"[:n] for n in range(1, 12)]


def test_slow_answers_do_not_hold_back_the_next_request(qtbot: QtBot) -> None:
    """The pool's work waits on the network, not the CPU: with one thread per core (two on a
    kiosk PC), a print round and a poll stuck on a slow server held back the visitor's check-out."""
    page = Page(lambda text: [text])
    qtbot.addWidget(page)
    release = threading.Event()
    for _ in range(4):  # the print runner, the visit poll, two page loads: all slow
        run_in_background(page, lambda: release.wait(WAIT_S), lambda _r: None, lambda _e: None)
    try:
        page.start_search("V000123")
        qtbot.waitUntil(lambda: page.shown == [["V000123"]], timeout=WAIT_S * 1000 // 2)
    finally:
        release.set()
    wait_until_answered(qtbot)


def test_nothing_is_delivered_to_a_page_that_was_closed_meanwhile(qtbot: QtBot) -> None:
    release = threading.Event()
    answered: list[str] = []
    page = Page(lambda text: [])
    page.show()

    def slow() -> str:
        release.wait(WAIT_S)
        return "rows"

    def slow_failure() -> str:
        release.wait(WAIT_S)
        raise ConnectionError("gone")

    QueryOp(page, slow, answered.append).with_progress("Exporting").run_in_background()
    QueryOp(page, slow_failure, answered.append).failure(
        lambda e: answered.append(str(e))
    ).run_in_background()
    page.deleteLater()
    qtbot.waitUntil(lambda: not Shiboken.isValid(page))
    release.set()
    wait_until_answered(qtbot)
    assert answered == []


def test_long_work_shows_its_progress_and_the_dialog_closes_when_it_ends(qtbot: QtBot) -> None:
    page = Page(lambda text: [])
    qtbot.addWidget(page)
    page.show()
    steps = [threading.Event() for _ in range(3)]
    exported: list[int] = []

    def export(report: Report) -> int:
        for n, step in enumerate(steps):
            report(n, 3)
            step.wait(WAIT_S)
        report(3, 3)
        return 3

    QueryOp.reporting(page, export, exported.append).with_progress(
        "Exporting the visitor log"
    ).run_in_background()
    dialog = page.findChild(ProgressDialog)
    assert isinstance(dialog, ProgressDialog)
    assert not dialog.isVisible()  # quick work never flashes a dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_S * 1000)
    assert dialog.label.text() == "Exporting the visitor log"
    qtbot.waitUntil(lambda: dialog.count.text() == "0 / 3", timeout=WAIT_S * 1000)
    steps[0].set()
    qtbot.waitUntil(lambda: dialog.count.text() == "1 / 3", timeout=WAIT_S * 1000)
    assert (dialog.bar.value(), dialog.bar.maximum()) == (1, 3)
    # The person cannot close it while the work goes on.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    steps[1].set()
    steps[2].set()
    qtbot.waitUntil(lambda: exported == [3], timeout=WAIT_S * 1000)
    qtbot.waitUntil(lambda: not Shiboken.isValid(dialog), timeout=WAIT_S * 1000)
    assert page.findChild(ProgressDialog) is None


def test_progress_without_a_total_is_a_busy_bar_with_a_count_and_closes_on_failure(qtbot: QtBot) -> None:
    page = Page(lambda text: [])
    qtbot.addWidget(page)
    page.show()
    go_on = threading.Event()

    def rows_so_far(report: Report) -> None:
        report(5)
        go_on.wait(WAIT_S)
        raise ConnectionError("gone")

    QueryOp.reporting(page, rows_so_far, lambda _r: None).with_progress("Importing").run_in_background()
    dialog = page.findChild(ProgressDialog)
    assert isinstance(dialog, ProgressDialog)
    qtbot.waitUntil(lambda: dialog.count.text() == "5", timeout=WAIT_S * 1000)
    assert (dialog.bar.minimum(), dialog.bar.maximum()) == (0, 0)  # busy: no total known
    go_on.set()
    qtbot.waitUntil(lambda: page.status.text() != "", timeout=WAIT_S * 1000)
    assert not Shiboken.isValid(dialog) or not dialog.isVisible()
    qtbot.waitUntil(lambda: page.findChild(ProgressDialog) is None, timeout=WAIT_S * 1000)


def test_a_server_request_on_the_gui_thread_raises_and_off_it_goes_ahead(qtbot: QtBot) -> None:
    with pytest.raises(RuntimeError, match="GUI thread"):
        guard.check_not_gui_thread()  # installed by importing the operations module
    with pytest.raises(RuntimeError, match="GUI thread"):
        assert_not_gui_thread()

    page = Page(lambda text: [])
    qtbot.addWidget(page)
    answers: list[str] = []

    def request() -> str:
        guard.check_not_gui_thread()
        return "answered"

    QueryOp(page, request, answers.append).run_in_background()
    qtbot.waitUntil(lambda: answers == ["answered"], timeout=WAIT_S * 1000)
    assert page.status.text() == ""


def test_without_a_check_installed_the_client_guard_does_nothing() -> None:
    guard.set_gui_thread_check(None)
    try:
        guard.check_not_gui_thread()
    finally:
        guard.set_gui_thread_check(assert_not_gui_thread)
