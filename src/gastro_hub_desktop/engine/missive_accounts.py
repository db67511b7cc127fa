"""The connected Missive accounts: testing and saving one (API token to the keyring), one sync
worker per account, replies queued as Missive drafts, attachments saved on request."""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import replace
from pathlib import Path

from gastro_hub_desktop.channels.base import ChannelProblem, Health
from gastro_hub_desktop.channels.email.attachments import save
from gastro_hub_desktop.channels.missive.api import MissiveClient
from gastro_hub_desktop.channels.missive.settings import MissiveSettings
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.missive_worker import MissiveWorker, reply_payload
from gastro_hub_desktop.store.outbox import Outbox, OutboxEntry
from gastro_hub_desktop.store.repository import Store

log = logging.getLogger(__name__)


def is_missive(account_key: str) -> bool:
    return account_key.startswith("missive:")


class MissiveAccounts:
    def __init__(self, store: Store, events: EventBus, secrets: object) -> None:
        self.store = store
        self.events = events
        self.secrets = secrets  # a gastro_hub_desktop.credentials.Credentials
        self._workers: dict[str, MissiveWorker] = {}
        self._lock = threading.Lock()

    def start_all(self) -> None:
        for key, _name, data in self.store.accounts(Channel.EMAIL):
            if not is_missive(key):
                continue
            try:
                self._start(MissiveSettings.from_dict(data))
            except Exception:
                log.exception("Missive account %s could not start", key)

    def _start(self, settings: MissiveSettings) -> MissiveWorker:
        def token() -> str | None:
            try:
                return self.secrets.get(settings.secret_name)  # type: ignore[attr-defined]
            except Exception as exc:  # keyring unavailable: say so, keep the worker alive
                raise ChannelProblem(str(exc), retry=True) from exc

        with self._lock:
            old = self._workers.pop(settings.account_key, None)
        if old is not None:
            old.stop()
        worker = MissiveWorker(self.store, self.events, settings, token)
        with self._lock:
            self._workers[settings.account_key] = worker
        worker.start()
        return worker

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
        self.secrets.set(completed.secret_name, token.strip())  # type: ignore[attr-defined]
        self.store.save_account(
            completed.account_key,
            Channel.EMAIL,
            f"Missive: {completed.display_name or completed.user_email}",
            completed.to_dict(),
        )
        self._start(completed)
        return summary

    def health(self) -> dict[str, Health]:
        with self._lock:
            return {key: w.health for key, w in self._workers.items()}

    def sync_all_now(self) -> None:
        with self._lock:
            workers = list(self._workers.values())
        for worker in workers:
            worker.sync_now()

    def _worker(self, account_key: str) -> MissiveWorker:
        with self._lock:
            worker = self._workers.get(account_key)
        if worker is None:
            raise ChannelProblem("That Missive account is not connected any more.", retry=False)
        return worker

    def queue_reply(self, conversation_id: int, text: str) -> OutboxEntry:
        outbox = Outbox(self.store)
        ctx = outbox.reply_context(conversation_id)
        worker = self._worker(ctx.account_key)
        payload = reply_payload(ctx.thread_key, ctx.counterpart, ctx.subject, text)
        entry = outbox.queue(conversation_id, ctx.account_key, payload, key=uuid.uuid4().hex)
        worker.sync_now()
        return entry

    def save_attachment(self, account_key: str, message_id: str, index: int, target: Path) -> Path:
        """Ask Missive for the message's attachment list, download one, write it to `target`."""
        worker = self._worker(account_key)
        token = worker._secret() or ""
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

    def stop(self) -> None:
        with self._lock:
            workers = list(self._workers.values())
            self._workers.clear()
        for worker in workers:
            worker.stop()
