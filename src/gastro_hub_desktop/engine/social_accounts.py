"""The connected social pages publishing targets are made of: Facebook Pages, Instagram
accounts and LinkedIn organisation pages, each an account "social:<kind>:<id>" with its token
in the keyring (Facebook and Instagram: `page_token`, LinkedIn: `access_token`).

A subclass of ChannelAccounts, so the engine's generic test/add/health/list serve it and each
page gets a worker (health checks, Facebook comments); unlike the chat kinds a page lives under
one of three channels, so listing and saving pick the channel from the page's kind."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.social.publishers import publisher_for
from gastro_hub_desktop.channels.social.settings import SocialTargetSettings, TargetKind
from gastro_hub_desktop.channels.social.types import Publisher
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.engine.channel_accounts import ChannelAccounts
from gastro_hub_desktop.engine.social_worker import SocialPageWorker
from gastro_hub_desktop.store.outbox import ReplyContext

log = logging.getLogger(__name__)
CHANNELS = (Channel.FACEBOOK, Channel.INSTAGRAM, Channel.LINKEDIN)


class SocialAccounts(ChannelAccounts):
    prefix = "social:"
    channel = Channel.FACEBOOK
    label = "social page"

    # ------------------------------------------------------------ ChannelAccounts

    def make_worker(self, account_key: str, settings: dict[str, Any]) -> SocialPageWorker:
        config = SocialTargetSettings.from_dict(settings)
        return SocialPageWorker(
            self.store,
            self.events,
            config,
            lambda: self.secret(account_key, config.secret_name),
        )

    def reply_payload(self, ctx: ReplyContext, text: str) -> dict[str, Any]:
        raise ChannelProblem(
            "Answering comments from the app is not available yet: reply on the page itself.",
            retry=False,
        )

    def start_all(self) -> None:
        for channel in CHANNELS:
            for key, _name, data in self.store.accounts(channel):
                if not self.owns(key):
                    continue
                try:
                    self.start(key, data)
                except Exception:
                    log.exception("social page %s could not start", key)

    # ------------------------------------------------------------ connecting a page

    def check(self, settings: Any, secrets: Mapping[str, str]) -> str:
        """From a dialog: the one token it asked for is this kind's secret."""
        return self.test(settings, self._named(settings, secrets))

    def connect(self, settings: Any, secrets: Mapping[str, str]) -> str:
        return self.add(settings, self._named(settings, secrets))

    @staticmethod
    def _named(settings: SocialTargetSettings, secrets: Mapping[str, str]) -> dict[str, str]:
        if settings.secret_name in secrets:
            return dict(secrets)
        return {settings.secret_name: secrets.get("token", "")}

    def test(self, settings: SocialTargetSettings, secrets: Mapping[str, str]) -> str:
        """Ask the provider for the page with this token (GET /{page-id}?fields=name,
        /{ig-user-id}?fields=username, LinkedIn /rest/organizations/{id}); a readable summary.
        Raises ChannelProblem (or ValueError for settings that cannot be right)."""
        settings.check()
        secret = (secrets.get(settings.secret_name) or "").strip()
        if not secret:
            raise ChannelProblem(
                f"Enter the {settings.kind.label}'s {settings.secret_name.replace('_', ' ')}.",
                retry=False,
            )
        publisher = publisher_for(settings, secret)
        try:
            name = publisher.check()
        finally:
            publisher.close()
        settings.display_name = settings.display_name or name
        return f"{settings.kind.label} OK: {name}"

    def add(self, settings: SocialTargetSettings, secrets: Mapping[str, str]) -> str:
        """Test, then keep the page (token in the keyring) and start its worker."""
        summary = self.test(settings, secrets)
        self.keep_secrets(
            settings.account_key, {settings.secret_name: secrets[settings.secret_name]}
        )
        self.store.save_account(
            settings.account_key,
            settings.kind.channel,
            f"{settings.kind.label}: {settings.display_name}",
            settings.to_dict(),
        )
        self.start(settings.account_key, settings.to_dict())
        return summary

    # ------------------------------------------------------------ publishing

    def targets(self) -> list[tuple[str, str, TargetKind]]:
        """(account key, name, kind) of every connected page, for the compose dialog."""
        found = []
        for channel in CHANNELS:
            for key, name, data in self.store.accounts(channel):
                if self.owns(key):
                    found.append((key, name, SocialTargetSettings.from_dict(data).kind))
        return found

    def settings_of(self, account_key: str) -> SocialTargetSettings:
        for channel in CHANNELS:
            for key, _name, data in self.store.accounts(channel):
                if key == account_key:
                    return SocialTargetSettings.from_dict(data)
        raise ChannelProblem(
            "This page is not connected any more: connect it again in the Social tab.", False
        )

    def publisher(self, account_key: str) -> Publisher:
        """A publisher for a connected page, with its token from the keyring."""
        settings = self.settings_of(account_key)
        token = self.secret(account_key, settings.secret_name)
        if not token:
            raise ChannelProblem(
                f"No token for the {settings.kind.label} {settings.display_name} is in the "
                "keyring: connect the page again.",
                retry=False,
            )
        return publisher_for(settings, token)
