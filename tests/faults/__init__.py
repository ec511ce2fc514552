"""Faults: processes killed for real at named points, and what a restart finds."""
