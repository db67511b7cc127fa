"""The dialog to connect a Missive account: the API token (to the keyring), the team's own
addresses, how much history to fetch, and "Test connection" that asks Missive who the token
belongs to. All talking to Missive happens in the engine, never on the GUI thread."""

from __future__ import annotations

import concurrent.futures
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from gastro_hub_desktop.channels.missive.settings import API_URL, MissiveSettings
from gastro_hub_desktop.ui.account_dialog import AccountDialog

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge

TOKEN_HINT = QT_TRANSLATE_NOOP(
    "MissiveAccountDialog",
    "Create a token in Missive: Settings → API → Create a new token (a paid Missive plan "
    "allows API access). Replies you write here are saved in Missive as drafts for the team "
    "to review and send.",
)


class MissiveAccountDialog(AccountDialog):
    testing = QT_TRANSLATE_NOOP(
        "AccountDialog", "Testing… (asking Missive who this token belongs to)"
    )

    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(engine, bridge, parent)
        self.setWindowTitle(self.tr("Connect Missive"))
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.own_addresses = QLineEdit()
        self.own_addresses.setPlaceholderText(self.tr("info@firma.cz, obchod@firma.cz"))
        self.history_days = QSpinBox()
        self.history_days.setRange(1, 3650)
        self.history_days.setValue(90)
        self.api_url = QLineEdit(API_URL)
        self.hint = QLabel(self.tr(TOKEN_HINT))
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("API token"), self.token)
        form.addRow(self.tr("Team addresses"), self.own_addresses)
        form.addRow(self.tr("Fetch history (days)"), self.history_days)
        form.addRow(self.tr("API address"), self.api_url)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.test_button)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)

    def settings(self) -> MissiveSettings:
        """The account's email is filled in by the engine from what Missive says."""
        addresses = [a.strip() for a in self.own_addresses.text().replace(";", ",").split(",")]
        return MissiveSettings(
            user_email="",
            own_addresses=[a for a in addresses if a],
            api_url=self.api_url.text().strip().rstrip("/") or API_URL,
            history_days=self.history_days.value(),
        )

    def _missing(self) -> str | None:
        if not self.token.text().strip():
            return self.tr("Enter the Missive API token.")
        bad = [a for a in self.settings().own_addresses if "@" not in a]
        if bad:
            return self.tr("This is not an email address: ") + bad[0]
        if not self.settings().api_url.startswith(("https://", "http://")):
            return self.tr("The API address must start with https://")
        return None

    def _test(self) -> concurrent.futures.Future[str]:
        return self._engine.test_missive_account(self.settings(), self.token.text())

    def _add(self) -> concurrent.futures.Future[str]:
        return self._engine.add_missive_account(self.settings(), self.token.text())

    def _forget_secret(self) -> None:
        self.token.clear()
