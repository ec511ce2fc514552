"""Small HTTP endpoints the desk console serves on the site's network (the host's decision page)."""
