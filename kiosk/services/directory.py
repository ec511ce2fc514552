"""The staff directory: the people a visitor can ask for."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, sessionmaker

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
        """Active hosts whose name or department contains ``text`` (all of them for blank text)."""
        query = sanitize_text(text)
        stmt = select(Host).where(Host.active.is_(True))
        if query:
            pattern = f"%{query}%"
            stmt = stmt.where(or_(Host.name.like(pattern), Host.department.like(pattern)))
        stmt = stmt.order_by(Host.department, Host.name).limit(limit)
        with self._sessions() as session:
            return [HostEntry(h.id, h.name, h.department, h.extension) for h in session.scalars(stmt)]

    def count(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count(Host.id))) or 0

    def add(self, name: str, department: str, actor: Actor, extension: str | None = None) -> int:
        """Add one host and return its id."""
        with self._sessions.begin() as session:
            host = Host(name=sanitize_text(name), department=sanitize_text(department), extension=extension)
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
