"""Layout: document models -> ESC/POS bytes. The preview parses the same bytes back."""
