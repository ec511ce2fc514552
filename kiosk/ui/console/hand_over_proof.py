"""What a person gives at the desk when something is handed to them (mail, a lost item) or lent
(keys): the kind of ID shown and only its last four characters, and where they sign, their name
typed again with a tick that they received it. The fields keep the page's object names (its
prefix); who signs for what is worded by the page, the rest here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLineEdit

from kiosk.ui.common.widgets import id_type_combo, named


class IdLastFour:
    """The ID type and its last four side by side in ``row``. ``longest``: what the field takes (more
    than four lets the server say why a whole number typed there is refused); ``narrow``: four
    characters' room only, where more goes on the same row."""

    def __init__(self, prefix: str, longest: int = 4, narrow: bool = False) -> None:
        self.type_combo = id_type_combo(
            f"{prefix}IdTypeCombo", QCoreApplication.translate("HandOverProof", "ID type")
        )
        self.last_four_edit = named(
            QLineEdit(),
            f"{prefix}LastFourEdit",
            QCoreApplication.translate("HandOverProof", "Last four of the ID number"),
        )
        self.last_four_edit.setPlaceholderText(
            QCoreApplication.translate("HandOverProof", "Last four characters only, e.g. 002X")
        )
        self.last_four_edit.setMaxLength(longest)
        if narrow:
            edit = self.last_four_edit
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("MMMMMM") + 16)
        self.row = QHBoxLayout()
        self.row.addWidget(self.type_combo)
        self.row.addWidget(self.last_four_edit, 0 if narrow else 1)

    def values(self) -> tuple[str, str]:
        """The ID type's key and the characters typed as its last four."""
        return str(self.type_combo.currentData()), self.last_four_edit.text()


class HandOverProof:
    """The ID (type, last four) and the signature: the name typed in ``{prefix}{signed}Edit`` and
    the tick ``{prefix}{signed}Check``. ``who_types``: the signature's hint; ``received``: the
    tick's words; ``confirmation``: the tick's accessible name (each names who receives what)."""

    def __init__(self, prefix: str, signed: str, words: tuple[str, str, str], longest: int = 4) -> None:
        who_types, received, confirmation = words
        self.id = IdLastFour(prefix, longest)
        self.signature_edit = named(
            QLineEdit(), f"{prefix}{signed}Edit", QCoreApplication.translate("HandOverProof", "Signature")
        )
        self.signature_edit.setPlaceholderText(who_types)
        self.signature_check = named(QCheckBox(received), f"{prefix}{signed}Check", confirmation)
        # Cleared when the hand-over is done, and when the console locks.
        self.edits = (self.id.last_four_edit, self.signature_edit)

    def add_rows(self, form: QFormLayout, id_label: str) -> None:
        """The ID row under ``id_label``, the signature, and the tick under it."""
        form.addRow(id_label, self.id.row)
        form.addRow(QCoreApplication.translate("HandOverProof", "Signature"), self.signature_edit)
        form.addRow("", self.signature_check)

    def values(self) -> tuple[str, str, str, bool]:
        """ID type, its last four, the name typed as signature, and whether the box is ticked."""
        id_type, last_four = self.id.values()
        return id_type, last_four, self.signature_edit.text(), self.signature_check.isChecked()

    def clear(self) -> None:
        for edit in self.edits:
            edit.clear()
        self.signature_check.setChecked(False)
