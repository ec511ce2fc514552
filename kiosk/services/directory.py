"""The staff directory: the people a visitor can ask for."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session

from kiosk.domain.imports import DIRECTORY_COLUMNS, DirectoryRow, validate_directory_row
from kiosk.domain.pinyin import query_key, search_keys
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import DeskHostEntry, HostEntry
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.csv_import import Counts, CsvImporter, ImportReport, ImportSpec
from kiosk.storage.database import Sessions
from kiosk.storage.models import Host


class DirectoryService:
    def __init__(self, sessions: Sessions, clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def search(self, text: str, limit: int = 50) -> list[HostEntry]:
        """Active hosts matching ``text`` as the public kiosk lists them: name and department,
        never an extension or a phone number (seed 004: 原则上不把电话号码告知查询者)."""
        with self._sessions.reads() as session:
            return [HostEntry(h.id, h.name, h.department) for h in self._matching(session, text, limit)]

    def search_for_desk(self, text: str, limit: int = 50) -> list[DeskHostEntry]:
        """The same hosts with their extensions, for the desk (it phones them)."""
        with self._sessions.reads() as session:
            return [
                DeskHostEntry(h.id, h.name, h.department, h.extension)
                for h in self._matching(session, text, limit)
            ]

    @staticmethod
    def _matching(session: Session, text: str, limit: int) -> list[Host]:
        """Active hosts matching ``text`` (all of them for blank text), best matches first.

        ``text`` is looked for in the name and the department, and, as pinyin, in the name's
        spelling (``zhangsan``, also ``san``) and at the start of its initials (``zs``).
        Exact names come first, then names, spellings or initials starting with the text.
        """
        query = sanitize_text(text)
        # Staff only: a unit visited (hosts.unit) is found by its number at the desk, never here.
        stmt = select(Host).where(Host.active.is_(True), Host.unit.is_(None))
        rank: ColumnElement[int] | None = None
        if query:
            pattern = f"%{_escape_like(query)}%"
            matches = [Host.name.like(pattern, escape="\\"), Host.department.like(pattern, escape="\\")]
            starts = [Host.name.like(f"{_escape_like(query)}%", escape="\\")]
            key = query_key(query)
            if key:
                # Keys hold space-separated readings; a leading space marks a reading's start.
                matches.append(Host.pinyin.like(f"%{key}%"))
                starts += [(" " + Host.pinyin).like(f"% {key}%"), (" " + Host.initials).like(f"% {key}%")]
            stmt = stmt.where(or_(*matches, *starts))
            rank = case((Host.name == query, 0), (or_(*starts), 1), else_=2)
        order = [Host.department, Host.name] if rank is None else [rank, Host.department, Host.name]
        stmt = stmt.order_by(*order).limit(limit)
        return list(session.scalars(stmt))

    def count(self) -> int:
        with self._sessions.reads() as session:
            return session.scalar(select(func.count(Host.id))) or 0

    def add(self, name: str, department: str, actor: Actor, extension: str | None = None) -> int:
        """Add one host and return its id."""
        with self._sessions.begin() as session:
            clean = sanitize_text(name)
            keys = search_keys(clean)
            host = Host(
                name=clean,
                department=sanitize_text(department),
                extension=extension,
                pinyin=keys.pinyin,
                initials=keys.initials,
            )
            session.add(host)
            session.flush()
            audit.record(session, actor, "host.added", "host", host.id, self._clock.now())
            return host.id

    def import_file(
        self, data: bytes, file_name: str, actor: Actor, skip_bad_rows: bool = False
    ) -> ImportReport:
        """Add or update hosts from an HR sheet (directory.csv); see DATA.md for the columns."""
        return CsvImporter(self._sessions, self._clock).run(
            DIRECTORY_SPEC, data, file_name, actor, skip_bad_rows
        )

    def load_demo(self, csv_path: Path, actor: Actor) -> int:
        """Fill an empty directory from the demo file (demo mode only). Returns how many were added."""
        if self.count():
            return 0
        report = self.import_file(csv_path.read_bytes(), csv_path.name, actor, skip_bad_rows=True)
        return report.added


def _store_hosts(session: Session, rows: list[DirectoryRow], now: datetime) -> Counts:
    """Match by e-mail when the row has one, else by name and department; keep pinyin keys set."""
    # Only the hosts this batch can match: an import stores in batches (kiosk.services.csv_import).
    emails = {row.email for row in rows if row.email}
    names = {row.name for row in rows}
    hosts = list(session.scalars(select(Host).where(or_(Host.email.in_(emails), Host.name.in_(names)))))
    by_email = {h.email: h for h in hosts if h.email}
    by_name = {(h.name, h.department): h for h in hosts}
    added = updated = unchanged = 0
    for row in rows:
        host = by_email.get(row.email) if row.email else None
        if host is None:
            candidate = by_name.get((row.name, row.department))
            # A namesake in the same department with another e-mail is another person.
            if candidate is not None and not (row.email and candidate.email and candidate.email != row.email):
                host = candidate
        keys = search_keys(row.name)
        values = {
            "name": row.name,
            "department": row.department,
            "extension": row.extension,
            "mobile": row.mobile,
            "email": row.email,
            "notify_channel": row.notify_channel,
            "notify_address": row.notify_address,
            "pinyin": keys.pinyin,
            "initials": keys.initials,
            "active": True,
        }
        if host is None:
            host = Host(**values)
            session.add(host)
            added += 1
        elif any(getattr(host, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(host, k, v)
            updated += 1
        else:
            unchanged += 1
        by_name[(row.name, row.department)] = host
        if row.email:
            by_email[row.email] = host
    return Counts(added, updated, unchanged)


DIRECTORY_SPEC: ImportSpec[DirectoryRow] = ImportSpec(
    "directory",
    DIRECTORY_COLUMNS,
    validate_directory_row,
    lambda r: ("email", r.email) if r.email else ("name", r.name, r.department),
    "e-mail, or name and department",
    _store_hosts,
)


def _escape_like(text: str) -> str:
    """``%`` and ``_`` typed by a visitor are letters, not wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
