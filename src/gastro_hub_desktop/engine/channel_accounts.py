"""What every kind of connected account shares in the engine: the accounts of one kind (one key
prefix, e.g. "missive:" or "telegram:"), one worker per account, their measured health, secrets
read from and written to the keyring, and replies queued for the account's worker.

A kind says how to build a worker from its saved settings (`make_worker`), how to check new
settings for real (`test`) and how to turn a reply into the payload its worker sends
(`reply_payload`)."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Mapping
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem, Health
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.engine.channel_worker import ChannelWorker
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.webhook_receiver import Intake, WebhookReceiver
from gastro_hub_desktop.store.outbox import Outbox, OutboxEntry, ReplyContext
from gastro_hub_desktop.store.repository import Store

log = logging.getLogger(__name__)


class ChannelAccounts:
    prefix = ""  # account keys of this kind start with it, e.g. "telegram:"
    channel = Channel.EMAIL  # where the accounts are listed in the store
    label = "account"  # what the user calls one, e.g. "Telegram bot"

    def __init__(self, store: Store, events: EventBus, secrets: object) -> None:
        self.store = store
        self.events = events
        self.secrets = secrets  # a gastro_hub_desktop.credentials.Credentials
        self._workers: dict[str, ChannelWorker] = {}
        self._receivers: dict[tuple[str, int], WebhookReceiver] = {}
        self._lock = threading.Lock()
        # Office mode on a PC that does not lead: accounts are listed and replies queued here,
        # but the leader's workers fetch and send; their health comes from the leader.
        self.runs_here = True
        self.remote_health: dict[str, Health] = {}

    # ------------------------------------------------------------ what a kind provides

    def make_worker(self, account_key: str, settings: dict[str, Any]) -> ChannelWorker:
        """A (not yet started) worker for a saved account."""
        raise NotImplementedError

    def reply_payload(self, ctx: ReplyContext, text: str) -> dict[str, Any]:
        """What the outbox keeps for the worker to send this reply (exactly once)."""
        raise NotImplementedError

    # ------------------------------------------------------------ connecting from a dialog

    token_name = "token"  # the one secret of kinds that take a single token

    def check(self, settings: Any, secrets: Mapping[str, str]) -> str:
        """ "Test connection": a real check of what the user typed; the summary to show.
        Kinds with one token implement `test(settings, token)`; others override this."""
        result = self.test(settings, secrets.get(self.token_name, ""))  # type: ignore[attr-defined]
        return str(result[1] if isinstance(result, tuple) else result)

    def connect(self, settings: Any, secrets: Mapping[str, str]) -> str:
        """ "Save": check, keep the secrets in the keyring and start the account."""
        return str(self.add(settings, secrets.get(self.token_name, "")))  # type: ignore[attr-defined]

    # ------------------------------------------------------------ secrets

    def secret(self, account_key: str, which: str) -> str | None:
        """A secret of an account from the keyring; a keyring that cannot be reached is a
        problem the worker retries, not a crash."""
        try:
            return self.secrets.get(f"{account_key}:{which}")  # type: ignore[attr-defined]
        except Exception as exc:
            raise ChannelProblem(str(exc), retry=True) from exc

    def keep_secrets(self, account_key: str, secrets: Mapping[str, str]) -> None:
        for which, value in secrets.items():
            if value.strip():
                self.secrets.set(f"{account_key}:{which}", value.strip())  # type: ignore[attr-defined]

    # ------------------------------------------------------------ accounts and workers

    def owns(self, account_key: str) -> bool:
        return account_key.startswith(self.prefix)

    def start_all(self) -> None:
        for key, _name, data in self.store.accounts(self.channel):
            if not self.owns(key):
                continue
            try:
                self.start(key, data)
            except Exception:
                log.exception("%s %s could not start", self.label, key)

    def save_and_start(self, account_key: str, name: str, settings: dict[str, Any]) -> None:
        self.store.save_account(account_key, self.channel, name, settings)
        self.start(account_key, settings)

    def start(self, account_key: str, settings: dict[str, Any]) -> ChannelWorker | None:
        if not self.runs_here:
            return None  # the office's leader runs it
        with self._lock:
            old = self._workers.pop(account_key, None)
        if old is not None:
            old.stop()
        worker = self.make_worker(account_key, settings)
        with self._lock:
            self._workers[account_key] = worker
        worker.start()
        return worker

    def worker(self, account_key: str) -> ChannelWorker:
        with self._lock:
            worker = self._workers.get(account_key)
        if worker is None:
            if not self.runs_here:
                raise ChannelProblem(
                    f"In office mode the processor fetches and sends for this {self.label}; "
                    "this can only be done on the PC where it runs.",
                    retry=False,
                )
            raise ChannelProblem(f"That {self.label} is not connected any more.", retry=False)
        return worker

    def require(self, account_key: str) -> None:
        """The account can take a reply: its worker runs here, or (office mode) the account
        exists for the leader to send from."""
        if self.runs_here:
            self.worker(account_key)
        elif not any(key == account_key for key, _n, _d in self.store.accounts()):
            raise ChannelProblem(f"That {self.label} is not connected any more.", retry=False)

    def wake(self, account_key: str) -> None:
        """Have the account's worker send what was queued: at once here; in office mode the
        leader is woken by the outbox's notification."""
        with self._lock:
            worker = self._workers.get(account_key)
        if worker is not None:
            worker.sync_now()

    def health(self) -> dict[str, Health]:
        if not self.runs_here:
            return {k: h for k, h in self.remote_health.items() if self.owns(k)}
        with self._lock:
            return {key: w.health for key, w in self._workers.items()}

    def sync_all_now(self) -> None:
        with self._lock:
            workers = list(self._workers.values())
        for worker in workers:
            worker.sync_now()

    def queue_reply(self, conversation_id: int, text: str, auto: bool = False) -> OutboxEntry:
        """Put a reply in the outbox and wake the account's worker to send it."""
        outbox = Outbox(self.store)
        ctx = outbox.reply_context(conversation_id)
        self.require(ctx.account_key)
        entry = outbox.queue(
            conversation_id,
            ctx.account_key,
            self.reply_payload(ctx, text),
            key=uuid.uuid4().hex,
            auto=auto,
        )
        self.wake(ctx.account_key)
        return entry

    # ------------------------------------------------------------ webhook receivers

    def receiver(self, host: str, port: int, intake: Intake) -> WebhookReceiver:
        """The running webhook receiver on host:port for this kind (started on first use;
        OSError in plain words when the port is taken)."""
        where = (host, int(port))
        with self._lock:
            receiver = self._receivers.get(where)
            if receiver is None:
                receiver = WebhookReceiver(intake, *where)
                receiver.start()
                self._receivers[where] = receiver
        return receiver

    def receiver_at(self, host: str, port: int) -> WebhookReceiver | None:
        with self._lock:
            return self._receivers.get((host, int(port)))

    def receivers(self) -> list[WebhookReceiver]:
        with self._lock:
            return list(self._receivers.values())

    def stop(self) -> None:
        with self._lock:
            workers = list(self._workers.values())
            receivers = list(self._receivers.values())
            self._workers.clear()
            self._receivers.clear()
        for worker in workers:
            worker.stop()
        for receiver in receivers:
            receiver.stop()
