"""派工单: the work order the engineer takes to a repair, with the request's QR (scanned at the desk
to record arrival and completion) and the lines the engineer and the resident sign."""

from __future__ import annotations

from kiosk.domain.repairs import RepairCategory, RepairClass, WorkOrder
from kiosk.printing.common import header, pick, signature, stamp
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Qr, Rule, Text

WORK_ORDER_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "派工单",
        "rework": "返修（保修期内，第 {cycle} 次）",
        "number": "报修单号",
        "taken": "报修时间",
        "unit": "房号",
        "location": "维修部位",
        "caller": "报修人",
        "phone": "联系电话",
        "category": "类别",
        "class": "级别",
        "urgent": "急修",
        "general": "一般维修",
        "what": "报修内容",
        "assignee": "承修",
        "engineer": "维修人员",
        "dispatched": "派工时间",
        "arrive_by": "到场时限",
        "fix_by": "完成时限",
        "clerk": "派工人",
        "arrived": "到场时间",
        "completed": "完工时间",
        "engineer_signature": "维修人员签字",
        "resident_signature": "业户验收签字",
        "scan": "到场、完工时请到前台扫描此码",
        "water": "水",
        "electricity": "电",
        "air_conditioning": "空调",
        "lift": "电梯",
        "doors_locks": "门窗锁具",
        "other": "其他",
    },
    "en": {
        "title": "WORK ORDER",
        "rework": "REWORK under warranty (time {cycle})",
        "number": "Request No.",
        "taken": "Reported",
        "unit": "Unit",
        "location": "Where",
        "caller": "Reported by",
        "phone": "Phone",
        "category": "Category",
        "class": "Class",
        "urgent": "URGENT",
        "general": "General",
        "what": "Problem",
        "assignee": "Assigned to",
        "engineer": "Engineer",
        "dispatched": "Dispatched",
        "arrive_by": "On site by",
        "fix_by": "Fixed by",
        "clerk": "Dispatched by",
        "arrived": "Arrived at",
        "completed": "Completed at",
        "engineer_signature": "Engineer's signature",
        "resident_signature": "Resident's sign-off",
        "scan": "Scan this code at the desk on arrival and when done",
        "water": "Water",
        "electricity": "Electricity",
        "air_conditioning": "Air conditioning",
        "lift": "Lift",
        "doors_locks": "Doors and locks",
        "other": "Other",
    },
}


def category_word(category: RepairCategory, lang: str) -> str:
    return pick(WORK_ORDER_WORDS, lang)[category.value]


def work_order_document(order: WorkOrder, lang: str, profile: PrinterProfile, copy: bool = False) -> Document:
    words = pick(WORK_ORDER_WORDS, lang)
    urgent = order.repair_class is RepairClass.URGENT
    blocks: list[Block] = [*header(order.site_name, words["title"], copy)]
    if urgent:
        # Read across the room: the engineer's first question is how soon.
        blocks.append(Text(f"** {words['urgent']} **", align="center", bold=True, size=2))
    if order.cycle > 1:
        blocks.append(
            Text(words["rework"].replace("{cycle}", str(order.cycle - 1)), align="center", bold=True)
        )
    blocks += [
        Columns(words["number"], order.number),
        Columns(words["taken"], stamp(order.taken_at)),
        Columns(words["unit"], order.unit),
    ]
    if order.location:
        blocks.append(Columns(words["location"], order.location))
    blocks += [
        Columns(words["caller"], order.caller_name),
        Columns(words["phone"], order.phone),
        Columns(words["category"], words[order.category.value]),
        Columns(words["class"], words["urgent"] if urgent else words["general"]),
        Rule(),
        Text(words["what"], bold=True),
        Text(order.what),
        Rule(),
        Columns(words["assignee"], order.assignee),
    ]
    if order.engineer:
        blocks.append(Columns(words["engineer"], order.engineer))
    blocks.append(Columns(words["dispatched"], stamp(order.dispatched_at)))
    if order.arrive_by is not None:
        blocks.append(Columns(words["arrive_by"], stamp(order.arrive_by)))
    blocks += [
        Columns(words["fix_by"], stamp(order.fix_by)),
        Columns(words["clerk"], order.clerk),
        Rule(),
        *signature(words["arrived"]),
        *signature(words["completed"]),
        *signature(words["engineer_signature"]),
        *signature(words["resident_signature"]),
        Feed(1),
        Qr(order.code, 6 if profile.paper_width_mm == 80 else 5),
        Text(order.number, align="center", bold=True),
        Text(words["scan"], align="center"),
        Feed(2),
        Cut(),
    ]
    return Document(tuple(blocks))
