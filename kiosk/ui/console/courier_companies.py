"""The courier companies the desk sends with, kept by supervisors on the courier page: a company
added with its code (SF, EMS...), retired when the contract ends (its items stay on its
statements) or taken back into use. Nothing is deleted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLineEdit, QVBoxLayout

from kiosk.client.station import Station
from kiosk.domain.courier import COMPANY_CODE_MAX, COMPANY_NAME_MAX, CourierCompanyView
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import StatusLabel, action_button, named, table_view


class CompanyTableModel(RowTableModel[CourierCompanyView]):
    def __init__(self) -> None:
        super().__init__((self.tr("Code"), self.tr("Name"), self.tr("In use")))

    def display(self, r: CourierCompanyView, column: int) -> str:
        in_use = self.tr("Yes") if r.active else self.tr("Retired")
        return (r.code, r.label(current_language()), in_use)[column]


class CourierCompaniesBox(QGroupBox):
    """``changed()`` is called once a company is added, retired or restored (the page reads its
    lists again); ``status`` and ``failed`` are the page's result line and error handler."""

    def __init__(
        self,
        station: Station,
        status: StatusLabel,
        failed: Callable[[Exception], None],
        changed: Callable[[], None],
    ) -> None:
        super().__init__(self.tr("Courier companies"))
        self.setObjectName("courierCompaniesGroup")
        self.setAccessibleName(self.tr("Courier companies"))
        self._station = station
        self._status = status
        self._failed = failed
        self._changed = changed
        layout = QVBoxLayout(self)
        self.model = CompanyTableModel()
        self.table = table_view("courierCompaniesTable", self.tr("Courier companies"), self.model)
        self.table.setMinimumHeight(140)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.code_edit = named(QLineEdit(), "courierCompanyCodeEdit", self.tr("Company code"))
        self.code_edit.setPlaceholderText(self.tr("Code, e.g. SF"))
        self.code_edit.setMaxLength(COMPANY_CODE_MAX)
        self.name_edit = named(QLineEdit(), "courierCompanyNameEdit", self.tr("Company name"))
        self.name_edit.setPlaceholderText(self.tr("Name, e.g. 顺丰速运"))
        self.name_edit.setMaxLength(COMPANY_NAME_MAX)
        self.name_en_edit = named(QLineEdit(), "courierCompanyNameEnEdit", self.tr("English name"))
        self.name_en_edit.setPlaceholderText(self.tr("English name (optional)"))
        self.name_en_edit.setMaxLength(COMPANY_NAME_MAX)
        self.add_button = action_button(self.tr("Add"), "courierCompanyAddButton", self.tr("Add the company"))
        self.add_button.clicked.connect(self.add)
        self.active_button = action_button(
            self.tr("Retire"), "courierCompanyActiveButton", self.tr("Retire or restore the company")
        )
        self.active_button.clicked.connect(self.toggle_active)
        for widget in (self.code_edit, self.name_edit, self.name_en_edit):
            row.addWidget(widget, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.active_button)
        layout.addLayout(row)
        self._selected()

    def show_companies(self, companies: list[CourierCompanyView]) -> None:
        self.model.set_rows(companies)
        self._selected()

    def clear(self) -> None:
        for edit in (self.code_edit, self.name_edit, self.name_en_edit):
            edit.clear()
        self.model.set_rows([])
        self._selected()

    def _chosen(self) -> CourierCompanyView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_value(rows[0].row()) if rows else None

    def _selected(self) -> None:
        chosen = self._chosen()
        self.active_button.setEnabled(chosen is not None)
        retire = chosen is None or chosen.active
        self.active_button.setText(self.tr("Retire") if retire else self.tr("Restore"))

    def add(self) -> None:
        courier = self._station.courier
        code, name, name_en = self.code_edit.text(), self.name_edit.text(), self.name_en_edit.text()
        QueryOp(self, lambda: courier.add_company(code, name, name_en), self._added).failure(
            self._failed
        ).run_in_background()

    def _added(self, company: CourierCompanyView) -> None:
        for edit in (self.code_edit, self.name_edit, self.name_en_edit):
            edit.clear()
        self._status.setText(self.tr("%1 added to the courier companies.").replace("%1", company.code))
        self._changed()

    def toggle_active(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        courier = self._station.courier
        QueryOp(
            self, lambda: courier.set_company_active(chosen.company_id, not chosen.active), self._toggled
        ).failure(self._failed).run_in_background()

    def _toggled(self, company: CourierCompanyView) -> None:
        text = (
            self.tr("%1 is in use again.")
            if company.active
            else self.tr("%1 is retired: no new items with it; its statements stay.")
        )
        self._status.setText(text.replace("%1", company.code))
        self._changed()
