"""The connected Telegram bots: testing and saving one (token and webhook secret to the
keyring), one worker per bot, the webhook receivers bots in webhook mode share (one per address
and port, with routes per bot), replies queued for the bot's worker, and media saved on
request.

Webhook requests go through engine.webhook_receiver (its 403/400 answers, storing before the
2xx, batching) with this module's own intake: the receiver's `WebhookRoute.parse` is typed to
return WhatsApp's WebhookResult, which Telegram updates do not fit, so Telegram's parse returns
a TelegramWebhookResult that only this intake reads (one receiver never mixes the two)."""

from __future__ import annotations

import logging
import re
import secrets as random
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.email.attachments import save
from gastro_hub_desktop.channels.telegram.api import TelegramBot
from gastro_hub_desktop.channels.telegram.convert import VCARD_REF
from gastro_hub_desktop.channels.telegram.errors import TOKEN_HELP
from gastro_hub_desktop.channels.telegram.settings import Mode, TelegramSettings
from gastro_hub_desktop.channels.telegram.webhook import TelegramWebhookResult, parse_webhook
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.engine.channel_accounts import ChannelAccounts
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.telegram_worker import TelegramIntake, TelegramWorker, reply_payload
from gastro_hub_desktop.engine.webhook_receiver import WebhookRoute
from gastro_hub_desktop.store.outbox import ReplyContext
from gastro_hub_desktop.store.repository import Store

log = logging.getLogger(__name__)

TOKEN_SHAPE = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{20,}$")


def is_telegram(account_key: str) -> bool:
    return account_key.startswith(TelegramAccounts.prefix)


class TelegramAccounts(ChannelAccounts):
    prefix = "telegram:"
    channel = Channel.TELEGRAM
    label = "Telegram bot"

    def __init__(self, store: Store, events: EventBus, secrets: object) -> None:
        super().__init__(store, events, secrets)
        self.intake = TelegramIntake(store, events)

    # ------------------------------------------------------------ what the base asks for

    def make_worker(self, account_key: str, settings: dict[str, Any]) -> TelegramWorker:
        config = TelegramSettings.from_dict(settings)
        self._drop_route(config)
        if config.mode is Mode.WEBHOOK:
            secret = self.secret(account_key, "webhook_secret") or ""
            self.receiver(config.webhook_host, config.webhook_port, self.intake.take).add_route(
                self._route(config, secret)
            )
        return TelegramWorker(
            self.intake,
            self.events,
            config,
            lambda: self.secret(account_key, "token"),
            lambda: self.secret(account_key, "webhook_secret"),
        )

    def reply_payload(self, ctx: ReplyContext, text: str) -> dict[str, Any]:
        return reply_payload(self.store, ctx, text)

    # ------------------------------------------------------------ connecting a bot

    @staticmethod
    def test(settings: TelegramSettings, token: str) -> tuple[TelegramSettings, str]:
        """Ask Telegram who the token belongs to (getMe) and where its updates go
        (getWebhookInfo); the settings completed with the bot's username and name, and a
        readable summary. Nothing is changed at Telegram. Raises ChannelProblem with the
        reason."""
        token = token.strip()
        if not token:
            raise ChannelProblem("Enter the bot token from @BotFather.", retry=False)
        if not TOKEN_SHAPE.match(token):
            raise ChannelProblem(
                "That does not look like a bot token: @BotFather gives one like "
                "123456789:AAH4x… (digits, a colon, then letters). Copy it again.",
                retry=False,
            )
        if settings.mode is Mode.WEBHOOK and not settings.public_url.strip():
            raise ChannelProblem(
                "Webhook mode needs the public https address Telegram posts to (your tunnel's "
                "URL), or choose polling, which needs none.",
                retry=False,
            )
        bot = TelegramBot(token, settings.base_url)
        try:
            me = bot.get_me()
            info = bot.webhook_info()
        finally:
            bot.close()
        username = str(me["username"])
        if settings.bot_username and settings.bot_username.lower() != username.lower():
            raise ChannelProblem(
                f"This token belongs to @{username}, not @{settings.bot_username}. {TOKEN_HELP}",
                retry=False,
            )
        name = str(me.get("first_name") or username)
        completed = replace(
            settings,
            bot_username=username,
            bot_id=int(me.get("id") or 0),
            display_name=settings.display_name or name,
        )
        summary = f"Telegram bot OK: @{username} ({name})"
        current = str(info.get("url") or "")
        if completed.mode is Mode.POLLING and current:
            summary += (
                f". Telegram now delivers its messages to the webhook {current}: connecting in "
                "polling mode removes that webhook (only one of them can receive them)"
            )
        elif completed.mode is Mode.WEBHOOK:
            summary += f". Telegram will post its messages to {completed.webhook_url}"
        if me.get("can_read_all_group_messages") is False:
            summary += (
                ". In groups it sees only commands and replies to it (privacy mode, "
                "@BotFather → /setprivacy)"
            )
        return completed, summary

    def add(self, settings: TelegramSettings, token: str) -> str:
        """Test, then keep the bot (token, and a fresh webhook secret in webhook mode, in the
        keyring) and start it. In webhook mode the webhook is set at once (an address Telegram
        refuses is reported here); in polling mode a webhook Telegram holds for the bot is
        removed first: pending updates stay and come by polling."""
        completed, summary = self.test(settings, token)
        key = completed.account_key
        new_secrets = {"token": token.strip()}
        if completed.mode is Mode.WEBHOOK and not self.secret(key, "webhook_secret"):
            # Telegram allows 1-256 characters of A-Z, a-z, 0-9, _ and -
            new_secrets["webhook_secret"] = random.token_urlsafe(32)
        self.keep_secrets(key, new_secrets)
        bot = TelegramBot(token.strip(), completed.base_url)
        try:
            if completed.mode is Mode.WEBHOOK:  # refused addresses are reported here, at once
                bot.set_webhook(completed.webhook_url, self.secret(key, "webhook_secret") or "")
            elif bot.webhook_info().get("url"):
                bot.delete_webhook()
        finally:
            bot.close()
        name = f"Telegram @{completed.bot_username}"
        self.save_and_start(key, name, completed.to_dict())
        return summary

    # ------------------------------------------------------------ webhooks

    def _route(self, settings: TelegramSettings, secret: str) -> WebhookRoute:
        def parse(_url: str, headers: Mapping[str, str], body: bytes) -> TelegramWebhookResult:
            return parse_webhook(headers, body, secret)

        return WebhookRoute(settings.account_key, settings.webhook_path, parse, settings.public_url)

    def _drop_route(self, settings: TelegramSettings) -> None:
        for receiver in self.receivers():
            receiver.remove_route(settings.webhook_path)

    def webhook_address(self, account_key: str) -> str:
        """Where this bot's webhooks are received on this PC (for the settings screen: the
        tunnel forwards the public URL here)."""
        worker = self.worker(account_key)
        assert isinstance(worker, TelegramWorker)
        settings = worker.settings
        receiver = self.receiver_at(settings.webhook_host, settings.webhook_port)
        if settings.mode is not Mode.WEBHOOK or receiver is None:
            raise ChannelProblem("This bot does not use a webhook.", retry=False)
        return receiver.url + settings.webhook_path

    # ------------------------------------------------------------ media

    def save_attachment(
        self, account_key: str, provider_message_id: str, index: int, target: Path
    ) -> Path:
        """Download a photo, document, voice message… of a stored message (getFile, then the
        file itself) and write it to `target`; a shared contact is written as its vCard."""
        listed = self.store.attachments_of(account_key, provider_message_id)
        if not 0 <= index < len(listed) or not listed[index].ref:
            raise ChannelProblem("That file is not listed in the message any more.", False)
        ref = listed[index].ref
        if ref.startswith(VCARD_REF):
            return save(ref.removeprefix(VCARD_REF).encode(), target)
        worker = self.worker(account_key)
        assert isinstance(worker, TelegramWorker)
        token = self.secret(account_key, "token")
        if not token:
            raise ChannelProblem(
                "No bot token is stored for this Telegram bot: open its settings.", False
            )
        bot = TelegramBot(token, worker.settings.base_url, timeout=60.0)
        try:
            content = bot.download(ref)
        finally:
            bot.close()
        return save(content, target)

    # ------------------------------------------------------------ the end
