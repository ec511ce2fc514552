"""What the services know of their site (the value lives in the domain, shared with the stations)."""

from kiosk.domain.site import SiteInfo

__all__ = ["SiteInfo"]
