"""Lobby Kiosk: visitor self-check-in and front-desk console for a building lobby and IDC desk."""

__version__ = "0.1.0"
