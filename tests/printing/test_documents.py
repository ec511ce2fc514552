"""Every document, both languages, both paper widths, decoded back with our own parser."""

from __future__ import annotations

import itertools

import pytest

from kiosk.devices.escpos.codec import Line, Printout, QrCode, parse_escpos
from kiosk.domain.documents import PassReconciliation
from kiosk.domain.release_slip import short_code_of
from kiosk.domain.serial import from_json, to_json
from kiosk.domain.text import display_width
from kiosk.printing.catalog import KINDS, render_document, render_stored, serialise
from kiosk.printing.layout import PrinterProfile
from kiosk.printing.samples import SAMPLES, sample_receipt, sample_reconciliation, sample_release_slip

EXPECTED = {
    ("badge", "zh_CN"): ["访客证", "欧阳娜娜", "被访人", "王芳（IDC运维部）", "V000123"],
    ("badge", "en"): ["VISITOR", "欧阳娜娜", "Host", "Valid until", "V000123"],
    ("release-slip", "zh_CN"): [
        "物品放行条",
        "S000042",
        "租户",
        "2-104",
        "1101**********002X",
        "台式电脑主机",
        "经办人",
        "保安联",
    ],
    ("release-slip", "en"): ["RELEASE SLIP", "S000042", "Tenant", "Unit", "1101**********002X", "GUARD COPY"],
    ("receipt", "zh_CN"): [
        "收据",
        "R000107",
        "孙磊",
        "装修出入证押金",
        "¥100.00",
        "壹佰元整",
        "微信",
        "赵敏",
    ],
    ("receipt", "en"): ["RECEIPT", "R000107", "Decoration pass deposit", "¥100.00", "壹佰元整", "WeChat Pay"],
    ("reconciliation", "zh_CN"): [
        "机房访客证核对表",
        "2026-11-20 ~ 2026-11-22",
        "P007",
        "不符",
        "前台签字",
        "机房值班保安签字",
    ],
    ("reconciliation", "en"): [
        "RECONCILIATION",
        "Not returned",
        "P007",
        "DISCREPANCY",
        "Machine-room duty guard",
    ],
    ("card-issue", "zh_CN"): [
        "IDC身份校验卡",
        "发卡确认",
        "IDC-000317",
        "Emily Carter",
        "Acme Data Ltd",
        "2027-11-24",
        "A07-A09",
    ],
    ("card-issue", "en"): [
        "IDC CARD",
        "Issue confirmation",
        "IDC-000317",
        "Customer",
        "2026-11-25 ~ 2027-11-24",
    ],
}


def fits(line: Line, columns: int) -> bool:
    return sum(display_width(s.text) * s.width_mult for s in line.spans) <= columns


@pytest.mark.parametrize("width", [58, 80])
@pytest.mark.parametrize(("kind", "lang"), sorted(EXPECTED))
def test_document_prints_what_it_says(kind: str, lang: str, width: int) -> None:
    profile = PrinterProfile(width)
    data = render_document(SAMPLES[kind](), lang, profile)
    printout = parse_escpos(data)
    text = "\n".join(printout.text_lines())
    for expected in EXPECTED[(kind, lang)]:
        assert expected in text, expected
    assert all(fits(line, profile.columns) for line in printout.lines())
    assert printout.commands[:2] == ["init", "chinese_on"]
    assert "unknown" not in printout.commands
    assert printout.cuts() == (2 if kind == "release-slip" else 1)
    assert printout.elements[-1].__class__.__name__ == "Cut"
    assert "副本 / COPY" not in text


def test_release_slip_guard_copy_after_the_cut_with_the_qr() -> None:
    printout = parse_escpos(render_document(sample_release_slip(), "zh_CN", PrinterProfile(80)))
    names = [type(e).__name__ for e in printout.elements]
    first_cut = names.index("Cut")
    assert printout.qr_codes() == ["LKS:S000042:3f9a2c71d0b4e8a1"] * 2
    guard = [e for e in printout.elements[first_cut + 1 :] if isinstance(e, Line)]
    assert "保安联" in guard[0].text and guard[0].align == "center"
    assert any("台式电脑主机" in line.text for line in guard)


def after_each_qr(printout: Printout) -> list[Line]:
    """The first line of text printed after each QR code."""
    shown = [e for e in printout.elements if not (isinstance(e, Line) and not e.text)]
    return [
        line for qr, line in itertools.pairwise(shown) if isinstance(qr, QrCode) and isinstance(line, Line)
    ]


@pytest.mark.parametrize("width", [58, 80])
def test_release_slip_prints_the_short_code_under_each_qr(width: int) -> None:
    profile = PrinterProfile(width)
    printout = parse_escpos(render_document(sample_release_slip(), "en", profile))
    code = short_code_of("LKS:S000042:3f9a2c71d0b4e8a1")
    assert code == "S000042-7YD2-RWEG"
    under = after_each_qr(printout)
    assert [line.text for line in under] == [code, code]  # the holder's part and the guard copy
    assert all(line.align == "center" and line.spans[0].bold for line in under)
    # Double size where it fits the paper, to be read at arm's length.
    assert [line.spans[0].width_mult for line in under] == [2 if width == 80 else 1] * 2
    assert all(fits(line, profile.columns) for line in under)


def test_refund_receipt_references_the_original() -> None:
    text = parse_escpos(
        render_document(sample_receipt(refund=True), "zh_CN", PrinterProfile(80))
    ).text_lines()
    assert "退款收据" in text
    assert any(line.startswith("原收据编号") and line.endswith("R000107") for line in text)


def test_balanced_reconciliation_says_so() -> None:
    sheet = sample_reconciliation()
    balanced = PassReconciliation(
        sheet.period_start, sheet.period_start, sheet.issued, sheet.issued, sheet.site_name, sheet.printed_at
    )
    text = parse_escpos(render_document(balanced, "zh_CN", PrinterProfile(58))).text_lines()
    assert "核对结果：相符" in text and "无" in text


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_stored_documents_lay_out_the_same_after_json(kind: str) -> None:
    document = SAMPLES[kind]()
    stored_kind, data = serialise(document)
    assert stored_kind == kind
    assert from_json(KINDS[kind].model, data) == document
    assert to_json(from_json(KINDS[kind].model, data)) == data
    profile = PrinterProfile(58)
    assert render_stored(kind, data, "en", profile) == render_document(document, "en", profile)


def test_code_page_profile_instead_of_chinese_mode() -> None:
    profile = PrinterProfile(80, encoding="gbk", chinese_mode=False, codepage=255)
    data = render_document(SAMPLES["badge"](), "zh_CN", profile)
    assert data.startswith(b"\x1b@\x1bt\xff") and b"\x1c&" not in data
    assert "欧阳娜娜".encode("gbk") in data


def test_unknown_document_type_is_refused() -> None:
    with pytest.raises(TypeError):
        serialise(object())
