"""The connected Matrix accounts: testing a login for real, keeping one (password, access token
and device id to the keyring; the next start reuses that device), one sync worker per account,
replies queued for it, and files and pictures downloaded on request."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.email.attachments import save
from gastro_hub_desktop.channels.matrix.client import Login, MatrixConnection
from gastro_hub_desktop.channels.matrix.settings import (
    ACCESS_TOKEN,
    DEVICE_ID,
    PASSWORD,
    SYNC_TOKEN,
    SYNC_TOKEN_AT,
    MatrixSettings,
    is_user_id,
)
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.engine.channel_accounts import ChannelAccounts
from gastro_hub_desktop.engine.matrix_worker import AccountSecrets, MatrixWorker, reply_payload
from gastro_hub_desktop.store.outbox import ReplyContext


def is_matrix(account_key: str) -> bool:
    return account_key.startswith(MatrixAccounts.prefix)


class MatrixAccounts(ChannelAccounts):
    prefix = "matrix:"
    channel = Channel.MATRIX
    label = "Matrix account"
    token_name = PASSWORD  # what the Connect dialog's one secret is (see ChannelAccounts.check)

    def make_worker(self, account_key: str, settings: dict[str, Any]) -> MatrixWorker:
        return MatrixWorker(
            self.store,
            self.events,
            MatrixSettings.from_dict(settings),
            self.account_secrets(account_key),
        )

    def account_secrets(self, account_key: str) -> AccountSecrets:
        def keep(values: Mapping[str, str]) -> None:
            self.keep_secrets(account_key, values)

        return AccountSecrets(lambda which: self.secret(account_key, which), keep)

    def reply_payload(self, ctx: ReplyContext, text: str) -> dict[str, Any]:
        return reply_payload(ctx.thread_key, ctx.counterpart, text)

    # ------------------------------------------------------------ connecting

    @staticmethod
    def sign_in(
        settings: MatrixSettings,
        password: str,
        device_id: str | None = None,
        log_out: bool = False,
    ) -> tuple[MatrixSettings, Login, str]:
        """Log in for real (finding the homeserver from the user id when none is given); the
        settings completed, the login, and a readable summary. With `log_out` the session is
        ended again at once (its device removed). Raises ChannelProblem."""
        if not is_user_id(settings.user_id):
            raise ChannelProblem(
                "Enter the Matrix user id in full, like @jana:example.org.", retry=False
            )
        if not password:
            raise ChannelProblem("Enter the Matrix account's password.", retry=False)
        settings = replace(settings, user_id=settings.user_id.strip())
        connection = MatrixConnection(settings)
        try:
            if not settings.homeserver.strip():
                settings = replace(settings, homeserver=connection.discover())
            login = connection.login(password, device_id=device_id)
            connection.whoami()
            if log_out:
                connection.logout()
        finally:
            connection.close()
        settings = replace(settings, user_id=login.user_id)
        summary = (
            f"Matrix OK: signed in to {settings.base_url} as {login.user_id} "
            f"(device {login.device_id})"
        )
        return settings, login, summary

    @staticmethod
    def test(settings: MatrixSettings, password: str) -> str:
        """Log in and out again: nothing is kept, and no device is left behind."""
        return MatrixAccounts.sign_in(settings, password, log_out=True)[2]

    def add(self, settings: MatrixSettings, password: str) -> str:
        """Log in, keep the password, access token and device id in the keyring, save the
        account and start syncing it. Adding the same account again reuses its device."""
        device = self._known_device(settings)
        completed, login, summary = self.sign_in(settings, password, device_id=device)
        key = completed.account_key
        self.keep_secrets(key, {ACCESS_TOKEN: login.access_token, DEVICE_ID: login.device_id})
        # the password exactly as typed (keep_secrets trims, which a password must not be)
        self.secrets.set(f"{key}:{PASSWORD}", password)  # type: ignore[attr-defined]
        data = completed.to_dict()
        previous = self._saved(key)
        if previous.get(SYNC_TOKEN) and previous.get("homeserver") == completed.homeserver:
            # carry on where the account left off
            data[SYNC_TOKEN] = previous[SYNC_TOKEN]
            data[SYNC_TOKEN_AT] = previous.get(SYNC_TOKEN_AT)
        name = f"Matrix: {completed.display_name or completed.user_id}"
        self.save_and_start(key, name, data)
        return summary

    def _known_device(self, settings: MatrixSettings) -> str | None:
        if not is_user_id(settings.user_id):
            return None
        try:
            return self.secret(settings.account_key, DEVICE_ID)
        except ChannelProblem:
            return None

    def _saved(self, account_key: str) -> dict[str, Any]:
        for key, _name, data in self.store.accounts(self.channel):
            if key == account_key:
                return data
        return {}

    # ------------------------------------------------------------ files

    def save_attachment(self, account_key: str, message_id: str, index: int, target: Path) -> Path:
        """Download a file or picture (its mxc:// address) with the account's login."""
        listed = self.store.attachments_of(account_key, message_id)
        if not 0 <= index < len(listed) or not listed[index].ref.startswith("mxc://"):
            raise ChannelProblem("That file is not listed in the message any more.", False)
        settings = MatrixSettings.from_dict(self._saved(account_key) or {"user_id": ""})
        token = self.secret(account_key, ACCESS_TOKEN)
        device = self.secret(account_key, DEVICE_ID)
        if not token or not device:
            raise ChannelProblem(
                "This Matrix account is not signed in: open its settings and enter the "
                "password again.",
                retry=False,
            )
        connection = MatrixConnection(settings, request_timeout=120)
        try:
            connection.restore(token, device)
            content = connection.download(listed[index].ref)
        finally:
            connection.close()
        return save(content, target)
