"""Files and folders of personal data made owner-only where they were left wider.

Outside the layers (like kiosk.faults): the composition root, storage and the server's TLS all
tighten what they own the same way.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)
POSIX = os.name == "posix"


def tighten(path: Path, mode: int) -> bool:
    """``path`` set to ``mode`` (0600, 0700) if group or others may use it, with a warning;
    whether it was. POSIX only: Windows has no such bits (a folder always reads as 0777 and
    chmod sets only read-only), so there it would warn at every start and change nothing; a
    Windows site's data folder is kept private by its ACL (docs/install-windows.md)."""
    if not POSIX or not path.stat().st_mode & 0o077:
        return False
    log.warning("Tightening %s to owner-only (mode %04o)", path, mode)
    path.chmod(mode)
    return True
