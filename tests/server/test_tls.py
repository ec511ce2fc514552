"""The server's own certificate (made once, kept, repaired when torn) and stations pinning it."""

from __future__ import annotations

import datetime
import ipaddress
import logging
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import ExtendedKeyUsageOID
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from kiosk.client.pinning import (
    certificate_fingerprint,
    fetch_server_certificate,
    fingerprint_matches,
    pinned_context,
)
from kiosk.server.run import ThreadedServer, bind, uvicorn_config
from kiosk.server.tls import (
    CERT_FILE,
    KEY_FILE,
    ServerCertificate,
    ServerCertificateError,
    ensure_certificate,
    listen_check,
)


@pytest.fixture(scope="module")
def server_cert(tmp_path_factory: pytest.TempPathFactory) -> ServerCertificate:
    return ensure_certificate(tmp_path_factory.mktemp("server") / "keys")


@pytest.fixture(scope="module")
def other_cert(tmp_path_factory: pytest.TempPathFactory) -> ServerCertificate:
    """Another site's server: same kind of certificate, different key."""
    return ensure_certificate(tmp_path_factory.mktemp("other-site") / "keys")


async def _ping(request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


@pytest.fixture(scope="module")
def server_url(server_cert: ServerCertificate) -> Iterator[str]:
    """A real uvicorn serving TLS with ``server_cert`` on a free loopback port."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(
        Starlette(routes=[Route("/ping", _ping)]),
        ssl_certfile=str(server_cert.cert_path),
        ssl_keyfile=str(server_cert.key_path),
        lifespan="off",
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 5
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    yield f"https://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)
    listener.close()


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_first_start_makes_an_owner_only_key_in_an_owner_only_folder(tmp_path: Path) -> None:
    key_dir = tmp_path / "site" / "keys"

    cert = ensure_certificate(key_dir)

    assert (cert.cert_path, cert.key_path) == (key_dir / CERT_FILE, key_dir / KEY_FILE)
    assert _mode(key_dir) == 0o700
    assert _mode(cert.key_path) == 0o600
    # Written through temporary files renamed into place: none is left behind.
    assert sorted(p.name for p in key_dir.iterdir()) == sorted([CERT_FILE, KEY_FILE])
    assert len(cert.fingerprint) == 64 and int(cert.fingerprint, 16) >= 0
    assert cert.display_fingerprint == ":".join(cert.fingerprint[i : i + 2].upper() for i in range(0, 64, 2))
    assert cert.fingerprint == certificate_fingerprint(cert.cert_pem())


def test_an_existing_key_folder_is_made_owner_only(tmp_path: Path) -> None:
    key_dir = tmp_path / "keys"
    key_dir.mkdir(mode=0o755)
    key_dir.chmod(0o755)

    ensure_certificate(key_dir)

    assert _mode(key_dir) == 0o700


def test_the_certificate_is_its_own_trust_anchor_for_ten_years_and_names_this_machine(
    tmp_path: Path,
) -> None:
    cert_info = ensure_certificate(tmp_path / "keys", names=["Lobby.Example.", "10.20.30.40", "[fd00::5]"])

    cert = x509.load_pem_x509_certificate(cert_info.cert_pem())

    assert cert.issuer == cert.subject
    basic = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert basic.critical and basic.value.ca
    assert cert.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.SERVER_AUTH]
    assert cert.not_valid_after_utc - cert.not_valid_before_utc >= datetime.timedelta(days=3652)
    alt = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    dns = alt.get_values_for_type(x509.DNSName)
    ips = alt.get_values_for_type(x509.IPAddress)
    assert {"localhost", socket.gethostname().lower(), "lobby.example"} <= set(dns)
    assert {ipaddress.ip_address(a) for a in ("127.0.0.1", "::1", "10.20.30.40", "fd00::5")} <= set(ips)
    assert len(dns) == len(set(dns)) and len(ips) == len(set(ips))


def test_a_name_that_cannot_be_in_a_certificate_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a valid host name"):
        ensure_certificate(tmp_path / "keys", names=["bad..name"])


def test_second_start_keeps_the_certificate_stations_pinned(tmp_path: Path) -> None:
    first = ensure_certificate(tmp_path / "keys")
    pem, key = first.cert_pem(), first.key_path.read_bytes()

    second = ensure_certificate(tmp_path / "keys")

    assert second.fingerprint == first.fingerprint
    assert (second.cert_pem(), second.key_path.read_bytes()) == (pem, key)


def test_a_name_asked_later_is_reported_not_forced_into_a_new_certificate(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    first = ensure_certificate(tmp_path / "keys")

    with caplog.at_level(logging.WARNING, logger="kiosk.server.tls"):
        again = ensure_certificate(tmp_path / "keys", names=["localhost", "desk.example"])

    assert again.fingerprint == first.fingerprint
    [warning] = [r.getMessage() for r in caplog.records if "does not name" in r.getMessage()]
    assert "does not name desk.example;" in warning  # localhost is named, so not listed


def test_a_write_cut_short_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key_dir = tmp_path / "keys"
    ensure_certificate(key_dir)
    (key_dir / CERT_FILE).write_bytes(b"torn")  # so the next start writes a new pair
    key_before = (key_dir / KEY_FILE).read_bytes()

    def power_cut(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("kiosk.server.tls.os.fsync", power_cut)
    with pytest.raises(OSError):
        ensure_certificate(key_dir)

    assert (key_dir / KEY_FILE).read_bytes() == key_before
    assert sorted(p.name for p in key_dir.iterdir()) == sorted([CERT_FILE, KEY_FILE])


def test_a_password_protected_key_is_reported_not_replaced(tmp_path: Path) -> None:
    key_dir = tmp_path / "keys"
    ensure_certificate(key_dir)
    key = serialization.load_pem_private_key((key_dir / KEY_FILE).read_bytes(), password=None)
    locked = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"secret"),
    )
    (key_dir / KEY_FILE).write_bytes(locked)

    with pytest.raises(ServerCertificateError, match="password"):
        ensure_certificate(key_dir)

    assert (key_dir / KEY_FILE).read_bytes() == locked


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d: (d / KEY_FILE).write_bytes(b""), id="empty-key"),
        pytest.param(
            lambda d: (d / CERT_FILE).write_bytes((d / CERT_FILE).read_bytes()[:100]), id="torn-cert"
        ),
        pytest.param(lambda d: (d / KEY_FILE).unlink(), id="key-missing"),
        # A crash between writing the new key and the new certificate.
        pytest.param(
            lambda d: (d / KEY_FILE).write_bytes(ensure_certificate(d.parent / "new").key_path.read_bytes()),
            id="key-of-another-certificate",
        ),
    ],
)
def test_a_torn_pair_is_replaced_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: object
) -> None:
    key_dir = tmp_path / "keys"
    before = ensure_certificate(key_dir)
    assert callable(damage)
    damage(key_dir)

    with caplog.at_level(logging.WARNING, logger="kiosk.server.tls"):
        after = ensure_certificate(key_dir)

    assert after.fingerprint != before.fingerprint
    assert any(str(key_dir) in r.getMessage() and "enrolled again" in r.getMessage() for r in caplog.records)
    assert _mode(after.key_path) == 0o600
    assert ensure_certificate(key_dir).fingerprint == after.fingerprint


def test_a_station_pinned_to_the_server_reaches_it(server_cert: ServerCertificate, server_url: str) -> None:
    context = pinned_context(server_cert.cert_pem())

    response = httpx.get(f"{server_url}/ping", verify=context)
    # Stations may know the server by a name the certificate lacks: the pin, not the name, counts.
    # (A client of its own, so that no pooled connection is reused.)
    with httpx.Client(verify=context) as station:
        by_other_name = station.get(f"{server_url}/ping", extensions={"sni_hostname": "desk-pc.not-in-cert"})

    assert (response.status_code, response.text) == (200, "ok")
    assert by_other_name.status_code == 200
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.minimum_version == ssl.TLSVersion.TLSv1_2


def test_a_station_pinned_to_another_certificate_is_refused(
    other_cert: ServerCertificate, server_url: str
) -> None:
    with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        httpx.get(f"{server_url}/ping", verify=pinned_context(other_cert.cert_pem()))


def test_the_system_trust_store_does_not_know_the_server(server_url: str) -> None:
    # Why stations pin: nothing else vouches for this certificate.
    with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        httpx.get(f"{server_url}/ping")


def test_kiosk_doctor_compares_the_certificate_shown_with_the_pinned_one(
    server_cert: ServerCertificate, other_cert: ServerCertificate, server_url: str
) -> None:
    from kiosk.cli.doctor import Status, check_certificate
    from kiosk.station import Enrolment

    pinned = check_certificate(Enrolment(server_url, "token", "kiosk-1", "kiosk", server_cert.cert_pem()))
    assert pinned.status is Status.OK
    # The first eight bytes, as `kiosk serve` prints the whole at start.
    assert pinned.says.values["fingerprint"] == server_cert.display_fingerprint[:23] + "…"
    elsewhere = check_certificate(Enrolment(server_url, "token", "kiosk-1", "kiosk", other_cert.cert_pem()))
    assert elsewhere.status is Status.FAIL and elsewhere.says.key == "certificate.changed"


def test_enrolment_fetches_the_certificate_the_server_presents(
    server_cert: ServerCertificate, other_cert: ServerCertificate, server_url: str
) -> None:
    fetched = fetch_server_certificate(server_url)

    assert certificate_fingerprint(fetched) == server_cert.fingerprint
    assert fingerprint_matches(fetched, server_cert.display_fingerprint)
    assert not fingerprint_matches(fetched, other_cert.fingerprint)
    httpx.get(f"{server_url}/ping", verify=pinned_context(fetched)).raise_for_status()


@pytest.mark.parametrize("url", ["http://127.0.0.1:8443", "127.0.0.1:8443", "https://"])
def test_enrolment_needs_an_https_url(url: str) -> None:
    with pytest.raises(ValueError, match="https://"):
        fetch_server_certificate(url)


def test_pinning_takes_exactly_one_certificate(
    server_cert: ServerCertificate, other_cert: ServerCertificate
) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        pinned_context(server_cert.cert_pem() + other_cert.cert_pem())
    with pytest.raises(ValueError, match="exactly one"):
        pinned_context(b"")
    with pytest.raises(ValueError, match="cannot be read"):
        pinned_context(b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::", "", "lobby.example", "fd00::1"])
def test_plain_http_is_refused_off_loopback(host: str) -> None:
    with pytest.raises(ValueError, match="Serve with TLS"):
        listen_check(host, tls=False)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST."])
def test_plain_http_is_allowed_on_loopback(host: str) -> None:
    listen_check(host, tls=False)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::"])
def test_tls_may_listen_anywhere(host: str) -> None:
    listen_check(host, tls=True)


def test_a_server_with_an_idle_station_connection_stops_at_once(server_cert: ServerCertificate) -> None:
    """A station's pooled connection lies idle between its calls, and it reads nothing then: a
    TLS close waits for the peer's close_notify, so a stopping server waited 30 s for each such
    station (asyncio's TLS shutdown timeout) before it let go."""
    app = Starlette(routes=[Route("/ping", _ping)])
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = ThreadedServer(uvicorn_config(app, "127.0.0.1", port, server_cert), sock).start()
    pinned = pinned_context(server_cert.cert_pem())
    with httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=pinned) as station:
        assert station.get("/ping").text == "ok"  # its connection stays open in the pool
        server.stop()  # waits up to 10 s for the server's thread
        assert not server.running
        with pytest.raises(httpx.TransportError):
            station.get("/ping")
