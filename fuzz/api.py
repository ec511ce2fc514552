"""The server's API bodies: every request and reply schema of :mod:`kiosk.api.schemas` (the
server validates requests with them, the stations read replies with them), and a share of whole
requests through the site server's application, in-process on a fresh SQLite site.

A schema's only documented error is pydantic's ValidationError. A request's is any 4xx answer: a
5xx, or an exception out of the application, is a finding. Seeds are valid bodies built from
each schema's JSON Schema, so the mutations start from what the server accepts.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from fuzz.engine import Run, Target, pure
from kiosk.api import schemas

if TYPE_CHECKING:
    from fastapi import FastAPI

    from kiosk.server.context import ServerContext

JSON_TOKENS = (
    *tuple(
        t.encode()
        for t in (
            '{"',
            '":',
            ",",
            "}",
            "[",
            "]",
            "null",
            "true",
            "0",
            "-1",
            "1e308",
            "2147483648",
            '"\\u0000"',
            '"张"',
        )
    ),
    b"\xff",
    b'"2026-11-25T10:00:00+08:00"',
    b'"10:00:00"',
    b'"2026-02-30"',
)


def request_models() -> list[type[BaseModel]]:
    """Every pydantic model the API module declares, in a stable order."""
    found = [
        value
        for value in vars(schemas).values()
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == schemas.__name__
    ]
    return sorted(found, key=lambda model: model.__name__)


def sample(schema: Mapping[str, Any], defs: Mapping[str, Any], depth: int = 0) -> Any:
    """A value valid for ``schema`` (JSON Schema as pydantic and FastAPI write it)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return sample(defs[name], defs, depth + 1)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    if "default" in schema and depth > 0:
        return schema["default"]
    for combined in ("anyOf", "oneOf", "allOf"):
        if combined in schema:
            options = [s for s in schema[combined] if s.get("type") != "null"] or schema[combined]
            return sample(options[0], defs, depth + 1)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        if depth > 6:
            return {}
        return {name: sample(sub, defs, depth + 1) for name, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [sample(schema.get("items", {}), defs, depth + 1)] if depth <= 6 else []
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "string":
        return {
            "date-time": "2026-11-25T10:00:00+08:00",
            "date": "2026-11-25",
            "time": "10:00:00",
        }.get(schema.get("format", ""), "张三" if schema.get("maxLength", 99) >= 2 else "x")
    return None


# -- the schemas, alone -------------------------------------------------------------------------


def _schema_target() -> Target:
    models = request_models()

    def run(data: bytes) -> Hashable:
        if not data:
            return "empty"
        model = models[data[0] % len(models)]
        model.model_validate_json(data[1:])
        return model.__name__

    def seeds() -> list[bytes]:
        out = []
        for index, model in enumerate(models):
            schema = model.model_json_schema()
            body = json.dumps(sample(schema, schema.get("$defs", {})), ensure_ascii=False).encode()
            out.append(bytes([index]) + body)
        return out

    return Target(
        "api-schemas",
        f"the API's {len(models)} pydantic schemas (kiosk/api/schemas.py) validating JSON bodies",
        seeds,
        pure(run),
        (ValidationError,),
        JSON_TOKENS,
    )


# -- whole requests through the server ----------------------------------------------------------


class ServerError(AssertionError):
    """The server answered a fuzzed request with a 5xx (its exception, if any, is raised instead)."""


@contextmanager
def fresh_site() -> Iterator[ServerContext]:
    """A new site's server side: SQLite in a temporary folder, as ``kiosk serve`` builds it."""
    from kiosk.app import build_app
    from kiosk.config import load_config
    from kiosk.server.context import server_context
    from kiosk.storage.database import sqlite_url_for

    with tempfile.TemporaryDirectory(prefix="fuzz-api-") as tmp:
        folder = Path(tmp)
        config = replace(
            load_config(None, {}),
            database_url=sqlite_url_for(folder / "site.db"),
            printer_url=f"emulated:?dir={folder / 'printer'}",
            data_dir=folder,
            source=None,
        )
        core = build_app(config, "server")
        try:
            yield server_context(core)
        finally:
            core.close()


@contextmanager
def fuzzed_site(
    site: Callable[[], AbstractContextManager[ServerContext]],
    server: Callable[[ServerContext], FastAPI] | None = None,
) -> Iterator[tuple[Any, list[tuple[str, str, str]], dict[str, Any]]]:
    """The server on ``site`` and a kiosk's and an admin desk's clients: ``(clients,
    the operations taking a body, the OpenAPI components)``."""
    from fastapi.testclient import TestClient

    from kiosk.domain.staff import Role
    from kiosk.domain.station import StationRole
    from kiosk.server.app import create_server
    from kiosk.services.audit import Actor
    from kiosk.services.staff import DEMO_PIN, SignedIn

    setup = Actor("fuzz", "api")
    with ExitStack() as stack:
        context = stack.enter_context(site())
        core = context.core
        app = server(context) if server is not None else create_server(context, housekeeping_s=None)
        kiosk_token = context.stations.ensure_enrolled("fuzz kiosk", StationRole.KIOSK, setup)
        desk_token = context.stations.ensure_enrolled("fuzz desk", StationRole.DESK, setup)
        desk = context.stations.authenticate(desk_token, "127.0.0.1")
        assert desk is not None
        staff_id = core.staff.add("fuzz-admin", "fuzz admin", Role.ADMIN, DEMO_PIN, setup)
        admin = SignedIn(staff_id, "fuzz-admin", "fuzz admin", Role.ADMIN)
        # The server's own exceptions come out of the client (a finding), not only as 500s.
        kiosk = stack.enter_context(TestClient(app, headers={"Authorization": f"Bearer {kiosk_token}"}))
        desk_client = stack.enter_context(TestClient(app, headers={"Authorization": f"Bearer {desk_token}"}))

        def sign_in() -> None:
            # Again now and then: a fuzzed request may sign the admin out or change them.
            desk_client.headers["X-Staff-Session"] = context.sessions.open(admin, desk.station_id).token

        sign_in()
        spec = app.openapi()
        operations = sorted(
            (method.upper(), path, op.get("x-action", ""))
            for path, item in spec["paths"].items()
            for method, op in item.items()
            if "requestBody" in op
        )
        yield (
            {"kiosk": kiosk, "desk": desk_client, "sign_in": sign_in, "spec": spec},
            operations,
            spec.get("components", {}).get("schemas", {}),
        )


def app_target(
    site: Callable[[], AbstractContextManager[ServerContext]] = fresh_site,
    server: Callable[[ServerContext], FastAPI] | None = None,
) -> Target:
    """Whole requests through the server on ``site`` (by default a new one, and a new
    application on it; the tests give theirs)."""
    from kiosk.api.permissions import ACTIONS, is_allowed
    from kiosk.domain.station import StationRole

    state: dict[str, Any] = {}

    @contextmanager
    def open_site() -> Iterator[Run]:
        with fuzzed_site(site, server) as (clients, operations, _):
            state["operations"], state["spec"] = operations, clients["spec"]
            count = 0

            def run(data: bytes) -> Hashable:
                nonlocal count
                if not data:
                    return "empty"
                count += 1
                if count % 200 == 0:
                    clients["sign_in"]()
                method, path, action = operations[data[0] % len(operations)]
                kiosk_may = action not in ACTIONS or is_allowed(action, StationRole.KIOSK, None)
                client = clients["kiosk"] if kiosk_may else clients["desk"]
                path = "/".join("1" if part.startswith("{") else part for part in path.split("/"))
                reply = client.request(
                    method, path, content=data[1:], headers={"Content-Type": "application/json"}
                )
                if reply.status_code >= 500:
                    raise ServerError(f"{method} {path}: {reply.status_code} {reply.text[:300]}")
                return path, reply.status_code

            yield run

    def seeds() -> list[bytes]:
        # Called inside open_site (the engine asks for seeds once the target is open).
        spec, out = state["spec"], []
        components = spec.get("components", {}).get("schemas", {})
        for index, (method, path, _) in enumerate(state["operations"]):
            content = spec["paths"][path][method.lower()]["requestBody"]["content"]
            schema = content.get("application/json", {}).get("schema", {})
            out.append(
                bytes([index % 256]) + json.dumps(sample(schema, components), ensure_ascii=False).encode()
            )
        return out

    return Target(
        "api-app",
        "whole requests with fuzzed bodies through the site server (a share: about 3 ms each)",
        seeds,
        open_site,
        (),
        JSON_TOKENS,
        share=0.05,
    )


def api_targets() -> list[Target]:
    return [_schema_target(), app_target()]
