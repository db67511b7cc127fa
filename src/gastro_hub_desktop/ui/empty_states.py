"""Panels whose capability arrives in a later version: what each will do and what to set up.
They show no figures at all, because nothing behind them is measured yet."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

BACKUPS_TEXT = (
    "<h2>Backups</h2>"
    "<p>Will back up the database and settings on a schedule, verify every backup, upload it "
    "to a remote of your choice (rclone) and restore with one click.</p>"
    "<p><b>Not available in this version:</b> no backups are made yet. Until then, copy the "
    "data folder shown by <tt>gastro-hub doctor</tt> while the app is closed.</p>"
)


class ComingLater(QWidget):
    def __init__(self, html_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(html_text)
        label.setWordWrap(True)
        label.setMaximumWidth(720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(label)
        layout.addStretch(1)
