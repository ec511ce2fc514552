"""NXP PN532 over HSU (serial) with Mifare Classic 1K cards: frame codec, card model, emulator, driver."""
