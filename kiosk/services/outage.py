"""The one database failure the UI may catch by name, so that the UI never imports SQLAlchemy.

A console that polls (the lobby board) keeps what it last showed when the database is
unreachable; the site server will turn this into its own connection error.
"""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

DatabaseUnavailableError = SQLAlchemyError

__all__ = ["DatabaseUnavailableError"]
