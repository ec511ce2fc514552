"""The visitor kiosk: its window, the journey pages, the card step and the on-screen keyboard."""
