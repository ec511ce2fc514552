"""Money as whole fen (分), and the amount in Chinese capital numerals a receipt must carry."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from kiosk.domain.errors import ValidationError

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")
MAX_FEN = 10**16 - 1  # below 一万亿元 x 10: plenty for a front desk, and the units above cover it


def parse_yuan(text: str, field: str = "amount") -> int:
    """``"100"``, ``"100.5"`` or ``"100.50"`` yuan -> fen. Raises ValidationError saying why."""
    cleaned = text.strip().replace(",", "").replace("¥", "").replace("￥", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(field, "not_a_number") from None
    if not value.is_finite():
        raise ValidationError(field, "not_a_number")
    if value <= 0:
        raise ValidationError(field, "not_positive")
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValidationError(field, "too_many_decimals")
    if fen > MAX_FEN:
        raise ValidationError(field, "too_large")
    return int(fen)


def format_yuan(fen: int) -> str:
    """``12345`` -> ``"123.45"`` (figures as printed on a receipt)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{cents:02d}"


def _four_digits(group: int) -> str:
    """0 < group < 10000 -> 壹仟零伍 style, with zeros collapsed."""
    out = ""
    zero_pending = False
    for position in range(3, -1, -1):
        digit = group // 10**position % 10
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out += "零"
            zero_pending = False
        out += _DIGITS[digit] + _SMALL_UNITS[position]
    return out


def chinese_capital(fen: int) -> str:
    """The amount in capital numerals (大写金额), e.g. 10000 fen -> 壹佰元整, 100550 -> 壹仟零伍元伍角.

    Follows the usual accounting rules: a run of zeros inside the number is written once as 零,
    whole yuan end in 整, and a zero jiao before fen is written 零.
    """
    if fen < 0:
        return "负" + chinese_capital(-fen)
    if fen > MAX_FEN:
        raise ValueError(f"amount too large for a receipt: {fen} fen")
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    words = ""
    if yuan:
        groups = []
        rest = yuan
        while rest:
            groups.append(rest % 10000)
            rest //= 10000
        need_zero = False
        for index in range(len(groups) - 1, -1, -1):
            group = groups[index]
            if group == 0:
                need_zero = bool(words)
                continue
            if words and (need_zero or group < 1000):
                words += "零"
            words += _four_digits(group) + _BIG_UNITS[index]
            need_zero = False
        words += "元"
    if not jiao and not fen_digit:
        return (words or "零元") + "整"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif yuan:
        words += "零"
    if fen_digit:
        words += _DIGITS[fen_digit] + "分"
    return words
