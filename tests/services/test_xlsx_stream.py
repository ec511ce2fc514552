"""The streaming XLSX writer: what goes in reads back the same in another reader (openpyxl)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk.services.xlsx_stream import MAX_CELL_CHARS, _column, write_xlsx

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
cells = st.one_of(
    st.none(),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.text(max_size=40),
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0)
    ),
)


def test_column_letters() -> None:
    assert [_column(i) for i in (0, 25, 26, 51, 52, 701, 702)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cells, min_size=3, max_size=3), max_size=8))
@example(rows=[["a\r\nb\r", " ", 0]])
def test_any_cells_read_back(tmp_path: Path, rows: list[list[object]]) -> None:
    path = tmp_path / "out.xlsx"
    assert write_xlsx(path, ["a", 'b <&> "c"'], rows) == len(rows)
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]][:2] == ["a", 'b <&> "c"']
    assert sheet.freeze_panes == "A2"
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            got = sheet.cell(r, c).value
            if value is None or value == "":
                assert got is None
            elif isinstance(value, str):
                assert got == NOT_XML.sub("", value) or (got is None and not NOT_XML.sub("", value))
            else:
                assert got == value


def test_text_is_never_a_formula_and_long_text_is_cut(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(path, ["x"], [["=1+1"], ["y" * (MAX_CELL_CHARS + 10)]])
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A2"].value == "=1+1" and sheet["A2"].data_type == "s"
    assert len(sheet["A3"].value) == MAX_CELL_CHARS
