"""The tray icon: shows the unread count, opens the window, quits the app."""

from __future__ import annotations

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from gastro_hub_desktop import APP_NAME


class Tray(QSystemTrayIcon):
    def __init__(self, icon: QIcon, window: QWidget, quit_app: object) -> None:
        super().__init__(icon, window)
        self._window = window
        menu = QMenu(window)
        open_action = QAction(self.tr("Open %s") % APP_NAME, menu)
        open_action.triggered.connect(self._open)
        quit_action = QAction(self.tr("Quit"), menu)
        quit_action.triggered.connect(quit_app)  # type: ignore[arg-type]
        menu.addAction(open_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.setContextMenu(menu)
        self.activated.connect(self._activated)
        self.set_unread(0)

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
