"""What the kiosk and the console share: widgets, messages, the scanner, background work, translations."""
