"""The station's link to its site server: typed requests, problems turned back into errors.

A refusal by a rule comes back as the domain's own ValidationError (field, reason, params), so a
page words it exactly as before; a server that cannot be reached is ServerUnreachableError, which
every page words as "the server cannot be reached" in its user's language. Submits carry an
Idempotency-Key and are retried with backoff, so a check-in sent twice is stored once.
"""

from __future__ import annotations

import logging
import os
import socket
import ssl
import tempfile
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import httpx
from pydantic import TypeAdapter

from kiosk.api.problems import Problem
from kiosk.client.guard import check_not_gui_thread
from kiosk.domain.errors import ValidationError

log = logging.getLogger(__name__)

T = TypeVar("T")
API = "/api/v1"
STAFF_HEADER = "X-Staff-Session"
# Tries for a request that is safe to send again (a read, or a submit with its key), and the
# waits between them; then the caller hears ServerUnreachableError and retries later itself.
RETRY_WAITS_S = (0.2, 0.5, 1.0)
# No new try starts this long after the first: a server answers "try again" (503) only after its
# database's timeout ([database] statement_timeout_s), and four tries of that would keep a
# visitor at the kiosk four times as long before the page says the server cannot be reached.
RETRY_BUDGET_S = 8.0
# Given to the station's httpx client (the in-process test client takes none).
TIMEOUT = httpx.Timeout(10.0, connect=3.0)


def http_client(url: str, context: ssl.SSLContext | None) -> httpx.Client:
    """The station's HTTP client: the pinned certificate (None: plain HTTP, loopback only) and
    Nagle off (a request's head and body would otherwise wait for the server's delayed ACK)."""
    transport = httpx.HTTPTransport(
        verify=context if context is not None else True,
        socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
    )
    return httpx.Client(base_url=url, transport=transport, timeout=TIMEOUT)


class ServerError(Exception):
    """The server answered with a problem the station cannot word as a person's mistake."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.code}: {problem.title}")
        self.problem = problem

    @property
    def code(self) -> str:
        return self.problem.code


class AccessRefusedError(ServerError):
    """Not allowed here, not signed in, session ended, station revoked, too many tries."""


class ServerUnreachableError(ConnectionError):
    """No answer from the server (down, network, timeout), or it cannot reach its database."""


_ACCESS = {"station_unknown", "sign_in_required", "session_expired", "forbidden", "too_many_tries"}


def raise_for_problem(response: httpx.Response) -> None:
    if response.is_success:
        return
    try:
        problem = Problem.model_validate(response.json())
    except ValueError:
        raise ServerUnreachableError(
            f"the server answered {response.status_code} without a problem document"
        ) from None
    if problem.code == "validation" and problem.field and problem.reason:
        raise ValidationError(problem.field, problem.reason, **problem.params)
    if problem.code == "unavailable" or response.status_code in (502, 503, 504):
        raise ServerUnreachableError(f"{problem.code}: {problem.title}")
    if problem.code in _ACCESS:
        raise AccessRefusedError(problem)
    raise ServerError(problem)


class SiteClient:
    """One station's requests. Thread-safe (httpx's client is); never call it on the GUI thread."""

    def __init__(
        self,
        http: httpx.Client,
        token: str,
        *,
        retry_waits: tuple[float, ...] = RETRY_WAITS_S,
        retry_budget_s: float = RETRY_BUDGET_S,
    ) -> None:
        self.http = http
        self.http.headers["Authorization"] = f"Bearer {token}"
        self.token = token
        self.staff_token: str | None = None
        self._retry_waits = retry_waits
        self._retry_budget_s = retry_budget_s

    def get(self, path: str, kind: type[T], params: Mapping[str, Any] | None = None) -> T:
        response = self._send("GET", path, params=params, retry=True)
        return TypeAdapter(kind).validate_python(response.json())

    def get_list(self, path: str, item: type[T], params: Mapping[str, Any] | None = None) -> list[T]:
        response = self._send("GET", path, params=params, retry=True)
        return TypeAdapter(list[item]).validate_python(response.json())  # type: ignore[valid-type]

    def post(
        self,
        path: str,
        kind: type[T],
        body: Any = None,
        *,
        submit: bool = False,
        key: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> T:
        """``submit``: stored once however often it is sent (an Idempotency-Key, retried).
        ``key``: the submit's Idempotency-Key, when a person may send the same submit again after
        this call failed (``RetryKey``); without it each call gets a fresh one."""
        response = self._post(path, body, submit or key is not None, key, headers)
        return TypeAdapter(kind).validate_python(response.json())

    def post_list(self, path: str, item: type[T], body: Any = None) -> list[T]:
        response = self._post(path, body, False)
        return TypeAdapter(list[item]).validate_python(response.json())  # type: ignore[valid-type]

    def act(self, path: str, body: Any = None, *, submit: bool = False) -> None:
        """A POST answered with no body (204)."""
        self._post(path, body, submit)

    def _post(
        self,
        path: str,
        body: Any,
        submit: bool,
        key: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        sent = dict(headers or {})
        if submit:
            sent["Idempotency-Key"] = key or uuid.uuid4().hex
        return self._send("POST", path, json=_plain(body), headers=sent, retry=submit)

    def delete(self, path: str, headers: dict[str, str] | None = None) -> None:
        self._send("DELETE", path, headers=headers)

    def download(
        self, path: str, body: Any, into: BinaryIO, report: Callable[[int, int | None], None]
    ) -> httpx.Headers:
        """POST ``body`` and write the streamed answer (an export) into ``into`` as it arrives,
        calling ``report(bytes so far, total or None)``; the answer's headers are returned."""
        check_not_gui_thread()
        headers = {STAFF_HEADER: self.staff_token} if self.staff_token else {}
        try:
            with self.http.stream("POST", API + path, json=_plain(body), headers=headers) as response:
                if not response.is_success:
                    response.read()
                    raise_for_problem(response)
                length = response.headers.get("content-length")
                total = int(length) if length and length.isdigit() else None
                done = 0
                for chunk in response.iter_bytes():
                    into.write(chunk)
                    done += len(chunk)
                    report(done, total)
                return response.headers
        except httpx.TransportError as exc:
            raise ServerUnreachableError(f"POST {path}: {type(exc).__name__}: {exc}") from None

    def download_file(
        self, path: str, body: Any, to: Path, report: Callable[[int, int | None], None]
    ) -> httpx.Headers:
        """:meth:`download` into the file ``to``, complete or not at all: written beside it, then
        renamed (a failed download leaves no half file and keeps one that was there)."""
        fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=to.suffix, dir=to.parent)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as into:
                headers = self.download(path, body, into, report)
            tmp.replace(to)
        finally:
            tmp.unlink(missing_ok=True)
        return headers

    def _send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
        retry: bool = False,
    ) -> httpx.Response:
        check_not_gui_thread()
        all_headers = dict(headers or {})
        if self.staff_token and STAFF_HEADER not in all_headers:
            all_headers[STAFF_HEADER] = self.staff_token
        # An empty header: this request speaks for the station alone (signing in).
        all_headers = {k: v for k, v in all_headers.items() if v}
        waits = (*self._retry_waits, None) if retry else (None,)
        give_up_at = time.monotonic() + self._retry_budget_s
        for planned in waits:
            try:
                response = self.http.request(
                    method, API + path, params=params, json=json, headers=all_headers
                )
            except httpx.TransportError as exc:
                wait = _within(planned, give_up_at)
                if wait is None:
                    raise ServerUnreachableError(f"{method} {path}: {type(exc).__name__}: {exc}") from None
                log.info("%s %s: %s; trying again in %.1f s", method, path, type(exc).__name__, wait)
                time.sleep(wait)
                continue
            if response.status_code in (502, 503, 504) and (wait := _within(planned, give_up_at)) is not None:
                time.sleep(wait)
                continue
            raise_for_problem(response)
            return response
        raise AssertionError("unreachable")  # pragma: no cover


def _within(wait: float | None, give_up_at: float) -> float | None:
    """``wait``, or None when the next try would start after ``give_up_at`` (no more tries)."""
    return None if wait is None or time.monotonic() + wait > give_up_at else wait


class RetryKey:
    """The Idempotency-Key of one submission a person may send again: the same while what they
    send is unchanged and unanswered, so a payment sent again after "the server cannot be reached"
    is stored once; a new one after an answer, or for anything else."""

    def __init__(self) -> None:
        self._content: object = None
        self._key: str | None = None

    def key_for(self, content: object) -> str:
        if self._key is None or content != self._content:
            self._content, self._key = content, uuid.uuid4().hex
        return self._key

    def answered(self) -> None:
        self._content, self._key = None, None


def _plain(body: Any) -> Any:
    """Dataclasses and pydantic models as JSON-ready values."""
    if body is None:
        return None
    return TypeAdapter(type(body)).dump_python(body, mode="json")
