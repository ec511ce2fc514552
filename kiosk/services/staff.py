"""Staff accounts: argon2id-hashed PINs and passwords, lock-out after repeated failures."""

from __future__ import annotations

import contextlib
from datetime import datetime

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import (
    DEMO_PIN,
    LOCKOUT,
    MAX_FAILED_ATTEMPTS,
    PIN_MIN_LENGTH,
    Permission,
    Role,
    SignedIn,
    allowed,
)
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import StaffListing
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.audit_chain import typed_name
from kiosk.services.clock import Clock
from kiosk.storage.database import Sessions
from kiosk.storage.models import StaffMember

__all__ = ["DEMO_PIN", "STRONG_HASHER", "SignedIn", "StaffListing", "StaffService"]


# RFC 9106's "low memory" argon2id profile (64 MiB, t=3, p=4), named rather than left to the
# library's defaults so an upgrade of argon2-cffi cannot weaken it. Tests pass a cheap hasher.
STRONG_HASHER = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY)


class StaffService:
    def __init__(self, sessions: Sessions, clock: Clock, hasher: PasswordHasher = STRONG_HASHER) -> None:
        self._sessions = sessions
        self._clock = clock
        self.hasher = hasher
        self._decoy: str | None = None

    def add(self, username: str, name: str, role: Role, secret: str, actor: Actor) -> int:
        """Create a staff account. The secret (PIN or password) is kept only as an argon2id hash."""
        if len(secret) < PIN_MIN_LENGTH:
            raise ValidationError("secret", "too_short", min=PIN_MIN_LENGTH)
        return self._add(username, name, role, self.hasher.hash(secret), actor)

    def _add(self, username: str, name: str, role: Role, secret_hash: str, actor: Actor) -> int:
        user = sanitize_text(username)
        if not user or len(user) > 40:
            raise ValidationError("username", "required")
        now = self._clock.now()
        with self._sessions.begin() as session:
            if session.scalar(select(StaffMember.id).where(StaffMember.username == user)) is not None:
                raise ValidationError("username", "taken")
            member = StaffMember(
                username=user,
                name=sanitize_text(name) or user,
                role=role,
                secret_hash=secret_hash,
                created_at=now,
            )
            session.add(member)
            session.flush()
            audit.record(
                session, actor, "staff.added", "staff", member.id, now, username=user, role=role.value
            )
            return member.id

    def sign_in(
        self, username: str, secret: str, purpose: str = "sign_in", *, count_failure: bool = True
    ) -> SignedIn:
        """Check the secret; 5 wrong tries lock the account for 15 minutes. Every try is audited,
        refusals included (they are committed before the refusal is raised). With
        ``count_failure=False`` (the public kiosk's exit page) a wrong secret never counts towards
        the account's lock-out: the server throttles that page per station instead."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            outcome = self._check(session, sanitize_text(username), secret, purpose, now, count_failure)
        if isinstance(outcome, ValidationError):
            raise outcome
        return outcome

    def countersign(
        self,
        username: str,
        pin: str,
        permission: Permission,
        purpose: str,
        refused_action: str,
        *,
        entity: str = "staff",
        entity_id: object = None,
        not_by: SignedIn | None = None,
    ) -> SignedIn:
        """A second person signs a step with their own PIN (a shift leader's signature on a damaged
        parcel, a supervisor approving a return or a disposal): checked and audited as a sign-in
        for ``purpose``, then refused and audited as ``refused_action`` (on ``entity`` /
        ``entity_id``, by default the signer's account) when their role lacks ``permission``
        (``not_allowed``) or when they are ``not_by``, the clerk asking (``same_person``)."""
        signer = self.sign_in(username, pin, purpose=purpose)
        refusal: ValidationError | None = None
        if not allowed(signer.role, permission):
            refusal = ValidationError("signer", "not_allowed")
        elif not_by is not None and signer.staff_id == not_by.staff_id:
            refusal = ValidationError("signer", "same_person")
        if refusal is not None:
            with self._sessions.begin() as session:
                audit.record(
                    session,
                    signer.actor,
                    refused_action,
                    entity,
                    signer.staff_id if entity_id is None else entity_id,
                    self._clock.now(),
                    reason=refusal.code,
                    role=signer.role.value,
                )
            raise refusal
        return signer

    def _check(
        self, session: Session, username: str, secret: str, purpose: str, now: datetime, count_failure: bool
    ) -> SignedIn | ValidationError:
        member = session.scalar(select(StaffMember).where(StaffMember.username == username))
        if member is None or not member.active:
            # The same argon2 work as a real check, so the time taken does not tell whether the
            # account exists.
            self._verify_decoy(secret)
            audit.record(
                session,
                # Not the text: people type their PIN into the name field by mistake.
                Actor("unknown", typed_name(session, username)),
                f"staff.{purpose}_refused",
                "staff",
                "-",
                now,
                reason="unknown",
            )
            return ValidationError("credentials", "invalid")
        actor = Actor("staff", member.username)
        if member.locked_until is not None and member.locked_until > now:
            audit.record(session, actor, f"staff.{purpose}_refused", "staff", member.id, now, reason="locked")
            return ValidationError("credentials", "locked")
        try:
            self.hasher.verify(member.secret_hash, secret)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            if count_failure:
                member.failed_attempts += 1
            locked = member.failed_attempts >= MAX_FAILED_ATTEMPTS
            if locked:
                member.locked_until = now + LOCKOUT
                member.failed_attempts = 0
            audit.record(
                session,
                actor,
                f"staff.{purpose}_refused",
                "staff",
                member.id,
                now,
                reason="wrong_secret",
                locked=locked,
            )
            return ValidationError("credentials", "locked" if locked else "invalid")
        member.failed_attempts = 0
        member.locked_until = None
        if self.hasher.check_needs_rehash(member.secret_hash):
            member.secret_hash = self.hasher.hash(secret)
        audit.record(session, actor, f"staff.{purpose}", "staff", member.id, now)
        return SignedIn(member.id, member.username, member.name, member.role)

    def _verify_decoy(self, secret: str) -> None:
        if self._decoy is None:
            self._decoy = self.hasher.hash("decoy: no such account")
        with contextlib.suppress(VerifyMismatchError, VerificationError, InvalidHashError):
            self.hasher.verify(self._decoy, secret)

    def record(self, who: SignedIn, action: str) -> None:
        """Audit a console event of ``who`` (sign-out, lock)."""
        with self._sessions.begin() as session:
            audit.record(session, who.actor, action, "staff", who.staff_id, self._clock.now())

    def add_demo_accounts(self, actor: Actor) -> list[tuple[str, Role]]:
        """Demo mode only (no configuration file): one account per role, all with DEMO_PIN,
        so someone trying the program can sign in. Does nothing once any account exists."""
        if self.count():
            return []
        accounts = [(role.value, role) for role in Role]
        # One hash for all: the PIN is the same and public (the README gives it), and each hash
        # at full cost is a tenth of a second of a first start.
        secret_hash = self.hasher.hash(DEMO_PIN)
        for username, role in accounts:
            self._add(username, username, role, secret_hash, actor)
        return accounts

    # -- administration (admins only; the console checks the role, every change is audited) ----

    def members(self) -> list[StaffListing]:
        with self._sessions.reads() as session:
            return [
                StaffListing(m.id, m.username, m.name, m.role, m.active, m.locked_until)
                for m in session.scalars(select(StaffMember).order_by(StaffMember.username))
            ]

    def update(
        self,
        staff_id: int,
        actor: Actor,
        *,
        name: str | None = None,
        role: Role | None = None,
        active: bool | None = None,
    ) -> None:
        """Rename, change the role of, or (de)activate an account. The last active admin is
        never demoted nor deactivated: nobody could manage staff after that."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            member = self._member(session, staff_id)
            changes: dict[str, str] = {}
            if name is not None:
                clean = sanitize_text(name)
                if not clean or len(clean) > 60:
                    raise ValidationError("name", "required")
                if clean != member.name:
                    changes["name"] = clean
                    member.name = clean
            demoted = role is not None and role is not Role.ADMIN
            deactivated = active is False
            if member.role is Role.ADMIN and member.active and (demoted or deactivated):
                admins = session.scalars(
                    select(StaffMember.id).where(StaffMember.role == Role.ADMIN, StaffMember.active)
                ).all()
                if len(admins) <= 1:
                    raise ValidationError("role", "last_admin")
            if role is not None and role is not member.role:
                changes["role"] = role.value
                member.role = role
            if active is not None and active != member.active:
                changes["active"] = str(active).lower()
                member.active = active
            if changes:
                audit.record(session, actor, "staff.updated", "staff", member.id, now, **changes)

    def reset_secret(self, staff_id: int, secret: str, actor: Actor) -> None:
        """Set a new PIN or password (the member forgot it) and lift a lock-out."""
        if len(secret) < PIN_MIN_LENGTH:
            raise ValidationError("secret", "too_short", min=PIN_MIN_LENGTH)
        now = self._clock.now()
        with self._sessions.begin() as session:
            member = self._member(session, staff_id)
            member.secret_hash = self.hasher.hash(secret)
            member.failed_attempts = 0
            member.locked_until = None
            audit.record(session, actor, "staff.secret_reset", "staff", member.id, now)

    def unlock(self, staff_id: int, actor: Actor) -> None:
        """Lift a lock-out before its 15 minutes are up (the admin knows who is at the desk)."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            member = self._member(session, staff_id)
            member.failed_attempts = 0
            member.locked_until = None
            audit.record(session, actor, "staff.unlocked", "staff", member.id, now)

    @staticmethod
    def _member(session: Session, staff_id: int) -> StaffMember:
        member = session.get(StaffMember, staff_id)
        if member is None:
            raise ValidationError("staff", "unknown")
        return member

    def count(self) -> int:
        with self._sessions.reads() as session:
            return len(session.scalars(select(StaffMember.id)).all())
