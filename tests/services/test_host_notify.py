"""Asking the host by e-mail, and the host answering through the link."""

from __future__ import annotations

import email
import socketserver
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import Message
from pathlib import Path
from typing import ClassVar

import pytest
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st

from kiosk.app import KioskApp
from kiosk.domain.decision_token import DecisionTokenError, sign_decision, verify_decision
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import VisitStatus
from kiosk.server.decision_page import decision_router
from kiosk.server.run import ThreadedServer, bind
from kiosk.server.serving import uvicorn_config
from kiosk.services.host_notify import SmtpHostNotifier, SmtpSettings
from kiosk.services.site_keys import load_or_create_key
from tests.conftest import FixedClock

KEY = bytes(range(32))
NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


def test_token_round_trip_and_expiry() -> None:
    token = sign_decision(KEY, 42, "accept", NOW + timedelta(minutes=30))
    decision = verify_decision(KEY, token, NOW)
    assert (decision.visit_id, decision.action) == (42, "accept")
    with pytest.raises(DecisionTokenError, match="expired"):
        verify_decision(KEY, token, NOW + timedelta(minutes=31))
    with pytest.raises(DecisionTokenError, match="not issued here"):
        verify_decision(bytes(32), token, NOW)


@given(st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=255))
def test_any_altered_byte_is_refused(position: int, value: int) -> None:
    import base64

    token = sign_decision(KEY, 7, "decline", NOW + timedelta(minutes=5))
    raw = bytearray(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    index = position % len(raw)
    if raw[index] == value:
        return
    raw[index] = value
    altered = base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")
    with pytest.raises(DecisionTokenError):
        verify_decision(KEY, altered, NOW)


@given(st.text(max_size=80))
def test_garbage_tokens_raise_only_token_errors(text: str) -> None:
    with pytest.raises(DecisionTokenError):
        verify_decision(KEY, text, NOW)


def test_site_key_is_private_and_stable(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "k.key"
    first = load_or_create_key(path)
    assert load_or_create_key(path) == first and len(first) == 32
    assert path.stat().st_mode & 0o777 == 0o600


class FakeSmtp(socketserver.StreamRequestHandler):
    """Just enough SMTP to receive one message on loopback."""

    received: ClassVar[list[Message]] = []

    def handle(self) -> None:
        self.wfile.write(b"220 test ESMTP\r\n")
        data: list[bytes] = []
        in_data = False
        for line in self.rfile:
            if in_data:
                if line in (b".\r\n", b".\n"):
                    in_data = False
                    FakeSmtp.received.append(email.message_from_bytes(b"".join(data)))
                    self.wfile.write(b"250 queued\r\n")
                else:
                    data.append(line[1:] if line.startswith(b"..") else line)
                continue
            verb = line[:4].upper()
            if verb == b"EHLO":
                self.wfile.write(b"250-test\r\n250 8BITMIME\r\n")
            elif verb == b"DATA":
                in_data = True
                self.wfile.write(b"354 go on\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@pytest.fixture
def smtp_server() -> Iterator[int]:
    FakeSmtp.received = []
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), FakeSmtp)
    # shutdown() waits for the loop's next look at its flag: half a second at the default interval.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def pending_visit(app: KioskApp, host: str = "王芳") -> tuple[int, int]:
    host_id = app.directory.search(host)[0].host_id
    with app.database.sessions.begin() as session:
        from kiosk.storage.models import Host

        session.get_one(Host, host_id).email = "wangfang@example.com"
    result = app.checkin.check_in(
        CheckInRequest("张三", host_id, "华南数据", declaration_accepted=True), app.actor
    )
    return result.visit_id, host_id


def test_host_gets_a_bilingual_mail_with_working_links(
    app: KioskApp, clock: FixedClock, smtp_server: int
) -> None:
    settings = SmtpSettings.from_url(f"smtp://127.0.0.1:{smtp_server}", "lobby@example.com")
    decisions, port = serve_decisions(app)
    try:
        notifier = SmtpHostNotifier(settings, f"http://127.0.0.1:{port}", KEY, clock, "示例大厦")
        app.checkin.notifiers.append(notifier)
        visit_id, _ = pending_visit(app)
        [mail] = FakeSmtp.received
        assert mail["To"] == "wangfang@example.com"
        body = mail.get_payload(decode=True).decode(mail.get_content_charset() or "utf-8")
        assert "张三（华南数据）" in body and "Accept:" in body and "同意接待" in body
        accept = next(line.split(" ", 1)[1] for line in body.splitlines() if line.startswith("Accept: "))

        # Opening the link only asks; nothing is decided by a GET (mail scanners follow links).
        page = urllib.request.urlopen(accept, timeout=5).read().decode()
        assert 'id="visitor">张*<' in page and 'id="decide"' in page
        assert app.checkin.state(visit_id).status is VisitStatus.PENDING

        token = urllib.parse.parse_qs(urllib.parse.urlsplit(accept).query)["token"][0]
        form = urllib.parse.urlencode({"token": token}).encode()
        done = urllib.request.urlopen(f"http://127.0.0.1:{port}/decide", data=form, timeout=5).read()
        assert 'id="result"' in done.decode()
        assert app.checkin.state(visit_id).status is VisitStatus.ON_SITE

        # The same link again: already decided, said plainly.
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/decide", data=form, timeout=5)
        assert info.value.code == 409
    finally:
        decisions.stop()


def test_forged_link_is_refused(app: KioskApp) -> None:
    visit_id, _ = pending_visit(app)
    decisions, port = serve_decisions(app)
    try:
        forged = sign_decision(bytes(32), visit_id, "accept", NOW + timedelta(minutes=10))
        form = urllib.parse.urlencode({"token": forged}).encode()
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/decide", data=form, timeout=5)
        assert info.value.code == 403
        assert app.checkin.state(visit_id).status is VisitStatus.PENDING
    finally:
        decisions.stop()


def serve_decisions(app: KioskApp) -> tuple[ThreadedServer, int]:
    """The hosts' decision page as the site server serves it (real uvicorn on loopback)."""
    page = FastAPI()
    page.include_router(decision_router(app.checkin, KEY))
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    return ThreadedServer(uvicorn_config(page, "127.0.0.1", port), sock).start(), port


def test_host_without_email_is_left_to_the_desk(app: KioskApp, clock: FixedClock) -> None:
    settings = SmtpSettings.from_url("smtp://127.0.0.1:1", "lobby@example.com")  # nothing listens
    app.checkin.notifiers.append(SmtpHostNotifier(settings, "http://desk:8088", KEY, clock, "x"))
    host_id = app.directory.search("李四")[0].host_id
    result = app.checkin.check_in(CheckInRequest("张三", host_id, declaration_accepted=True), app.actor)
    assert result.status is VisitStatus.PENDING


def test_smtp_urls() -> None:
    s = SmtpSettings.from_url("smtps://a%40b.com:p%3Aw@mail.example", "x@y")
    assert (s.host, s.port, s.use_tls, s.username, s.password) == (
        "mail.example",
        465,
        True,
        "a@b.com",
        "p:w",
    )
    assert SmtpSettings.from_url("smtp://mail.example:587?starttls=true", "x@y").starttls
    with pytest.raises(ValueError):
        SmtpSettings.from_url("http://mail.example", "x@y")
