"""What each kind of chat account asks for in its Connect dialog (the Chats tab), and how the
answers become that kind's settings. Secrets are marked: they go to the keyring."""

from __future__ import annotations

from typing import Any

from gastro_hub_desktop.channels.beeper.settings import BASE_URL, BeeperSettings
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

# (name on the Connect button, form) in the order the Chats tab shows them
CHAT_FORMS: tuple[tuple[str, AccountForm], ...] = (("Beeper", BEEPER),)
