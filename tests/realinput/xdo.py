"""xdotool command lines for real X input: what a keyboard-wedge scanner, a person at a keyboard
and a finger on the touchscreen send. Pure functions; the scenarios run them."""

from __future__ import annotations

# Xvfb's keyboard is a US layout: these characters are typed with Shift on the key below them.
_SHIFTED = {
    ":": "semicolon",
    "_": "minus",
    "?": "slash",
    "+": "equal",
    "!": "1",
    "@": "2",
    "#": "3",
    "$": "4",
    "%": "5",
}
_UNSHIFTED = {"-": "minus", ".": "period", "/": "slash", ";": "semicolon", "=": "equal", " ": "space"}


def _keysym(ch: str) -> tuple[str, bool]:
    """The key for ``ch`` and whether Shift is held for it."""
    if ch in _SHIFTED:
        return _SHIFTED[ch], True
    if ch in _UNSHIFTED:
        return _UNSHIFTED[ch], False
    if ch.isascii() and ch.isalnum():
        return ch.lower(), ch.isupper()
    raise ValueError(f"no key for {ch!r} on a US keyboard")


def keystrokes(text: str, gap_ms: int, enter: bool = True) -> list[str]:
    """xdotool arguments typing ``text`` (then Return) key by key, ``gap_ms / 2`` after each key
    event: a character every ``gap_ms`` (twice that with Shift).

    A scanner (and a person) holds Shift around a capital or a colon: Shift down, key down, key up,
    Shift up, in that order, each a separate X key event. ``xdotool type`` releases Shift before
    the key, which no scanner does; so every event is spelled out.
    """
    args: list[str] = []
    half = str(max(gap_ms // 2, 1))
    for ch in text:
        key, shift = _keysym(ch)
        if shift:
            args += ["keydown", "--delay", half, "Shift_L"]
        args += ["key", "--delay", str(gap_ms), key]  # press, gap/2, release, gap/2
        if shift:
            args += ["keyup", "--delay", half, "Shift_L"]
    if enter:
        args += ["key", "--delay", str(gap_ms), "Return"]
    return args


def tap(x: int, y: int, hold_ms: int = 80) -> list[str]:
    """xdotool arguments for a finger's tap at screen point (x, y): move there, press, hold, lift.

    ``mousemove --sync`` waits until the pointer has left where it was, and xdotool gives up
    only after 15 s: a tap where the last one was (the same button again) would wait that long.
    So the pointer is first put a pixel beside the point, and the synced move is always a move.
    """
    beside = x - 1 if x > 0 else x + 1
    return [
        "mousemove", str(beside), str(y),
        "mousemove", "--sync", str(x), str(y),
        "sleep", "0.03",
        "mousedown", "1",
        "sleep", f"{hold_ms / 1000:.3f}",
        "mouseup", "1",
    ]  # fmt: skip
