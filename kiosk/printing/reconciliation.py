"""机房访客证核对表: passes issued and returned, every discrepancy, two signatures."""

from __future__ import annotations

from kiosk.domain.documents import PassReconciliation
from kiosk.printing.common import header, pick, signature, stamp
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Rule, Text

RECONCILIATION_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "机房访客证核对表",
        "period": "核对期间",
        "issued": "发出",
        "returned": "收回",
        "count": "张",
        "not_returned": "未收回",
        "not_issued": "收回但无发出记录",
        "counted": "机房值班保安清点",
        "count_mismatch": "数量不符：发出 {issued} 张，保安清点 {counted} 张",
        "signed": "已凭工号密码签字",
        "none": "无",
        "balanced": "核对结果：相符",
        "unbalanced": "核对结果：不符，请立即报告上级",
        "desk": "前台签字",
        "guard": "机房值班保安签字",
        "printed": "打印时间",
        "late": "补签原因：{reason}",
    },
    "en": {
        "title": "PASS RECONCILIATION",
        "period": "Period",
        "issued": "Issued",
        "returned": "Returned",
        "count": "",
        "not_returned": "Not returned",
        "not_issued": "Returned, never issued",
        "counted": "Counted by the guard",
        "count_mismatch": "COUNT MISMATCH: issued {issued}, guard counted {counted}",
        "signed": "Signed with PIN",
        "none": "none",
        "balanced": "Result: balanced",
        "unbalanced": "Result: DISCREPANCY - report to the supervisor now",
        "desk": "Front desk",
        "guard": "Machine-room duty guard",
        "printed": "Printed",
        "late": "Signed late because: {reason}",
    },
}


def reconciliation_document(
    sheet: PassReconciliation, lang: str, profile: PrinterProfile, copy: bool = False
) -> Document:
    words = pick(RECONCILIATION_WORDS, lang)
    period = sheet.period_start.isoformat()
    if sheet.period_end != sheet.period_start:
        period += " ~ " + sheet.period_end.isoformat()

    def listing(label: str, passes: tuple[str, ...]) -> list[Block]:
        count = f"{len(passes)} {words['count']}".strip()
        return [Columns(label, count), Text(", ".join(passes) if passes else words["none"])]

    def signed(label: str, name: str, late_reason: str) -> list[Block]:
        # The PIN signature is printed by name; the line stays for the pen (交接表上签字).
        late = [Text(words["late"].format(reason=late_reason))]
        return [
            *signature(label),
            *([Columns(words["signed"], name)] if name else []),
            *(late if late_reason else []),
        ]

    counted: list[Block] = []
    if sheet.counted is not None:
        counted.append(Columns(words["counted"], f"{sheet.counted} {words['count']}".strip()))
        if sheet.count_mismatch:
            mismatch = words["count_mismatch"].format(issued=len(sheet.issued), counted=sheet.counted)
            counted.append(Text(mismatch, bold=True))

    blocks: list[Block] = [
        *header(sheet.site_name, words["title"], copy),
        Columns(words["period"], period),
        Rule(),
        *listing(words["issued"], sheet.issued),
        *listing(words["returned"], sheet.returned),
        Rule(),
        *listing(words["not_returned"], sheet.not_returned),
        *listing(words["not_issued"], sheet.returned_not_issued),
        *counted,
        Rule(),
        Text(words["balanced"] if sheet.balanced else words["unbalanced"], bold=True),
        *signed(words["desk"], sheet.desk_signed_by, sheet.desk_late_reason),
        *signed(words["guard"], sheet.guard_signed_by, sheet.guard_late_reason),
        Columns(words["printed"], stamp(sheet.printed_at)),
        Feed(2),
        Cut(),
    ]
    return Document(tuple(blocks))
