"""Domain errors carry a stable code; the UI turns the code into a message in the user's language."""

from __future__ import annotations


class ValidationError(ValueError):
    """A value a person typed is not acceptable.

    ``field`` names the input, ``code`` says what is wrong (stable, for translation) and
    ``params`` fills the message (for example the maximum length).
    """

    def __init__(self, field: str, code: str, **params: object) -> None:
        self.field = field
        self.code = code
        self.params = params
        detail = ", ".join(f"{k}={v!r}" for k, v in params.items())
        super().__init__(f"{field}: {code}" + (f" ({detail})" if detail else ""))
