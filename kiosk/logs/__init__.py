"""The process's own log: where it goes (setup), crashes in it (crash), reading it back (reader),
personal numbers masked on the way (masking). No Qt here: kiosk/ui/common/qt_log.py brings Qt's."""
