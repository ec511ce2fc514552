"""ID cards the ID-reader tests build for themselves (never the shared samples)."""

from __future__ import annotations

from datetime import date

from kiosk.devices.idreader.emulator import VirtualIdCard
from kiosk.devices.idreader.text import IdCardRecord
from kiosk.domain.identity import resident_id_check_char


def id_number(region: str = "110105", born: date = date(1985, 3, 7), sequence: str = "123") -> str:
    first17 = f"{region}{born:%Y%m%d}{sequence}"
    return first17 + resident_id_check_char(first17)


def record(**changes: object) -> IdCardRecord:
    fields: dict[str, object] = {
        "name": "张三",
        "sex": "male",
        "nation_code": "01",
        "birth_date": date(1985, 3, 7),
        "address": "北京市朝阳区建国路88号",
        "id_number": id_number(),
        "authority": "北京市公安局朝阳分局",
        "valid_from": date(2015, 6, 1),
        "valid_until": date(2035, 6, 1),
    }
    fields.update(changes)
    return IdCardRecord(**fields)  # type: ignore[arg-type]


def card(label: str = "zhang", **changes: object) -> VirtualIdCard:
    return VirtualIdCard(record(**changes), label)
