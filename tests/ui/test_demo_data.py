"""Demo mode has what a newcomer needs to try release slips and machine-room passes at once, loaded
from resources/demo/ through the importers a site uses; docs/imports.md documents every column."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.app import DEMO_PASSES, KioskApp, load_demo_records
from kiosk.domain.imports import DIRECTORY_COLUMNS, FEE_COLUMNS, RESIDENT_COLUMNS
from kiosk.domain.machine_room_pass import PassStatus
from kiosk.domain.staff import Role
from kiosk.resources import RESOURCES_DIR
from tests.ui.conftest import open_desk
from tests.ui.test_kiosk_window import find
from tests.ui.test_release_slip_page import look_up

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_demo_owners_fees_and_passes_cover_every_case_of_the_slip_desk(qtbot: QtBot, app: KioskApp) -> None:
    load_demo_records(app)
    load_demo_records(app)  # a second start adds nothing
    assert app.residents.count() == 7
    pool = app.machine_room_passes.pool()
    assert tuple(p.number for p in pool) == DEMO_PASSES and all(p.status is PassStatus.IN for p in pool)
    # Nothing was ever signed out: the reconciliation has nothing to find.
    sheet = app.machine_room_passes.reconciliation()
    assert sheet.discrepancies == () and sheet.sheet.issued == ()

    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("release_slips")
    hint = find(desk, QLineEdit, "slipUnitEdit").placeholderText()
    [placeholder_unit] = re.findall(r"\d-\d+", hint)
    arrears = find(desk, QLabel, "slipArrearsLabel")
    combo = find(desk, QComboBox, "slipHolderCombo")
    look_up(qtbot, desk, placeholder_unit)  # the unit the placeholder names exists
    assert [combo.itemText(i) for i in range(combo.count())] == ["郭明 · Owner", "Lucy Wang · Tenant"]
    assert arrears.text() == "Remind the owner: 1 month(s) of management fees outstanding, ¥320.00."
    look_up(qtbot, desk, placeholder_unit, "Lucy Wang")
    assert arrears.text() == "Management fees: paid up."
    assert find(desk, QGroupBox, "slipOwnerCallGroup").isVisible()
    look_up(qtbot, desk, "2-101")
    assert arrears.text() == "Management fees: paid up."
    look_up(qtbot, desk, "2-102", "黄磊")
    assert arrears.text() == "No slip until paid: 1 month(s) of management fees outstanding, ¥280.00."
    look_up(qtbot, desk, "2-103")
    assert arrears.text() == "4 months outstanding (¥1,680.00), over 3 months: a supervisor must approve."
    look_up(qtbot, desk, "2-105")
    assert arrears.text().startswith("No management-fee record for this unit")


def test_a_site_with_a_config_file_gets_no_demo_records(app: KioskApp, tmp_path: Path) -> None:
    app.config = replace(app.config, source=tmp_path / "kiosk.toml")
    load_demo_records(app)
    assert app.residents.count() == 0 and app.machine_room_passes.pool() == []


def test_the_import_guide_names_every_column_in_both_languages_and_the_demo_files() -> None:
    guide = (DOCS / "imports.md").read_text(encoding="utf-8")
    for columns in (DIRECTORY_COLUMNS, RESIDENT_COLUMNS, FEE_COLUMNS):
        for column in columns:
            for name in column.names:
                assert f"`{name}`" in guide, name
    for demo in ("directory.csv", "residents.csv", "fees.csv"):
        assert (RESOURCES_DIR / "demo" / demo).is_file() and f"`{demo}`" in guide
    for flag in ("--skip-bad-rows", "GB18030", "UTF-8"):
        assert flag in guide
    assert "docs/imports.md" in (DOCS.parent / "README.md").read_text(encoding="utf-8")
