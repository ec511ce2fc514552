"""How a check-in matches the watchlist, and why it was held (the desk is told which and how)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.domain.names import company_key


class WatchlistMatch(enum.StrEnum):
    """Why a check-in was held, strongest first (when several entries match, the strongest says)."""

    ID_NUMBER = "id_number"  # the ID number's keyed hash is the entry's
    NAME_AND_COMPANY = "name_and_company"
    NAME = "name"  # the entry gives no company: the name is all it has
    NAME_NO_COMPANY = "name_no_company"  # the visitor gave no company, the entry has one
    NAME_COMPANY_DIFFERS = "name_company_differs"
    # The visitor gave an ID number and the entry has another: a namesake, most likely, but a
    # number typed at the kiosk proves nothing, so staff look at the card.
    NAME_ID_DIFFERS = "name_id_differs"

    @property
    def strength(self) -> int:
        """0 for the strongest; the order the members are written in."""
        return list(WatchlistMatch).index(self)


@dataclass(frozen=True)
class WatchlistHold:
    """Why a visit is held: the entry (its number, as the watchlist page lists it) and how."""

    entry_id: int
    match: WatchlistMatch


def name_match(entry_company: str, visitor_company: str, ids_differ: bool = False) -> WatchlistMatch:
    """How a visitor whose name is an entry's matches it: by the two companies, unless both
    gave an ID number and the numbers differ."""
    if ids_differ:
        return WatchlistMatch.NAME_ID_DIFFERS
    listed, given = company_key(entry_company), company_key(visitor_company)
    if not listed:
        return WatchlistMatch.NAME
    if not given:
        return WatchlistMatch.NAME_NO_COMPANY
    return WatchlistMatch.NAME_AND_COMPANY if listed == given else WatchlistMatch.NAME_COMPANY_DIFFERS
