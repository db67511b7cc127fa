"""What each kind of chat account asks for in its Connect dialog (the Chats tab), and how the
answers become that kind's settings. Secrets are marked: they go to the keyring. The words are
marked for the catalogue (context ConnectDialog) and translated where the dialog shows them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gastro_hub_desktop.channels.beeper.settings import BASE_URL, BeeperSettings
from gastro_hub_desktop.channels.matrix.settings import MatrixSettings, is_user_id
from gastro_hub_desktop.channels.telegram.settings import API_URL, Mode, TelegramSettings
from gastro_hub_desktop.ui.connect_dialog import AccountForm, Field


def _beeper(values: dict[str, Any]) -> BeeperSettings:
    return BeeperSettings(
        base_url=values["base_url"] or BASE_URL,
        display_name=values["display_name"],
        history_days=values["history_days"],
        live=values["live"],
    )


BEEPER = AccountForm(
    prefix="beeper:",
    title=QT_TRANSLATE_NOOP("ConnectDialog", "Connect Beeper Desktop"),
    hint=QT_TRANSLATE_NOOP(
        "ConnectDialog",
        "Beeper Desktop gathers Telegram, Signal, WhatsApp and other chats on this PC. In "
        "Beeper Desktop open Settings → Developers, turn on the API and create an access "
        "token; paste it here.",
    ),
    fields=(
        Field("base_url", QT_TRANSLATE_NOOP("ConnectDialog", "Beeper Desktop address"), BASE_URL),
        Field(
            "token", QT_TRANSLATE_NOOP("ConnectDialog", "Access token"), secret=True, required=True
        ),
        Field("display_name", QT_TRANSLATE_NOOP("ConnectDialog", "Name shown")),
        Field("history_days", QT_TRANSLATE_NOOP("ConnectDialog", "Fetch history (days)"), 30),
        Field("live", QT_TRANSLATE_NOOP("ConnectDialog", "New messages live (WebSocket)"), True),
    ),
    build=_beeper,
)


def _telegram(values: dict[str, Any]) -> TelegramSettings:
    mode = Mode(values["mode"])
    if mode is Mode.WEBHOOK and not values["public_url"].startswith("https://"):
        raise ValueError(
            QCoreApplication.translate(
                "ConnectDialog", "Webhook mode needs the public https address Telegram posts to."
            )
        )
    return TelegramSettings(
        bot_username=values["bot_username"],
        api_url=values["api_url"] or API_URL,
        mode=mode,
        public_url=values["public_url"],
        webhook_port=values["webhook_port"],
    )


TELEGRAM = AccountForm(
    prefix="telegram:",
    title=QT_TRANSLATE_NOOP("ConnectDialog", "Connect a Telegram bot"),
    hint=QT_TRANSLATE_NOOP(
        "ConnectDialog",
        "Customers write to your business's Telegram bot. Create one with @BotFather in "
        "Telegram (/newbot) and paste the token it gives. Polling works from any PC; webhook "
        "mode needs a public https address (e.g. a tunnel) that forwards to this PC.",
    ),
    fields=(
        Field(
            "token",
            QT_TRANSLATE_NOOP("ConnectDialog", "Bot token"),
            secret=True,
            required=True,
            placeholder="123456:ABC…",
        ),
        Field(
            "bot_username",
            QT_TRANSLATE_NOOP("ConnectDialog", "Bot user name (optional)"),
            placeholder="gastro_praha_bot",
        ),
        Field(
            "mode",
            QT_TRANSLATE_NOOP("ConnectDialog", "New messages by"),
            Mode.POLLING.value,
            choices=(
                (Mode.POLLING.value, QT_TRANSLATE_NOOP("ConnectDialog", "Polling")),
                (Mode.WEBHOOK.value, QT_TRANSLATE_NOOP("ConnectDialog", "Webhook")),
            ),
        ),
        Field("public_url", QT_TRANSLATE_NOOP("ConnectDialog", "Public https address (webhook)")),
        Field("webhook_port", QT_TRANSLATE_NOOP("ConnectDialog", "Webhook port on this PC"), 8766),
        Field("api_url", QT_TRANSLATE_NOOP("ConnectDialog", "Bot API address"), API_URL),
    ),
    build=_telegram,
)


def _matrix(values: dict[str, Any]) -> MatrixSettings:
    if not is_user_id(values["user_id"]):
        raise ValueError(
            QCoreApplication.translate(
                "ConnectDialog", "Enter the Matrix user id in full, like @jana:example.org."
            )
        )
    return MatrixSettings(
        user_id=values["user_id"].strip(),
        homeserver=values["homeserver"].strip(),
        display_name=values["display_name"],
        history_days=values["history_days"],
        auto_join=values["auto_join"],
    )


MATRIX = AccountForm(
    prefix="matrix:",
    title=QT_TRANSLATE_NOOP("ConnectDialog", "Connect a Matrix account"),
    hint=QT_TRANSLATE_NOOP(
        "ConnectDialog",
        "Sign in as the business's Matrix user (on your own homeserver with its bridges, or "
        "any other). Each room becomes a conversation. End-to-end encrypted rooms cannot be "
        "read yet: they show up with a note instead.",
    ),
    fields=(
        Field(
            "user_id",
            QT_TRANSLATE_NOOP("ConnectDialog", "Matrix user id"),
            required=True,
            placeholder="@jana:example.org",
        ),
        Field(
            "password", QT_TRANSLATE_NOOP("ConnectDialog", "Password"), secret=True, required=True
        ),
        Field(
            "homeserver",
            QT_TRANSLATE_NOOP("ConnectDialog", "Homeserver address (optional)"),
            placeholder="https://matrix.example.org",
        ),
        Field("display_name", QT_TRANSLATE_NOOP("ConnectDialog", "Name shown")),
        Field("history_days", QT_TRANSLATE_NOOP("ConnectDialog", "Fetch history (days)"), 30),
        Field(
            "auto_join",
            QT_TRANSLATE_NOOP(
                "ConnectDialog", "Accept room invitations (bridges open new chats this way)"
            ),
            True,
        ),
    ),
    build=_matrix,
)

# (name of its accounts, Connect button, form) in the order the Chats tab shows them; the
# words are translated by the bar (context KindsBar)
CHAT_FORMS: tuple[tuple[str, str, AccountForm], ...] = (
    ("Beeper", QT_TRANSLATE_NOOP("KindsBar", "Connect Beeper…"), BEEPER),
    ("Matrix", QT_TRANSLATE_NOOP("KindsBar", "Connect Matrix…"), MATRIX),
    ("Telegram", QT_TRANSLATE_NOOP("KindsBar", "Connect Telegram…"), TELEGRAM),
)
