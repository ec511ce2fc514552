// The on-screen keyboard of the kiosk: Qt Virtual Keyboard's panel, embedded in the widget window.
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Item {
    id: root
    objectName: "keyboardRoot"
    property bool panelActive: panel.active

    InputPanel {
        id: panel
        objectName: "inputPanel"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }

    function setLocale(locale) {
        VirtualKeyboardSettings.locale = locale
        return InputContext.locale
    }
    function setUserDataPath(path) {
        VirtualKeyboardSettings.userDataPath = path
    }
    // What the pinyin plugin learned is dropped from memory too, not only from disk.
    function resetUserData() {
        VirtualKeyboardSettings.userDataReset()
    }
    // A key as the visitor's finger presses it (the same call Qt's own keyboard tests use).
    function tapKey(key, text) {
        return InputContext.inputEngine.virtualKeyClick(key, text, 0)
    }
}
