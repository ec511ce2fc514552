"""The monthly figures drawn as Qt Charts: bars per day, per hour and per category, a percentage
bar for the share of repairs done within their limits. Every title, axis and series is in the
console's language; repair categories and complaint subjects are named by the words given.

Built apart from the page, so the benchmark times the same charts the manager sees.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QHorizontalPercentBarSeries,
    QLineSeries,
    QPercentBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPen

from kiosk.domain.monthly_figures import MonthlyFigures

# One colour a meaning, the same on every chart (and readable printed in grey).
BLUE = QColor("#1f6fb2")
TEAL = QColor("#2a9d8f")
ORANGE = QColor("#e9822e")
GREEN = QColor("#2e7d32")
RED = QColor("#c62828")
GREY = QColor("#9e9e9e")

CHART_KEYS = (
    "visits_per_day",
    "visits_per_hour",
    "slips_per_day",
    "receipts_per_day",
    "repairs_by_category",
    "repairs_within_limit",
    "complaints_by_subject",
    "complaints_time_to_close",
)


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]
    color: QColor


def _axis_font() -> QFont:
    font = QFont()
    font.setPointSize(9)
    return font


def _value_axis(title: str, top: float, decimals: int = 0) -> QValueAxis:
    axis = QValueAxis()
    axis.setTitleText(title)
    axis.setLabelsFont(_axis_font())
    axis.setLabelFormat(f"%.{decimals}f")
    if decimals:
        axis.setRange(0, max(top, 1))
        axis.applyNiceNumbers()
        return axis
    # Counts: ticks at whole steps of 1, 2 or 5 times a power of ten, at most 8 of them, so a
    # month of one or two receipts a day reads 0 1 2, not 0 1 1 2 2 (Qt's nice numbers put ticks
    # at halves, then rounded them); at least 1, so an empty month still has an axis.
    top = max(top, 1)
    step = next(
        size * 10**power for power in range(12) for size in (1, 2, 5) if top / (size * 10**power) <= 8
    )
    ticks = math.ceil(top / step)
    axis.setRange(0, ticks * step)
    axis.setTickCount(ticks + 1)
    return axis


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont()
    font.setPointSize(12)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    x_title: str,
    y_title: str,
    *,
    percent: bool = False,
    decimals: int = 0,
    across: bool = False,
) -> QChart:
    """Bars per category, one set per series (side by side, or stacked to 100% if ``percent``);
    the legend only when there is more than one series. ``across``: bars lying down, the
    categories' names on the left in full (repair categories, complaint subjects), the first
    at the top."""
    chart = _chart(title)
    bars: QAbstractBarSeries
    if across:
        bars = QHorizontalPercentBarSeries() if percent else QHorizontalBarSeries()
        categories = list(reversed(categories))  # Qt draws the first category at the bottom
    else:
        bars = QPercentBarSeries() if percent else QBarSeries()
    for one in series:
        bar_set = QBarSet(one.name)
        values = list(reversed(one.values)) if across else list(one.values)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(one.color)
        bar_set.setBorderColor(one.color)
        bars.append(bar_set)
    chart.addSeries(bars)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(categories))
    x_axis.setTitleText(x_title)
    x_axis.setLabelsFont(_axis_font())
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignLeft if across else Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(x_axis)
    if percent:
        y_axis = QValueAxis()
        y_axis.setRange(0, 100)
        y_axis.setLabelFormat("%d%%")
        y_axis.setTitleText(y_title)
        y_axis.setLabelsFont(_axis_font())
    else:
        top = max((max(one.values, default=0) for one in series), default=0)
        y_axis = _value_axis(y_title, float(top), decimals)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignBottom if across else Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(y_axis)
    chart.legend().setVisible(len(series) > 1)
    return chart


def _with_line(
    chart: QChart, name: str, values: Sequence[float], axis_title: str, color: QColor
) -> QLineSeries:
    """A line over the bars, on an axis of its own at the right (the receipts' amounts)."""
    line = QLineSeries()
    line.setName(name)
    for n, value in enumerate(values):
        line.append(float(n), float(value))
    pen = QPen(color)
    pen.setWidth(2)
    line.setPen(pen)
    line.setPointsVisible(True)
    chart.addSeries(line)
    axis = _value_axis(axis_title, float(max(values, default=0)), 0)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignRight)
    line.attachAxis(axis)
    line.attachAxis(chart.axes(Qt.Orientation.Horizontal)[0])
    chart.legend().setVisible(True)
    return line


def build_charts(
    figures: MonthlyFigures, categories: Mapping[str, str], subjects: Mapping[str, str]
) -> dict[str, QChart]:
    """Every chart of the month, by key (:data:`CHART_KEYS`). ``categories`` and ``subjects``
    name repair categories and complaint subjects in the console's language."""
    month = str(figures.month)
    days = [str(day.day) for day in figures.month.dates()]
    day_axis = QCoreApplication.translate("figure_charts", "Day of %1").replace("%1", month)
    hours = [f"{hour:02d}" for hour in range(24)]
    charts: dict[str, QChart] = {}
    charts["visits_per_day"] = bar_chart(
        QCoreApplication.translate("figure_charts", "Visitors per day"),
        days,
        [Series(QCoreApplication.translate("figure_charts", "Visits"), figures.visits_per_day, BLUE)],
        day_axis,
        QCoreApplication.translate("figure_charts", "Visits"),
    )
    charts["visits_per_hour"] = bar_chart(
        QCoreApplication.translate("figure_charts", "Visitors by hour of the day"),
        hours,
        [Series(QCoreApplication.translate("figure_charts", "Visits"), figures.visits_per_hour, BLUE)],
        QCoreApplication.translate("figure_charts", "Hour (00 = 00:00–00:59)"),
        QCoreApplication.translate("figure_charts", "Visits in the month"),
    )
    charts["slips_per_day"] = bar_chart(
        QCoreApplication.translate("figure_charts", "Release slips per day"),
        days,
        [Series(QCoreApplication.translate("figure_charts", "Release slips"), figures.slips_per_day, TEAL)],
        day_axis,
        QCoreApplication.translate("figure_charts", "Slips issued"),
    )
    receipts = bar_chart(
        QCoreApplication.translate("figure_charts", "Receipts per day"),
        days,
        [
            Series(QCoreApplication.translate("figure_charts", "Receipts"), figures.receipts_per_day, BLUE),
            Series(QCoreApplication.translate("figure_charts", "Refunds"), figures.refunds_per_day, GREY),
        ],
        day_axis,
        QCoreApplication.translate("figure_charts", "Receipts"),
    )
    _with_line(
        receipts,
        QCoreApplication.translate("figure_charts", "Amount taken (yuan)"),
        [fen / 100 for fen in figures.receipts_fen_per_day],
        QCoreApplication.translate("figure_charts", "Yuan"),
        ORANGE,
    )
    charts["receipts_per_day"] = receipts
    repairs = figures.repairs
    repair_names = [categories.get(r.category, r.category) for r in repairs]
    charts["repairs_by_category"] = bar_chart(
        QCoreApplication.translate("figure_charts", "Repairs by category"),
        repair_names,
        [
            Series(QCoreApplication.translate("figure_charts", "Taken"), [r.taken for r in repairs], BLUE),
            Series(
                QCoreApplication.translate("figure_charts", "Completed"), [r.completed for r in repairs], TEAL
            ),
        ],
        QCoreApplication.translate("figure_charts", "Category"),
        QCoreApplication.translate("figure_charts", "Repairs"),
        across=True,
    )
    share = figures.repairs_share_within
    within_title = QCoreApplication.translate("figure_charts", "Repairs done within their limits")
    if share is not None:
        within_title += QCoreApplication.translate("figure_charts", ": %1% in all").replace(
            "%1", f"{share * 100:.0f}"
        )
    charts["repairs_within_limit"] = bar_chart(
        within_title,
        repair_names,
        [
            Series(
                QCoreApplication.translate("figure_charts", "Within limit"),
                [r.within_limit for r in repairs],
                GREEN,
            ),
            Series(QCoreApplication.translate("figure_charts", "Late"), [r.late for r in repairs], RED),
        ],
        QCoreApplication.translate("figure_charts", "Category"),
        QCoreApplication.translate("figure_charts", "Share of repairs"),
        percent=True,
        across=True,
    )
    complaints = figures.complaints
    subject_names = [subjects.get(c.subject, c.subject) for c in complaints]
    charts["complaints_by_subject"] = bar_chart(
        QCoreApplication.translate("figure_charts", "Complaints by subject"),
        subject_names,
        [
            Series(
                QCoreApplication.translate("figure_charts", "Recorded"),
                [c.recorded for c in complaints],
                ORANGE,
            ),
            Series(
                QCoreApplication.translate("figure_charts", "Closed"), [c.closed for c in complaints], TEAL
            ),
        ],
        QCoreApplication.translate("figure_charts", "Subject"),
        QCoreApplication.translate("figure_charts", "Complaints"),
        across=True,
    )
    charts["complaints_time_to_close"] = bar_chart(
        QCoreApplication.translate("figure_charts", "Average time to close a complaint"),
        subject_names,
        [
            Series(
                QCoreApplication.translate("figure_charts", "Hours"),
                [c.hours_to_close or 0.0 for c in complaints],
                ORANGE,
            )
        ],
        QCoreApplication.translate("figure_charts", "Subject"),
        QCoreApplication.translate("figure_charts", "Hours"),
        decimals=0,
        across=True,
    )
    return charts
