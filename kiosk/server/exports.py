"""A file the server writes for a desk to download (a month's workbook...): written in the
exports folder, in a folder of its own, and removed once sent or if writing it fails."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from kiosk.server.context import ServerContext
from kiosk.server.routes.visitor_log import MEDIA_TYPES
from kiosk.server.startup import export_folder


def export_file(
    context: ServerContext, name: str, write: Callable[[Path], Path], media_type: str = MEDIA_TYPES["xlsx"]
) -> FileResponse:
    """``write(path)`` makes the file called ``name``; the answer streams it, then it is gone.
    In the data folder, not /tmp: what a crash leaves there is removed at the next start."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-export-", dir=export_folder(context.core.export_dir)))
    try:
        path = write(folder / name)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        path,
        media_type=media_type,
        filename=name,
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )
