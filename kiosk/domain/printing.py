"""The life of a print job, as people at the desk see it."""

from __future__ import annotations

import enum


class PrintJobStatus(enum.Enum):
    QUEUED = "queued"  # stored, not tried yet
    PRINTED = "printed"
    FAILED = "failed"  # tried, waiting for the printer; retried with backoff, never dropped
