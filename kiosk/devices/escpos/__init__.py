"""ESC/POS: the project's own parser and picture of a printout, status replies, transports."""
