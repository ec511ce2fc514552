// The on-screen keyboard of the kiosk: Qt Virtual Keyboard's panel, embedded in the widget window.
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Item {
    id: root
    objectName: "keyboardRoot"
    property bool panelActive: panel.active
    // Set by the widget, also while it is hidden, so the panel's height is known before it shows.
    property real panelWidth: 0

    InputPanel {
        id: panel
        objectName: "inputPanel"
        width: root.panelWidth > 0 ? root.panelWidth : root.width
        anchors.left: parent.left
        anchors.bottom: parent.bottom
    }

    // Pinyin's candidates get a strip of their own above the keys, there also while nothing is
    // being composed: the keyboard keeps one height (the widget follows the panel's implicit
    // height), and the page above does not jump at the first letter or after the last pick.
    Component.onCompleted: VirtualKeyboardSettings.wordCandidateList.alwaysVisible = true

    // Qt's Pinyin layout has no Shift (Chinese has no capitals): in its place is the syllable
    // separator ('), enabled only while Pinyin is being composed, and the default style draws a
    // disabled key's label at 5 % opacity: a wide key that looks blank, broken. Here it says what
    // it is (分词, as Chinese phone keyboards call it) and is only dimmed while there is nothing
    // to separate, when a tap does nothing.
    Connections {
        target: panel.keyboard.keyboardLayoutLoader
        function onLoaded() { root.labelSeparatorKey(panel.keyboard.keyboardLayoutLoader.item) }
    }
    function labelSeparatorKey(item) {
        if (!item || InputContext.locale !== "zh_CN")
            return
        for (const child of item.children) {
            if (child.keyType !== undefined && child.key === Qt.Key_Apostrophe) {
                child.objectName = "pinyinSeparatorKey"
                child.displayText = "分词"
                child.smallText = "'"
                child.smallTextVisible = true
                child.enabled = true
                child.noKeyEvent = Qt.binding(() => InputContext.preeditText.length === 0)
                child.opacity = Qt.binding(() => InputContext.preeditText.length === 0 ? 0.6 : 1)
            } else {
                labelSeparatorKey(child)
            }
        }
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
