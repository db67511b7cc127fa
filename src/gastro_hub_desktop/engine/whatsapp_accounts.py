"""The connected WhatsApp accounts (Twilio or Meta Cloud API): testing and saving one (secrets to
the keyring), one worker per account, the webhook receivers they share (one per address and
port), replies queued with the 24-hour window respected, and media saved on request."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.email.attachments import save
from gastro_hub_desktop.channels.whatsapp.settings import Provider, WhatsAppSettings
from gastro_hub_desktop.channels.whatsapp.types import Media, WebhookResult, WhatsAppProvider
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.domain.phones import to_e164
from gastro_hub_desktop.domain.service_window import describe_window, window_closes_at
from gastro_hub_desktop.domain.service_window import window_open as is_open
from gastro_hub_desktop.engine.channel_accounts import ChannelAccounts
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.webhook_receiver import WebhookRoute
from gastro_hub_desktop.engine.whatsapp_intake import WhatsAppIntake
from gastro_hub_desktop.engine.whatsapp_worker import WhatsAppWorker
from gastro_hub_desktop.store.outbox import Outbox, OutboxEntry, ReplyContext
from gastro_hub_desktop.store.repository import Store

log = logging.getLogger(__name__)

SECRETS = {
    Provider.TWILIO: ("auth_token", "api_secret"),
    Provider.META: ("access_token", "app_secret", "verify_token"),
}
REQUIRED = {Provider.TWILIO: ("auth_token",), Provider.META: ("access_token", "app_secret")}


def is_whatsapp(account_key: str) -> bool:
    return account_key.startswith(WhatsAppAccounts.prefix)


def provider_for(settings: WhatsAppSettings, secrets: Mapping[str, str]) -> WhatsAppProvider:
    """The provider's client for this account (no request made yet)."""
    if settings.provider is Provider.TWILIO:
        from gastro_hub_desktop.channels.whatsapp.twilio_client import TwilioWhatsApp

        return TwilioWhatsApp(
            settings,
            auth_token=secrets.get("auth_token", ""),
            api_secret=secrets.get("api_secret", ""),
        )
    from gastro_hub_desktop.channels.whatsapp.meta_client import MetaWhatsApp

    return MetaWhatsApp(settings, secrets["access_token"])


def route_for(settings: WhatsAppSettings, secrets: Mapping[str, str]) -> WebhookRoute:
    """How the receiver checks and reads this account's webhooks."""
    if settings.provider is Provider.TWILIO:
        from gastro_hub_desktop.channels.whatsapp.twilio_webhook import parse_twilio_webhook

        token = secrets["auth_token"]  # Twilio signs with the Auth Token, API key or not

        def parse_twilio(url: str, headers: Mapping[str, str], body: bytes) -> WebhookResult:
            return parse_twilio_webhook(url, headers, body, token)

        return WebhookRoute(
            settings.account_key, settings.webhook_path, parse_twilio, settings.public_url
        )
    from gastro_hub_desktop.channels.whatsapp.meta_webhook import (
        parse_meta_webhook,
        verify_subscription,
    )

    app_secret, verify_token = secrets["app_secret"], secrets.get("verify_token", "")

    def parse_meta(_url: str, headers: Mapping[str, str], body: bytes) -> WebhookResult:
        return parse_meta_webhook(headers, body, app_secret)

    def verify(query: Mapping[str, str]) -> str:
        return verify_subscription(query, verify_token)

    return WebhookRoute(
        settings.account_key, settings.webhook_path, parse_meta, settings.public_url, verify
    )


class WhatsAppAccounts(ChannelAccounts):
    prefix = "whatsapp:"
    channel = Channel.WHATSAPP
    label = "WhatsApp account"

    def __init__(self, store: Store, events: EventBus, secrets: object) -> None:
        super().__init__(store, events, secrets)
        self.intake = WhatsAppIntake(store, events)

    # ------------------------------------------------------------ secrets

    def _stored_secrets(self, settings: WhatsAppSettings) -> dict[str, str]:
        found: dict[str, str] = {}
        for which in SECRETS[settings.provider]:
            value = self.secret(settings.account_key, which)
            if value:
                found[which] = value
        return found

    @staticmethod
    def _complete(settings: WhatsAppSettings, secrets: Mapping[str, str]) -> WhatsAppSettings:
        number = to_e164(settings.number)
        if number is None:
            raise ChannelProblem(
                f"{settings.number!r} is not a phone number. Enter the WhatsApp number with "
                "its country code, e.g. +420 601 234 567.",
                retry=False,
            )
        settings.number = number
        missing = [w for w in REQUIRED[settings.provider] if not secrets.get(w, "").strip()]
        if missing:
            words = ", ".join(m.replace("_", " ") for m in missing)
            raise ChannelProblem(f"Enter the {words}.", retry=False)
        if settings.provider is Provider.TWILIO and not settings.account_sid.startswith("AC"):
            raise ChannelProblem(
                "The Twilio Account SID starts with AC (Twilio Console → Account info).",
                retry=False,
            )
        if settings.provider is Provider.META and not settings.phone_number_id.strip():
            raise ChannelProblem(
                "Enter the phone number id (Meta for Developers → WhatsApp → API Setup).",
                retry=False,
            )
        return settings

    # ------------------------------------------------------------ accounts

    def test(self, settings: WhatsAppSettings, secrets: Mapping[str, str]) -> str:
        """Check the credentials with the provider for real; nothing is kept."""
        settings = self._complete(settings, secrets)
        provider = provider_for(settings, secrets)
        try:
            return provider.check()
        finally:
            provider.close()

    def check(self, settings: Any, secrets: Mapping[str, str]) -> str:
        return self.test(settings, secrets)

    def connect(self, settings: Any, secrets: Mapping[str, str]) -> str:
        return self.add(settings, secrets)

    def add(self, settings: WhatsAppSettings, secrets: Mapping[str, str]) -> str:
        """Test, then keep the account (secrets in the keyring) and start it."""
        summary = self.test(settings, secrets)
        self.keep_secrets(
            settings.account_key, {w: secrets.get(w, "") for w in SECRETS[settings.provider]}
        )
        name = settings.display_name or settings.number
        self.save_and_start(settings.account_key, f"WhatsApp {name}", settings.to_dict())
        return summary

    def make_worker(self, account_key: str, data: dict[str, Any]) -> WhatsAppWorker:
        settings = WhatsAppSettings.from_dict(data)
        secrets = self._stored_secrets(settings)

        def provider() -> WhatsAppProvider:
            current = self._stored_secrets(settings)  # read again: they may have been changed
            missing = [w for w in REQUIRED[settings.provider] if w not in current]
            if missing:
                raise ChannelProblem(
                    "The keyring holds no "
                    + ", ".join(m.replace("_", " ") for m in missing)
                    + " for this WhatsApp account: open its settings and enter it again.",
                    retry=False,
                )
            return provider_for(settings, current)

        if all(w in secrets for w in REQUIRED[settings.provider]):
            self.receiver(settings.webhook_host, settings.webhook_port, self.intake.take).add_route(
                route_for(settings, secrets)
            )
        return WhatsAppWorker(self.intake, self.events, settings, provider)

    def reply_payload(self, ctx: ReplyContext, text: str) -> dict[str, Any]:
        return self._payload(ctx, text, None)

    def receiver_url(self, account_key: str) -> str:
        """Where this account's webhooks are received on this PC (for the settings screen)."""
        settings = self._whatsapp_worker(account_key).settings
        receiver = self.receiver_at(settings.webhook_host, settings.webhook_port)
        if receiver is None:
            raise ChannelProblem("This account's webhook receiver is not running.", retry=False)
        return receiver.url + settings.webhook_path

    def _whatsapp_worker(self, account_key: str) -> WhatsAppWorker:
        worker = self.worker(account_key)
        assert isinstance(worker, WhatsAppWorker)
        return worker

    def templates(self, account_key: str) -> list[dict[str, Any]]:
        return list(self._whatsapp_worker(account_key).settings.templates)

    # ------------------------------------------------------------ replies and media

    def queue_reply(
        self,
        conversation_id: int,
        text: str | None,
        template: dict[str, Any] | None = None,
        auto: bool = False,
    ) -> OutboxEntry:
        """Queue free text (inside the 24-hour window) or an approved template."""
        outbox = Outbox(self.store)
        ctx = outbox.reply_context(conversation_id)
        self.require(ctx.account_key)
        if template is None:
            if not (text or "").strip():
                raise ChannelProblem("Write the reply first.", retry=False)
            closes = window_closes_at(self.store.conversation(conversation_id).messages)
            now = datetime.now(UTC)
            if not is_open(closes, now):
                raise ChannelProblem(describe_window(closes, now), retry=False)
        payload = self._payload(ctx, text, template)
        entry = outbox.queue(
            conversation_id, ctx.account_key, payload, key=uuid.uuid4().hex, auto=auto
        )
        self.wake(ctx.account_key)
        return entry

    @staticmethod
    def _payload(
        ctx: ReplyContext, text: str | None, template: dict[str, Any] | None
    ) -> dict[str, Any]:
        return {
            "to": ctx.counterpart,
            "text": text if template is None else None,
            "template": template,
            "queued_at": datetime.now(UTC).isoformat(),
        }

    def save_attachment(self, account_key: str, message_id: str, index: int, target: Path) -> Path:
        """Download a picture, voice message or document with the account's credentials."""
        worker = self._whatsapp_worker(account_key)
        listed = self.store.attachments_of(account_key, message_id)
        if not 0 <= index < len(listed) or not listed[index].ref:
            raise ChannelProblem("That media is not listed in the message any more.", False)
        item = listed[index]
        provider = provider_for(worker.settings, self._stored_secrets(worker.settings))
        try:
            content, _kind = provider.download(
                Media(item.ref, item.content_type, item.filename, item.size)
            )
        finally:
            provider.close()
        return save(content, target)
