"""The Email tab's account bar (each account and its measured health) and the dialog to add an
account: presets for Gmail and Microsoft 365, any IMAP/SMTP server, and "Test connection"."""

from __future__ import annotations

import concurrent.futures
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.channels.base import Health
from gastro_hub_desktop.channels.email.settings import PRESETS, Auth, EmailSettings, Security
from gastro_hub_desktop.ui.accounts_bar import AccountsBar
from gastro_hub_desktop.ui.bridge import user_message
from gastro_hub_desktop.ui.missive_account_dialog import MissiveAccountDialog

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge

MAIL_KINDS = ("email:", "missive:")


def account_name(account_key: str) -> str:
    """What the bar calls an account: its address, and "Missive" for a Missive account."""
    if account_key.startswith("missive:"):
        return "Missive " + account_key.removeprefix("missive:")
    return account_key.removeprefix("email:")


SECURITY_LABELS = {  # shown through self.tr() (context EmailAccountDialog)
    Security.SSL: "SSL/TLS",
    Security.STARTTLS: "STARTTLS",
    Security.NONE: QT_TRANSLATE_NOOP("EmailAccountDialog", "None"),
}
# the presets' sign-in hints (channels/email/settings.py), shown through self.tr()
PRESET_HINTS = (
    QT_TRANSLATE_NOOP(
        "EmailAccountDialog",
        "Google refuses your normal password here: create an app password "
        "(Google account → Security → 2-Step Verification → App passwords) or use OAuth2.",
    ),
    QT_TRANSLATE_NOOP(
        "EmailAccountDialog",
        "Microsoft 365 may have basic sign-in turned off: ask your admin to allow IMAP/SMTP "
        "AUTH for this mailbox, or use an app password or an OAuth2 token.",
    ),
)


class EmailAccountsBar(AccountsBar):
    """One line per email or Missive account: address, state and the last real check."""

    kinds = MAIL_KINDS
    empty_text = QT_TRANSLATE_NOOP("AccountsBar", "No email account added yet.")

    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(engine, bridge, parent)
        self.add_button = self.new_button(QT_TRANSLATE_NOOP("AccountsBar", "Add account…"))
        self.add_button.clicked.connect(self.add_account)
        self.add_missive_button = self.new_button(
            QT_TRANSLATE_NOOP("AccountsBar", "Connect Missive…")
        )
        self.add_missive_button.clicked.connect(self.add_missive)
        self.dialog: EmailAccountDialog | None = None
        self.missive_dialog: MissiveAccountDialog | None = None

    def account_name(self, account_key: str) -> str:
        return account_name(account_key)

    def load_accounts(self) -> concurrent.futures.Future[list[tuple[str, str, dict[str, Any]]]]:
        return self._engine.email_accounts()

    def load_health(self) -> concurrent.futures.Future[dict[str, Health]]:
        return self._engine.email_health()

    def add_account(self) -> None:
        self.dialog = EmailAccountDialog(self._engine, self._bridge, self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()

    def add_missive(self) -> None:
        self.missive_dialog = MissiveAccountDialog(self._engine, self._bridge, self)
        self.missive_dialog.accepted.connect(self.refresh)
        self.missive_dialog.open()


class EmailAccountDialog(QDialog):
    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._bridge = bridge
        self.setWindowTitle(self.tr("Add email account"))
        self.provider = QComboBox()
        for key, preset in PRESETS.items():
            self.provider.addItem(preset.name, key)
        self.provider.addItem(self.tr("Other IMAP/SMTP server"), "")
        self.address = QLineEdit()
        self.display_name = QLineEdit()
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("the email address, if left empty"))
        self.auth = QComboBox()
        self.auth.addItem(self.tr("Password or app password"), Auth.PASSWORD.value)
        self.auth.addItem(self.tr("OAuth2 access token"), Auth.XOAUTH2.value)
        self.auth.addItem(self.tr("OAuth2 refresh token"), Auth.OAUTH2_REFRESH.value)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        # OAuth2 refresh token: the app renews access tokens itself at the token endpoint
        self.client_id = QLineEdit()
        self.client_secret = QLineEdit()
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.client_secret.setPlaceholderText(self.tr("leave empty if the app has none"))
        self.refresh_token = QLineEdit()
        self.refresh_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_endpoint = QLineEdit()
        self.token_endpoint.setPlaceholderText("https://…")
        self.imap_host, self.smtp_host = QLineEdit(), QLineEdit()
        self.imap_port, self.smtp_port = QSpinBox(), QSpinBox()
        for port in (self.imap_port, self.smtp_port):
            port.setRange(1, 65535)
        self.imap_security, self.smtp_security = QComboBox(), QComboBox()
        for box in (self.imap_security, self.smtp_security):
            for security, label in SECURITY_LABELS.items():
                box.addItem(self.tr(label), security.value)
        self.history_days = QSpinBox()
        self.history_days.setRange(1, 3650)
        self.history_days.setValue(90)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Provider"), self.provider)
        form.addRow(self.tr("Email address"), self.address)
        form.addRow(self.tr("Your name"), self.display_name)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Sign-in"), self.auth)
        form.addRow(self.tr("Password / token"), self.secret)
        form.addRow(self.tr("Client id"), self.client_id)
        form.addRow(self.tr("Client secret"), self.client_secret)
        form.addRow(self.tr("Refresh token"), self.refresh_token)
        form.addRow(self.tr("Token endpoint"), self.token_endpoint)
        self._form = form
        form.addRow(
            self.tr("IMAP server"), self._row(self.imap_host, self.imap_port, self.imap_security)
        )
        form.addRow(
            self.tr("SMTP server"), self._row(self.smtp_host, self.smtp_port, self.smtp_security)
        )
        form.addRow(self.tr("Fetch history (days)"), self.history_days)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.test_button)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.provider.currentIndexChanged.connect(self._preset_chosen)
        self._preset_chosen()
        self.auth.currentIndexChanged.connect(self._auth_chosen)
        self._auth_chosen()

    @staticmethod
    def _row(host: QLineEdit, port: QSpinBox, security: QComboBox) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(host, 1)
        layout.addWidget(port)
        layout.addWidget(security)
        return row

    def _refresh_chosen(self) -> bool:
        return bool(self.auth.currentData() == Auth.OAUTH2_REFRESH.value)

    def _auth_chosen(self) -> None:
        refresh = self._refresh_chosen()
        self._form.setRowVisible(self.secret, not refresh)
        for field in (self.client_id, self.client_secret, self.refresh_token, self.token_endpoint):
            self._form.setRowVisible(field, refresh)

    def _preset_chosen(self) -> None:
        preset = PRESETS.get(self.provider.currentData() or "")
        endpoints = {p.oauth_token_endpoint for p in PRESETS.values()}
        if preset is not None or self.token_endpoint.text() in endpoints:
            self.token_endpoint.setText(preset.oauth_token_endpoint if preset else "")
        if preset is None:
            self.hint.setText(self.tr("Enter the servers your provider gives for IMAP and SMTP."))
            return
        self.imap_host.setText(preset.imap_host)
        self.imap_port.setValue(preset.imap_port)
        self.imap_security.setCurrentIndex(self.imap_security.findData(preset.imap_security.value))
        self.smtp_host.setText(preset.smtp_host)
        self.smtp_port.setValue(preset.smtp_port)
        self.smtp_security.setCurrentIndex(self.smtp_security.findData(preset.smtp_security.value))
        self.hint.setText(self.tr(preset.login_hint))

    def settings(self) -> EmailSettings:
        return EmailSettings(
            address=self.address.text().strip(),
            display_name=self.display_name.text().strip(),
            username=self.username.text().strip(),
            auth=Auth(self.auth.currentData()),
            imap_host=self.imap_host.text().strip(),
            imap_port=self.imap_port.value(),
            imap_security=Security(self.imap_security.currentData()),
            smtp_host=self.smtp_host.text().strip(),
            smtp_port=self.smtp_port.value(),
            smtp_security=Security(self.smtp_security.currentData()),
            history_days=self.history_days.value(),
            oauth_client_id=self.client_id.text().strip() if self._refresh_chosen() else "",
            oauth_token_endpoint=(
                self.token_endpoint.text().strip() if self._refresh_chosen() else ""
            ),
        )

    def _secrets(self) -> tuple[str, str]:
        """What goes to the keyring: the password or token, or the refresh token and the
        client secret."""
        if self._refresh_chosen():
            return self.refresh_token.text().strip(), self.client_secret.text().strip()
        return self.secret.text(), ""

    def _forget_secrets(self) -> None:
        for field in (self.secret, self.client_secret, self.refresh_token):
            field.clear()

    def _missing(self) -> str | None:
        s = self.settings()
        if "@" not in s.address:
            return self.tr("Enter the email address.")
        if not s.imap_host or not s.smtp_host:
            return self.tr("Enter the IMAP and SMTP servers.")
        if s.auth is Auth.OAUTH2_REFRESH:
            if not s.oauth_client_id:
                return self.tr("Enter the client id the refresh token was issued to.")
            if not self.refresh_token.text().strip():
                return self.tr("Enter the refresh token.")
            if not s.oauth_token_endpoint.startswith(("https://", "http://")):
                return self.tr("Enter the token endpoint (an https:// address).")
        elif not self.secret.text():
            return self.tr("Enter the password, app password or token.")
        return None

    def _busy(self, text: str) -> None:
        self.result.setText(text)
        self.test_button.setEnabled(False)
        self.buttons.setEnabled(False)

    def _done(self, text: str) -> None:
        self.result.setText(text)
        self.test_button.setEnabled(True)
        self.buttons.setEnabled(True)

    def test_connection(self) -> None:
        if (problem := self._missing()) is not None:
            self.result.setText(problem)
            return
        self._busy(self.tr("Testing… (logging in to IMAP and SMTP)"))
        self._bridge.call(
            self._engine.test_email_account(self.settings(), *self._secrets()),
            lambda summary: self._done("✔ " + summary),
            lambda exc: self._done("✘ " + user_message(exc)),
        )

    def save(self) -> None:
        if (problem := self._missing()) is not None:
            self.result.setText(problem)
            return
        self._busy(self.tr("Checking and saving…"))
        self._bridge.call(
            self._engine.add_email_account(self.settings(), *self._secrets()),
            lambda _summary: (self._forget_secrets(), self.accept()),
            lambda exc: self._done("✘ " + user_message(exc)),
        )
