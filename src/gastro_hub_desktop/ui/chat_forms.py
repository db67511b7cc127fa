"""What each kind of chat account asks for in its Connect dialog (the Chats tab), and how the
answers become that kind's settings. Secrets are marked: they go to the keyring."""

from __future__ import annotations

from typing import Any

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
    title="Connect Beeper Desktop",
    hint=(
        "Beeper Desktop gathers Telegram, Signal, WhatsApp and other chats on this PC. In "
        "Beeper Desktop open Settings → Developers, turn on the API and create an access "
        "token; paste it here."
    ),
    fields=(
        Field("base_url", "Beeper Desktop address", BASE_URL),
        Field("token", "Access token", secret=True, required=True),
        Field("display_name", "Name shown"),
        Field("history_days", "Fetch history (days)", 30),
        Field("live", "New messages live (WebSocket)", True),
    ),
    build=_beeper,
)


def _telegram(values: dict[str, Any]) -> TelegramSettings:
    mode = Mode(values["mode"])
    if mode is Mode.WEBHOOK and not values["public_url"].startswith("https://"):
        raise ValueError("Webhook mode needs the public https address Telegram posts to.")
    return TelegramSettings(
        bot_username=values["bot_username"],
        api_url=values["api_url"] or API_URL,
        mode=mode,
        public_url=values["public_url"],
        webhook_port=values["webhook_port"],
    )


TELEGRAM = AccountForm(
    prefix="telegram:",
    title="Connect a Telegram bot",
    hint=(
        "Customers write to your business's Telegram bot. Create one with @BotFather in "
        "Telegram (/newbot) and paste the token it gives. Polling works from any PC; webhook "
        "mode needs a public https address (e.g. a tunnel) that forwards to this PC."
    ),
    fields=(
        Field("token", "Bot token", secret=True, required=True, placeholder="123456:ABC…"),
        Field("bot_username", "Bot user name (optional)", placeholder="gastro_praha_bot"),
        Field(
            "mode",
            "New messages by",
            Mode.POLLING.value,
            choices=((Mode.POLLING.value, "Polling"), (Mode.WEBHOOK.value, "Webhook")),
        ),
        Field("public_url", "Public https address (webhook)"),
        Field("webhook_port", "Webhook port on this PC", 8766),
        Field("api_url", "Bot API address", API_URL),
    ),
    build=_telegram,
)


def _matrix(values: dict[str, Any]) -> MatrixSettings:
    if not is_user_id(values["user_id"]):
        raise ValueError("Enter the Matrix user id in full, like @jana:example.org.")
    return MatrixSettings(
        user_id=values["user_id"].strip(),
        homeserver=values["homeserver"].strip(),
        display_name=values["display_name"],
        history_days=values["history_days"],
        auto_join=values["auto_join"],
    )


MATRIX = AccountForm(
    prefix="matrix:",
    title="Connect a Matrix account",
    hint=(
        "Sign in as the business's Matrix user (on your own homeserver with its bridges, or "
        "any other). Each room becomes a conversation. End-to-end encrypted rooms cannot be "
        "read yet: they show up with a note instead."
    ),
    fields=(
        Field("user_id", "Matrix user id", required=True, placeholder="@jana:example.org"),
        Field("password", "Password", secret=True, required=True),
        Field(
            "homeserver",
            "Homeserver address (optional)",
            placeholder="https://matrix.example.org",
        ),
        Field("display_name", "Name shown"),
        Field("history_days", "Fetch history (days)", 30),
        Field("auto_join", "Accept room invitations (bridges open new chats this way)", True),
    ),
    build=_matrix,
)

# (name on the Connect button, form) in the order the Chats tab shows them
CHAT_FORMS: tuple[tuple[str, AccountForm], ...] = (
    ("Beeper", BEEPER),
    ("Matrix", MATRIX),
    ("Telegram", TELEGRAM),
)
