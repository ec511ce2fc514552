"""Resident ID-card readers (二代身份证阅读器) that speak the SAM serial protocol.

:mod:`~kiosk.devices.idreader.protocol` is the frame codec of the reader's security module
(SAM_V, GA 467-2013), :mod:`~kiosk.devices.idreader.text` the parser of the card's 256-byte text
block, :mod:`~kiosk.devices.idreader.driver` the reader over a serial port and
:mod:`~kiosk.devices.idreader.emulator` a reader on a pseudo-terminal that speaks the same codec.
"""
