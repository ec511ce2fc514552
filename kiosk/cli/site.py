"""`kiosk serve`, `kiosk station add|list|revoke`, `kiosk enrol`, and how `kiosk run` finds its
server: an enrolment in the config folder, else a local server in this process (or the one another
`kiosk run` of this user already started)."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import socket
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

import httpx

from kiosk.client.http import ServerUnreachableError, raise_for_problem
from kiosk.client.pinning import certificate_fingerprint, fetch_server_certificate, pinned_context
from kiosk.config import Config, ConfigError
from kiosk.domain.errors import ValidationError
from kiosk.domain.station import StationRole
from kiosk.station import Enrolment, load_enrolment, save_enrolment, station_config_dir

log = logging.getLogger("kiosk")
T = TypeVar("T")
EXIT_UNREACHABLE = 6


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    serve = sub.add_parser(
        "serve", parents=[common], help="run the site server (the only process that opens the database)"
    )
    serve.add_argument(
        "--listen",
        metavar="HOST:PORT",
        help="where stations reach it, over TLS (default: [server] listen, 0.0.0.0:8443)",
    )
    station = sub.add_parser("station", help="stations enrolled with this server (run on the server)")
    station_sub = station.add_subparsers(dest="station_command", required=True, metavar="ACTION")
    add = station_sub.add_parser(
        "add", parents=[common], help="a new station: prints its one-time enrolment code"
    )
    add.add_argument("--role", required=True, choices=[r.value for r in StationRole])
    add.add_argument("--name", required=True)
    station_sub.add_parser(
        "list", parents=[common], help="the stations, their role, address and last contact"
    )
    revoke = station_sub.add_parser("revoke", parents=[common], help="cut a station off at once")
    revoke.add_argument("name")
    enrol = sub.add_parser("enrol", parents=[common], help="enrol this station with a site server")
    enrol.add_argument("url", help="the server, e.g. https://192.168.1.10:8443")
    enrol.add_argument("code", help="the one-time code `kiosk station add` printed")


def serve(config: Config, listen: str | None) -> int:
    import uvicorn

    from kiosk.app import build_app
    from kiosk.server.run import bind, build_server, uvicorn_config
    from kiosk.server.tls import ensure_certificate, listen_check
    from kiosk.services.audit import Actor

    listen = listen or config.server_listen
    host, _, port = listen.rpartition(":")
    host = host.strip("[]")
    try:
        listen_check(host, tls=True)
        port_number = int(port)
    except ValueError as exc:
        raise ConfigError("--listen", str(exc)) from None
    core = build_app(config, "server")
    demo_data(core, Actor("server", getpass.getuser()))
    certificate = ensure_certificate(
        config.data_dir / "keys", [host] if host not in ("0.0.0.0", "::") else []
    )
    _context, app = build_server(core, certificate)
    print(
        f"site server on https://{listen}  certificate SHA-256 {certificate.display_fingerprint}", flush=True
    )
    try:
        uvicorn.Server(uvicorn_config(app, host, port_number, certificate)).run(
            sockets=[bind(host, port_number)]
        )
    finally:
        core.close()
    return 0


def station_command(config: Config, args: argparse.Namespace) -> int:
    """On the server machine: the database directly, as `kiosk staff add` does."""
    from kiosk.app import open_site_database
    from kiosk.services.audit import Actor
    from kiosk.services.clock import SystemClock
    from kiosk.services.stations import StationService

    actor = Actor("cli", getpass.getuser())
    # Upgraded first and its keys checked, as the server would; its audit events signed.
    database = open_site_database(config, SystemClock(), actor)
    try:
        stations = StationService(database.sessions, SystemClock())
        if args.station_command == "add":
            try:
                new = stations.add(args.name, StationRole(args.role), actor)
            except ValidationError as exc:
                print(f"kiosk: {exc}", file=sys.stderr)
                return 2
            print(f"enrolment code for {args.name} ({args.role}): {new.code}")
            print(
                # On the site's clock, as the desk shows times: a fresh server's own zone is UTC.
                f"valid until {new.expires_at.astimezone(config.zone):%H:%M}, once. "
                f"On the station: kiosk enrol https://SERVER:8443 {new.code}"
            )
            return 0
        if args.station_command == "list":
            for s in stations.listing():
                seen = (
                    f"{s.last_seen_at.astimezone(config.zone):%Y-%m-%d %H:%M}" if s.last_seen_at else "never"
                )
                state = "revoked" if s.revoked else "enrolled" if s.enrolled else "waiting for enrolment"
                print(f"{s.name:20} {s.role.value:6} {state:22} {s.last_address or '-':16} last seen {seen}")
            return 0
        match = next((s for s in stations.listing() if s.name == args.name), None)
        if match is None:
            print(f"kiosk: no station named {args.name!r}", file=sys.stderr)
            return 2
        stations.revoke(match.station_id, actor)
        print(f"revoked {args.name}: its next request is refused")
        return 0
    finally:
        database.dispose()


def enrol(url: str, code: str) -> int:
    """Fetch the certificate the server shows, enrol over a connection pinned to it, and keep it
    only if the code-authenticated answer names the same certificate."""
    url = url.rstrip("/")
    certificate: bytes | None = None
    if url.startswith("https://"):
        certificate = fetch_server_certificate(url)
        verify: object = pinned_context(certificate)
    elif _is_loopback_url(url):
        verify = True
    else:
        print("kiosk: a server on another machine is reached over https:// only", file=sys.stderr)
        return 2
    with httpx.Client(base_url=url, verify=verify, timeout=10) as http:  # type: ignore[arg-type]
        try:
            response = http.post("/api/v1/enrol", json={"code": code})
            raise_for_problem(response)
        except httpx.TransportError as exc:
            print(f"kiosk: cannot reach {url}: {exc}", file=sys.stderr)
            return EXIT_UNREACHABLE
        except ValidationError:
            print(
                "kiosk: the enrolment code is wrong, used already or older than ten minutes", file=sys.stderr
            )
            return 2
    body = response.json()
    if certificate is not None and body.get("certificate_sha256") != certificate_fingerprint(certificate):
        print("kiosk: the server's certificate changed during enrolment; nothing was saved", file=sys.stderr)
        return 2
    path = save_enrolment(Enrolment(url, body["token"], body["station_name"], body["role"], certificate))
    print(f"enrolled as {body['station_name']} ({body['role']}); kept in {path}")
    return 0


def _is_loopback_url(url: str) -> bool:
    host = httpx.URL(url).host
    return host in ("127.0.0.1", "::1", "localhost")


@dataclass
class Joined:
    """Where this `kiosk run` gets its server from."""

    enrolment: Enrolment
    stop: Callable[[], None]


def find_server(config: Config, role: str) -> Joined:
    enrolment = load_enrolment(station_config_dir())
    if enrolment is not None:
        if enrolment.role != role:
            raise ConfigError("station", f"this station is enrolled as a {enrolment.role}, not a {role}")
        return Joined(enrolment, lambda: None)
    from kiosk.server.run import claim_local, read_local

    lock = claim_local(config.data_dir)
    if lock is None:
        found = read_local(config.data_dir)
        if found is None:
            raise ConfigError(
                "station", "another kiosk run holds this user's local server but left no address"
            )
        url, secret = found
        name = f"{role}-{socket.gethostname()}-{os.getpid()}"
        reply = off_gui(lambda: _local_enrol(url, secret, name, role))
        log.info("joined the local site server at %s as %s", url, name)
        return Joined(Enrolment(url, reply, name, role, None), lambda: None)
    return _start_local(config, role, lock)


def _local_enrol(url: str, secret: str, name: str, role: str) -> str:
    try:
        response = httpx.post(
            f"{url}/api/v1/enrol/local", json={"secret": secret, "name": name, "role": role}, timeout=10
        )
    except httpx.TransportError as exc:
        raise ServerUnreachableError(f"the local site server at {url} does not answer: {exc}") from None
    raise_for_problem(response)
    return str(response.json()["token"])


def _start_local(config: Config, role: str, lock: object) -> Joined:
    from kiosk.app import build_app
    from kiosk.server.run import start_local
    from kiosk.services.audit import Actor

    core = build_app(config, "server")
    actor = Actor("local", getpass.getuser())
    demo_data(core, actor)
    server = start_local(core, lock)  # type: ignore[arg-type]
    name = f"{role}-{socket.gethostname()}"
    token = server.context.stations.ensure_enrolled(name, StationRole(role), actor)

    def stop() -> None:
        server.stop()
        core.close()

    return Joined(Enrolment(server.url, token, name, role, None), stop)


def demo_data(core: object, actor: object) -> None:
    """Demo mode only (no configuration file): one account per role with the demo PIN, so someone
    trying the program can sign in (the sign-in page says how), and owners, fees and passes to
    try the desk with."""
    from kiosk.app import KioskApp, load_demo_records
    from kiosk.services.audit import Actor

    assert isinstance(core, KioskApp) and isinstance(actor, Actor)
    if core.demo_mode and not core.staff.count():
        core.staff.add_demo_accounts(actor)
    load_demo_records(core)


def off_gui(work: Callable[[], T]) -> T:
    """Start-up requests, before the window exists, still off the GUI thread (the client insists)."""
    with ThreadPoolExecutor(1, thread_name_prefix="start-up") as pool:
        return pool.submit(work).result(30)
