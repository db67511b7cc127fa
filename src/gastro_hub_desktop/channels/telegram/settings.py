"""A Telegram bot account's settings (never its token or webhook secret: those live in the
keyring as `<account key>:token` and `<account key>:webhook_secret`)."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass
from typing import Any

API_URL = "https://api.telegram.org"
# What the bot asks Telegram for: customers' messages, their edits, and posts in channels the
# bot administers. Everything else (reactions, polls, member changes) is not a conversation.
ALLOWED_UPDATES = ("message", "edited_message", "channel_post")


class Mode(enum.StrEnum):
    POLLING = "polling"  # getUpdates long polling: works from any PC, no public address needed
    WEBHOOK = "webhook"  # Telegram posts to our receiver through a public https address


@dataclass
class TelegramSettings:
    bot_username: str  # without "@", as getMe reports it: names the account
    display_name: str = ""  # the bot's first name from getMe
    bot_id: int = 0
    api_url: str = API_URL  # tests point it at a loopback stand-in
    mode: Mode = Mode.POLLING
    poll_timeout: int = 50  # seconds one getUpdates long poll may wait for news (1-50)
    # Webhook mode: the receiver listens on webhook_host:webhook_port (loopback by default, for
    # a tunnel such as cloudflared or ngrok); public_url is the https origin Telegram posts to.
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 8766
    public_url: str = ""

    def __post_init__(self) -> None:
        self.bot_username = self.bot_username.strip().removeprefix("@")
        self.mode = Mode(self.mode)
        self.poll_timeout = max(1, min(int(self.poll_timeout), 50))

    @property
    def account_key(self) -> str:
        return f"telegram:{self.bot_username.lower()}"

    @property
    def base_url(self) -> str:
        return (self.api_url or API_URL).rstrip("/")

    @property
    def webhook_path(self) -> str:
        return f"/telegram/{self.bot_username.lower()}"

    @property
    def webhook_url(self) -> str:
        """The address Telegram is told to post to ("" when no public URL is set)."""
        if not self.public_url.strip():
            return ""
        origin = self.public_url.strip().rstrip("/").removesuffix(self.webhook_path)
        return origin + self.webhook_path

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["mode"] = self.mode.value
        data["kind"] = "telegram"
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TelegramSettings:
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**values)
