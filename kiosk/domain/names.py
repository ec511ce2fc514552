"""Names and companies compared as people mean them, not as they were typed: the watchlist
matches by these keys, so typing a name another way does not get past it.

A name is compared by its *key*: full-width and half-width forms made one (NFKC), case folded,
accents dropped, every space, middle dot and other separator removed, traditional Chinese made
simplified. 張 三, 张三 and ＺＨＡＮＧ san / Zhang·San each give one key; 阿卜杜·热合曼 is 阿卜杜热合曼.
A company is compared the same way, without its legal form (有限公司, Co., Ltd.).

A key only ever makes more names equal than the text did: at the watchlist, at worst a namesake
is held for staff to look at, never someone on the list let through.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc

# The stored key's column width. NFKC may lengthen a name (one ligature is 18 letters); two names
# that agree on their first 120 key characters are one name to the watchlist, which is safe.
KEY_MAX_CHARS = 120

# Legal forms at the end of a company's name, compared without them. Latin ones are dropped as
# whole words, before the spaces go ("Costco" keeps its "co"); Chinese ones (simplified, as the key
# is) from the end of the key, longest first.
_LATIN_LEGAL_FORMS = frozenset(
    {"co", "company", "corp", "corporation", "inc", "incorporated", "limited", "ltd", "llc", "llp", "lp"}
    | {"plc", "gmbh", "ag", "sa", "bv", "pte", "pty"}
)
_CHINESE_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团", "公司")
_WORDS = re.compile(r"[^\W_]+")

# OpenCC's converters are read-only once built, but the binding does not say it may be shared
# between the server's threads: one converter, one caller at a time (a name takes microseconds).
_converter_lock = threading.Lock()


@cache
def _simplifier() -> opencc.OpenCC:
    # Imported here: only the server compares names; a station never loads the dictionaries.
    import opencc

    return opencc.OpenCC("t2s.json")


def _simplified(text: str) -> str:
    with _converter_lock:
        converter = _simplifier()
        # OpenCC's table is not closed under itself (薴 -> 苧 -> 苎): convert until it stops changing.
        for _ in range(4):
            converted: str = converter.convert(text)
            if converted == text:
                break
            text = converted
    return text


def _folded(text: str) -> str:
    """NFKC, case folded, accents dropped (José is Jose): compatibility forms and cases made one."""
    # The dotless ı is the one letter whose upper case (I) folds to another letter (i): Yıldız is
    # typed Yildiz.
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", folded)
    # NFC puts back together what NFKD took apart and is not an accent (Hangul syllables).
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def normalise_name(text: str) -> str:
    """The key a name is compared by (not cut to :data:`KEY_MAX_CHARS`; :func:`name_key` is)."""
    # Only letters and digits stay: spaces of every width, middle dots (·・‧•), hyphens and
    # apostrophes are all dropped.
    return _simplified("".join(ch for ch in _folded(text) if unicodedata.category(ch)[0] in "LN"))


def name_key(text: str) -> str:
    """A person's name as the watchlist stores and looks it up (indexed)."""
    return normalise_name(text)[:KEY_MAX_CHARS]


def company_key(text: str) -> str:
    """A company as the watchlist compares it: the name's key without the legal form. A company
    that is nothing but a legal form keeps it (it is still a company given)."""
    words = _WORDS.findall(_folded(text))
    while len(words) > 1 and words[-1] in _LATIN_LEGAL_FORMS:
        words.pop()
    key = normalise_name(" ".join(words))
    stripped = True
    while stripped and key not in _CHINESE_LEGAL_FORMS:
        stripped = False
        for form in _CHINESE_LEGAL_FORMS:
            if key.endswith(form):
                key = key[: -len(form)]
                stripped = True
                break
    return key[:KEY_MAX_CHARS]
