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


class Permission(enum.Enum):
    """What a signed-in staff member may do at the console."""

    VIEW_BOARD = "view_board"
    DECIDE_VISITS = "decide_visits"  # approve/decline for the host, check out, reprint
    RELEASE_HOLDS = "release_holds"  # watchlist holds
    MANAGE_WATCHLIST = "manage_watchlist"
    PRINT_QUEUE = "print_queue"
    PRE_REGISTER = "pre_register"
    EVACUATION = "evacuation"
    MANAGE_STAFF = "manage_staff"


_RECEPTION = frozenset(
    {
        Permission.VIEW_BOARD,
        Permission.DECIDE_VISITS,
        Permission.PRINT_QUEUE,
        Permission.PRE_REGISTER,
        Permission.EVACUATION,
    }
)

# Decided: a guard sees the board and the evacuation list (roll call) but decides nothing;
# sales pre-register their customers; only supervisors touch the watchlist; admins do everything.
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.RECEPTIONIST: _RECEPTION,
    Role.SUPERVISOR: _RECEPTION | {Permission.RELEASE_HOLDS, Permission.MANAGE_WATCHLIST},
    Role.GUARD: frozenset({Permission.VIEW_BOARD, Permission.EVACUATION}),
    Role.SALES: frozenset({Permission.VIEW_BOARD, Permission.PRE_REGISTER}),
    Role.ADMIN: frozenset(Permission),
}


def allowed(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]
