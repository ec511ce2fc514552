"""Both languages: every visible string is translated, and the visitor can switch."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.visit import Approver
from kiosk.services.audit import Actor
from kiosk.ui.common.i18n import I18N_DIR, current_language, qm_path
from tests.ui.test_kiosk_window import current_page, find, open_kiosk, submit_and_wait, tap, walk_to_review

ROOT = Path(__file__).resolve().parents[2]
TS = I18N_DIR / "kiosk_zh_CN.ts"


def test_translation_source_is_in_sync_with_the_code(tmp_path: Path) -> None:
    copy = tmp_path / "kiosk_zh_CN.ts"
    shutil.copy(TS, copy)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "kiosk" / "ui").rglob("*.py"))
    result = subprocess.run(
        [str(lupdate), *sources, "-ts", str(copy)], capture_output=True, text=True, check=True
    )
    found = re.search(r"Found (\d+) source text\(s\) \((\d+) new", result.stdout + result.stderr)
    assert found, result.stdout + result.stderr
    assert found.group(2) == "0", (
        "strings in kiosk/ui are missing from the .ts: run pyside6-lupdate and translate"
    )


def test_every_string_has_a_chinese_translation() -> None:
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        source = message.findtext("source")
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        # A plural message (tr(text, "", n)) keeps its forms in <numerusform>s: Chinese has one.
        forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            assert text.strip(), source
            # Placeholders survive translation.
            for placeholder in re.findall(r"%\w|\{\w+\}", source or ""):
                assert placeholder in text, (source, text)
    assert qm_path("zh_CN").is_file(), "compiled translations missing: make translations"


def test_visitor_switches_to_chinese_and_gets_a_chinese_badge(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    kiosk = open_kiosk(qtbot, app)
    toggle = find(kiosk, QPushButton, "languageToggleButton")
    assert toggle.text() == "中文"
    tap(qtbot, kiosk, "languageToggleButton")
    assert current_language() == "zh_CN"
    qtbot.waitUntil(lambda: toggle.text() == "English", timeout=2000)  # LanguageChange is posted
    assert find(kiosk, QPushButton, "welcomeCheckInButton").text() == "登记来访"

    walk_to_review(qtbot, kiosk, "欧阳娜娜", "财务", "李四")
    visit_id = submit_and_wait(qtbot, kiosk)
    app.checkin.approve(visit_id, Actor.desk("t"), Approver.HOST)
    qtbot.waitUntil(lambda: current_page(kiosk) == "donePage", timeout=5000)
    assert find(kiosk, QLabel, "doneTitleLabel").text() == "欢迎您，欧阳娜娜"
    lines = parse_escpos(printer.documents[0]).text_lines()
    assert "访客证" in lines and any(line.startswith("被访人") for line in lines)

    # Leaving returns the kiosk to the site's language (English in this test's config).
    tap(qtbot, kiosk, "doneFinishButton")
    assert current_language() == "en"
    check_in = find(kiosk, QPushButton, "welcomeCheckInButton")
    qtbot.waitUntil(lambda: check_in.text() == "Check in", timeout=2000)


def test_kiosk_starts_in_chinese_by_default(qtbot: QtBot, app: KioskApp) -> None:
    from kiosk.ui.common.i18n import set_language

    app.config = replace(app.config, language="zh_CN")
    set_language("zh_CN")
    kiosk = open_kiosk(qtbot, app)
    assert find(kiosk, QPushButton, "welcomeCheckInButton").text() == "登记来访"
    assert find(kiosk, QLabel, "demoModeLabel").text().startswith("演示模式")


def test_no_translated_string_hides_inside_an_f_string() -> None:
    """lupdate cannot see tr() inside f-strings: such a string would stay English in Chinese."""
    pattern = re.compile(r"""f["'][^"']*\{[^}]*\btr\(""")
    for source in sorted((ROOT / "kiosk" / "ui").rglob("*.py")):
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            assert not pattern.search(line), f"{source.name}:{number}: {line.strip()}"


def test_every_translate_call_names_its_context_in_letters() -> None:
    """lupdate reads QCoreApplication.translate("Context", "text") only with both written out:
    with a variable context (translate(_TR, ...)) or text (a helper t(text) calling
    translate("Page", text)) it finds nothing to translate, and the screen stays English in
    Chinese (the complaints page's kinds and the monthly charts' titles did)."""
    pattern = re.compile(
        r"""QCoreApplication\.translate\(\s*(?!["'\s])|QCoreApplication\.translate\(\s*["'][^"']*["']\s*,\s*(?!["'\s])"""
        # Nor under another name (tr = QCoreApplication.translate; tr("Page", "text")): lupdate
        # reads that as the page's own tr() of the text "Page".
        r"""|=\s*QCoreApplication\.translate\s*$""",
        re.MULTILINE,
    )
    for source in sorted((ROOT / "kiosk" / "ui").rglob("*.py")):
        text = source.read_text(encoding="utf-8")
        lines = text.splitlines()
        found = [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]
        # A table of texts marked with QT_TRANSLATE_NOOP (which lupdate reads), looked up by key.
        found = [n for n in found if "marked with QT_TRANSLATE_NOOP" not in lines[n - 1]]
        assert not found, f"{source.name}: lines {found}"


# Han, kana and CJK punctuation, full-width forms: Chinese text, set with full-width punctuation.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# An ASCII : ? ! , ; ( ) touching Chinese text ("姓名: 张三", "您要拜访谁?", "王芳 (IDC运维部)" ends in
# "部)"). Between Latin letters or digits they stay ASCII: "09:00", "P001, P003", "(*.csv)".
ASCII_PUNCTUATION_BY_CJK = re.compile(rf"[{_CJK}][:?!,;()]|[:?!,;()][{_CJK}]")


def test_chinese_translations_use_full_width_punctuation() -> None:
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            assert not ASCII_PUNCTUATION_BY_CJK.search(text), (message.findtext("source"), text)


def test_chinese_screens_composed_in_code_use_full_width_punctuation(qtbot: QtBot, app: KioskApp) -> None:
    """Labels joined to values in code ("姓名" + ": " + "张三") follow the language too."""
    from kiosk.ui.common.i18n import set_language

    app.config = replace(app.config, language="zh_CN")
    set_language("zh_CN")
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "张三", "IDC", "王芳", company="华南数据")
    summary = find(kiosk, QLabel, "reviewSummaryLabel").text()
    assert "姓名：张三" in summary and "被访人：王芳" in summary, summary
    submit_and_wait(qtbot, kiosk)
    assert find(kiosk, QLabel, "waitingHostLabel").text() == "被访人：王芳（IDC运维部）"
    # Every label of every page the visitor went through (the review's summary among them).
    for label in kiosk.findChildren(QLabel):
        assert not ASCII_PUNCTUATION_BY_CJK.search(label.text()), (label.objectName(), label.text())
