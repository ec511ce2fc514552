"""The host-decision page: the link in the host's e-mail, opened on their phone.

``GET /decide?token=...`` shows who is waiting and one button, accept or decline as the token
says; ``POST /decide`` records it. Opening the link never decides by itself, so a mail scanner
that follows links cannot let a visitor in. The signed token is the only credential and travels
in the form body, so another site cannot forge the post without the token itself (no cookie,
nothing ambient to ride on): CSRF-safe without a CSRF token.

The page speaks the host's language. The host record keeps none and the e-mail is bilingual, so
the phone says it: ``lang`` in the link or form (the page's own language switch) first, else the
browser's Accept-Language; when neither names Chinese or English the page shows both.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from kiosk.domain.decision_token import (
    Decision,
    DecisionTokenError,
    ExpiredDecisionTokenError,
    verify_decision,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import VisitState
from kiosk.domain.visit import Approver, VisitStatus
from kiosk.domain.visitor import mask_name
from kiosk.domain.visitor_kinds import ApprovalWay
from kiosk.services.audit import Actor
from kiosk.services.checkin import WITHDRAWN_NOTE, CheckInService
from kiosk.services.host_notify import LINK_LIFETIME

log = logging.getLogger(__name__)

Language = Literal["zh", "en"]
# Who decided, in the audit trail and on the visit (as the stdlib page recorded it).
HOST_BY_LINK = Actor("host", "email-link")
# The duty officer's own link (kiosk.services.duty_officer): decides as the duty officer.
DUTY_OFFICER_BY_LINK = Actor("duty_officer", "link")
NOTE_MAX_CHARS = 200  # visits.decision_note
FORM_MAX_BYTES = 8 * 1024  # a token, a language and a 200-character note, percent-encoded
_FORM_FIELDS = ("token", "lang", "note", "choice")

# Every word the page shows, Chinese then English, in one place.
_TEXT: dict[str, tuple[str, str]] = {
    "title": ("访客到访", "Visitor for you"),
    "waiting": ("正在大堂等候", "is waiting in the lobby"),
    "company": ("单位", "Company"),
    "company_none": ("未填写", "Not given"),
    "party": ("人数", "Party"),
    "party_one": ("{n} 人", "1 person"),
    "party_many": ("{n} 人", "{n} people"),
    "arrived": ("到达", "Arrived"),
    "arrived_now": ("{time}（刚到）", "{time} (just now)"),
    "arrived_ago": ("{time}（已等候 {minutes} 分钟）", "{time} ({minutes} min ago)"),
    "visiting": ("拜访", "Visiting"),
    "accept_question": ("是否同意接待这位访客？", "Will you see this visitor?"),
    "accept_button": ("同意接待", "Accept"),
    "accept_other": (
        "如需谢绝，请点通知中的“谢绝来访”链接。",
        "To decline, use the Decline link in the message.",
    ),
    "decline_question": (
        "确定谢绝这位访客吗？前台会礼貌告知。",
        "Decline this visitor? The front desk will tell them politely.",
    ),
    "decline_button": ("谢绝来访", "Decline"),
    "decline_other": (
        "如需接待，请点通知中的“同意接待”链接。",
        "To accept instead, use the Accept link in the message.",
    ),
    # The one link of an SMS: both answers on the page.
    "choose_question": ("是否同意接待这位访客？", "Will you see this visitor?"),
    "choose_other": (
        "如需谢绝，可先在上方给前台留言，再点“谢绝来访”。",
        "To decline, you may first leave a note for the front desk above, then tap Decline.",
    ),
    "note_label": ("给前台的留言（选填）", "Note for the front desk (optional)"),
    "note_placeholder": ("例如：今天在外，请改约明天", "e.g. Out today, please come tomorrow"),
    "note_too_long": (
        "留言最多 {max} 个字，请删减。",
        "The note can have at most {max} characters; please shorten it.",
    ),
    "valid_until": ("此链接 {time} 前有效。", "This link works until {time}."),
    "accepted_title": ("已同意接待", "Visitor accepted"),
    "accepted_text": (
        "访客正在自助机领取访客证，随后前来拜访您。",
        "The visitor is getting a badge at the kiosk and will come to you.",
    ),
    "declined_title": ("已谢绝来访", "Visitor declined"),
    "declined_text": ("前台会礼貌告知访客。", "The front desk will let the visitor know politely."),
    "decided_title": ("此来访已处理", "Already decided"),
    "decided_accepted": (
        "访客已获准进入，无需再操作。",
        "The visitor has already been let in. Nothing more to do.",
    ),
    "decided_by_desk": (
        "前台已代您同意接待，访客已获准进入。",
        "The front desk already let the visitor in for you.",
    ),
    "decided_declined": (
        "此来访已被谢绝，无需再操作。",
        "This visit has already been declined. Nothing more to do.",
    ),
    "decided_withdrawn": ("访客已在自助机取消来访。", "The visitor cancelled the visit at the kiosk."),
    "decided_left": ("访客已离开。", "The visitor has already left."),
    "decided_held": (
        "前台正在处理此来访，如有疑问请致电前台。",
        "The front desk is handling this visit. Call them if you have questions.",
    ),
    # A host's link on a visit the duty officer approves (at night; officials and groups).
    "duty_only_title": ("此来访由值班人员审批", "The duty officer decides on this visit"),
    "duty_only_text": (
        "夜间来访（以及政府部门人员、参观人员）由管理处值班人员审批，此链接不能代为决定。如有疑问请致电前台。",
        "At night, and for government officials and visiting groups, the duty officer at the management "
        "office decides; this link cannot. Call the front desk if you have questions.",
    ),
    "invalid_title": ("链接无效", "This link does not work"),
    "invalid_text": (
        "链接不完整或已被改动。请从通知中重新打开，或致电前台。",
        "The link is incomplete or was changed. Open it again from the message, or call the front desk.",
    ),
    "expired_title": ("链接已过期", "This link has expired"),
    "expired_text": (
        "链接在发出后 {minutes} 分钟内有效。前台会电话联系您。",
        "Links work for {minutes} minutes after they are sent. The front desk will call you.",
    ),
    "unknown_title": ("找不到此来访", "Visit not found"),
    "unknown_text": (
        "此来访记录已不存在。如有疑问请致电前台。",
        "This visit is no longer on record. Call the front desk if you need to.",
    ),
    "bad_request_title": ("无法处理此请求", "This request cannot be handled"),
    "bad_request_text": (
        "请从通知中的链接重新打开此页面。",
        "Please open this page again from the link in the message.",
    ),
}

_CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f2f4f7;color:#1d2330;
font:17px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
html:lang(zh) body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif}
main{max-width:32rem;margin:0 auto;padding:20px 16px 28px}
.site{color:#5b6474;font-size:15px;margin:0 0 2px}
h1{font-size:25px;line-height:1.3;margin:0 0 16px}
h1.ok{color:#1a6b32}h1.no{color:#a32020}
.card{background:#fff;border-radius:14px;padding:18px 18px 4px;margin:0 0 22px;
box-shadow:0 1px 3px rgba(0,0,0,.1)}
.who{font-size:32px;font-weight:700;line-height:1.2;margin:0;overflow-wrap:anywhere}
.waiting{color:#5b6474;margin:2px 0 10px}
dl{margin:0}
.row{display:flex;justify-content:space-between;align-items:baseline;gap:16px;padding:11px 0;
border-top:1px solid #e6e8ec}
dt{color:#5b6474;flex:none}
dd{margin:0;text-align:right;font-weight:600;overflow-wrap:anywhere}
.question{font-size:19px;font-weight:600;margin:0 0 14px}
label{display:block;font-weight:600;margin:0 0 6px}
textarea{display:block;width:100%;min-height:96px;font:inherit;padding:10px 12px;margin:0 0 16px;
border:1px solid #b8bec9;border-radius:10px;background:#fff}
button{display:block;width:100%;min-height:60px;-webkit-tap-highlight-color:transparent;border:0;border-radius:14px;padding:14px;
font:inherit;font-size:21px;font-weight:700;color:#fff;cursor:pointer}
button.accept{background:#1a7f37}button.decline{background:#c62828}
form+form{margin-top:26px}
button:active{filter:brightness(.88)}
button:focus-visible,textarea:focus-visible,a:focus-visible{outline:3px solid #2f6fed;outline-offset:2px}
.error{background:#fdecea;color:#8a1c1c;border-radius:10px;padding:10px 12px;margin:0 0 14px}
.hint{color:#5b6474;font-size:15px;margin:12px 0 0}
.message{font-size:19px;margin:0 0 14px}
.alt{display:block;font-size:.82em;font-weight:400;opacity:.8}
nav{margin-top:22px;border-top:1px solid #dde1e7;padding-top:6px;font-size:16px}
nav a{display:inline-block;min-height:44px;padding:10px 14px 10px 0;color:#2f5fc4}
""".strip()
# The only style on the page, allowed by its hash: the policy forbids every other source.
_CSS_HASH = base64.b64encode(hashlib.sha256(_CSS.encode()).digest()).decode()
_HEADERS = {
    "Cache-Control": "no-store",
    # The token is in the address: never send it on to another site.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": (
        f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
}


def page_language(explicit: str, accept_language: str) -> Language | None:
    """The host's language: ``explicit`` (``lang`` from the link or form) if it names Chinese or
    English, else the most preferred of the two in the browser's Accept-Language, else None."""
    chosen = _primary(explicit)
    if chosen is not None:
        return chosen
    best: Language | None = None
    best_q = 0.0
    for part in accept_language.split(",")[:32]:
        tag, _, parameters = part.partition(";")
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        language = _primary(tag)
        # Strictly greater: on a tie the language listed first wins; NaN and q=0 never do.
        if language is not None and 0.0 < quality <= 1.0 and quality > best_q:
            best, best_q = language, quality
    return best


def _primary(tag: str) -> Language | None:
    primary = tag.strip().lower().replace("_", "-").split("-")[0]
    return "zh" if primary == "zh" else "en" if primary == "en" else None


@dataclass(frozen=True)
class _Words:
    """The page's words in one language, or both (Chinese first) when the language is unknown."""

    language: Language | None

    def text(self, key: str, **values: object) -> str:
        """Plain text (attributes, the title)."""
        chinese, english = (template.format(**values) for template in _TEXT[key])
        if self.language is None:
            return f"{chinese} / {english}"
        return chinese if self.language == "zh" else english

    def markup(self, key: str, **values: object) -> str:
        """Escaped HTML; both languages on two lines when unknown."""
        chinese, english = (html.escape(template.format(**values)) for template in _TEXT[key])
        if self.language is None:
            return f'{chinese}<span class="alt" lang="en">{english}</span>'
        return chinese if self.language == "zh" else english


class _PageError(Exception):
    """The link cannot be used as asked: a page with ``status`` saying why."""

    def __init__(self, status: int, title: str, text: str, **values: object) -> None:
        super().__init__(title)
        self.status, self.title, self.text, self.values = status, title, text, values


def _bad_request(status: int = 400) -> _PageError:
    """A request no page of ours sends (another method, a broken or oversized form)."""
    return _PageError(status, "bad_request_title", "bad_request_text")


def decision_router(checkin: CheckInService, key: bytes) -> APIRouter:
    """``/decide`` for the hosts' e-mail links (not part of the API: left out of the schema)."""
    router = APIRouter(include_in_schema=False)
    page = _DecisionPage(checkin, key)

    @router.get("/decide")
    def show(request: Request, token: str = "", lang: str = "") -> HTMLResponse:
        words = _Words(page_language(lang, request.headers.get("accept-language", "")))
        try:
            return page.question(words, token)
        except _PageError as refusal:
            return page.refusal(words, refusal)

    @router.post("/decide")
    async def decide(request: Request) -> HTMLResponse:
        accept_language = request.headers.get("accept-language", "")
        try:
            form = await _read_form(request)
        except _PageError as refusal:
            return page.refusal(_Words(page_language("", accept_language)), refusal)
        words = _Words(page_language(form.get("lang", ""), accept_language))
        try:
            return await run_in_threadpool(page.decide, words, form)
        except _PageError as refusal:
            return page.refusal(words, refusal)

    @router.api_route("/decide", methods=["PUT", "PATCH", "DELETE"])
    def other_method(request: Request) -> HTMLResponse:
        words = _Words(page_language("", request.headers.get("accept-language", "")))
        response = page.refusal(words, _bad_request(405))
        response.headers["Allow"] = "GET, POST"
        return response

    return router


class _DecisionPage:
    """What the page shows and does; the router only reads requests and writes responses."""

    def __init__(self, checkin: CheckInService, key: bytes) -> None:
        self._checkin = checkin
        self._key = key

    def question(self, words: _Words, token: str, note: str = "", error: str = "") -> HTMLResponse:
        decision, state = self._open(token)
        site = self._checkin.site
        now = self._checkin.clock.now()
        arrived = state.requested_at.astimezone(site.timezone)
        minutes = max(0, int((now - state.requested_at).total_seconds() // 60))
        arrived_text = (
            words.markup("arrived_now", time=_clock_time(arrived, now))
            if minutes == 0
            else words.markup("arrived_ago", time=_clock_time(arrived, now), minutes=minutes)
        )
        party = words.markup("party_one" if state.party_size == 1 else "party_many", n=state.party_size)
        company = html.escape(state.company) if state.company else words.markup("company_none")
        visiting = " · ".join(part for part in (state.host_name, state.host_department) if part)
        rows = (
            ("company", company),
            ("party", party),
            ("arrived", arrived_text),
            ("visiting", html.escape(visiting)),
        )
        details = "".join(
            f'<div class="row"><dt>{words.markup(label)}</dt><dd>{value}</dd></div>' for label, value in rows
        )
        action = decision.action  # "accept", "decline", or "choose" (an SMS's one link: both)
        language_field = (
            f'<input type="hidden" name="lang" value="{words.language}">' if words.language else ""
        )
        error_line = f'<p class="error" role="alert">{error}</p>' if error else ""
        expires = decision.expires_at.astimezone(site.timezone)
        forms = "".join(
            _answer_form(words, token, answer, language_field, note, chosen=action == "choose")
            for answer in (("accept", "decline") if action == "choose" else (action,))
        )
        body = (
            f'<div class="card"><p class="who" id="visitor">{html.escape(mask_name(state.visitor_name))}</p>'
            f'<p class="waiting">{words.markup("waiting")}</p><dl>{details}</dl></div>'
            f'<p class="question">{words.markup(action + "_question")}</p>{error_line}{forms}'
            f'<p class="hint">{words.markup(action + "_other")}</p>'
            f'<p class="hint">{words.markup("valid_until", time=_clock_time(expires, now))}</p>'
        )
        status = 400 if error else 200
        return _document(words, site.name, "title", body, status, switch_token=token)

    def decide(self, words: _Words, form: Mapping[str, str]) -> HTMLResponse:
        token = form.get("token", "")
        decision, state = self._open(token)
        if decision.action == "choose":
            # The SMS's link: the host's answer is the button they tapped.
            if form.get("choice") not in ("accept", "decline"):
                raise _bad_request()
            decision = replace(decision, action=form["choice"])
        note = sanitize_text(form.get("note", "")) if decision.action == "decline" else ""
        if len(note) > NOTE_MAX_CHARS:
            error = words.markup("note_too_long", max=NOTE_MAX_CHARS)
            return self.question(words, token, note=form.get("note", ""), error=error)
        actor, approver = (
            (DUTY_OFFICER_BY_LINK, Approver.DUTY_OFFICER)
            if decision.duty_officer
            else (HOST_BY_LINK, Approver.HOST)
        )
        way = ApprovalWay.DUTY_OFFICER_LINK if decision.duty_officer else ApprovalWay.HOST_LINK
        by = "duty officer's link" if decision.duty_officer else "e-mail link"
        try:
            if decision.action == "accept":
                self._checkin.approve(decision.visit_id, actor, approver, f"accepted by {by}", way=way)
            else:
                self._checkin.decline(decision.visit_id, actor, note or f"declined by {by}")
        except ValidationError as refused:
            if refused.field == "approver":
                # The visit's kind wants another approver (checked by the service, not only here).
                raise _PageError(403, "duty_only_title", "duty_only_text") from None
            # Decided by someone else between the page's check and this transaction.
            raise self._already_decided(self._checkin.state(decision.visit_id)) from None
        log.info("host decision by link: visit %s %s", state.visit_id, decision.action)
        done = "accepted" if decision.action == "accept" else "declined"
        body = f'<p class="message" id="result">{words.markup(done + "_text")}</p>'
        return _document(words, self._checkin.site.name, done + "_title", body, 200, headline_class="ok")

    def refusal(self, words: _Words, refusal: _PageError) -> HTMLResponse:
        body = f'<p class="message" id="result">{words.markup(refusal.text, **refusal.values)}</p>'
        # Already decided is news, not a fault: no alarm colour for it.
        headline_class = "" if refusal.status == 409 else "no"
        return _document(words, self._checkin.site.name, refusal.title, body, refusal.status, headline_class)

    def _open(self, token: str) -> tuple[Decision, VisitState]:
        """The decision the token stands for and its visit, still waiting; else a refusal."""
        try:
            decision = verify_decision(self._key, token, self._checkin.clock.now())
        except ExpiredDecisionTokenError:
            raise _PageError(
                410, "expired_title", "expired_text", minutes=int(LINK_LIFETIME.total_seconds() // 60)
            ) from None
        except DecisionTokenError:
            raise _PageError(403, "invalid_title", "invalid_text") from None
        try:
            state = self._checkin.state(decision.visit_id)
        except ValidationError:
            raise _PageError(404, "unknown_title", "unknown_text") from None
        # A watchlist hold is for staff to resolve, whichever link the host taps.
        if state.status is not VisitStatus.PENDING:
            raise self._already_decided(state)
        # The duty officer's visit: a host's link neither accepts nor declines it.
        if state.approver is Approver.DUTY_OFFICER and not decision.duty_officer:
            raise _PageError(403, "duty_only_title", "duty_only_text")
        return decision, state

    @staticmethod
    def _already_decided(state: VisitState) -> _PageError:
        if state.status is VisitStatus.HELD:
            reason = "decided_held"
        elif state.status is VisitStatus.DECLINED:
            reason = "decided_withdrawn" if state.decision_note == WITHDRAWN_NOTE else "decided_declined"
        elif state.status is VisitStatus.CHECKED_OUT:
            reason = "decided_left"
        else:
            reason = "decided_by_desk" if state.approver is Approver.DESK else "decided_accepted"
        return _PageError(409, "decided_title", reason)


def _answer_form(words: _Words, token: str, answer: str, language_field: str, note: str, chosen: bool) -> str:
    """One answer's form: the token (and, from an SMS's link, which answer), a decline's note."""
    note_field = ""
    if answer == "decline":
        note_field = (
            f'<label for="note">{words.markup("note_label")}</label>'
            f'<textarea id="note" name="note" maxlength="{NOTE_MAX_CHARS}" rows="3" '
            f'placeholder="{html.escape(words.text("note_placeholder"), quote=True)}">'
            f"{html.escape(note)}</textarea>"
        )
    choice = f'<input type="hidden" name="choice" value="{answer}">' if chosen else ""
    # One id="decide" per page (the tests' and a reader's way to the button): the first answer.
    button_id = "decide" if answer == "accept" or not chosen else "decide-decline"
    return (
        f'<form method="post" action="/decide">'
        f'<input type="hidden" name="token" value="{html.escape(token, quote=True)}">{choice}{language_field}'
        f"{note_field}"
        f'<button type="submit" id="{button_id}" class="{answer}">{words.markup(answer + "_button")}</button>'
        f"</form>"
    )


async def _read_form(request: Request) -> dict[str, str]:
    """The posted form, read up to FORM_MAX_BYTES; each known field once at most."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/x-www-form-urlencoded":
        raise _bad_request(415)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > FORM_MAX_BYTES:
        raise _bad_request(413)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > FORM_MAX_BYTES:
            raise _bad_request(413)
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=10, errors="strict")
    except ValueError:  # not UTF-8 (UnicodeDecodeError is one) or too many fields
        raise _bad_request() from None
    if any(len(fields.get(name, ())) > 1 for name in _FORM_FIELDS):
        raise _bad_request()
    return {name: values[0] for name, values in fields.items() if name in _FORM_FIELDS}


def _clock_time(moment: datetime, now: datetime) -> str:
    """``10:04``, with the date in front when it was not today (a link opened after midnight)."""
    today = now.astimezone(moment.tzinfo).date()
    return f"{moment:%H:%M}" if moment.date() == today else f"{moment:%m-%d %H:%M}"


def _document(
    words: _Words,
    site_name: str,
    title: str,
    body: str,
    status: int,
    headline_class: str = "",
    switch_token: str = "",
) -> HTMLResponse:
    """A whole page: phone viewport, the inline style, the site, the headline (text key
    ``title``), ``body`` and the language switch (only where there is a link to open again)."""
    language = {"zh": "zh-CN", "en": "en", None: "zh-CN"}[words.language]
    switch = ""
    if switch_token:
        links = [
            f'<a href="/decide?{html.escape(urlencode({"token": switch_token, "lang": code}), quote=True)}" '
            f'lang="{code}" hreflang="{code}">{label}</a>'
            for code, label in (("zh", "中文"), ("en", "English"))
            if code != words.language
        ]
        switch = f"<nav>{''.join(links)}</nav>"
    page = (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">'
        '<meta name="format-detection" content="telephone=no">'
        f"<title>{html.escape(words.text(title))}</title><style>{_CSS}</style></head>"
        f'<body><main><p class="site">{html.escape(site_name)}</p>'
        f'<h1 class="{headline_class}">{words.markup(title)}</h1>{body}{switch}</main></body></html>'
    )
    return HTMLResponse(page, status_code=status, headers=_HEADERS)
