"""Host type-ahead: by name, department, pinyin and pinyin initials."""

from __future__ import annotations

from kiosk.app import KioskApp
from kiosk.services.audit import Actor

ADMIN = Actor("staff", "admin")


def names(app: KioskApp, text: str) -> list[str]:
    return [h.name for h in app.directory.search(text)]


def test_pinyin_and_initials_find_chinese_names(app: KioskApp) -> None:
    app.directory.add("张三丰", "武当部", ADMIN)
    app.directory.add("单晓明", "工程部", ADMIN)
    app.directory.add("Olivia Brown", "International Sales", ADMIN)
    assert names(app, "zhangsanfeng") == ["张三丰"]
    assert names(app, "ZSF") == ["张三丰"]
    assert "张三丰" in names(app, "sanfeng")
    # 单 as a surname is read Shan; the everyday reading dan finds it too.
    assert names(app, "shanxiaoming") == ["单晓明"] == names(app, "sxm")
    assert names(app, "danxm") == []  # initials are a prefix of one reading, not a mixture
    assert names(app, "ob") == ["Olivia Brown"]
    assert names(app, "olivia") == ["Olivia Brown"]


def test_exact_and_leading_matches_come_first(app: KioskApp) -> None:
    app.directory.add("张三", "工程部", ADMIN)
    app.directory.add("王张三", "IDC运维部", ADMIN)
    found = names(app, "张三")
    assert found.index("张三") < found.index("王张三")
    found = names(app, "zhangsan")
    assert found.index("张三") < found.index("王张三")


def test_wildcards_typed_by_a_visitor_are_plain_letters(app: KioskApp) -> None:
    app.directory.add("百分_之一", "测试部", ADMIN)
    assert names(app, "%") == []
    assert names(app, "_") == ["百分_之一"]
