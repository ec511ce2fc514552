"""The command loop the emulators' shells share (``kiosk emulate encoder|idreader``).

A person types commands (present, remove, fault, replug ...) at a prompt; a test or a script
pipes them in. When the commands run out the emulator does not quit: started with no terminal
(under a service manager, or ``setsid kiosk emulate ... < /dev/null &``) it keeps serving the
driver until it is stopped with SIGTERM or Ctrl-C, with the faults and cards its command line
gave it. Only ``quit``, or Ctrl-D at a terminal, ends it sooner. Either way the emulated port
and its link are removed on the way out.
"""

from __future__ import annotations

import shlex
import signal
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, TextIO

from kiosk.devices.ptylink import PtyDevice

#: What a session does with one command's words; ValueError is said as ``error: ...``.
Handler = Callable[[list[str]], None]


@dataclass
class Shell:
    """One emulator's session: its device, its commands and where it talks."""

    device: PtyDevice[Any]
    handle: Handler
    help_text: str
    out: TextIO
    prompt: str = "> "
    errors: tuple[type[Exception], ...] = (ValueError,)
    after_command: Callable[[], None] | None = None
    on_close: Callable[[], None] | None = None
    stop: threading.Event = field(default_factory=threading.Event)

    def say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def run(
        self, banner: Callable[[], str], stdin: TextIO | Iterable[str], commands: Sequence[str] = ()
    ) -> int:
        """Serve until ``quit``, Ctrl-D at a terminal, SIGTERM or Ctrl-C; the exit code.

        ``commands`` run first, as if typed (the command line's ``--present``).
        """
        try:
            self.device.start()
        except OSError as exc:
            self.say(f"cannot create the emulated port at {self.device.link.path or 'a pty'}: {exc}")
            return 1
        restore = _stop_on_sigterm()
        try:
            self.say(banner())
            for line in commands:
                self.command(line)
            interactive = bool(getattr(stdin, "isatty", lambda: False)())
            if self._read(stdin, interactive) and not interactive:
                self.say("no more commands: serving until stopped (SIGTERM or Ctrl-C)")
                self.stop.wait()
        except KeyboardInterrupt:
            self.say("stopped")
        finally:
            restore()
            self.device.close()
            if self.on_close is not None:
                self.on_close()
        return 0

    def _read(self, stdin: TextIO | Iterable[str], interactive: bool) -> bool:
        """Run commands as they come; False after ``quit``, True when the input ran out."""
        self._prompt(interactive)
        for line in stdin:
            if not self.command(line):
                return False
            self._prompt(interactive)
        return True

    def command(self, line: str) -> bool:
        """Run one command line; False for ``quit``."""
        try:
            words = shlex.split(line)
        except ValueError as exc:
            self.say(f"error: {exc}")
            return True
        if not words:
            return True
        verb = words[0].lower()
        if verb in ("quit", "exit"):
            return False
        try:
            if verb == "help":
                self.say(self.help_text)
            else:
                self.handle(words)
        except self.errors as exc:
            self.say(f"error: {exc}")
        if self.after_command is not None:
            self.after_command()
        return True

    def _prompt(self, interactive: bool) -> None:
        if interactive:
            self.out.write(self.prompt)
            self.out.flush()


def _stop_on_sigterm() -> Callable[[], None]:
    """SIGTERM stops the shell as Ctrl-C does; what puts the previous handler back.

    Only the main thread can take signals: a shell run on another thread (a test) is stopped
    with ``quit`` or its ``stop`` event instead.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)

    def restore() -> None:
        signal.signal(signal.SIGTERM, previous)

    return restore
