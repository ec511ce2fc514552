"""Hardware behind small synchronous Protocols: card encoders and receipt printers.

Drivers know bytes and their device, never screens, services or the database.
"""
