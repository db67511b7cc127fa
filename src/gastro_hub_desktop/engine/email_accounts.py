"""The connected email accounts: testing and saving one (password to the keyring), one sync
worker per account, and queueing replies for the right account."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from email.message import EmailMessage
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from gastro_hub_desktop.channels.base import ChannelProblem, Health, HealthState
from gastro_hub_desktop.channels.email.imap import ImapMailbox
from gastro_hub_desktop.channels.email.outgoing import reply_payload, send_smtp
from gastro_hub_desktop.channels.email.settings import Auth, EmailSettings
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.mail_worker import MailWorker
from gastro_hub_desktop.store.outbox import Outbox, OutboxEntry
from gastro_hub_desktop.store.repository import Store

if TYPE_CHECKING:
    from gastro_hub_desktop.channels.email.oauth import TokenRefresher

log = logging.getLogger(__name__)


class EmailAccounts:
    def __init__(self, store: Store, events: EventBus, secrets: object) -> None:
        self.store = store
        self.events = events
        self.secrets = secrets  # a gastro_hub_desktop.credentials.Credentials
        self._workers: dict[str, MailWorker] = {}
        self._tokens_by_account: dict[str, TokenRefresher] = {}  # OAuth2 refresh accounts
        self._lock = threading.Lock()
        self.runs_here = True  # False: office mode, the leader's workers fetch and send
        self.remote_health: dict[str, Health] = {}

    def start_all(self) -> None:
        for key, _name, data in self.store.accounts(Channel.EMAIL):
            if not key.startswith("email:"):  # e.g. Missive accounts: they have their own
                continue
            try:
                self._start(EmailSettings.from_dict(data))
            except Exception:
                log.exception("email account %s could not start", key)

    def _secret_for(self, settings: EmailSettings) -> Callable[[], str | None]:
        if settings.auth is Auth.OAUTH2_REFRESH:  # a current access token, renewed as needed
            return lambda: self._tokens(settings).access_token()

        def read() -> str | None:
            try:
                return self.secrets.get(settings.secret_name)  # type: ignore[attr-defined]
            except Exception as exc:  # keyring unavailable: say so, do not crash the worker
                raise ChannelProblem(str(exc), retry=True) from exc

        return read

    def _tokens(self, settings: EmailSettings) -> TokenRefresher:
        """The account's access tokens (one refresher shared by its worker and requests)."""
        from gastro_hub_desktop.channels.email.oauth import TokenRefresher

        with self._lock:
            tokens = self._tokens_by_account.get(settings.account_key)
            if tokens is None or tokens.settings != settings:
                tokens = TokenRefresher(settings, self.secrets)  # type: ignore[arg-type]
                self._tokens_by_account[settings.account_key] = tokens
            return tokens

    def _mailbox(self, settings: EmailSettings, secret: str, timeout: float = 30) -> ImapMailbox:
        """An IMAP connection (not yet open); a refresh-token account's renews a refused token."""
        if settings.auth is Auth.OAUTH2_REFRESH:
            from gastro_hub_desktop.channels.email.oauth import RefreshingImapMailbox

            return RefreshingImapMailbox(settings, self._tokens(settings), secret, timeout)
        return ImapMailbox(settings, secret, timeout)

    def _send(self, settings: EmailSettings, secret: str, message: EmailMessage) -> None:
        if settings.auth is Auth.OAUTH2_REFRESH:
            from gastro_hub_desktop.channels.email.oauth import send_refreshing

            send_refreshing(self._tokens(settings), settings, secret, message)
        else:
            send_smtp(settings, secret, message)

    def _start(self, settings: EmailSettings) -> MailWorker | None:
        if not self.runs_here:
            return None  # the office's leader runs it
        with self._lock:
            old = self._workers.pop(settings.account_key, None)
        if old is not None:
            old.stop()
        worker = MailWorker(
            self.store, self.events, settings, self._secret_for(settings),
            open_mailbox=self._mailbox, send=self._send,
        )  # fmt: skip
        with self._lock:
            self._workers[settings.account_key] = worker
        worker.start()
        return worker

    @staticmethod
    def test(settings: EmailSettings, secret: str, client_secret: str = "") -> str:
        """Log in to IMAP and SMTP for real; a readable summary, or ChannelProblem. For an
        OAuth2 refresh account `secret` is the refresh token (nothing is kept)."""
        return EmailAccounts._check(settings, secret, client_secret)[0]

    @staticmethod
    def _check(
        settings: EmailSettings, secret: str, client_secret: str
    ) -> tuple[str, TokenRefresher | None]:
        from gastro_hub_desktop.channels.email.outgoing import smtp_login_check

        tokens = None
        if settings.auth is Auth.OAUTH2_REFRESH:  # first a token from the refresh token
            from gastro_hub_desktop.channels.email import oauth

            given = {settings.secret_name: secret, settings.client_secret_name: client_secret}
            tokens = oauth.TokenRefresher(
                settings, oauth.MemorySecrets({k: v for k, v in given.items() if v})
            )
            box: ImapMailbox = oauth.RefreshingImapMailbox(settings, tokens, timeout=20)
            check_smtp = partial(oauth.smtp_check_refreshing, tokens, settings)
            summary = f"Access token from {oauth.token_endpoint(settings)}; "
        else:
            box = ImapMailbox(settings, secret, timeout=20)
            check_smtp = partial(smtp_login_check, settings, secret)
            summary = ""
        box.connect()
        try:
            folders = box.folders()
        finally:
            box.close()
        check_smtp()
        return f"{summary}IMAP login OK ({', '.join(folders)}); SMTP login OK", tokens

    def add(self, settings: EmailSettings, secret: str, client_secret: str = "") -> str:
        """Test, then keep the account (password, or refresh token and client secret, in the
        keyring) and start syncing it."""
        summary, tokens = self._check(settings, secret, client_secret)
        if tokens is not None:  # the refresh token as the provider may have rotated it
            tokens.keep_in(self.secrets)  # type: ignore[arg-type]
            with self._lock:
                self._tokens_by_account[settings.account_key] = tokens
        else:
            self.secrets.set(settings.secret_name, secret)  # type: ignore[attr-defined]
        self.store.save_account(
            settings.account_key, Channel.EMAIL, settings.display_name or settings.address,
            settings.to_dict(),
        )  # fmt: skip
        self._start(settings)
        return summary

    def sync_all_now(self) -> None:
        with self._lock:
            workers = list(self._workers.values())
        for worker in workers:
            worker.sync_now()

    def health(self) -> dict[str, Health]:
        if not self.runs_here:
            return {k: h for k, h in self.remote_health.items() if k.startswith("email:")}
        with self._lock:
            return {key: w.health for key, w in self._workers.items()}

    def _office_settings(self, account_key: str) -> EmailSettings | None:
        for key, _name, data in self.store.accounts(Channel.EMAIL):
            if key == account_key:
                return EmailSettings.from_dict(data)
        return None

    def queue_reply(self, conversation_id: int, text: str, auto: bool = False) -> OutboxEntry:
        outbox = Outbox(self.store)
        ctx = outbox.reply_context(conversation_id)
        if not self.runs_here:  # office mode: the leader sends, woken by the notification
            office = self._office_settings(ctx.account_key)
            if office is None:
                raise ChannelProblem(
                    "This conversation did not come from a connected email account, so there "
                    "is no account to reply from.",
                    retry=False,
                )
            import uuid

            key = uuid.uuid4().hex
            payload = reply_payload(
                office, key, ctx.counterpart, ctx.subject, ctx.message_ids, text
            )
            payload["thread_key"] = ctx.thread_key
            return outbox.queue(conversation_id, ctx.account_key, payload, key=key, auto=auto)
        with self._lock:
            worker = self._workers.get(ctx.account_key)
        if worker is None:
            raise ChannelProblem(
                "This conversation did not come from a connected email account (it was imported "
                "or is sample data), so there is no account to reply from.",
                retry=False,
            )
        if worker.health.state is HealthState.NEEDS_ATTENTION:
            log.warning("queueing a reply for %s although it needs attention", ctx.account_key)
        import uuid

        key = uuid.uuid4().hex
        payload = reply_payload(
            worker.settings, key, ctx.counterpart, ctx.subject, ctx.message_ids, text
        )
        payload["thread_key"] = ctx.thread_key
        entry = outbox.queue(conversation_id, ctx.account_key, payload, key=key, auto=auto)
        worker.sync_now()
        return entry

    def save_attachment(self, account_key: str, message_id: str, index: int, target: Path) -> Path:
        """Fetch the message from the server and write one attachment to `target`."""
        from gastro_hub_desktop.channels.email.attachments import attachment_bytes, save

        with self._lock:
            worker = self._workers.get(account_key)
        if worker is None:
            raise ChannelProblem(
                "This message was imported, not synced from a connected account, so its "
                "attachments are not available.",
                retry=False,
            )
        secret = worker._secret()
        box = self._mailbox(worker.settings, secret or "", timeout=60)
        box.connect()
        try:
            raw = box.raw_message(message_id)
        finally:
            box.close()
        if raw is None:
            raise ChannelProblem("The message is no longer on the mail server.", retry=False)
        _name, content = attachment_bytes(raw, index)
        return save(content, target)

    def stop(self) -> None:
        with self._lock:
            workers = list(self._workers.values())
            self._workers.clear()
        for worker in workers:
            worker.stop()
