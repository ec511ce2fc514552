"""Search keys for names: pinyin and pinyin initials, so typing ``zs`` or ``zhangsan`` finds 张三.

A surname's first character is often read differently from the same character in a word (单 is
Shan as a surname, dan elsewhere), so every reading of the first character is kept; the rest of
the name uses the most common reading. Latin names are their letters, lower case, no spaces.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

PINYIN_MAX = 200  # the width of hosts.pinyin
INITIALS_MAX = 60  # the width of hosts.initials

_NOT_KEY = re.compile(r"[^a-z0-9]")


@dataclass(frozen=True)
class SearchKeys:
    """Space-separated alternatives: ``"shanxiaoming danxiaoming"`` / ``"sxm dxm"``."""

    pinyin: str
    initials: str


def _key(text: str) -> str:
    return _NOT_KEY.sub("", text.lower())


def search_keys(name: str) -> SearchKeys:
    """The pinyin and initials keys stored with a host for type-ahead search."""
    # Imported here: pypinyin's phrase dictionary costs ~0.35 s and ~55 MiB, and only adding
    # hosts needs it; every start of the kiosk and every search does not.
    from pypinyin import Style, lazy_pinyin, pinyin

    name = name.strip()
    if not name:
        return SearchKeys("", "")
    first_readings = pinyin(name[0], style=Style.NORMAL, heteronym=True)[0]
    rest = lazy_pinyin(name[1:], style=Style.NORMAL, errors="default")
    spellings: list[str] = []
    initials: list[str] = []
    for first in first_readings:
        syllables = [first, *rest]
        spelling = _key("".join(syllables))
        if spelling and spelling not in spellings:
            spellings.append(spelling)
        initial = _key("".join(s[0] for s in syllables if _key(s[:1])))
        if " " not in name and initial and initial not in initials:
            initials.append(initial)
    if " " in name:
        # Latin names: "Emily Carter" -> "ec" (and "emilycarter" above).
        initials = [_key("".join(part[0] for part in name.split()))]
    return SearchKeys(_fit(spellings, PINYIN_MAX), _fit(initials, INITIALS_MAX))


def _fit(keys: list[str], width: int) -> str:
    """Join keys with spaces, dropping rarer readings that would overflow the column."""
    kept = list(itertools.takewhile(lambda n: n <= width, itertools.accumulate(len(k) + 1 for k in keys)))
    return " ".join(keys[: max(1, len(kept))])[:width]


def query_key(text: str) -> str:
    """What a typed query is compared with: lower case letters and digits only."""
    return _key(text)
