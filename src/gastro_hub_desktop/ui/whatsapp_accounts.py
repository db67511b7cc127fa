"""The WhatsApp tab's account bar and the dialog to connect Twilio or the Meta Cloud API: the
credentials (to the keyring, through the engine), how messages come in (the built-in webhook
receiver, polling), the approved templates for use outside the 24-hour window, and "Test
connection" that asks the provider for real."""

from __future__ import annotations

import concurrent.futures
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gastro_hub_desktop.channels.base import Health
from gastro_hub_desktop.channels.whatsapp.settings import Provider, WhatsAppSettings
from gastro_hub_desktop.domain.phones import to_e164
from gastro_hub_desktop.ui.account_dialog import AccountDialog
from gastro_hub_desktop.ui.accounts_bar import AccountsBar

if TYPE_CHECKING:
    from gastro_hub_desktop.engine.facade import Engine
    from gastro_hub_desktop.ui.bridge import EngineBridge

TEMPLATES_HINT = QT_TRANSLATE_NOOP(
    "WhatsAppAccountDialog",
    "One approved template per line: name or Content SID | language | number of variables | "
    "label, e.g.  order_update | cs | 2 | Order on its way",
)


def parse_templates(text: str) -> list[dict[str, Any]]:
    """The template lines of the dialog; raises ValueError naming the first bad line."""
    templates = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        parts += [""] * (4 - len(parts))
        ref, language, count, label = parts[:4]
        if not ref or (count and not count.isdigit()):
            raise ValueError(
                QCoreApplication.translate(
                    "WhatsAppAccountDialog",
                    "Template line {0} is not 'name | language | variables'.",
                ).format(number)
            )
        templates.append(
            {"ref": ref, "language": language, "variables": int(count or 0), "label": label or ref}
        )
    return templates


def template_lines(templates: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{t['ref']} | {t.get('language', '')} | {t.get('variables', 0)} | {t.get('label', '')}"
        for t in templates
    )


class WhatsAppAccountsBar(AccountsBar):
    kinds = ("whatsapp:",)
    empty_text = QT_TRANSLATE_NOOP("AccountsBar", "No WhatsApp account connected yet.")

    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(engine, bridge, parent)
        self.connect_button = self.new_button(QT_TRANSLATE_NOOP("AccountsBar", "Connect WhatsApp…"))
        self.connect_button.clicked.connect(self.add_account)
        self.dialog: WhatsAppAccountDialog | None = None

    def account_name(self, account_key: str) -> str:
        return "WhatsApp " + account_key.removeprefix("whatsapp:")

    def load_accounts(self) -> concurrent.futures.Future[list[tuple[str, str, dict[str, Any]]]]:
        return self._engine.whatsapp_accounts()

    def load_health(self) -> concurrent.futures.Future[dict[str, Health]]:
        return self._engine.whatsapp_health()

    def add_account(self) -> None:
        self.dialog = WhatsAppAccountDialog(self._engine, self._bridge, self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()


def _secret() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class WhatsAppAccountDialog(AccountDialog):
    testing = QT_TRANSLATE_NOOP(
        "AccountDialog", "Testing… (asking the provider about these credentials)"
    )

    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(engine, bridge, parent)
        self.setWindowTitle(self.tr("Connect WhatsApp"))
        self.provider = QComboBox()
        self.provider.addItem("Twilio", Provider.TWILIO.value)
        self.provider.addItem("Meta WhatsApp Cloud API", Provider.META.value)
        self.number = QLineEdit()
        self.number.setPlaceholderText("+420 601 234 567")
        self.display_name = QLineEdit()

        self.account_sid, self.auth_token = QLineEdit(), _secret()
        self.api_key_sid, self.api_secret = QLineEdit(), _secret()
        self.messaging_service_sid = QLineEdit()
        self.sandbox = QCheckBox(self.tr("Twilio sandbox (one message per 3 seconds)"))
        twilio = QWidget()
        form = QFormLayout(twilio)
        form.addRow(self.tr("Account SID"), self.account_sid)
        form.addRow(self.tr("Auth Token"), self.auth_token)
        form.addRow(self.tr("API key SID (optional)"), self.api_key_sid)
        form.addRow(self.tr("API key secret"), self.api_secret)
        form.addRow(self.tr("Messaging Service SID (optional)"), self.messaging_service_sid)
        form.addRow("", self.sandbox)

        self.phone_number_id, self.business_account_id = QLineEdit(), QLineEdit()
        self.access_token, self.app_secret, self.verify_token = _secret(), _secret(), _secret()
        meta = QWidget()
        form = QFormLayout(meta)
        form.addRow(self.tr("Phone number id"), self.phone_number_id)
        form.addRow(self.tr("WhatsApp Business Account id"), self.business_account_id)
        form.addRow(self.tr("Access token"), self.access_token)
        form.addRow(self.tr("App secret"), self.app_secret)
        form.addRow(self.tr("Webhook verify token"), self.verify_token)

        self.pages = QStackedWidget()
        self.pages.addWidget(twilio)
        self.pages.addWidget(meta)

        self.webhook_host = QLineEdit("127.0.0.1")
        self.webhook_port = QSpinBox()
        self.webhook_port.setRange(1, 65535)
        self.webhook_port.setValue(8765)
        self.public_url = QLineEdit()
        self.public_url.setPlaceholderText(
            self.tr("https://your-tunnel.example (where the provider posts)")
        )
        self.poll_seconds = QSpinBox()
        self.poll_seconds.setRange(0, 3600)
        self.poll_seconds.setSpecialValueText(self.tr("off"))
        self.api_url = QLineEdit()
        self.api_url.setPlaceholderText(self.tr("the provider's public API"))
        self.templates = QPlainTextEdit()
        self.templates.setPlaceholderText(self.tr(TEMPLATES_HINT))
        self.templates.setMaximumHeight(80)
        self.webhook_hint = QLabel()
        self.webhook_hint.setWordWrap(True)
        self.webhook_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QFormLayout()
        top.addRow(self.tr("Provider"), self.provider)
        top.addRow(self.tr("WhatsApp number"), self.number)
        top.addRow(self.tr("Name shown"), self.display_name)
        receiving = QFormLayout()
        receiving.addRow(self.tr("Webhook receiver address"), self.webhook_host)
        receiving.addRow(self.tr("Webhook receiver port"), self.webhook_port)
        receiving.addRow(self.tr("Public URL"), self.public_url)
        receiving.addRow(self.tr("Also poll every (seconds)"), self.poll_seconds)
        receiving.addRow(self.tr("API address"), self.api_url)
        receiving.addRow(self.tr("Approved templates"), self.templates)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addLayout(receiving)
        layout.addWidget(self.webhook_hint)
        layout.addWidget(self.test_button)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.provider.currentIndexChanged.connect(self._provider_chosen)
        self.number.textChanged.connect(self._show_webhook)
        self.public_url.textChanged.connect(self._show_webhook)
        self.webhook_port.valueChanged.connect(self._show_webhook)
        self._provider_chosen()

    def _provider_chosen(self) -> None:
        self.pages.setCurrentIndex(self.provider.currentIndex())
        self._show_webhook()

    def _show_webhook(self) -> None:
        number = to_e164(self.number.text()) if self.number.text().strip() else None
        if number is None:
            self.webhook_hint.setText(self.tr("Enter the number to see the webhook address."))
            return
        path = WhatsAppSettings(Provider(self.provider.currentData()), number).webhook_path
        base = self.public_url.text().strip().rstrip("/") or self.tr("https://<your tunnel>")
        local = f"http://{self.webhook_host.text().strip()}:{self.webhook_port.value()}{path}"
        self.webhook_hint.setText(
            self.tr("Webhook URL to enter at the provider: ")
            + base
            + path
            + self.tr("  (received on this PC at ")
            + local
            + ")"
        )

    # ------------------------------------------------------------ what the engine gets

    def settings(self) -> WhatsAppSettings:
        return WhatsAppSettings(
            provider=Provider(self.provider.currentData()),
            number=self.number.text().strip(),
            display_name=self.display_name.text().strip(),
            account_sid=self.account_sid.text().strip(),
            api_key_sid=self.api_key_sid.text().strip(),
            messaging_service_sid=self.messaging_service_sid.text().strip(),
            sandbox=self.sandbox.isChecked(),
            phone_number_id=self.phone_number_id.text().strip(),
            business_account_id=self.business_account_id.text().strip(),
            api_url=self.api_url.text().strip(),
            webhook_host=self.webhook_host.text().strip() or "127.0.0.1",
            webhook_port=self.webhook_port.value(),
            public_url=self.public_url.text().strip(),
            poll_seconds=self.poll_seconds.value(),
            templates=parse_templates(self.templates.toPlainText()),
        )

    def secrets(self) -> dict[str, str]:
        fields = {
            "auth_token": self.auth_token,
            "api_secret": self.api_secret,
            "access_token": self.access_token,
            "app_secret": self.app_secret,
            "verify_token": self.verify_token,
        }
        return {k: f.text().strip() for k, f in fields.items() if f.text().strip()}

    def _missing(self) -> str | None:
        if to_e164(self.number.text()) is None:
            return self.tr("Enter the WhatsApp number with its country code (+420…).")
        try:
            parse_templates(self.templates.toPlainText())
        except ValueError as exc:
            return str(exc)
        provider = Provider(self.provider.currentData())
        secrets = self.secrets()
        if provider is Provider.TWILIO:
            if not self.account_sid.text().strip() or "auth_token" not in secrets:
                return self.tr("Enter the Account SID and Auth Token (Twilio Console).")
            if self.api_key_sid.text().strip() and "api_secret" not in secrets:
                return self.tr("Enter the API key's secret, or leave the API key SID empty.")
        elif (
            not self.phone_number_id.text().strip()
            or not {
                "access_token",
                "app_secret",
            }
            <= secrets.keys()
        ):
            return self.tr("Enter the phone number id, access token and app secret.")
        return None

    def _test(self) -> concurrent.futures.Future[str]:
        return self._engine.test_whatsapp_account(self.settings(), self.secrets())

    def _add(self) -> concurrent.futures.Future[str]:
        return self._engine.add_whatsapp_account(self.settings(), self.secrets())

    def _forget_secret(self) -> None:
        for field in (
            self.auth_token,
            self.api_secret,
            self.access_token,
            self.app_secret,
            self.verify_token,
        ):
            field.clear()
