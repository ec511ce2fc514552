"""Hostile and broken requests against the server as it is deployed (uvicorn on a real socket,
configured by ``uvicorn_config``): every one gets a 4xx, never a 500 and never a hang, and the
server keeps answering the stations afterwards."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import uvicorn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.api.permissions import ACTIONS, is_allowed
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server import app as server_app
from kiosk.server.app import MAX_BODY, create_server
from kiosk.server.context import ServerContext
from kiosk.server.serving import uvicorn_config
from kiosk.services.staff import DEMO_PIN, SignedIn
from tests.server.conftest import ADMIN

# Short deadlines, so the tests see them pass; production's are in kiosk.server.serving / app.
HEAD_TIMEOUT_S = 1.5
BODY_TIMEOUT_S = 1.5
# Longer than either deadline: a reply must have come by then, or the server hung.
REPLY_WITHIN_S = 6.0


@dataclass
class Live:
    port: int
    kiosk: httpx.Client
    desk: httpx.Client  # an admin signed in at a desk
    kiosk_token: str
    operations: list[tuple[str, str, str]]  # (method, path, action) of the routes taking a body

    def client_for(self, action: str) -> httpx.Client:
        if action not in ACTIONS or is_allowed(action, StationRole.KIOSK, None):
            return self.kiosk  # enrolment needs no station; the kiosk's credential is ignored
        return self.desk

    def raw(self, request: bytes, *, then_wait: bool = True) -> bytes:
        """Send ``request`` on a new connection; what came back before the server closed it."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=REPLY_WITHIN_S) as sock:
            sock.sendall(request)
            reply = b""
            while then_wait:
                chunk = sock.recv(65536)  # socket.timeout here: the server hung
                if not chunk:
                    break
                reply += chunk
            return reply

    def still_serving(self) -> None:
        # Within the client's timeout (REPLY_WITHIN_S): a server held by the idle connections would
        # not answer at all. How fast it answers is the benchmarks' business, not a test's.
        # On a new connection, as a station that comes along then would: the client's kept-alive
        # one may be closed by the server (idle past its keep-alive) as the request goes out, a
        # reset that says nothing about whether the server serves (it failed a run that way).
        reply = httpx.get(
            str(self.kiosk.base_url.join("/api/v1/site")),
            headers=self.kiosk.headers,
            timeout=self.kiosk.timeout,
        )
        assert reply.status_code == 200, reply.text


# What the HTTP layer refuses (body limits, bad lengths, slow or idle connections, malformed
# bodies) never reaches a route or the database: those tests run on SQLite only.
HTTP_LAYER_ONLY = pytest.mark.one_database(
    "sqlite", reason="refused by the HTTP layer before any route runs: the database plays no part"
)


@pytest.fixture(scope="module")
def live(module_context: ServerContext) -> Iterator[Live]:
    context = module_context
    with ExitStack() as stack:
        patch = stack.enter_context(pytest.MonkeyPatch.context())
        patch.setattr(server_app, "BODY_TIMEOUT_S", BODY_TIMEOUT_S)
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        config = uvicorn_config(
            create_server(context), "127.0.0.1", port, head_timeout_s=HEAD_TIMEOUT_S, log_level="warning"
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        assert server.started
        base = f"http://127.0.0.1:{port}"
        kiosk_token = context.stations.ensure_enrolled("fuzz kiosk", StationRole.KIOSK, ADMIN)
        desk_token = context.stations.ensure_enrolled("fuzz desk", StationRole.DESK, ADMIN)
        desk_identity = context.stations.authenticate(desk_token, "127.0.0.1")
        assert desk_identity is not None
        staff_id = context.core.staff.add("fuzz-admin", "fuzz admin", Role.ADMIN, DEMO_PIN, ADMIN)
        staff_token = context.sessions.open(
            SignedIn(staff_id, "fuzz-admin", "fuzz admin", Role.ADMIN), desk_identity.station_id
        ).token
        timeout = httpx.Timeout(REPLY_WITHIN_S)
        kiosk = stack.enter_context(
            httpx.Client(base_url=base, headers={"Authorization": f"Bearer {kiosk_token}"}, timeout=timeout)
        )
        desk = stack.enter_context(
            httpx.Client(
                base_url=base,
                headers={"Authorization": f"Bearer {desk_token}", "X-Staff-Session": staff_token},
                timeout=timeout,
            )
        )
        spec = kiosk.get("/api/v1/openapi.json").json()
        operations = [
            (method.upper(), path, op["x-action"])
            for path, item in spec["paths"].items()
            for method, op in item.items()
            if "requestBody" in op
        ]
        try:
            yield Live(port, kiosk, desk, kiosk_token, operations)
        finally:
            server.should_exit = True
            thread.join(10)


def assert_4xx_problem(response: httpx.Response) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/problem+json"), response.text[:300]
    assert response.json()["status"] == response.status_code


# --- bodies --------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = [
    "username", "secret", "code", "visitor_name", "host_id", "mobile", "declaration_accepted",
    "party_size", "phone", "text", "language", "badge_number", "note", "before", "name", "role",
    "printed", "printer", "error", "id_number", "id_type", "visitor_type",
]  # fmt: skip
# Known field names with values of any type: wrong types, out-of-range numbers, odd strings.
wrong_types = st.dictionaries(st.sampled_from(FIELDS), json_values | st.text(max_size=3000), max_size=8)
malformed = st.binary(max_size=300) | st.sampled_from(
    [
        b"{",
        b'{"a":',
        b"[1,2",
        b'{"visitor_name": "\xff\xfe"}',
        b"null",
        b"\x00" * 10,
        b"NaN",
        b'{"a": Infinity}',
    ]
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.heavy
@given(data=st.data())
def test_fuzzed_bodies_get_an_answer_never_a_500(live: Live, data: st.DataObject) -> None:
    method, path, action = data.draw(st.sampled_from(live.operations))
    path = path.replace("{visit_id}", str(data.draw(st.integers(-5, 10**12))))
    path = path.replace("{job_id}", "1").replace("{code}", "ABCD2345")
    kind = data.draw(st.sampled_from(["json", "wrong_types", "malformed"]))
    if kind == "malformed":
        content = data.draw(malformed)
    else:
        value: Any = data.draw(json_values if kind == "json" else wrong_types)
        content = json.dumps(value).encode()
    response = live.client_for(action).request(
        method, path, content=content, headers={"Content-Type": "application/json"}
    )
    assert response.status_code < 500, (action, content[:200], response.text[:300])
    if response.status_code >= 400:
        assert_4xx_problem(response)


@HTTP_LAYER_ONLY
@pytest.mark.parametrize(
    "content",
    [
        b"[" * 50_000 + b"]" * 50_000,  # deep nesting, under the size limit
        b'{"visitor_name": ' + b'{"a": ' * 20_000 + b"1" + b"}" * 20_000 + b"}",
        json.dumps({"visitor_name": "张" * 80_000, "host_id": 1}, ensure_ascii=False).encode(),  # huge text
        json.dumps({"visitor_name": "x", "host_id": 10**400}).encode(),  # a huge number
    ],
    ids=["deep-list", "deep-object", "huge-string", "huge-number"],
)
def test_deep_and_huge_values_are_refused(live: Live, content: bytes) -> None:
    assert len(content) <= MAX_BODY
    response = live.kiosk.post(
        "/api/v1/visits", content=content, headers={"Content-Type": "application/json"}
    )
    assert_4xx_problem(response)
    live.still_serving()


@HTTP_LAYER_ONLY
@pytest.mark.parametrize("size", [MAX_BODY + 10, 3 * MAX_BODY])
def test_a_body_over_the_limit_is_refused_with_413(live: Live, size: int) -> None:
    huge = json.dumps({"visitor_name": "x" * size, "host_id": 1}).encode()
    response = live.kiosk.post("/api/v1/visits", content=huge, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert_4xx_problem(response)
    assert response.json()["code"] == "body_too_large"
    live.still_serving()


@HTTP_LAYER_ONLY
def test_a_streamed_body_over_the_limit_is_refused_with_413(live: Live) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"visitor_name": "'
        for _ in range(40):
            yield b"x" * 16384
        yield b'", "host_id": 1}'

    # No Content-Length: chunked, so only counting what arrives finds it too large.
    response = live.kiosk.post(
        "/api/v1/visits", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413, response.text
    assert response.json()["code"] == "body_too_large"
    live.still_serving()


# --- lengths and connections (raw sockets: an HTTP client would not send these) ------------------


def request_head(live: Live, length: str) -> bytes:
    return (
        "POST /api/v1/visits HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {live.kiosk_token}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode()


@HTTP_LAYER_ONLY
@pytest.mark.parametrize("length", ["-1", "abc", "1e3", "99999999999999999999999", ""])
def test_a_bad_content_length_gets_a_4xx(live: Live, length: str) -> None:
    reply = live.raw(request_head(live, length) + b'{"visitor_name": "x"}')
    status = int(reply.split(b" ", 2)[1])
    assert 400 <= status < 500, reply[:200]
    live.still_serving()


@HTTP_LAYER_ONLY
def test_a_body_shorter_than_its_content_length_times_out_with_408(live: Live) -> None:
    started = time.monotonic()
    reply = live.raw(request_head(live, "500") + b'{"visitor_name": "x"}')
    assert reply.startswith(b"HTTP/1.1 408 "), reply[:200]
    assert b'"code":"request_timeout"' in reply
    assert time.monotonic() - started < BODY_TIMEOUT_S + 2
    live.still_serving()


@HTTP_LAYER_ONLY
def test_idle_connections_do_not_exhaust_the_server(live: Live) -> None:
    with ExitStack() as stack:
        idle = [
            stack.enter_context(socket.create_connection(("127.0.0.1", live.port), timeout=REPLY_WITHIN_S))
            for _ in range(300)
        ]
        # Half of them trickle a request head that never ends (slowloris).
        for sock in idle[::2]:
            sock.sendall(b"GET /api/v1/site HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        live.still_serving()
        # And the server lets go of every one of them after the head deadline.
        for sock in idle:
            assert sock.recv(1024) == b""
    live.still_serving()


@HTTP_LAYER_ONLY
def test_a_connection_that_got_its_reply_is_closed_when_idle(live: Live) -> None:
    with socket.create_connection(("127.0.0.1", live.port), timeout=REPLY_WITHIN_S) as sock:
        sock.sendall(
            f"GET /api/v1/site HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {live.kiosk_token}\r\n\r\n".encode()
        )
        reply = sock.recv(65536)
        assert reply.startswith(b"HTTP/1.1 200 ")
        # A second head begun and never finished: closed too.
        sock.sendall(b"GET /api/v1/site HTTP/1.1\r\n")
        while chunk := sock.recv(65536):
            assert not chunk.startswith(b"HTTP/1.1")
    live.still_serving()


# --- numbers beyond the database's ----------------------------------------------------------------

TOO_BIG = 2**31  # one past PostgreSQL's integer, which every id column is


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", f"/api/v1/visits/{TOO_BIG}/state"),
        ("POST", f"/api/v1/visits/{TOO_BIG}/withdraw"),
        ("GET", f"/api/v1/visits/{10**30}/state"),
        ("GET", "/api/v1/visits/0/state"),
    ],
    ids=["past-int4", "past-int4-post", "past-int8", "zero"],
)
def test_an_id_no_row_can_have_is_refused_before_the_database(live: Live, method: str, path: str) -> None:
    """Before, PostgreSQL failed the query ("integer out of range") and the server answered 503,
    the database unavailable, to a station whose only fault was the number it sent."""
    response = live.kiosk.request(method, path)
    assert_4xx_problem(response)
    assert response.json()["code"] == "request_invalid"
    live.still_serving()


def test_a_number_the_database_refuses_in_a_body_is_the_callers_error(live: Live) -> None:
    # host_id travels in the check-in (a domain record, no bound of its own) to the query.
    response = live.kiosk.post(
        "/api/v1/visits", json={"visitor_name": "张三", "host_id": TOO_BIG, "declaration_accepted": True}
    )
    assert_4xx_problem(response)
    live.still_serving()


def test_only_a_database_that_cannot_be_reached_is_a_503() -> None:
    """kiosk.server.problems: a lost connection (or SQLite busy past its timeout) is 503 with a
    Retry-After; a value out of range is the caller's (422); any other database error is a bug
    (500, in the log), not an outage the stations would wait out."""
    from fastapi import FastAPI
    from fastapi.testclient import TestClient
    from sqlalchemy.exc import DataError, IntegrityError, OperationalError

    from kiosk.server import problems

    app = FastAPI()
    problems.install(app)
    raised = {
        "lost": OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly")),
        "range": DataError("SELECT 1", {}, Exception("integer out of range")),
        "bug": IntegrityError("INSERT", {}, Exception("NOT NULL constraint failed")),
    }

    def failing(exc: Exception) -> Callable[[], None]:
        def fail() -> None:
            raise exc

        return fail

    for name, exc in raised.items():
        app.add_api_route(f"/{name}", failing(exc))
    client = TestClient(app, raise_server_exceptions=False)
    lost = client.get("/lost")
    assert (lost.status_code, lost.json()["code"], lost.headers["Retry-After"]) == (503, "unavailable", "5")
    out_of_range = client.get("/range")
    assert (out_of_range.status_code, out_of_range.json()["code"]) == (422, "request_invalid")
    assert out_of_range.json()["detail"] == "integer out of range"
    bug = client.get("/bug")
    assert (bug.status_code, bug.json()["code"]) == (500, "internal")
