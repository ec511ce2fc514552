"""Errors as RFC 9457 problem details, each with a stable ``code`` a station maps to a message
in its user's language. A person's input refused by a rule comes back as ``validation`` with the
field, the reason and its parameters, exactly as the domain's ValidationError carries them."""

from __future__ import annotations

from pydantic import BaseModel, Field

PROBLEM_TYPE = "https://lobby-kiosk.invalid/problems/"
MEDIA_TYPE = "application/problem+json"

# code -> HTTP status. Stable: stations translate by code, never by title.
CODES: dict[str, int] = {
    "validation": 422,  # a rule refused a value (field, reason, params)
    "request_invalid": 422,  # the body or the query does not match the schema
    "body_too_large": 413,
    "request_timeout": 408,  # the body stopped arriving
    "not_found": 404,
    "station_unknown": 401,  # no credential, a wrong one, or a revoked station
    "sign_in_required": 401,
    "session_expired": 401,
    "forbidden": 403,  # this station, or this member's role, may not do it
    "too_many_tries": 429,
    "conflict": 409,
    "unavailable": 503,  # the server cannot reach its database
    "internal": 500,
}


class Problem(BaseModel):
    type: str = Field(description="A URI naming the problem type")
    title: str = Field(description="Short, English, for logs; stations translate `code` instead")
    status: int
    code: str = Field(description="Stable problem code: " + ", ".join(CODES))
    detail: str | None = None
    field: str | None = Field(default=None, description="validation: the input refused")
    reason: str | None = Field(default=None, description="validation: why (a stable word)")
    params: dict[str, str | int | float | bool | None] = Field(default_factory=dict)


def problem(
    code: str,
    title: str,
    detail: str | None = None,
    *,
    field: str | None = None,
    reason: str | None = None,
    params: dict[str, str | int | float | bool | None] | None = None,
) -> Problem:
    return Problem(
        type=PROBLEM_TYPE + code,
        title=title,
        status=CODES[code],
        code=code,
        detail=detail,
        field=field,
        reason=reason,
        params=params or {},
    )
