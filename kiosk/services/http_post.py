"""One JSON POST to another system (access control's webhook, a chat group's robot, an SMS
gateway), with the failure told in one sentence that never carries the address's secrets."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from urllib.parse import urlsplit

ANSWER_MAX_BYTES = 64 * 1024  # a robot's {"errcode":0,...}; more is never read


class PostError(Exception):
    """The address did not take the POST: unreachable, or it answered with an error status."""


def post_json(url: str, payload: object, timeout_s: float, headers: Mapping[str, str] | None = None) -> bytes:
    """POST ``payload`` as UTF-8 JSON; return the answer's body (its first 64 KiB) on a 2xx."""
    body = json.dumps(payload, ensure_ascii=False).encode()
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Content-Type", "application/json; charset=utf-8")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    where = without_query(url)
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            status = response.status
            answer: bytes = response.read(ANSWER_MAX_BYTES)
    except urllib.error.HTTPError as exc:
        raise PostError(f"{where} answered HTTP {exc.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise PostError(f"{where} unreachable: {getattr(exc, 'reason', exc)}") from None
    if not 200 <= status < 300:
        raise PostError(f"{where} answered HTTP {status}")
    return answer


def without_query(url: str) -> str:
    """The address without its query: a robot's key or token is in it, never in a log."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"
