"""The status bar's word on office mode: who fetches and sends for the office right now (read
from PostgreSQL's lock table every 15 seconds, never assumed), or that nobody does."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge

CHECK_MS = 15_000


def leader_host(member: str) -> str:
    """ "gastro-hub processor@server:123:45" → "server" (the PC the leader runs on)."""
    head = member.removeprefix("gastro-hub ").split(":")[0]
    return head.partition("@")[2] or member


class OfficeStatus(QLabel):
    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self.setVisible(False)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self.refresh()
        self._timer.start()

    def refresh(self) -> None:
        self._bridge.call(self._engine.office_status(), self.show_status, lambda _e: None)

    def show_status(self, status: dict[str, Any]) -> None:
        if not status.get("enabled") and status.get("role") != "processor":
            self.setVisible(False)
            self._timer.stop()
            return
        self.setVisible(True)
        leader = status.get("leader")
        if status.get("leading"):
            self.setText(self.tr("Office mode: this PC fetches and sends"))
            self.setStyleSheet("")
        elif leader is not None:
            self.setText(
                self.tr("Office mode: fetched and sent by the processor on %1").replace(
                    "%1", leader_host(leader.member)
                )
            )
            self.setStyleSheet("")
        else:
            self.setText(
                self.tr("Office mode: no processor is running — messages are not being fetched")
            )
            self.setStyleSheet("color: #b00020; font-weight: bold;")
