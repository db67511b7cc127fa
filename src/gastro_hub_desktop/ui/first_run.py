"""The first-run wizard: language, where the data lives, which channels to connect (each
with its own Test connection dialog), the AI provider, and backups. It can be skipped and run
again from the Help menu; the app is useful with sample data before anything is connected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from gastro_hub_desktop.domain.messages import ChannelTab
from gastro_hub_desktop.ui import i18n

if TYPE_CHECKING:
    from pathlib import Path

    from gastro_hub_desktop.ui.main_window import MainWindow

DONE_KEY = "ui.first_run_done"


def _page(title: str, text: str) -> tuple[QWizardPage, QVBoxLayout]:
    page = QWizardPage()
    page.setTitle(title)
    layout = QVBoxLayout(page)
    label = QLabel(text)
    label.setWordWrap(True)
    layout.addWidget(label)
    return page, layout


class FirstRunWizard(QWizard):
    def __init__(self, window: MainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.window_ = window
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Welcome to Gastro Hub"))
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Skip"))
        self.customButtonClicked.connect(lambda _which: self.skip())

        page, layout = _page(
            self.tr("Language"),
            self.tr("Gastro Hub speaks Czech, German and English. You can change it later."),
        )
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(i18n.current()), 0))
        layout.addWidget(self.language)
        self.sample = QCheckBox(self.tr("Load sample conversations to look around first"))
        layout.addWidget(self.sample)
        self.addPage(page)

        page, layout = _page(
            self.tr("Your data"),
            self.tr(
                "Conversations, drafts and settings are kept on this computer in:\n{0}\n"
                "Passwords and API keys go to the system keyring, never into that folder."
            ).format(data_dir),
        )
        self.addPage(page)

        page, layout = _page(
            self.tr("Channels"),
            self.tr("Connect what you use now; each dialog tests the connection for real."),
        )
        self.channel_buttons: dict[str, QPushButton] = {}
        for key, label in (
            ("email", self.tr("Connect email (Gmail, Microsoft 365, any IMAP)…")),
            ("whatsapp", self.tr("Connect WhatsApp (Twilio or Meta)…")),
            ("chats", self.tr("Open the Chats tab (Beeper, Telegram, Matrix)…")),
            ("social", self.tr("Open the Social tab (Facebook, Instagram, LinkedIn)…")),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, k=key: self.connect_channel(k))
            self.channel_buttons[key] = button
            layout.addWidget(button)
        self.addPage(page)

        page, layout = _page(
            self.tr("AI assistant"),
            self.tr(
                "Drafts are written by the local assistant (no network) until you choose an "
                "OpenAI-compatible server or a Lindy agent in the AI tab. Automatic replies "
                "stay off until you switch them on there."
            ),
        )
        ai = QPushButton(self.tr("Open the AI tab…"))
        ai.clicked.connect(lambda: self._show(self.window_.open_ai_panel()))
        layout.addWidget(ai)
        self.addPage(page)

        page, layout = _page(
            self.tr("Backups"),
            self.tr(
                "Backups run every 6 hours and are checked after writing; choose an off-site "
                "copy (any rclone remote) in the Backups tab."
            ),
        )
        self.addPage(page)
        self.finished.connect(lambda _result: self.remember())

    def _show(self, widget: object) -> None:
        self.window_.tabs.setCurrentWidget(widget)  # type: ignore[arg-type]

    def connect_channel(self, key: str) -> None:
        window = self.window_
        if key == "email":
            window.channel_panel(ChannelTab.EMAIL)
            window.email_accounts.add_account()
        elif key == "whatsapp":
            window.channel_panel(ChannelTab.WHATSAPP)
            window.whatsapp_accounts.add_account()
        else:
            tab = ChannelTab.CHATS if key == "chats" else ChannelTab.SOCIAL
            self._show(window.channel_panel(tab))

    def skip(self) -> None:
        self.reject()

    def remember(self) -> None:
        """Done or skipped: not shown again at start (Help → Set-up assistant runs it)."""
        i18n.save_language(self.data_dir, self.language.currentData())
        i18n.save_preference(self.data_dir, "first_run_done", True)
        if self.sample.isChecked() and self.result() == QWizard.DialogCode.Accepted:
            self.window_.load_sample_data()
