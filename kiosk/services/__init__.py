"""The use cases of the front desk. Plain Python, no Qt; each owns its transaction and audit."""
