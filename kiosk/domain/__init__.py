"""Rules and value types of the front desk, with no I/O and no Qt."""
