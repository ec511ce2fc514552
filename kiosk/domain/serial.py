"""Document models <-> JSON, so a print job can be stored and laid out again for another printer.

Works for frozen dataclasses of str, int, bool, None, datetime, date, Enum, nested dataclasses
and tuples of those: exactly what :mod:`kiosk.domain.documents` and :mod:`kiosk.domain.badge` use.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from datetime import date, datetime
from typing import Any, TypeVar

T = TypeVar("T")


def to_json(document: object) -> str:
    return json.dumps(_dump(document), ensure_ascii=False, sort_keys=True)


def from_json(cls: type[T], text: str) -> T:
    return typing.cast(T, _load(cls, json.loads(text)))


def _dump(value: object) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    return value


def _load(tp: Any, raw: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if raw is None and type(None) in typing.get_args(tp):
            return None
        concrete = [a for a in typing.get_args(tp) if a is not type(None)]
        return _load(concrete[0], raw)
    if origin is tuple:
        (item_type, *_rest) = typing.get_args(tp)
        return tuple(_load(item_type, v) for v in raw)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        fields = {f.name: _load(hints[f.name], raw[f.name]) for f in dataclasses.fields(tp) if f.name in raw}
        return typing.cast(Any, tp)(**fields)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(raw)
    if tp is datetime:
        return datetime.fromisoformat(raw)
    if tp is date:
        return date.fromisoformat(raw)
    return raw
