"""The monthly figures at the console: a supervisor opens them by tapping, sees the month's data
in the charts, steps between months, saves a chart as a PNG and the month as a workbook."""

from __future__ import annotations

import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QChart
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDateEdit, QLabel, QListWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.domain.complaints import ComplaintSubject
from kiosk.domain.monthly_figures import TABLE_WORDS
from kiosk.domain.repairs import RepairCategory
from kiosk.domain.staff import Role
from kiosk.ui.console.desk_window import DESK_SIZE, DeskWindow
from kiosk.ui.console.figures_page import table_words
from tests.services.test_monthly_figures import SHANGHAI, add_complaint, add_repair, add_visits, local
from tests.ui.conftest import open_desk
from tests.ui.test_kiosk_window import find, tap


def bars(chart: QChart) -> dict[str, dict[str, float]]:
    """Each bar set of the chart's bar series by its name: the value of each category shown."""
    [series] = [s for s in chart.series() if isinstance(s, QAbstractBarSeries)]
    [axis] = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    return {
        bar.label(): {category: bar.at(n) for n, category in enumerate(axis.categories())}
        for bar in series.barSets()
    }


def tap_section(qtbot: QtBot, desk: DeskWindow, title: str) -> None:
    nav = find(desk, QListWidget, "deskNavigation")
    [item] = nav.findItems(title, Qt.MatchFlag.MatchExactly)
    nav.scrollToItem(item)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())


def open_figures(qtbot: QtBot, app: KioskApp) -> DeskWindow:
    add_visits(
        app,
        (local(SHANGHAI, 2026, 11, 1, 0, 0), 2),
        (local(SHANGHAI, 2026, 11, 15, 9, 10), 1),
        (local(SHANGHAI, 2026, 11, 15, 9, 40), 1),
        (local(SHANGHAI, 2026, 10, 31, 23, 0), 1),
    )
    add_repair(app, RepairCategory.WATER, local(SHANGHAI, 2026, 11, 2, 9, 0), completed_after=5)
    add_complaint(app, ComplaintSubject.NOISE, local(SHANGHAI, 2026, 11, 3, 9, 0), 4)
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    # At a desk monitor's size, as the manager sees the charts (the offscreen screen is 800 px).
    desk.resize(DESK_SIZE)
    tap_section(qtbot, desk, "Monthly figures")
    assert desk.pages.currentWidget() is desk.figures
    # Drawn: a card added to the shown page becomes visible at the next turn of the event loop.
    page = desk.figures
    qtbot.waitUntil(lambda: page.figures is not None and all(c.isVisible() for c in page.cards.values()))
    return desk


def test_the_charts_show_the_months_data(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_figures(qtbot, app)
    page = desk.figures
    assert find(desk, QDateEdit, "figuresMonthEdit").text() == "2026-11"  # the clock's month
    per_day = bars(page.charts["visits_per_day"])["Visits"]
    assert len(per_day) == 30 and per_day["1"] == 1 and per_day["15"] == 2 and sum(per_day.values()) == 3
    assert bars(page.charts["visits_per_hour"])["Visits"]["09"] == 2
    repairs = bars(page.charts["repairs_by_category"])
    assert (
        repairs["Taken"]["Water"] == 1
        and repairs["Completed"]["Water"] == 1
        and repairs["Taken"]["Lift"] == 0
    )
    assert page.charts["repairs_within_limit"].title().endswith(": 100% in all")
    assert bars(page.charts["repairs_within_limit"])["Within limit"]["Water"] == 1
    assert bars(page.charts["complaints_time_to_close"])["Hours"]["Noise"] == 4
    assert "3 visits (4 people)" in find(desk, QLabel, "figuresSummary").text()

    tap(qtbot, desk, "figuresPreviousMonthButton")
    qtbot.waitUntil(lambda: page.figures is not None and str(page.figures.month) == "2026-10")
    assert len(bars(page.charts["visits_per_day"])["Visits"]) == 31
    assert bars(page.charts["visits_per_day"])["Visits"]["31"] == 1
    tap(qtbot, desk, "figuresNextMonthButton")
    qtbot.waitUntil(lambda: page.figures is not None and str(page.figures.month) == "2026-11")
    assert find(desk, QDateEdit, "figuresMonthEdit").maximumDate() == QDate(2026, 11, 1)  # none after this


def test_a_chart_saves_as_png_and_the_month_as_a_workbook(
    qtbot: QtBot, app: KioskApp, tmp_path: Path
) -> None:
    desk = open_figures(qtbot, app)
    asked: list[str] = []

    def save_as(_title: str, suggested: str, _filter: str) -> str:
        asked.append(suggested)
        return str(tmp_path / suggested.rsplit(".", 1)[0])  # no extension typed: it is added

    desk.figures.ask_save_path = save_as
    tap(qtbot, desk, "figuresPng_visits_per_hour")
    picture = QImage(str(tmp_path / "visits-per-hour-2026-11.png"))
    assert not picture.isNull() and picture.width() > 300 and picture.height() > 200
    status = find(desk, QLabel, "figuresStatus")
    assert status.text().startswith("Saved the chart to")

    status.clear()
    tap(qtbot, desk, "figuresExportXlsxButton")
    qtbot.waitUntil(lambda: status.text().startswith("Exported"))
    assert asked == ["visits-per-hour-2026-11.png", "monthly-figures-2026-11.xlsx"]
    with zipfile.ZipFile(tmp_path / "monthly-figures-2026-11.xlsx") as book:
        workbook = book.read("xl/workbook.xml").decode()
        per_day = book.read("xl/worksheets/sheet1.xml").decode()
        repairs = book.read("xl/worksheets/sheet5.xml").decode()
    assert workbook.count("<sheet ") == 6 and 'name="Visitors per day"' in workbook
    # 15 November: the date, 2 visits, 2 people.
    assert '<c r="A16" s="3"><v>46341</v></c><c r="B16"><v>2</v></c><c r="C16"><v>2</v></c>' in per_day
    assert ">Water<" in repairs and ">Share within limit (%)<" in repairs


def test_every_heading_of_the_workbook_is_translated_by_the_page() -> None:
    assert set(TABLE_WORDS) <= set(table_words())


def test_a_receptionist_has_no_figures_section(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    assert "figures" not in desk.sections()
    desk.figures.load()  # were it reached after all, nothing is asked of the server
    assert desk.figures.figures is None


@given(top=st.integers(min_value=0, max_value=10**7))
def test_a_count_axis_ticks_at_whole_numbers_only(top: int) -> None:
    """One or two receipts a day once read 0 1 1 2 2 on the axis (ticks at halves, rounded)."""
    from kiosk.ui.console.figure_charts import _value_axis

    axis = _value_axis("n", top)
    step = (axis.max() - axis.min()) / (axis.tickCount() - 1)
    assert axis.min() == 0 and axis.max() >= max(top, 1) and step == int(step) >= 1
    assert 2 <= axis.tickCount() <= 9 and axis.max() - step < max(top, 1)
