"""The page a host's e-mail link opens: see who is waiting, then accept or decline.

Opening the link only shows the question; the decision is a POST from the page's button, so mail
scanners that follow links cannot accept a visitor by themselves.
"""

from __future__ import annotations

import html
import logging
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from kiosk.domain.decision_token import DecisionTokenError, verify_decision
from kiosk.domain.errors import ValidationError
from kiosk.domain.visit import Approver
from kiosk.domain.visitor import mask_name
from kiosk.services.audit import Actor
from kiosk.services.checkin import CheckInService

log = logging.getLogger(__name__)


class DecisionServer:
    """Serves /decide on ``host:port`` in a background thread until :meth:`close`."""

    def __init__(self, checkin: CheckInService, key: bytes, host: str, port: int) -> None:
        self._checkin = checkin
        self._key = key
        handler = self._handler_class()
        self._server = ThreadingHTTPServer((host, port), handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="decision-page", daemon=True)

    def start(self) -> DecisionServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer._get(self)

            def do_POST(self) -> None:
                outer._post(self)

            def log_message(self, format: str, *args: object) -> None:
                log.debug("decision page: " + format, *args)

        return Handler

    def _token(self, request: BaseHTTPRequestHandler, body: str = "") -> str:
        query = parse_qs(urlsplit(request.path).query)
        form = parse_qs(body)
        return (form.get("token") or query.get("token") or [""])[0]

    def _get(self, request: BaseHTTPRequestHandler) -> None:
        if urlsplit(request.path).path != "/decide":
            _reply(request, HTTPStatus.NOT_FOUND, "Not found / 页面不存在")
            return
        token = self._token(request)
        try:
            decision = verify_decision(self._key, token, self._checkin.clock.now())
            state = self._checkin.state(decision.visit_id)
        except (DecisionTokenError, ValidationError) as exc:
            _reply(request, HTTPStatus.FORBIDDEN, f"This link cannot be used / 此链接无法使用: {exc}")
            return
        verb = "Accept / 同意接待" if decision.action == "accept" else "Decline / 谢绝来访"
        _reply(
            request,
            HTTPStatus.OK,
            f"{html.escape(mask_name(state.visitor_name))} is waiting in the lobby / 正在大堂等候",
            form=f'<form method="post" action="/decide"><input type="hidden" name="token" value="{html.escape(token)}">'
            f'<button type="submit" id="confirm" style="font-size:2em">{verb}</button></form>',
        )

    def _post(self, request: BaseHTTPRequestHandler) -> None:
        length = min(int(request.headers.get("Content-Length") or 0), 4096)
        body = request.rfile.read(length).decode("utf-8", errors="replace")
        try:
            decision = verify_decision(self._key, self._token(request, body), self._checkin.clock.now())
            state = self._checkin.state(decision.visit_id)
            host = Actor("host", "email-link")
            if decision.action == "accept":
                self._checkin.approve(decision.visit_id, host, Approver.HOST, "accepted by e-mail link")
                text = "Thank you: the visitor is let in and gets a badge. / 已同意，访客将领取访客证。"
            else:
                self._checkin.decline(decision.visit_id, host, "declined by e-mail link")
                text = "The visitor is told politely. / 已谢绝，前台会礼貌告知访客。"
        except DecisionTokenError as exc:
            _reply(request, HTTPStatus.FORBIDDEN, f"This link cannot be used / 此链接无法使用: {exc}")
            return
        except ValidationError as exc:
            # Most often: the desk decided first after phoning. Say so rather than fail.
            _reply(request, HTTPStatus.CONFLICT, f"Already decided / 已处理 ({exc.code})")
            return
        log.info("host decision by link: visit %s %s", state.visit_id, decision.action)
        _reply(request, HTTPStatus.OK, text)


def _reply(request: BaseHTTPRequestHandler, status: HTTPStatus, message: str, form: str = "") -> None:
    page = (
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Lobby Kiosk</title><body style='font-family:sans-serif;padding:2em'>"
        f"<p id='message' style='font-size:1.5em'>{html.escape(message) if not form else message}</p>{form}</body></html>"
    ).encode()
    request.send_response(status)
    request.send_header("Content-Type", "text/html; charset=utf-8")
    request.send_header("Content-Length", str(len(page)))
    request.send_header("Cache-Control", "no-store")
    request.end_headers()
    request.wfile.write(page)
