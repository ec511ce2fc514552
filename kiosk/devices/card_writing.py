"""One card issue on an encoder, steered by whoever holds the keys.

The encoder's side of a card issue is the same at a station (the site server plans over the API)
and on the server machine's own tools (the card service plans itself): wait for a card, read it
with the keys given for its UID, ask for a write plan, carry it out, read it back and hand what
was read to the planner, who decides whether the card counts. Nothing here knows a site key.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol, TypeVar

from kiosk.devices.errors import EncoderError, ForeignCardError
from kiosk.devices.interfaces import Card, CardEncoder
from kiosk.domain.cards import CardKeys, CardRead, WritePlan
from kiosk.faults import crash_point

log = logging.getLogger(__name__)
T_co = TypeVar("T_co", covariant=True)

Progress = Callable[[str], None]
"""Called with a step name: ``waiting``, ``checking``, ``wiping``, ``writing``, ``verifying``,
``recording``. From the worker thread: a UI relays it with a signal."""


class CardPlanner(Protocol[T_co]):
    """The side that holds the keys: the site server (through the API) or its card service."""

    def read_keys(self, card: Card) -> CardKeys:
        """What reads ``card``'s data area (key A for a chip; nothing for a stripe)."""
        ...

    def plan(self, card: Card, content: CardRead) -> WritePlan:
        """Take a number and say what to write, or refuse (the card is in use, revoked...)."""
        ...

    def complete(self, plan: WritePlan, read_back: CardRead) -> T_co:
        """What was read back after the write: issued if it verifies, else void (and raise)."""
        ...

    def abandon(self, plan: WritePlan, failure: Exception) -> None:
        """The write failed on the encoder: the planned number is spent (void)."""
        ...


def read_card(encoder: CardEncoder, card: Card, keys: CardKeys) -> CardRead:
    """The card's data area as read with ``keys``; foreign when nothing we know opens it."""
    try:
        return CardRead(encoder.read_payload(card, keys))
    except ForeignCardError:
        return CardRead(foreign=True)


def issue_card(
    encoder: CardEncoder,
    planner: CardPlanner[T_co],
    timeout_s: float,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
) -> T_co:
    """Wait for a card and issue it as ``planner`` plans. A device error after the plan is told
    to the planner (the number is spent, void) and raised; the planner's refusals pass through."""
    step = progress or (lambda _step: None)
    step("waiting")
    card = encoder.wait_for_card(timeout_s, cancel)
    step("checking")
    plan = planner.plan(card, read_card(encoder, card, planner.read_keys(card)))
    try:
        if plan.wipe_first:
            step("wiping")
            encoder.wipe(card, plan.keys)
        step("writing")
        encoder.write_payload(card, plan.payload, plan.keys)
        step("verifying")
        read_back = read_card(encoder, card, plan.keys)
    except (EncoderError, ValueError) as exc:
        try:
            planner.abandon(plan, exc)
        except Exception:  # unheard, the planner voids the attempt when it runs out; the card's error matters
            log.warning("card %s: the failed write could not be reported", plan.label, exc_info=True)
        raise
    crash_point("card.read_back")
    step("recording")
    return planner.complete(plan, read_back)
