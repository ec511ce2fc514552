"""The life of a print job, as people at the desk see it."""

from __future__ import annotations

import enum
from datetime import UTC, datetime


class PrintJobStatus(enum.Enum):
    QUEUED = "queued"  # stored, not tried yet
    PRINTED = "printed"
    FAILED = "failed"  # tried, waiting for the printer; retried with backoff, never dropped


# A job whose stored document cannot be laid out (damaged, or of a kind or shape this version does
# not know) would fail the same way on every try and, retried first, hold up the jobs behind it.
# It fails for good: FAILED, its error starting "unprintable: ", its next try NEVER (no retry
# round takes it; the desk's "send now" tries it once more). A sentinel rather than a new status
# or a nullable column: no schema change. Not datetime.max: the desk shows it in its own zone.
UNPRINTABLE = "unprintable"
NEVER = datetime(9999, 1, 1, tzinfo=UTC)


def unprintable(detail: str) -> str:
    """The error stored for a job that cannot be laid out."""
    return f"{UNPRINTABLE}: {detail}"


def is_unprintable(error: str | None) -> bool:
    return bool(error) and str(error).startswith(f"{UNPRINTABLE}: ")
