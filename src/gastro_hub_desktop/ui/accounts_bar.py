"""The bar above a channel tab's inbox: one line per connected account with its measured state
and the time of the last real check ("connected" only after one), and the buttons that add
accounts. Subclasses say which accounts are theirs and where to load them from."""

from __future__ import annotations

import concurrent.futures
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from gastro_hub_desktop.channels.base import Health, HealthState
from gastro_hub_desktop.engine.events import ChannelHealthChanged, EngineEvent, EngineStarted
from gastro_hub_desktop.ui.inbox_model import format_when

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge

STATE_WORDS = {  # shown through QCoreApplication.translate("AccountsBar", …)
    HealthState.UNKNOWN: QT_TRANSLATE_NOOP("AccountsBar", "not checked yet"),
    HealthState.CONNECTED: QT_TRANSLATE_NOOP("AccountsBar", "connected"),
    HealthState.RETRYING: QT_TRANSLATE_NOOP("AccountsBar", "retrying"),
    HealthState.NEEDS_ATTENTION: QT_TRANSLATE_NOOP("AccountsBar", "needs attention"),
}


def state_words(state: HealthState) -> str:
    return QCoreApplication.translate("AccountsBar", STATE_WORDS[state])


class AccountsBar(QWidget):
    kinds: tuple[str, ...] = ()  # account key prefixes this bar shows
    # texts given by subclasses are marked QT_TRANSLATE_NOOP("AccountsBar", …)
    empty_text = QT_TRANSLATE_NOOP("AccountsBar", "No account added yet.")

    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self._lines: dict[str, str] = {}
        self.summary = QLabel(QCoreApplication.translate("AccountsBar", self.empty_text))
        self.summary.setWordWrap(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.summary, 1)
        bridge.event.connect(self._on_event)

    # ------------------------------------------------------------ what subclasses provide

    def account_name(self, account_key: str) -> str:
        return account_key.split(":", 1)[-1]

    def load_accounts(self) -> concurrent.futures.Future[list[tuple[str, str, dict[str, Any]]]]:
        raise NotImplementedError

    def load_health(self) -> concurrent.futures.Future[dict[str, Health]]:
        raise NotImplementedError

    # ------------------------------------------------------------ the bar

    def new_button(self, text: str) -> QPushButton:
        button = QPushButton(QCoreApplication.translate("AccountsBar", text))
        self._layout.addWidget(button)
        return button

    def _on_event(self, event: EngineEvent) -> None:
        if isinstance(event, EngineStarted):
            self.refresh()
        elif isinstance(event, ChannelHealthChanged) and event.account_key.startswith(self.kinds):
            h = event.health
            when = (
                QCoreApplication.translate("AccountsBar", " (checked {0})").format(
                    format_when(h.checked_at)
                )
                if h.checked_at
                else ""
            )
            detail = f": {h.message}" if h.state is not HealthState.CONNECTED and h.message else ""
            name = self.account_name(event.account_key)
            self._lines[event.account_key] = f"{name} — {state_words(h.state)}{when}{detail}"
            self._show()

    def refresh(self) -> None:
        self._bridge.call(self.load_accounts(), self._accounts_loaded)

    def _accounts_loaded(self, accounts: list[tuple[str, str, dict[str, Any]]]) -> None:
        for key, _name, _settings in accounts:
            if key.startswith(self.kinds):
                name = self.account_name(key)
                self._lines.setdefault(key, f"{name} — {state_words(HealthState.UNKNOWN)}")
        self._show()
        self._bridge.call(self.load_health(), self._health_loaded)

    def _health_loaded(self, health: dict[str, Health]) -> None:
        for key, h in health.items():
            self._on_event(ChannelHealthChanged(key, h))

    def _show(self) -> None:
        if self._lines:
            self.summary.setText("\n".join(self._lines[k] for k in sorted(self._lines)))
