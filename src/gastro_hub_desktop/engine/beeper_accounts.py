"""The connected Beeper Desktops: testing and saving one (access token to the keyring), one
sync worker per connection, replies queued for Beeper, attachments fetched on request."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.beeper.api import BeeperClient
from gastro_hub_desktop.channels.beeper.settings import BeeperSettings, check_base_url
from gastro_hub_desktop.channels.email.attachments import save
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.engine.beeper_worker import BeeperWorker, reply_payload
from gastro_hub_desktop.engine.channel_accounts import ChannelAccounts
from gastro_hub_desktop.store.outbox import ReplyContext


def is_beeper(account_key: str) -> bool:
    return account_key.startswith(BeeperAccounts.prefix)


class BeeperAccounts(ChannelAccounts):
    prefix = "beeper:"
    # Beeper carries every network over Matrix; each conversation keeps its own network's
    # channel, the connection itself is listed with the Matrix ones (Chats tab).
    channel = Channel.MATRIX
    label = "Beeper Desktop connection"

    def make_worker(self, account_key: str, settings: dict[str, Any]) -> BeeperWorker:
        config = BeeperSettings.from_dict(settings)
        return BeeperWorker(
            self.store, self.events, config, lambda: self.secret(account_key, "token")
        )

    def reply_payload(self, ctx: ReplyContext, text: str) -> dict[str, Any]:
        return reply_payload(ctx.thread_key, text)

    @staticmethod
    def test(settings: BeeperSettings, token: str) -> tuple[BeeperSettings, str]:
        """Ask Beeper Desktop for its chat accounts with this token; the settings completed
        with the Beeper user, and a readable summary. Raises ChannelProblem with the reason."""
        if not token.strip():
            raise ChannelProblem(
                "Enter the Beeper Desktop access token (Beeper Desktop → Settings → Developers).",
                retry=False,
            )
        try:
            base_url = check_base_url(settings.base_url)
        except ValueError as exc:
            raise ChannelProblem(str(exc), retry=False) from exc
        client = BeeperClient(token.strip(), base_url, timeout=15, max_retries=0)
        try:
            accounts = client.accounts()
            live = client.events_url()
        finally:
            client.close()
        if not accounts:
            raise ChannelProblem(
                "Beeper Desktop answered, but has no chat accounts connected: add a network "
                "in Beeper first.",
                retry=False,
            )
        own = next((a for a in accounts if a.bridge.type == "matrix"), accounts[0])
        user = own.user.username or own.user.id
        networks = sorted({a.network or a.bridge.type for a in accounts})
        completed = replace(
            settings,
            base_url=base_url,
            user_id=settings.user_id or own.user.id,
            display_name=settings.display_name or own.user.full_name or user,
        )
        how = "live updates available" if live else "no live updates (polling only)"
        return completed, f"Beeper Desktop OK as {user}: {', '.join(networks)}; {how}"

    def add(self, settings: BeeperSettings, token: str) -> str:
        """Test, then keep the connection (token in the keyring) and start syncing it."""
        completed, summary = self.test(settings, token)
        self.keep_secrets(completed.account_key, {"token": token})
        name = f"Beeper: {completed.display_name or completed.user_id}"
        self.save_and_start(completed.account_key, name, completed.to_dict())
        return summary

    def save_attachment(self, account_key: str, message_id: str, index: int, target: Path) -> Path:
        """Download one attachment a stored message lists (by its mxc:// address) to `target`."""
        worker = self.worker(account_key)
        assert isinstance(worker, BeeperWorker)
        files = self.store.attachments_of(account_key, message_id)
        if not 0 <= index < len(files) or not files[index].ref:
            raise ChannelProblem("That attachment is not listed in the message any more.", False)
        token = self.secret(account_key, "token") or ""
        client = BeeperClient(token, worker.settings.base_url, timeout=120)
        try:
            content = client.download(files[index].ref)
        finally:
            client.close()
        return save(content, target)
