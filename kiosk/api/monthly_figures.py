"""The manager's monthly figures over the API: the workbook's words in the desk's language."""

from __future__ import annotations

from pydantic import BaseModel, Field

from kiosk.api.schemas import Label


class FiguresExport(BaseModel):
    """Words for the workbook (English -> the desk's language): sheet names, column headings,
    repair categories and complaint subjects. A word not given stays English."""

    words: dict[Label, Label] = Field(default_factory=dict, max_length=200)
