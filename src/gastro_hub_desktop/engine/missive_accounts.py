"""The connected Missive accounts: testing and saving one (API token to the keyring), one sync
worker per account, replies queued as Missive drafts, attachments saved on request."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.email.attachments import save
from gastro_hub_desktop.channels.missive.api import MissiveClient
from gastro_hub_desktop.channels.missive.settings import MissiveSettings
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.engine.channel_accounts import ChannelAccounts
from gastro_hub_desktop.engine.missive_worker import MissiveWorker, reply_payload
from gastro_hub_desktop.store.outbox import ReplyContext


def is_missive(account_key: str) -> bool:
    return account_key.startswith(MissiveAccounts.prefix)


class MissiveAccounts(ChannelAccounts):
    prefix = "missive:"
    channel = Channel.EMAIL
    label = "Missive account"

    def make_worker(self, account_key: str, settings: dict[str, Any]) -> MissiveWorker:
        config = MissiveSettings.from_dict(settings)
        return MissiveWorker(
            self.store, self.events, config, lambda: self.secret(account_key, "token")
        )

    def reply_payload(self, ctx: ReplyContext, text: str) -> dict[str, Any]:
        return reply_payload(ctx.thread_key, ctx.counterpart, ctx.subject, text)

    @staticmethod
    def test(settings: MissiveSettings, token: str) -> tuple[MissiveSettings, str]:
        """Ask Missive who the token belongs to; the settings completed with that user, and a
        readable summary. Raises ChannelProblem with the reason."""
        if not token.strip():
            raise ChannelProblem("Enter the Missive API token.", retry=False)
        client = MissiveClient(token.strip(), settings.api_url)
        try:
            me = client.me()
            organizations = [str(o.get("name") or "?") for o in client.organizations()]
        finally:
            client.close()
        email = str(me.get("email") or "").strip()
        if not email:
            raise ChannelProblem("Missive did not say which user this token belongs to.", False)
        name = str(me.get("name") or email)
        where = f" in {', '.join(organizations)}" if organizations else ""
        completed = replace(settings, user_email=email, display_name=settings.display_name or name)
        return completed, f"Missive API OK: signed in as {name} <{email}>{where}"

    def add(self, settings: MissiveSettings, token: str) -> str:
        """Test, then keep the account (token in the keyring) and start syncing it."""
        completed, summary = self.test(settings, token)
        self.keep_secrets(completed.account_key, {"token": token})
        name = f"Missive: {completed.display_name or completed.user_email}"
        self.save_and_start(completed.account_key, name, completed.to_dict())
        return summary

    def save_attachment(self, account_key: str, message_id: str, index: int, target: Path) -> Path:
        """Ask Missive for the message's attachment list, download one, write it to `target`."""
        worker = self.worker(account_key)
        assert isinstance(worker, MissiveWorker)
        token = self.secret(account_key, "token") or ""
        client = MissiveClient(token, worker.settings.api_url, timeout=60)
        try:
            message = client.messages([message_id]).get(message_id)
            files = (message or {}).get("attachments") or []
            if not 0 <= index < len(files) or not files[index].get("url"):
                raise ChannelProblem(
                    "That attachment is no longer in the message in Missive.", False
                )
            content = client.download(str(files[index]["url"]))
        finally:
            client.close()
        return save(content, target)
