"""The API's endpoints, one module per area; each names its action (kiosk.api.permissions)."""

from typing import Annotated

from fastapi import Path

from kiosk.api.schemas import MAX_ROW_ID

# A row's id in a path: one beyond any the database can hold is refused (422), never queried.
PathId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
