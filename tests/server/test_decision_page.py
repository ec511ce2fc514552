"""The host-decision page: the e-mail link opened on a phone, accept or decline, in the host's language."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.decision_token import sign_decision
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver, VisitStatus
from kiosk.server.decision_page import NOTE_MAX_CHARS, decision_router, page_language
from kiosk.services.audit import Actor
from kiosk.services.checkin import WITHDRAWN_NOTE
from kiosk.storage.models import AuditEvent, Visit, WatchlistEntry
from tests.conftest import FixedClock

KEY = bytes(range(32))
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}
CHINESE = {"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}
ID_NUMBER = "11010519491231002X"
MOBILE = "13912345678"
CJK = re.compile(r"[\u4e00-\u9fff]")


def decision_app(app: KioskApp) -> FastAPI:
    web = FastAPI()
    web.include_router(decision_router(app.checkin, KEY))
    return web


@pytest.fixture
def client(app: KioskApp) -> Iterator[TestClient]:
    with TestClient(decision_app(app)) as test_client:
        yield test_client


def pending_visit(app: KioskApp, party_size: int = 2, company: str = "华南数据科技") -> int:
    host_id = next(h.host_id for h in app.directory.search("王芳") if h.name == "王芳")
    request = CheckInRequest(
        "张三",
        host_id,
        company,
        party_size=party_size,
        mobile=MOBILE,
        id_type="resident_id",
        id_number=ID_NUMBER,
        declaration_accepted=True,
    )
    return app.checkin.check_in(request, app.actor).visit_id


def link(app: KioskApp, visit_id: int, action: str = "accept") -> str:
    return sign_decision(KEY, visit_id, action, app.checkin.clock.now() + timedelta(minutes=30))


def text_of(page: str) -> str:
    """What a person reads: the body's text, tags and the style sheet left out."""
    body = page.split("<body>", 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_link_shows_the_masked_visitor_and_one_accept_button(app: KioskApp, client: TestClient) -> None:
    visit_id = pending_visit(app)
    response = client.get("/decide", params={"token": link(app, visit_id)}, headers=ENGLISH)
    assert response.status_code == 200
    page = response.text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    shown = text_of(page)
    assert "张*" in shown and "张三" not in page
    assert "华南数据科技" in shown and "2 people" in shown
    assert "10:00 (just now)" in shown  # the clock stands at 10:00 Shanghai, the check-in too
    assert "王芳" in shown
    assert page.count("<button") == 1 and 'class="accept"' in page and "<textarea" not in page
    assert "Will you see this visitor?" in shown and ">Accept<" in page
    # Nothing that identifies the visitor beyond the masked name.
    assert ID_NUMBER not in page and ID_NUMBER[-4:] not in page and MOBILE not in page
    # Never cached, never framed, no address passed on, no source but the page's own style.
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "http" not in page.split("<body>")[0]  # no external assets


def test_opening_the_link_decides_nothing(app: KioskApp, client: TestClient) -> None:
    visit_id = pending_visit(app)
    client.get("/decide", params={"token": link(app, visit_id)})
    assert app.checkin.state(visit_id).status is VisitStatus.PENDING


def test_accept_lets_the_visitor_in_once(app: KioskApp, client: TestClient) -> None:
    visit_id = pending_visit(app)
    token = link(app, visit_id)
    response = client.post("/decide", data={"token": token, "lang": "en"})
    assert response.status_code == 200
    assert "Visitor accepted" in response.text and "getting a badge" in response.text
    state = app.checkin.state(visit_id)
    assert (state.status, state.approver) == (VisitStatus.ON_SITE, Approver.HOST)
    assert state.badge_number is not None
    with app.database.sessions() as session:
        assert session.get_one(Visit, visit_id).decided_by == "host:email-link"
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == str(visit_id)))
        assert "visit.approved" in list(actions)

    again = client.post("/decide", data={"token": token, "lang": "en"})
    assert again.status_code == 409
    assert "Already decided" in again.text and "already been let in" in again.text
    reopened = client.get("/decide", params={"token": token}, headers=ENGLISH)
    assert reopened.status_code == 409 and "<button" not in reopened.text


def test_second_use_says_already_decided_in_chinese(app: KioskApp, client: TestClient) -> None:
    visit_id = pending_visit(app)
    token = link(app, visit_id)
    assert client.post("/decide", data={"token": token}, headers=CHINESE).status_code == 200
    again = client.post("/decide", data={"token": token}, headers=CHINESE)
    assert again.status_code == 409
    assert "此来访已处理" in again.text and "访客已获准进入" in again.text
    assert "Already" not in again.text


def test_decline_link_asks_for_an_optional_note_and_keeps_it(app: KioskApp, client: TestClient) -> None:
    visit_id = pending_visit(app)
    token = link(app, visit_id, "decline")
    page = client.get("/decide", params={"token": token}, headers=ENGLISH).text
    assert 'class="decline"' in page and ">Decline<" in page and 'name="note"' in page
    assert f'maxlength="{NOTE_MAX_CHARS}"' in page

    response = client.post("/decide", data={"token": token, "note": "In Shenzhen today\x1b, tomorrow?"})
    assert response.status_code == 200
    state = app.checkin.state(visit_id)
    assert state.status is VisitStatus.DECLINED
    assert state.decision_note == "In Shenzhen today, tomorrow?"  # one clean line for the desk


def test_decline_without_a_note_says_the_link_declined(app: KioskApp, client: TestClient) -> None:
    visit_id = pending_visit(app)
    response = client.post("/decide", data={"token": link(app, visit_id, "decline"), "note": ""})
    assert response.status_code == 200 and "已谢绝来访" in response.text
    assert app.checkin.state(visit_id).decision_note == "declined by e-mail link"


def test_too_long_a_note_comes_back_with_the_text_kept(app: KioskApp, client: TestClient) -> None:
    visit_id = pending_visit(app)
    note = "会" * (NOTE_MAX_CHARS + 1)
    response = client.post(
        "/decide", data={"token": link(app, visit_id, "decline"), "note": note, "lang": "zh"}
    )
    assert response.status_code == 400
    assert f"留言最多 {NOTE_MAX_CHARS} 个字" in response.text and note in response.text
    assert app.checkin.state(visit_id).status is VisitStatus.PENDING


def page_words(app: KioskApp, visit_id: int, page: str) -> str:
    """The page's own words: its text without the data it shows (site, visitor, company, host)."""
    state = app.checkin.state(visit_id)
    shown = text_of(page)
    for data in (app.checkin.site.name, "张*", state.company, state.host_name, state.host_department):
        shown = shown.replace(data, " ")
    return shown


def test_the_page_is_in_the_phones_language(app: KioskApp, client: TestClient) -> None:
    visit_id = pending_visit(app, party_size=1)
    token = link(app, visit_id)
    chinese = client.get("/decide", params={"token": token}, headers=CHINESE).text
    assert '<html lang="zh-CN">' in chinese
    shown = page_words(app, visit_id, chinese)
    assert "是否同意接待这位访客？" in shown and "同意接待" in shown and "1 人" in shown
    assert "10:00（刚到）" in shown
    # Not a word of English but the switch to it (a language is named in its own words).
    assert re.findall(r"[A-Za-z]+", shown.replace("English", "")) == []

    english = client.get("/decide", params={"token": token}, headers=ENGLISH).text
    assert '<html lang="en">' in english
    shown = page_words(app, visit_id, english)
    assert "Will you see this visitor?" in shown and "1 person" in shown
    assert CJK.findall(shown.replace("中文", "")) == []


def test_unknown_language_shows_both(app: KioskApp, client: TestClient) -> None:
    token = link(app, pending_visit(app))
    page = client.get("/decide", params={"token": token}, headers={"Accept-Language": "fr-FR"}).text
    assert "同意接待" in page and "Accept" in page and '<span class="alt" lang="en">' in page


def test_language_switch_link_and_form_carry_the_choice(app: KioskApp, client: TestClient) -> None:
    visit_id = pending_visit(app)
    token = link(app, visit_id)
    page = client.get("/decide", params={"token": token}, headers=CHINESE).text
    switch = re.search(r'<a href="([^"]+)"[^>]*>English</a>', page)
    assert switch is not None
    english = client.get(switch.group(1).replace("&amp;", "&"), headers=CHINESE)
    assert english.status_code == 200 and "Will you see this visitor?" in english.text
    assert '<input type="hidden" name="lang" value="en">' in english.text
    result = client.post("/decide", data={"token": token, "lang": "en"}, headers=CHINESE)
    assert "Visitor accepted" in result.text


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("en-US,en;q=0.9,zh-CN;q=0.8", "en"),
        ("fr-FR,fr;q=0.9,en;q=0.5", "en"),
        ("zh-TW", "zh"),
        ("en;q=0.3, zh;q=0.7", "zh"),
        ("zh;q=0, en;q=0.1", "en"),
        ("de, fr", None),
        ("*", None),
        ("", None),
        ("en;q=nan, zh;q=abc", None),
    ],
)
def test_accept_language_picks_the_preferred_of_chinese_and_english(
    header: str, expected: str | None
) -> None:
    assert page_language("", header) == expected


def test_an_explicit_choice_beats_the_browser() -> None:
    assert page_language("en", "zh-CN") == "en"
    assert page_language("ZH", "en") == "zh"
    assert page_language("<script>", "en") == "en"


@given(st.text(max_size=200), st.text(max_size=200))
def test_language_choice_never_fails(explicit: str, header: str) -> None:
    assert page_language(explicit, header) in ("zh", "en", None)


def test_forged_link_is_refused(app: KioskApp, client: TestClient) -> None:
    visit_id = pending_visit(app)
    forged = sign_decision(bytes(32), visit_id, "accept", app.checkin.clock.now() + timedelta(minutes=30))
    for response in (
        client.get("/decide", params={"token": forged}, headers=ENGLISH),
        client.post("/decide", data={"token": forged}, headers=ENGLISH),
        client.get("/decide", headers=ENGLISH),
        client.post("/decide", data={"token": link(app, visit_id)[:-3]}, headers=ENGLISH),
    ):
        assert response.status_code == 403
        assert "This link does not work" in response.text and "Traceback" not in response.text
    assert app.checkin.state(visit_id).status is VisitStatus.PENDING


def test_expired_link_says_so(app: KioskApp, client: TestClient, clock: FixedClock) -> None:
    visit_id = pending_visit(app)
    token = link(app, visit_id)
    clock.advance(minutes=31)
    response = client.post("/decide", data={"token": token}, headers=CHINESE)
    assert response.status_code == 410
    assert "链接已过期" in response.text and "30 分钟" in response.text
    assert app.checkin.state(visit_id).status is VisitStatus.PENDING


def test_unknown_visit_is_not_found(app: KioskApp, client: TestClient) -> None:
    response = client.get("/decide", params={"token": link(app, 999_999)}, headers=ENGLISH)
    assert response.status_code == 404 and "Visit not found" in response.text


def test_visit_the_desk_decided_first_or_the_visitor_withdrew(app: KioskApp, client: TestClient) -> None:
    by_desk = pending_visit(app)
    app.checkin.approve(by_desk, Actor.desk("front-desk"), Approver.DESK, "host phoned, agreed")
    response = client.post("/decide", data={"token": link(app, by_desk)}, headers=ENGLISH)
    assert response.status_code == 409 and "front desk already let the visitor in" in response.text

    withdrawn = pending_visit(app)
    app.checkin.withdraw(withdrawn, app.actor)
    assert app.checkin.state(withdrawn).decision_note == WITHDRAWN_NOTE
    response = client.get("/decide", params={"token": link(app, withdrawn, "decline")}, headers=ENGLISH)
    assert response.status_code == 409 and "cancelled the visit at the kiosk" in response.text


def test_a_watchlist_hold_stays_with_the_front_desk(app: KioskApp, client: TestClient) -> None:
    with app.database.sessions.begin() as session:
        session.add(
            WatchlistEntry(
                name="张三",
                company="华南数据科技",
                reason="寻衅闹事",
                added_by="staff:1",
                added_at=app.checkin.clock.now(),
            )
        )
    held = pending_visit(app)
    assert app.checkin.state(held).status is VisitStatus.HELD
    for action in ("accept", "decline"):
        response = client.post("/decide", data={"token": link(app, held, action)}, headers=ENGLISH)
        assert response.status_code == 409 and "The front desk is handling this visit" in response.text
        assert "寻衅闹事" not in response.text and "watchlist" not in response.text.lower()
    # Not turned away by the host's decline link either: staff must come.
    assert app.checkin.state(held).status is VisitStatus.HELD


def test_requests_no_page_sends_get_a_clear_4xx(app: KioskApp, client: TestClient) -> None:
    visit_id = pending_visit(app)
    token = link(app, visit_id)
    put = client.put("/decide", data={"token": token}, headers=ENGLISH)
    assert put.status_code == 405 and put.headers["allow"] == "GET, POST"
    as_json = client.post("/decide", json={"token": token})
    assert as_json.status_code == 415
    huge = client.post("/decide", data={"token": token, "note": "x" * 20_000})
    assert huge.status_code == 413
    for body in (f"token={token}&token={token}", "token=%FF%FE", "&".join(f"f{i}=1" for i in range(50))):
        response = client.post(
            "/decide", content=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        assert response.status_code == 400, body
        assert "text/html" in response.headers["content-type"]
    assert app.checkin.state(visit_id).status is VisitStatus.PENDING


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_posted_body_gets_a_page_never_a_server_error(
    app: KioskApp, client: TestClient, body: bytes
) -> None:
    response = client.post(
        "/decide", content=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert 400 <= response.status_code < 500 and "text/html" in response.headers["content-type"]


def test_visitor_text_is_escaped(app: KioskApp, client: TestClient) -> None:
    token = link(app, pending_visit(app, company='R&D <script>alert("x")</script>'))
    page = client.get("/decide", params={"token": token}, headers=ENGLISH).text
    assert "<script>" not in page and "R&amp;D &lt;script&gt;" in page


# --- the real thing: a phone-sized headless Chromium against uvicorn --------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOT = Path("/tmp/decision-page-390x844.png")


@pytest.fixture
def served(app: KioskApp) -> Iterator[str]:
    """The decision page behind a real uvicorn on a free loopback port, in a thread."""
    import uvicorn

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(decision_app(app), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 5
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    server.should_exit = True
    thread.join(5)
    listener.close()


@pytest.mark.one_database(
    "sqlite", reason="the phone's browser, end to end; what it decides is tested on both databases above"
)
@pytest.mark.heavy
def test_host_accepts_on_a_phone(app: KioskApp, served: str, printer: FakePrinter, tmp_path: Path) -> None:
    # Both come with the project's own set-up (pyproject's test extra, debian-packages-test.txt):
    # missing, they fail the test rather than skip it.
    import playwright.sync_api as playwright_api

    assert Path(CHROMIUM).exists(), "Chromium is not installed (installer/debian-packages-test.txt)"
    visit_id = pending_visit(app)
    address = f"{served}/decide?token={link(app, visit_id)}"
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",  # as root in the test container
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            phone = browser.new_context(
                viewport={"width": 390, "height": 844},
                device_scale_factor=2,
                is_mobile=True,
                has_touch=True,
                locale="zh-CN",
            )
            page = phone.new_page()
            page.goto(address)
            assert page.locator("#visitor").inner_text() == "张*"
            button = page.locator("#decide")
            assert button.inner_text() == "同意接待"
            box = button.bounding_box()
            assert box is not None and box["height"] >= 48 and box["width"] >= 300  # a thumb's target
            assert box["y"] + box["height"] <= 844  # on the first screen, no scrolling
            # Laid out for the phone: nothing wider than the screen.
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
            shot = tmp_path / "decision-page-390x844.png"
            page.screenshot(path=str(shot))
            shutil.copyfile(shot, SCREENSHOT)

            button.tap()
            page.wait_for_selector("#result")
            assert "已同意接待" in page.locator("h1").inner_text()
            page.screenshot(path=str(tmp_path / "decision-page-accepted.png"))
        finally:
            browser.close()
    # The kiosk's waiting screen moves on: the visit is in, its badge printed.
    state = app.checkin.state(visit_id)
    assert (state.status, state.approver) == (VisitStatus.ON_SITE, Approver.HOST)
    assert state.badge_number is not None and len(printer.documents) == 1
