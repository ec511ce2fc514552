"""Identity documents: masking for display and print. A full ID number is never shown."""

from __future__ import annotations


def mask_id_number(number: str) -> str:
    """``11010519491231002X`` -> ``1101**********002X``: the region and the last four only.

    Short numbers (passports) keep their last four and hide the rest.
    """
    cleaned = number.strip().upper()
    if len(cleaned) >= 15:
        return cleaned[:4] + "*" * (len(cleaned) - 8) + cleaned[-4:]
    if len(cleaned) > 4:
        return "*" * (len(cleaned) - 4) + cleaned[-4:]
    return "*" * len(cleaned)


def masked_from_last_four(last_four: str, length: int = 18) -> str:
    """What to print when only the last four are kept: ``**************002X``."""
    return "*" * max(0, length - len(last_four)) + last_four
