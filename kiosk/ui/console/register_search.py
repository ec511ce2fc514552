"""A register's search bar at the desk (mail, lost and found): which records, words to look for,
the days between two dates when ticked, Search and Export. The page makes the widgets with its
own names and words; this fills the choices, wires them to the page and lays them out in a row,
and reads the days. ``search_row``: the same without days or export (newspapers' lists)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPushButton


def register_search_row(
    refresh: Callable[[], None],
    export: Callable[[], None],
    which: tuple[QComboBox, Sequence[tuple[str, str]]],
    text: QLineEdit,
    days: tuple[QCheckBox, QDateEdit, QDateEdit],
    buttons: tuple[QPushButton, QPushButton],
    between: str = "",
) -> QHBoxLayout:
    """``which``: the combo and its (key, words) choices; ``buttons``: Search, Export; ``between``:
    what stands between the two days, if anything. A new choice, Enter or Search reads again."""
    combo = which[0]
    search, export_button = buttons
    _wire(refresh, which, text, search)
    export_button.clicked.connect(export)
    tick, first, last = days
    row = QHBoxLayout()
    row.addWidget(combo)
    row.addWidget(text, 1)
    row.addWidget(tick)
    row.addWidget(first)
    if between:
        row.addWidget(QLabel(between))
    row.addWidget(last)
    row.addWidget(search)
    row.addWidget(export_button)
    return row


def search_row(
    refresh: Callable[[], None],
    which: tuple[QComboBox, Sequence[tuple[str, str]]],
    text: QLineEdit,
    search: QPushButton,
) -> QHBoxLayout:
    """A shorter bar with no days or export: which records, words to look for, Search."""
    _wire(refresh, which, text, search)
    row = QHBoxLayout()
    row.addWidget(which[0])
    row.addWidget(text, 1)
    row.addWidget(search)
    return row


def _wire(
    refresh: Callable[[], None],
    which: tuple[QComboBox, Sequence[tuple[str, str]]],
    text: QLineEdit,
    search: QPushButton,
) -> None:
    """The choices filled first (filling them reads nothing), then a new choice, Enter or Search
    reads again."""
    combo, choices = which
    for key, words in choices:
        combo.addItem(words, key)
    combo.currentIndexChanged.connect(lambda _i: refresh())
    text.returnPressed.connect(refresh)
    search.clicked.connect(refresh)


def ticked_days(tick: QCheckBox, first: QDateEdit, last: QDateEdit) -> tuple[date | None, date | None]:
    """The first and last day to search, or (None, None) when the days are not ticked."""
    if not tick.isChecked():
        return None, None
    first_day, last_day = first.date().toPython(), last.date().toPython()
    assert isinstance(first_day, date) and isinstance(last_day, date)
    return first_day, last_day
