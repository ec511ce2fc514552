"""The receptionist's console: side navigation, one page per section."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QMainWindow, QSplitter, QStackedWidget

from kiosk.app import KioskApp
from kiosk.ui.lobby_board import LobbyBoardPage
from kiosk.ui.print_queue_page import PrintQueuePage
from kiosk.ui.print_runner import PrintQueueRunner
from kiosk.ui.widgets import named


class DeskWindow(QMainWindow):
    """Sections on the left (lobby board, print queue), the chosen page on the right."""

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("deskWindow")
        self.setWindowTitle(self.tr("Lobby Kiosk — Desk console"))
        self.resize(1280, 800)
        self._app = app
        self.board = LobbyBoardPage(app)
        self.print_queue = PrintQueuePage(app)
        self.pages = QStackedWidget()
        self.nav = named(QListWidget(), "deskNavigation", self.tr("Sections"))
        for title, page in ((self.tr("Lobby board"), self.board), (self.tr("Print queue"), self.print_queue)):
            self.nav.addItem(title)
            self.pages.addWidget(page)
        self.nav.setMaximumWidth(220)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.runner = PrintQueueRunner(app.print_queue, app.actor, self)
        self.runner.jobs_sent.connect(self._jobs_sent)

    def show_section(self, name: str) -> None:
        """Switch to ``name`` ("board" or "print_queue") as a click on the navigation would."""
        self.nav.setCurrentRow({"board": 0, "print_queue": 1}[name])

    def _jobs_sent(self, _outcomes: list[object]) -> None:
        self.board.refresh()
        self.print_queue.refresh()
