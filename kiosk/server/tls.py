"""The site server's own TLS certificate, made at first start, and the rule for plain HTTP.

Stations do not trust a public CA for the server: at enrolment each one pins exactly this
certificate (``kiosk.client.pinning``), so the certificate is its own trust anchor and lives for
ten years. Replacing it means enrolling every station again, so it is made once and kept.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import logging
import os
import socket
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from kiosk import owner_only
from kiosk.services.site_keys import ensure_private_folder

log = logging.getLogger(__name__)

CERT_FILE = "server-cert.pem"
KEY_FILE = "server-key.pem"
VALID_FOR = datetime.timedelta(days=3653)  # ten years, leap days included
# A station whose clock is behind the server's must not see a certificate "not yet valid".
BACKDATED_BY = datetime.timedelta(days=1)

_IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_T = TypeVar("_T")


class ServerCertificateError(Exception):
    """The certificate folder cannot be used (permissions, a file where a folder should be)."""


@dataclass(frozen=True)
class ServerCertificate:
    """Where the server's certificate and key are, and the fingerprint stations pin."""

    cert_path: Path
    key_path: Path
    fingerprint: str  # SHA-256 of the certificate's DER, lower-case hex

    @property
    def display_fingerprint(self) -> str:
        """The fingerprint as people compare it by eye: ``AB:CD:...``."""
        return display_fingerprint(self.fingerprint)

    def cert_pem(self) -> bytes:
        """The certificate as a station stores it to pin."""
        return self.cert_path.read_bytes()


def display_fingerprint(fingerprint: str) -> str:
    """``abcd...`` as ``AB:CD:...``, the way browsers and ``openssl x509 -fingerprint`` show it."""
    upper = fingerprint.upper()
    return ":".join(upper[i : i + 2] for i in range(0, len(upper), 2))


def ensure_certificate(key_dir: Path, names: Sequence[str] = ()) -> ServerCertificate:
    """The server's certificate in ``key_dir``, made the first time (EC P-256, self-signed).

    ``names`` are extra host names or addresses stations or phones use to reach the server; the
    machine's own names and LAN addresses are added without asking. They matter only to
    browsers: stations pin the certificate itself and do not check names. A pair left torn by a
    crash or a bad copy is replaced, with a warning that enrolled stations need enrolling again.
    """
    _ensure_private_folder(key_dir)
    cert_path, key_path = key_dir / CERT_FILE, key_dir / KEY_FILE
    try:
        cert = _load_pair(cert_path, key_path)
    except FileNotFoundError:
        if cert_path.exists() or key_path.exists():
            log.warning(
                "Only half of the server's TLS certificate pair is in %s; making a new certificate. "
                "Enrolled stations must be enrolled again.",
                key_dir,
            )
        else:
            log.info("Making the server's TLS certificate in %s (first start)", key_dir)
        cert = _create_pair(cert_path, key_path, names)
    except PermissionError as exc:
        # Replacing a certificate we merely may not read would cut off every enrolled station.
        raise ServerCertificateError(
            f"Cannot read {exc.filename}: run the server as the user who owns {key_dir}"
        ) from exc
    except ValueError as exc:
        log.warning(
            "The server's TLS certificate in %s is unusable (%s); making a new certificate. "
            "Enrolled stations must be enrolled again.",
            key_dir,
            exc,
        )
        cert = _create_pair(cert_path, key_path, names)
    else:
        _warn_unnamed(cert, names)
    return ServerCertificate(cert_path, key_path, cert.fingerprint(hashes.SHA256()).hex())


def listen_check(host: str, tls: bool) -> None:
    """Refuse plain HTTP anywhere but loopback: staff PINs and visitor data cross that socket."""
    if tls or _is_loopback(host):
        return
    shown = host or "all interfaces"
    raise ValueError(
        f"Plain HTTP on {shown} would send staff PINs and visitor details over the network "
        "unencrypted. Serve with TLS, or listen on 127.0.0.1 (plain HTTP is allowed only on "
        "loopback: 127.0.0.0/8, ::1, localhost)."
    )


def _is_loopback(host: str) -> bool:
    if host.strip().lower().rstrip(".") == "localhost":
        return True
    address = _ip_address(host)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address is not None and address.is_loopback


def _warn_unnamed(cert: x509.Certificate, names: Sequence[str]) -> None:
    """Say which asked-for names the kept certificate lacks; it is kept because stations pin it."""
    try:
        alt = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return
    have_dns = {n.lower() for n in alt.get_values_for_type(x509.DNSName)}
    have_ip = set(alt.get_values_for_type(x509.IPAddress))
    missing = []
    for name in names:
        address = _ip_address(name)
        if address is None:
            try:
                if _dns_name(name) in have_dns:
                    continue
            except UnicodeError:
                pass
        elif address in have_ip:
            continue
        missing.append(name)
    if missing:
        log.warning(
            "The server's TLS certificate does not name %s; browsers will warn there (stations "
            "pin the certificate and are not affected). It is kept so enrolled stations keep "
            "working; to make a new one, delete %s and %s and enrol every station again.",
            ", ".join(missing),
            CERT_FILE,
            KEY_FILE,
        )


def _ensure_private_folder(key_dir: Path) -> None:
    try:
        ensure_private_folder(key_dir)
    except (FileExistsError, NotADirectoryError, PermissionError) as exc:
        raise ServerCertificateError(f"Cannot use {key_dir} for the server's key: {exc}") from exc


def _load_pair(cert_path: Path, key_path: Path) -> x509.Certificate:
    """The stored certificate, if it and its key are whole and belong together (ValueError if not)."""
    cert_pem, key_pem = cert_path.read_bytes(), key_path.read_bytes()
    cert = x509.load_pem_x509_certificate(cert_pem)
    try:
        key = serialization.load_pem_private_key(key_pem, password=None)
    except TypeError as exc:
        # Someone's deliberate choice, not a torn file: say so rather than replace it.
        raise ServerCertificateError(
            f"{key_path} is protected by a password; the server needs its key without one"
        ) from exc
    public = serialization.PublicFormat.SubjectPublicKeyInfo
    encoding = serialization.Encoding.DER
    if key.public_key().public_bytes(encoding, public) != cert.public_key().public_bytes(encoding, public):
        raise ValueError(f"{key_path.name} is not the key of {cert_path.name}")
    # A restore from backup can widen it; the key is the server's identity.
    owner_only.tighten(key_path, 0o600)
    return cert


def _create_pair(cert_path: Path, key_path: Path, names: Sequence[str]) -> x509.Certificate:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _self_signed(key, _subject_alt_names(names))
    # Key first: a crash between the two leaves a new key beside the old certificate, which the
    # next start sees as a mismatched pair and replaces, never a certificate without its key.
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _write_atomically(key_path, key_pem, 0o600)
    _write_atomically(cert_path, cert.public_bytes(serialization.Encoding.PEM), 0o644)
    return cert


def _self_signed(key: ec.EllipticCurvePrivateKey, alt_names: list[x509.GeneralName]) -> x509.Certificate:
    hostname = socket.gethostname()
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Lobby Kiosk"),
            # A CN is at most 64 characters.
            x509.NameAttribute(NameOID.COMMON_NAME, f"Site server {hostname}"[:64]),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    public_key = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATED_BY)
        .not_valid_after(now + VALID_FOR)
        .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
        # CA:TRUE with keyCertSign lets a station load this one certificate as its only trust
        # anchor; path length 0 means it can never vouch for another certificate's chain.
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        # Key identifiers: strict X.509 verification (Python 3.13's default) asks for them.
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public_key), critical=False)
        .sign(key, hashes.SHA256())
    )


def _subject_alt_names(names: Sequence[str]) -> list[x509.GeneralName]:
    """Loopback, the machine's names and LAN addresses, then ``names``; each once, in that order."""
    dns = ["localhost"]
    addresses: list[_IPAddress] = [ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")]
    hostname = socket.gethostname()
    for name in (hostname, socket.getfqdn()):
        try:
            dns.append(_dns_name(name))
        except UnicodeError as exc:
            log.warning("Leaving the host name %r out of the server certificate: %s", name, exc)
    addresses.extend(_lan_ipv4_addresses(hostname))
    for name in names:
        address = _ip_address(name)
        if address is not None:
            addresses.append(address)
            continue
        try:
            dns.append(_dns_name(name))
        except UnicodeError as exc:
            raise ValueError(f"{name!r} is not a valid host name for the certificate") from exc
    return [*(x509.DNSName(n) for n in _unique(dns)), *(x509.IPAddress(a) for a in _unique(addresses))]


def _dns_name(name: str) -> str:
    """A host name as a certificate carries it: lower case, ASCII (IDNA), no trailing dot."""
    cleaned = name.strip().rstrip(".").lower()
    if not cleaned:
        raise UnicodeError("empty host name")
    return cleaned.encode("idna").decode("ascii")


def _ip_address(name: str) -> _IPAddress | None:
    try:
        return ipaddress.ip_address(name.strip().removeprefix("[").removesuffix("]"))
    except ValueError:
        return None


def _lan_ipv4_addresses(hostname: str) -> list[ipaddress.IPv4Address]:
    """This machine's non-loopback IPv4 addresses, as far as they can be found without traffic."""
    found: list[ipaddress.IPv4Address] = []
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(hostname, None, socket.AF_INET):
            found.append(ipaddress.IPv4Address(info[4][0]))
    # Connecting a UDP socket sends nothing; it only picks the interface of the default route.
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never a real host
        found.append(ipaddress.IPv4Address(probe.getsockname()[0]))
    return [a for a in found if not (a.is_loopback or a.is_unspecified or a.is_link_local)]


def _unique(items: Iterable[_T]) -> list[_T]:
    return list(dict.fromkeys(items))


def _write_atomically(path: Path, data: bytes, mode: int) -> None:
    """Write ``path`` so that a crash leaves either the old file or the new one, never a torn one."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.chmod(tmp, mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    # The rename is durable only once the folder's entry is on disk; Windows cannot open a
    # folder for this and journals the rename itself.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
