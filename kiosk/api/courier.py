"""Outgoing courier (快递寄发) over the API: what the desk sends to log an item, hand a batch to the
courier, keep the companies, and print or export a month's statement."""

from __future__ import annotations

from pydantic import BaseModel, Field

from kiosk.api.schemas import MAX_ROW_ID, RowId
from kiosk.domain.courier import BATCH_MAX_ITEMS
from kiosk.domain.money import MAX_FEN

# Generous for anything a person types; the service applies the real limits with their messages.
TEXT = 500
SHORT = 80


class CourierItemDraft(BaseModel):
    """An item as written in the book; ``cost_fen`` in whole fen (分)."""

    sender: str = Field(max_length=SHORT)
    department: str = Field(max_length=SHORT)
    addressee: str = Field(max_length=SHORT)
    destination: str = Field(max_length=TEXT)
    company_id: int = Field(ge=1, le=MAX_ROW_ID)
    tracking_number: str = Field(max_length=SHORT)
    cost_fen: int = Field(ge=-MAX_FEN, le=MAX_FEN)
    note: str = Field(default="", max_length=TEXT)


class CourierVoid(BaseModel):
    reason: str = Field(max_length=TEXT)


class CourierHandOver(BaseModel):
    """The items handed to the courier, the name they signed with, and their tick."""

    item_ids: list[RowId] = Field(max_length=BATCH_MAX_ITEMS)
    courier_name: str = Field(max_length=SHORT)
    confirmed: bool = False


class CourierCompanyAdd(BaseModel):
    code: str = Field(max_length=SHORT)
    name: str = Field(max_length=SHORT)
    name_en: str = Field(default="", max_length=SHORT)


class CourierCompanyActive(BaseModel):
    active: bool


class CourierStatementPrint(BaseModel):
    company_id: int = Field(ge=1, le=MAX_ROW_ID)
    language: str = Field(default="zh_CN", max_length=10)


class CourierExport(BaseModel):
    """The workbook's language (its sheets' and columns' words)."""

    language: str = Field(default="zh_CN", max_length=10)
