"""The one way an error becomes words on a screen, and a line in the log."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.domain.errors import ValidationError
from kiosk.ui.common.messages import error_message, log_failure, validation_message


def test_a_refusal_with_no_sentence_yet_says_check_the_entry_without_the_error_text(
    qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    error = ValidationError("owner_consent", "not_worded_yet", owner="赵伟")
    assert validation_message(error) == "Please check the entry."
    assert error_message(error) == "Please check the entry."
    # The log names the code that needs a sentence, and nobody's name.
    assert "owner_consent.not_worded_yet" in caplog.text
    assert "赵伟" not in caplog.text


def test_a_refusal_is_logged_at_info_with_its_code_and_a_fault_at_error_with_its_cause(
    caplog: pytest.LogCaptureFixture,
) -> None:
    log = logging.getLogger("kiosk.test")
    caplog.set_level(logging.INFO)
    log_failure(log, "releasing slip S000001", ValidationError("owner_consent", "refused", owner="赵伟"))
    (refusal,) = caplog.records
    assert (refusal.levelno, refusal.getMessage()) == (
        logging.INFO,
        "releasing slip S000001 refused: owner_consent.refused",
    )
    assert "赵伟" not in caplog.text
    caplog.clear()
    try:
        raise OSError("printer gone")
    except OSError as fault:
        log_failure(log, "printing", fault)
    (failure,) = caplog.records
    assert failure.levelno == logging.ERROR and failure.exc_info is not None
    assert "printer gone" in caplog.text
