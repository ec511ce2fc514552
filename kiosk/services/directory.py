"""The staff directory: the people a visitor can ask for."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.pinyin import query_key, search_keys
from kiosk.domain.text import sanitize_text
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.storage.models import Host


@dataclass(frozen=True)
class HostEntry:
    """A host as the kiosk lists them."""

    host_id: int
    name: str
    department: str
    extension: str | None


class DirectoryService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def search(self, text: str, limit: int = 50) -> list[HostEntry]:
        """Active hosts matching ``text`` (all of them for blank text), best matches first.

        ``text`` is looked for in the name and the department, and, as pinyin, in the name's
        spelling (``zhangsan``, also ``san``) and at the start of its initials (``zs``).
        Exact names come first, then names, spellings or initials starting with the text.
        """
        query = sanitize_text(text)
        stmt = select(Host).where(Host.active.is_(True))
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
        with self._sessions() as session:
            return [HostEntry(h.id, h.name, h.department, h.extension) for h in session.scalars(stmt)]

    def count(self) -> int:
        with self._sessions() as session:
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
            audit.record(session, actor, "host.added", "host", host.id, self._clock.now(), name=host.name)
            return host.id

    def load_demo(self, csv_path: Path, actor: Actor) -> int:
        """Fill an empty directory from the demo file (demo mode only). Returns how many were added."""
        if self.count():
            return 0
        with csv_path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        with self._sessions.begin() as session:
            for row in rows:
                session.add(
                    Host(
                        name=row["name"],
                        department=row["department"],
                        extension=row.get("extension") or None,
                    )
                )
            audit.record(
                session,
                actor,
                "directory.demo_loaded",
                "host",
                "*",
                self._clock.now(),
                rows=len(rows),
                file=csv_path.name,
            )
        return len(rows)


def _escape_like(text: str) -> str:
    """``%`` and ``_`` typed by a visitor are letters, not wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
