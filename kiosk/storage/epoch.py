"""A stored UTC time as whole seconds since 1970, the same number on SQLite and PostgreSQL.

Counting per day or hour of the *site's* clock in SQL would need the site's time-zone rules in
both databases; instead a query groups by quarter-hours of UTC (``quarter_hour``), a few thousand
groups a month, and the caller places each on the site's clock: every time zone in use is a
whole number of quarter-hours from UTC, so all the moments of one group share the site's date
and hour.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, SQLColumnExpression, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

QUARTER_HOUR_S = 900


class epoch_seconds(FunctionElement[int]):  # noqa: N801 (an SQL function, named as SQL names them)
    """Whole seconds since 1970-01-01 UTC of a ``UTCDateTime`` column (stored naive, in UTC)."""

    type = BigInteger()
    name = "epoch_seconds"
    inherit_cache = True


@compiles(epoch_seconds, "sqlite")
def _sqlite(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLAlchemy stores "YYYY-MM-DD HH:MM:SS.ffffff"; strftime reads it as UTC.
    return f"CAST(strftime('%s', {compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(epoch_seconds, "postgresql")
def _postgresql(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    # A timestamp without time zone: EXTRACT reads it as UTC, which is how it was stored.
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})) AS BIGINT)"


def quarter_hour(column: SQLColumnExpression[Any]) -> ColumnElement[int]:
    """The UTC quarter-hour a stored time falls in, as its number since 1970."""
    # A literal, not a parameter: PostgreSQL matches GROUP BY to the select list by its text.
    return epoch_seconds(column) // literal_column(str(QUARTER_HOUR_S), BigInteger())
