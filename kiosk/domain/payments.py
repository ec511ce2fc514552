"""Rules for money taken at the desk: receipt numbers, which payments are deposits, amounts."""

from __future__ import annotations

from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.money import MAX_FEN

# Deposits come back when the card or pass is returned; fees collected for finance do not.
DEPOSITS = frozenset(
    {
        ReceiptPurpose.CARD_DEPOSIT,
        ReceiptPurpose.PASS_DEPOSIT,
        ReceiptPurpose.DECORATION_PASS_DEPOSIT,
        ReceiptPurpose.DECORATION_BOND,
    }
)


def format_receipt_number(value: int) -> str:
    """``R`` and six digits (R000107), from one database counter shared by receipts and refunds,
    so the receipt book has no gaps and no number twice."""
    if value < 1:
        raise ValueError(f"receipt counter must be positive, got {value}")
    return f"R{value:06d}"


def check_amount(fen: int) -> int:
    """An amount a receipt can carry: positive whole fen, below the capital-numeral limit."""
    if fen <= 0:
        raise ValidationError("amount", "not_positive")
    if fen > MAX_FEN:
        raise ValidationError("amount", "too_large")
    return fen
