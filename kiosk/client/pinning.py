"""A station trusts its site server's own certificate, pinned at enrolment, and nothing else.

The server makes a self-signed certificate at first start. A station reaches it by an IP
address or a name the certificate may not carry, so host names are not checked: the pinned
certificate is the server's identity, and a TLS context that trusts only it (chain verified,
``CERT_REQUIRED``) refuses every other server, even one with a certificate from a public CA.

Enrolment (``kiosk enrol URL CODE``) is the one moment the station does not know the
certificate yet. It takes what the server presents with :func:`fetch_server_certificate`
(unverified), then exchanges its one-time enrolment code over a connection that trusts that
certificate. The code is the shared secret that authenticates the exchange: the server's
answer carries its certificate's fingerprint, and the station stores the certificate only if
:func:`certificate_fingerprint` of what it fetched equals that fingerprint. A machine in the
middle cannot know the code, so it cannot give a matching answer; without that comparison the
fetched certificate must not be trusted.
"""

from __future__ import annotations

import hashlib
import hmac
import socket
import ssl
from urllib.parse import urlsplit

PEM_HEADER = b"-----BEGIN CERTIFICATE-----"
FETCH_TIMEOUT_S = 10.0


def pinned_context(cert_pem: bytes) -> ssl.SSLContext:
    """A client TLS context (TLS 1.2 or later) that trusts exactly the certificate ``cert_pem``.

    Raises ValueError if ``cert_pem`` is not exactly one PEM certificate.
    """
    if cert_pem.count(PEM_HEADER) != 1:
        raise ValueError("The pinned server certificate must be exactly one PEM certificate")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    # The pin is the identity (see the module docstring); check_hostname must go off before
    # verify_mode could be lowered, and verify_mode stays CERT_REQUIRED.
    context.check_hostname = False
    context.verify_mode = ssl.CERT_REQUIRED
    try:
        context.load_verify_locations(cadata=cert_pem.decode("ascii"))
    except (UnicodeDecodeError, ssl.SSLError) as exc:
        raise ValueError(f"The pinned server certificate cannot be read: {exc}") from exc
    return context


def fetch_server_certificate(url: str, timeout: float = FETCH_TIMEOUT_S) -> bytes:
    """The certificate (PEM) the server at ``url`` presents, taken WITHOUT verifying it.

    Only for enrolment, and only trusted once the authenticated enrolment answer confirms its
    fingerprint (see the module docstring). Raises ValueError for a URL that is not https,
    OSError if the server cannot be reached or does not speak TLS.
    """
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError(f"{url!r} is not an https:// address of a site server")
    host, port = parts.hostname, parts.port or 443
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with (
        socket.create_connection((host, port), timeout=timeout) as raw,
        # An IP address given as server_hostname is not sent as SNI; a name is.
        context.wrap_socket(raw, server_hostname=host) as tls,
    ):
        der = tls.getpeercert(binary_form=True)
    if der is None:  # pragma: no cover - a TLS server always presents one with these ciphers
        raise ssl.SSLError(f"{host}:{port} presented no certificate")
    return ssl.DER_cert_to_PEM_cert(der).encode("ascii")


def certificate_fingerprint(cert_pem: bytes) -> str:
    """SHA-256 of the certificate's DER, lower-case hex: what the server's enrolment answer carries."""
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(cert_pem.decode("ascii"))).hexdigest()


def fingerprint_matches(cert_pem: bytes, fingerprint: str) -> bool:
    """Whether ``cert_pem`` is the certificate with ``fingerprint`` (hex, any case, colons allowed)."""
    wanted = fingerprint.replace(":", "").lower()
    return hmac.compare_digest(certificate_fingerprint(cert_pem).encode(), wanted.encode())
