"""The site server: the one process that opens the database and the keys; stations are its clients."""
