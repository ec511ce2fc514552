"""The station side of the site server: its HTTP client, certificate pinning and event listener."""
