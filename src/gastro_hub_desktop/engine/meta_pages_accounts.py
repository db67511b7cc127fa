"""The connected Facebook Pages (Messenger, and Instagram direct messages of a linked
Instagram professional account): testing and saving one (secrets to the keyring), one worker
per page, the webhook receivers their routes are registered on (one per address and port),
replies queued under Meta's 24-hour / human-agent rules, and attachments saved on request."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.email.attachments import save
from gastro_hub_desktop.channels.meta_pages.client import MetaPages
from gastro_hub_desktop.channels.meta_pages.settings import (
    PREFIX,
    REQUIRED,
    SECRETS,
    MetaPageSettings,
)
from gastro_hub_desktop.channels.meta_pages.types import PageWebhookResult
from gastro_hub_desktop.channels.meta_pages.webhook import parse_page_webhook, verify_subscription
from gastro_hub_desktop.channels.meta_pages.window import describe, may_reply
from gastro_hub_desktop.domain.messages import Channel, Direction
from gastro_hub_desktop.engine.channel_accounts import ChannelAccounts
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.meta_pages_intake import MetaPagesIntake, platform_of
from gastro_hub_desktop.engine.meta_pages_worker import MetaPagesWorker, summary
from gastro_hub_desktop.engine.webhook_receiver import WebhookRoute
from gastro_hub_desktop.store.outbox import Outbox, OutboxEntry, ReplyContext
from gastro_hub_desktop.store.repository import Store

log = logging.getLogger(__name__)

PAGE_ID = re.compile(r"[0-9]{5,30}")


def route_for(settings: MetaPageSettings, secrets: Mapping[str, str]) -> WebhookRoute:
    """How the receiver checks and reads this page's webhooks (both objects, one path)."""
    app_secret, verify_token = secrets["app_secret"], secrets.get("verify_token", "")

    def parse(_url: str, headers: Mapping[str, str], body: bytes) -> PageWebhookResult:
        return parse_page_webhook(
            headers, body, app_secret, settings.page_id, settings.instagram_account_id
        )

    def verify(query: Mapping[str, str]) -> str:
        return verify_subscription(query, verify_token)

    return WebhookRoute(
        settings.account_key, settings.webhook_path, parse, settings.public_url, verify
    )


class MetaPagesAccounts(ChannelAccounts):
    prefix = PREFIX
    channel = Channel.FACEBOOK
    label = "Facebook Page"

    def __init__(self, store: Store, events: EventBus, secrets: object) -> None:
        super().__init__(store, events, secrets)
        self.intake = MetaPagesIntake(store, events)

    # ------------------------------------------------------------ testing and adding

    @staticmethod
    def _complete(settings: MetaPageSettings, secrets: Mapping[str, str]) -> MetaPageSettings:
        settings.page_id = settings.page_id.strip()
        settings.instagram_account_id = settings.instagram_account_id.strip()
        if not PAGE_ID.fullmatch(settings.page_id):
            raise ChannelProblem(
                f"{settings.page_id!r} is not a Facebook Page id: it is a long number, shown "
                "in the page's About → Page transparency, or in Meta Business Suite → Settings.",
                retry=False,
            )
        if settings.instagram_account_id and not PAGE_ID.fullmatch(settings.instagram_account_id):
            raise ChannelProblem(
                "The Instagram account id is a long number (Meta Business Suite → Settings → "
                "Instagram accounts); leave it empty to connect Messenger only.",
                retry=False,
            )
        missing = [w for w in REQUIRED if not secrets.get(w, "").strip()]
        if missing:
            words = " and the ".join(w.replace("_", " ") for w in missing)
            raise ChannelProblem(f"Enter the {words}.", retry=False)
        if not 0 < int(settings.webhook_port) < 65536:
            raise ChannelProblem("The webhook port must be between 1 and 65535.", retry=False)
        return settings

    def check(self, settings: Any, secrets: Mapping[str, str]) -> str:
        return self.test(settings, secrets)

    def connect(self, settings: Any, secrets: Mapping[str, str]) -> str:
        return self.add(settings, secrets)

    def test(self, settings: MetaPageSettings, secrets: Mapping[str, str]) -> str:
        """Check the Page access token with Meta for real: the page it belongs to (its name is
        filled into `settings`), the linked Instagram account when one is given, and that the
        page's conversations may be read. Nothing is kept."""
        settings = self._complete(settings, secrets)
        client = MetaPages(settings, secrets["page_token"])
        try:
            info = client.check()
        finally:
            client.close()
        settings.page_name = info.name
        if settings.instagram_account_id:
            settings.instagram_username = info.instagram_username
        return summary(info, settings)

    def add(self, settings: MetaPageSettings, secrets: Mapping[str, str]) -> str:
        """Test, then keep the account (secrets in the keyring) and start it."""
        result = self.test(settings, secrets)
        self.keep_secrets(settings.account_key, {w: secrets.get(w, "") for w in SECRETS})
        name = f"Facebook {settings.page_name or settings.page_id}"
        self.save_and_start(settings.account_key, name, settings.to_dict())
        return result

    # ------------------------------------------------------------ workers and webhooks

    def _stored_secrets(self, account_key: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for which in SECRETS:
            value = self.secret(account_key, which)
            if value:
                found[which] = value
        return found

    def make_worker(self, account_key: str, data: dict[str, Any]) -> MetaPagesWorker:
        settings = MetaPageSettings.from_dict(data)
        secrets = self._stored_secrets(account_key)

        def client() -> MetaPages:
            current = self._stored_secrets(account_key)  # read again: they may have changed
            missing = [w for w in REQUIRED if w not in current]
            if missing:
                raise ChannelProblem(
                    "The keyring holds no "
                    + " and no ".join(m.replace("_", " ") for m in missing)
                    + " for this Facebook Page: open its settings and enter it again.",
                    retry=False,
                )
            return MetaPages(settings, current["page_token"])

        if "app_secret" in secrets:
            self.receiver(settings.webhook_host, settings.webhook_port, self.intake.take).add_route(
                route_for(settings, secrets)
            )
        return MetaPagesWorker(self.intake, self.events, settings, client)

    def _page_worker(self, account_key: str) -> MetaPagesWorker:
        worker = self.worker(account_key)
        assert isinstance(worker, MetaPagesWorker)
        return worker

    def receiver_url(self, account_key: str) -> str:
        """Where this page's webhooks are received on this PC (for the settings screen)."""
        settings = self._page_worker(account_key).settings
        receiver = self.receiver_at(settings.webhook_host, settings.webhook_port)
        if receiver is None:
            raise ChannelProblem("This page's webhook receiver is not running.", retry=False)
        return receiver.url + settings.webhook_path

    # ------------------------------------------------------------ replies

    def reply_payload(self, ctx: ReplyContext, text: str) -> dict[str, Any]:
        return {
            "recipient": ctx.counterpart,
            "platform": platform_of(ctx.thread_key).value,
            "text": text,
            "queued_at": datetime.now(UTC).isoformat(),
        }

    def window(self, conversation_id: int) -> str:
        """What the conversation shows about Meta's messaging window right now."""
        ctx = Outbox(self.store).reply_context(conversation_id)
        human_agent = bool(ctx.account_settings.get("human_agent"))
        return describe(self._last_inbound(conversation_id), datetime.now(UTC), human_agent)

    def queue_reply(self, conversation_id: int, text: str, auto: bool = False) -> OutboxEntry:
        """Queue a reply if Meta's rules allow one now; otherwise say why, sending nothing."""
        if not (text or "").strip():
            raise ChannelProblem("Write the reply first.", retry=False)
        outbox = Outbox(self.store)
        ctx = outbox.reply_context(conversation_id)
        self.require(ctx.account_key)
        where = platform_of(ctx.thread_key).label
        permission = may_reply(
            self._last_inbound(conversation_id),
            datetime.now(UTC),
            bool(ctx.account_settings.get("human_agent")),
            where,
        )
        if permission.refusal is not None:
            raise ChannelProblem(permission.refusal, retry=False)
        payload = self.reply_payload(ctx, text)
        entry = outbox.queue(
            conversation_id, ctx.account_key, payload, key=uuid.uuid4().hex, auto=auto
        )
        self.wake(ctx.account_key)
        return entry

    def _last_inbound(self, conversation_id: int) -> datetime | None:
        messages = self.store.conversation(conversation_id).messages
        return max((m.sent_at for m in messages if m.direction is Direction.INBOUND), default=None)

    # ------------------------------------------------------------ attachments

    def save_attachment(self, account_key: str, message_id: str, index: int, target: Path) -> Path:
        """Download a customer's picture, video or file from Meta's CDN and save it."""
        worker = self._page_worker(account_key)
        listed = self.store.attachments_of(account_key, message_id)
        if not 0 <= index < len(listed) or not listed[index].ref:
            raise ChannelProblem("That attachment is not listed in the message any more.", False)
        client = MetaPages(worker.settings, self.secret(account_key, "page_token") or "-")
        try:
            content, _kind = client.download(listed[index].ref)
        finally:
            client.close()
        return save(content, target)
