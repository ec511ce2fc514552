"""The streaming XLSX writer: what goes in reads back the same in another reader (openpyxl)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk.services.xlsx_stream import MAX_CELL_CHARS, Sheet, _column, sheet_names, write_workbook, write_xlsx

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


def test_a_workbook_of_several_sheets_reads_back_in_order(tmp_path: Path) -> None:
    path = tmp_path / "figures.xlsx"
    counts = write_workbook(
        path,
        [
            Sheet("每日来访", ["日期", "来访数"], [[date(2026, 11, 1), 3], [date(2026, 11, 2), 0]], {0: 12}),
            Sheet("a/b: [c]?", ["x"], []),
            Sheet("A/B: [C]?", ["y"], [["z"]]),  # the same name once cleaned, in Excel's eyes
        ],
    )
    assert counts == [2, 0, 1]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["每日来访", "a b c", "A B C (2)"]
    first = book["每日来访"]
    assert [[c.value for c in row] for row in first.iter_rows()] == [
        ["日期", "来访数"],
        [datetime(2026, 11, 1), 3],
        [datetime(2026, 11, 2), 0],
    ]
    assert first["A2"].number_format == "yyyy-mm-dd"
    assert book["A B C (2)"]["A2"].value == "z"


@given(
    st.lists(st.text(max_size=40) | st.sampled_from(["Sheet2", "x" * 30 + " y", "'a'", "a" * 40]), max_size=8)
)
def test_sheet_names_are_always_ones_excel_takes(names: list[str]) -> None:
    made = sheet_names(names)
    assert len(made) == len(names)
    assert len({name.casefold() for name in made}) == len(made)
    for name in made:
        assert 0 < len(name) <= 31 and name.strip(" '") == name
        assert not set(name) & set("[]:*?/\\") and not NOT_XML.search(name)
