"""Staff roles and the rules for signing in."""

from __future__ import annotations

import enum
from datetime import timedelta

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
PIN_MIN_LENGTH = 4


class Role(enum.Enum):
    RECEPTIONIST = "receptionist"  # 前台
    SUPERVISOR = "supervisor"  # 客服主管
    GUARD = "guard"  # 护卫员
    SALES = "sales"  # 销售
    ADMIN = "admin"  # 管理员
