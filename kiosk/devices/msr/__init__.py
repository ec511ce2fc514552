"""MSR206 / MSR605-class magnetic-stripe encoders (the ESC command set of the MSR206 manual).

:mod:`~kiosk.devices.msr.protocol` is the wire codec (commands, replies, ISO 7811 track
character sets and the payload-to-track-2 mapping), :mod:`~kiosk.devices.msr.driver` the
:class:`~kiosk.devices.interfaces.CardEncoder` over a serial port, and
:mod:`~kiosk.devices.msr.emulator` an encoder on a pseudo-terminal that speaks the same codec.
"""
