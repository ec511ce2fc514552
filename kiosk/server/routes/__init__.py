"""The API's endpoints, one module per area; each names its action (kiosk.api.permissions)."""
