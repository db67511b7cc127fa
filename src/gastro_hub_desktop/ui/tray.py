"""The tray icon: shows the unread count, opens the window, stops automatic replies (the
kill switch), quits the app."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from gastro_hub_desktop import APP_NAME


class Tray(QSystemTrayIcon):
    killSwitchToggled = Signal(bool)
    openConversation = Signal(int)

    def __init__(self, icon: QIcon, window: QWidget, quit_app: object) -> None:
        super().__init__(icon, window)
        self._window = window
        menu = QMenu(window)
        open_action = QAction(self.tr("Open %s") % APP_NAME, menu)
        open_action.triggered.connect(self._open)
        quit_action = QAction(self.tr("Quit"), menu)
        quit_action.triggered.connect(quit_app)  # type: ignore[arg-type]
        self.kill_action = QAction(self.tr("Stop all automatic replies"), menu)
        self.kill_action.setCheckable(True)
        self.kill_action.toggled.connect(self.killSwitchToggled)
        menu.addAction(open_action)
        menu.addAction(self.kill_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.setContextMenu(menu)
        self.activated.connect(self._activated)
        self._clicked_opens = 0
        self.messageClicked.connect(self._message_clicked)
        self.set_unread(0)

    def show_kill_switch(self, on: bool) -> None:
        """Mirror the kill switch's saved state (without toggling it again)."""
        self.kill_action.blockSignals(True)
        self.kill_action.setChecked(on)
        self.kill_action.blockSignals(False)

    def notify(self, title: str, text: str, conversation_id: int) -> None:
        """A customer message worth raising; a click on it opens the conversation."""
        self._clicked_opens = conversation_id
        self.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10000)

    def _message_clicked(self) -> None:
        self.openConversation.emit(self._clicked_opens)

    def alert(self, title: str, text: str) -> None:
        """A notification that needs the user (e.g. a stack service the watchdog gave up on)."""
        self._clicked_opens = 0
        self.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15000)

    def set_unread(self, unread: int) -> None:
        self.setToolTip(
            f"{APP_NAME} — "
            + (self.tr("%n unread", "", unread) if unread else self.tr("no unread"))
        )

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self._open()

    def _open(self) -> None:
        bring = getattr(self._window, "bring_to_front", None)
        if bring is not None:
            bring()
