"""Asking the host where they read: WeCom and DingTalk group robots and an SMS gateway, received
by a real HTTP server on loopback; which channel reaches which host; a refusal left to the desk."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kiosk.app import KioskApp
from kiosk.config import ConfigError, load_config
from kiosk.domain.decision_token import verify_decision
from kiosk.domain.notify import ChannelSettings, NotifyChannel
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import VisitStatus
from kiosk.server.decision_page import decision_router
from kiosk.services.host_channels import (
    FakeSmsGateway,
    HostChannelNotifier,
    HttpSmsGateway,
    NotifyError,
)
from kiosk.services.host_contact import HostContact
from kiosk.storage.models import Host
from tests.conftest import FixedClock

KEY = bytes(range(32))
SECRET = "SEC0123456789abcdef"
ID_NUMBER = "11010519491231002X"
HOST_MOBILE = "13800138001"


@dataclass
class Received:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


@dataclass
class Robot:
    """What the loopback server got, and what it answers next."""

    url: str
    received: list[Received] = field(default_factory=list)
    answer: dict[str, object] = field(default_factory=lambda: {"errcode": 0, "errmsg": "ok"})


class _Handler(BaseHTTPRequestHandler):
    robot: ClassVar[Robot]

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        parts = urlsplit(self.path)
        self.robot.received.append(
            Received(
                parts.path,
                parse_qs(parts.query),
                {k.lower(): v for k, v in self.headers.items()},
                json.loads(self.rfile.read(length).decode("utf-8")),
            )
        )
        answer = json.dumps(self.robot.answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def robot() -> Iterator[Robot]:
    handler = type("Handler", (_Handler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.robot = Robot(f"http://127.0.0.1:{server.server_address[1]}")
    # shutdown() waits for the loop's next look at its flag: half a second at the default interval.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield handler.robot
    server.shutdown()
    server.server_close()


def notifier(
    clock: FixedClock, sms: FakeSmsGateway | HttpSmsGateway | None = None, **settings: Any
) -> HostChannelNotifier:
    return HostChannelNotifier(
        ChannelSettings(**settings), "https://lobby.example", KEY, clock, "示例大厦", sms=sms
    )


def check_in(app: KioskApp, host: str = "王芳", **own: object) -> int:
    """A visitor with an ID card for ``host``, whose directory row gets a mobile and ``own``."""
    host_id = next(h.host_id for h in app.directory.search(host) if h.name == host)
    with app.database.sessions.begin() as session:
        row = session.get_one(Host, host_id)
        row.mobile = HOST_MOBILE
        for name, value in own.items():
            setattr(row, name, value)
    request = CheckInRequest(
        "张三",
        host_id,
        "华南数据",
        mobile="13912345678",
        id_type="resident_id",
        id_number=ID_NUMBER,
        declaration_accepted=True,
    )
    return app.checkin.check_in(request, app.actor).visit_id


def links_in(text: str) -> list[str]:
    return re.findall(r"https?://\S+", text)


def test_wecom_robot_mentions_the_host_with_the_visitor_masked_and_working_links(
    app: KioskApp, clock: FixedClock, robot: Robot
) -> None:
    app.checkin.notifiers.append(
        notifier(clock, channel=NotifyChannel.WECOM, wecom_url=f"{robot.url}/wecom?key=k1")
    )
    visit_id = check_in(app)
    [post] = robot.received
    assert post.path == "/wecom" and post.query == {"key": ["k1"]}
    assert post.headers["content-type"].startswith("application/json")
    assert post.body["msgtype"] == "text"
    content = post.body["text"]["content"]
    assert post.body["text"]["mentioned_mobile_list"] == [HOST_MOBILE]
    # The group reads it: the visitor masked as on the decision page; never an ID number.
    assert "张*（华南数据）" in content and "王芳" in content and "张三" not in content
    assert ID_NUMBER not in content and ID_NUMBER[-4:] not in content
    accept, decline = links_in(content)
    assert accept.startswith("https://lobby.example/decide?token=")
    for link, action in ((accept, "accept"), (decline, "decline")):
        token = parse_qs(urlsplit(link).query)["token"][0]
        decision = verify_decision(KEY, token, clock.now())
        assert (decision.visit_id, decision.action) == (visit_id, action)


def test_dingtalk_robot_url_is_signed_and_the_host_mentioned(
    app: KioskApp, clock: FixedClock, robot: Robot
) -> None:
    app.checkin.notifiers.append(
        notifier(
            clock,
            channel=NotifyChannel.DINGTALK,
            dingtalk_url=f"{robot.url}/robot/send?access_token=t1",
            dingtalk_secret=SECRET,
        )
    )
    check_in(app)
    [post] = robot.received
    timestamp = post.query["timestamp"][0]
    assert int(timestamp) == int(clock.now().timestamp() * 1000)
    expected = hmac.new(SECRET.encode(), f"{timestamp}\n{SECRET}".encode(), hashlib.sha256).digest()
    assert base64.b64decode(post.query["sign"][0]) == expected  # parse_qs undid the URL-encoding
    assert post.query["access_token"] == ["t1"]
    assert post.body["msgtype"] == "text"
    assert post.body["at"] == {"atMobiles": [HOST_MOBILE], "isAtAll": False}
    assert post.body["text"]["content"].endswith(f"@{HOST_MOBILE}")
    assert "张*" in post.body["text"]["content"]


def test_a_robot_refusal_is_logged_and_the_visit_waits_for_the_desk(
    app: KioskApp, clock: FixedClock, robot: Robot, caplog: pytest.LogCaptureFixture
) -> None:
    robot.answer = {"errcode": 310000, "errmsg": "sign not match"}
    app.checkin.notifiers.append(
        notifier(
            clock, channel=NotifyChannel.DINGTALK, dingtalk_url=f"{robot.url}/robot/send?access_token=t1"
        )
    )
    with caplog.at_level(logging.ERROR):
        visit_id = check_in(app)
    assert app.checkin.state(visit_id).status is VisitStatus.PENDING
    [record] = [r for r in caplog.records if "notifying host" in r.getMessage()]
    assert record.exc_info is not None and "errcode 310000" in str(record.exc_info[1])
    assert "access_token" not in caplog.text  # the robot's token is never logged


def test_the_host_s_own_channel_comes_before_the_site_s(
    app: KioskApp, clock: FixedClock, robot: Robot
) -> None:
    sms = FakeSmsGateway()
    app.checkin.notifiers.append(
        notifier(clock, sms, channel=NotifyChannel.WECOM, wecom_url=f"{robot.url}/site")
    )
    visit_id = check_in(app, notify_channel=NotifyChannel.SMS)
    assert robot.received == []
    [(mobile, text)] = sms.sent
    assert mobile == HOST_MOBILE  # no address of their own: the directory's mobile
    # Short, one link, whose page offers both answers.
    [link] = links_in(text)
    assert len(text) < 160 and "张三" in text
    token = parse_qs(urlsplit(link).query)["token"][0]
    assert verify_decision(KEY, token, clock.now()).action == "choose"
    # A host's own robot (their department's group) is posted as it is, without the site's secret.
    check_in(app, "李四", notify_channel=NotifyChannel.WECOM, notify_address=f"{robot.url}/own?key=dept")
    [post] = robot.received
    assert post.path == "/own" and "sign" not in post.query
    assert visit_id


def test_a_channel_that_cannot_reach_the_host_falls_back_to_the_site_s(clock: FixedClock) -> None:
    site = notifier(clock, None, channel=NotifyChannel.WECOM, wecom_url="https://qyapi.example/send?key=s")
    sms_host = HostContact(1, "王芳", None, HOST_MOBILE, NotifyChannel.SMS, None)
    route = site.route(sms_host)  # no SMS gateway on this site
    assert route is not None and route.channel is NotifyChannel.WECOM
    nobody = notifier(clock, None)  # e-mail, but no mail server: the desk phones
    assert nobody.route(sms_host) is None


def test_the_sms_link_page_offers_both_answers_and_records_the_one_tapped(
    app: KioskApp, clock: FixedClock
) -> None:
    sms = FakeSmsGateway()
    app.checkin.notifiers.append(notifier(clock, sms, channel=NotifyChannel.SMS))
    visit_id = check_in(app)
    [(_mobile, text)] = sms.sent
    [link] = links_in(text)
    token = parse_qs(urlsplit(link).query)["token"][0]
    web = FastAPI()
    web.include_router(decision_router(app.checkin, KEY))
    with TestClient(web) as client:
        page = client.get("/decide", params={"token": token}, headers={"Accept-Language": "zh-CN"}).text
        assert page.count("<button") == 2 and 'class="accept"' in page and 'class="decline"' in page
        assert client.post("/decide", data={"token": token}).status_code == 400  # which answer?
        done = client.post("/decide", data={"token": token, "choice": "decline", "note": "今天不在"})
        assert done.status_code == 200
    state = app.checkin.state(visit_id)
    assert state.status is VisitStatus.DECLINED and state.decision_note == "今天不在"


def test_the_http_sms_gateway_fills_its_template_safely(robot: Robot) -> None:
    gateway = HttpSmsGateway(
        f"{robot.url}/sms/{{mobile}}?sign=lobby",
        '{"phone": "{mobile}", "content": "{text}", "template": "T1", "params": ["{text}"]}',
        token="tok",
    )
    text = 'He said "hi" \\ bye'
    gateway.send_sms(HOST_MOBILE, text)
    [post] = robot.received
    assert post.path == f"/sms/{HOST_MOBILE}" and post.query == {"sign": ["lobby"]}
    assert post.headers["authorization"] == "Bearer tok"
    assert post.body == {"phone": HOST_MOBILE, "content": text, "template": "T1", "params": [text]}


def test_an_unreachable_sms_gateway_raises_for_the_check_in_to_log() -> None:
    gateway = HttpSmsGateway("http://127.0.0.1:1/sms", '{"text": "{text}"}', timeout_s=1)
    with pytest.raises(NotifyError, match="unreachable"):
        gateway.send_sms(HOST_MOBILE, "x")


def test_the_directory_import_sets_a_host_s_channel(app: KioskApp, clock: FixedClock, robot: Robot) -> None:
    sheet = (
        "姓名,部门,手机,邮箱,通知方式,通知地址\n"
        f"司马青,财务部,{HOST_MOBILE},,钉钉,{robot.url}/finance?access_token=f\n"
        "欧阳青,财务部,,,短信,\n"
        "上官青,财务部,,,微信,\n"
    ).encode()
    report = app.directory.import_file(sheet, "directory.csv", app.actor, skip_bad_rows=True)
    assert report.added == 2 and [bad.line for bad in report.bad_rows] == [4]
    app.checkin.notifiers.append(notifier(clock))
    check_in(app, "司马青")
    [post] = robot.received
    assert post.path == "/finance" and post.body["at"]["atMobiles"] == [HOST_MOBILE]


def test_the_site_s_channel_needs_its_address(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[notify]\nchannel = "wecom"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"notify\.channel.*wecom_url"):
        load_config(config)
    config.write_text(
        '[notify]\nsms_url = "https://sms.example/send"\nsms_body = \'["{text}"]\'\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"notify\.sms_body"):
        load_config(config)
    config.write_text(
        '[notify]\nchannel = "dingtalk"\ndingtalk_url = "https://oapi.dingtalk.com/robot/send?access_token=t"\n'
        'dingtalk_secret = "SECx"\ndecision_url = "https://lobby.example"\n',
        encoding="utf-8",
    )
    loaded = load_config(config)
    assert loaded.asks_hosts and loaded.notify.channel is NotifyChannel.DINGTALK
