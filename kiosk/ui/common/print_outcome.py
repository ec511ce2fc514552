"""How a printout made now at this desk went, said in the page's status line: the page's words for
done, or its words for not printed with the printer's problem in the desk's words."""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.domain.views import PrintOutcome
from kiosk.printing.send import Printer
from kiosk.ui.common.widgets import StatusLabel, print_problem


def say_printed(
    status: StatusLabel, printers: Sequence[Printer], outcome: PrintOutcome, words: tuple[str, str]
) -> None:
    """``words``: (not printed, with %1 for the problem; printed)."""
    not_printed, printed = words
    if outcome.error:
        status.show_error(not_printed.replace("%1", print_problem(printers, outcome.error)))
    else:
        status.setText(printed)
