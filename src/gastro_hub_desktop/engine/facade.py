"""The GUI's one handle on the engine: every call returns a future and never blocks the caller.

Database work runs on the engine's own threads (one writer, two readers) under the engine's
asyncio loop; changes are announced on the event bus.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.engine.events import (
    ConversationsChanged,
    EngineFailed,
    EngineStarted,
    EventBus,
    JobFinished,
    JobProgress,
)
from gastro_hub_desktop.engine.loop_thread import LoopThread

# The chat and social kinds of account, started with the channels: (module, class).
CHAT_KINDS: tuple[tuple[str, str], ...] = (
    ("gastro_hub_desktop.engine.beeper_accounts", "BeeperAccounts"),
    ("gastro_hub_desktop.engine.telegram_accounts", "TelegramAccounts"),
    ("gastro_hub_desktop.engine.matrix_accounts", "MatrixAccounts"),
    ("gastro_hub_desktop.engine.meta_pages_accounts", "MetaPagesAccounts"),
    ("gastro_hub_desktop.engine.social_accounts", "SocialAccounts"),
)

if TYPE_CHECKING:
    import concurrent.futures

    from gastro_hub_desktop.channels.base import Health
    from gastro_hub_desktop.channels.email.settings import EmailSettings
    from gastro_hub_desktop.channels.missive.settings import MissiveSettings
    from gastro_hub_desktop.channels.whatsapp.settings import WhatsAppSettings
    from gastro_hub_desktop.domain.conversations import (
        ConversationDetail,
        ConversationRow,
        DraftView,
        InboxFilter,
        SearchHit,
    )
    from gastro_hub_desktop.domain.messages import ChannelTab, ImportResult
    from gastro_hub_desktop.engine.assistant import AiStatus, Assistant
    from gastro_hub_desktop.engine.backup_control import BackupControl
    from gastro_hub_desktop.engine.channel_accounts import ChannelAccounts
    from gastro_hub_desktop.engine.email_accounts import EmailAccounts
    from gastro_hub_desktop.engine.learning_job import LearningSchedule
    from gastro_hub_desktop.engine.missive_accounts import MissiveAccounts
    from gastro_hub_desktop.engine.office import OfficeLink
    from gastro_hub_desktop.engine.social_scheduler import SocialScheduler
    from gastro_hub_desktop.engine.stack_control import StackControl
    from gastro_hub_desktop.engine.whatsapp_accounts import WhatsAppAccounts
    from gastro_hub_desktop.store.outbox import OutboxEntry
    from gastro_hub_desktop.store.repository import Store, StoreStats
    from gastro_hub_desktop.store.social_posts import SocialPostView

log = logging.getLogger(__name__)
T = TypeVar("T")
CHANNELS_START_DELAY = 0.5  # seconds after the database is open
CRM_MAPPING_KEY = "crm.mapping"
RESTORE_TRIES = 30  # a read from the window may hold the database for a moment


class EngineNotReady(RuntimeError):
    """Asked for data before the database was open (or after it failed to open)."""


class Cancelled(Exception):
    """A long job was cancelled by the user; what it had finished is kept."""


@dataclass
class Job:
    """A long piece of work: its future, and a way to ask it to stop between batches."""

    name: str
    future: concurrent.futures.Future[Any]
    _cancel: threading.Event

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Engine:
    """Owns the loop thread, the store and the event bus."""

    def __init__(
        self, database_url: str, credentials: object | None = None, role: str = "desktop"
    ) -> None:
        from gastro_hub_desktop.store.office import member_name

        self.database_url = database_url
        self._credentials = credentials
        # "desktop" (a window) or "processor" (headless). In office mode (PostgreSQL shared by
        # several PCs) one processor leads: it fetches and sends; the others follow.
        self.role = role
        self.member = member_name(role)
        self.office: OfficeLink | None = None
        self.on_lead_lost: Callable[[str], None] | None = None  # e.g. the processor exits
        self.email: EmailAccounts | None = None
        self.missive: MissiveAccounts | None = None
        self.whatsapp: WhatsAppAccounts | None = None
        self.kinds: dict[str, ChannelAccounts] = {}  # key prefix → that kind of account
        self.social_posts: SocialScheduler | None = None
        self.assistant: Assistant | None = None
        self.learning: LearningSchedule | None = None
        self.stack: StackControl | None = None
        self.backups: BackupControl | None = None
        self._channels_started: Any = None  # an asyncio future, set once the database is open
        self.events = EventBus()
        self._loop_thread = LoopThread("engine")
        self._writer: concurrent.futures.ThreadPoolExecutor | None = None
        self._readers: concurrent.futures.ThreadPoolExecutor | None = None
        self._store: Store | None = None
        self._started: concurrent.futures.Future[EngineStarted] | None = None
        self._stopped = False

    # ------------------------------------------------------------ lifecycle

    def start(self) -> concurrent.futures.Future[EngineStarted]:
        """Start the loop and open (and migrate) the database in the background."""
        if self._started is None:
            from concurrent.futures import ThreadPoolExecutor

            from gastro_hub_desktop.responsiveness import background_thread

            # imports and the assistant's writes run long: the GUI thread comes first for the CPU
            self._writer = ThreadPoolExecutor(
                1, thread_name_prefix="db-write", initializer=background_thread
            )
            self._readers = ThreadPoolExecutor(2, thread_name_prefix="db-read")
            # The database opens on the writer thread while the loop thread is still starting.
            opening = self._writer.submit(self._open_store)
            self._loop_thread.start()
            self._started = self._loop_thread.submit(self._open(opening))
        return self._started

    async def _open(
        self, opening: concurrent.futures.Future[tuple[Store, EngineStarted]]
    ) -> EngineStarted:
        import asyncio

        try:
            store, event = await asyncio.wrap_future(opening)
        except Exception as exc:
            message = describe_database_error(self.database_url, exc)
            log.exception("could not open the database")
            self.events.publish(EngineFailed(message))
            raise EngineNotReady(message) from exc
        self._store = store
        log.info("database open: %s (schema %s)", event.database, event.schema_revision)
        self.events.publish(event)
        self._channels_started = asyncio.ensure_future(self._start_channels_soon(store))
        return event

    async def _start_channels_soon(self, store: Store) -> None:
        """Channels start a moment after the inbox can be served: their imports (ssl, email,
        IMAP) would otherwise compete with the first rows on screen."""
        import asyncio

        await asyncio.sleep(CHANNELS_START_DELAY)
        await asyncio.get_running_loop().run_in_executor(self._writer, self._start_channels, store)

    def _open_store(self) -> tuple[Store, EngineStarted]:
        from gastro_hub_desktop.store import migrate
        from gastro_hub_desktop.store.repository import Store

        store = Store.open(self.database_url, application_name=self.member)
        revision = migrate.current_revision(store.engine) or "?"
        return store, EngineStarted(store.url, revision)

    def _start_channels(self, store: Store) -> None:
        from gastro_hub_desktop.store.office import is_postgres, office_enabled

        if self._stopped:
            return
        if self._credentials is None:
            from gastro_hub_desktop.credentials import Credentials

            self._credentials = Credentials()
        if not is_postgres(store) or not (self.role == "processor" or office_enabled(store)):
            self._run_channels(store, here=True)
            return
        from gastro_hub_desktop.engine.office import OfficeLink

        self.office = OfficeLink(
            store, self.events, self.member, self._wake_sender, self._restart_account
        )
        self.office.start()
        if self.role == "processor":  # waits for the lead; then it fetches and sends
            self.office.campaign(lambda: self._run_channels(store, here=True), self._lead_lost)
        else:  # a desktop in office mode: the leader fetches and sends
            self._run_channels(store, here=False)

    def _lead_lost(self, reason: str) -> None:
        if self.on_lead_lost is not None:
            self.on_lead_lost(reason)

    def _run_channels(self, store: Store, here: bool) -> None:
        """Build every kind of account; with `here` start their workers, the assistant, the
        learning job, the social schedule and backups on this engine (off: office mode, the
        leader runs them and this engine only queues and shows)."""
        from gastro_hub_desktop.engine.email_accounts import EmailAccounts
        from gastro_hub_desktop.engine.missive_accounts import MissiveAccounts

        if self._stopped:
            return
        self.email = EmailAccounts(store, self.events, self._credentials)
        self.missive = MissiveAccounts(store, self.events, self._credentials)
        from gastro_hub_desktop.engine.whatsapp_accounts import WhatsAppAccounts

        self.whatsapp = WhatsAppAccounts(store, self.events, self._credentials)
        kinds: list[ChannelAccounts] = [self.missive, self.whatsapp]
        for module, name in CHAT_KINDS:
            kind_class = getattr(import_module(module), name)
            kinds.append(kind_class(store, self.events, self._credentials))
        for accounts in (self.email, *kinds):
            accounts.runs_here = here
            if self.office is not None:
                accounts.remote_health = self.office.health
            accounts.start_all()
        self.kinds = {k.prefix: k for k in kinds}
        from gastro_hub_desktop.engine.social_scheduler import SocialScheduler

        self.social_posts = SocialScheduler(store, self.kinds["social:"], self.events)  # type: ignore[arg-type]
        from gastro_hub_desktop.engine.assistant import Assistant

        self.assistant = Assistant(store, self.events, self._queue_reply, self._credentials)
        from gastro_hub_desktop.engine.assistant import AiActivity, AiChanged
        from gastro_hub_desktop.engine.learning_job import LearningSchedule

        self.learning = LearningSchedule(
            store, lambda _report: self.events.publish(AiChanged(AiActivity()))
        )
        from gastro_hub_desktop.engine.backup_control import BackupControl

        self.backups = BackupControl(store, self.events, self._credentials, self.backup_now)
        if here:
            self.social_posts.start()
            self.assistant.start()
            self.learning.start()
            self.backups.start()
        from gastro_hub_desktop.store.settings import AppSettings

        if (AppSettings(store).get("stack") or {}).get("enabled"):
            # the user brought the stack up before: keep healing it while the app runs
            try:
                self._stack().watch()
            except Exception:
                log.exception("the stack's watchdog could not start")

    def stop(self, timeout: float = 15.0) -> None:
        """Finish the write in progress, then stop everything. Safe to call twice."""
        if self._stopped:
            return
        self._stopped = True
        self._loop_thread.stop(timeout)
        for pool in (self._writer, self._readers):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        if self.social_posts is not None:
            self.social_posts.stop()
        if self.assistant is not None:
            self.assistant.stop()
        if self.learning is not None:
            self.learning.stop()
        if self.stack is not None:
            self.stack.close()
        if self.backups is not None:
            self.backups.stop()
        # after the pools: they may be starting
        for accounts in (self.email, *self.kinds.values()):
            if accounts is not None:
                accounts.stop()
        if self.office is not None:  # the lead is given up only once nothing is sending
            self.office.stop()
        if self._store is not None:
            self._store.close()
        log.info("engine stopped")

    @property
    def ready(self) -> bool:
        """The database is open (EngineStarted has been published)."""
        return self._store is not None

    @property
    def store(self) -> Store:
        if self._store is None:
            raise EngineNotReady("the database is not open yet")
        return self._store

    # ------------------------------------------------------------ plumbing

    def _run(
        self, fn: Callable[..., T], *args: Any, write: bool = False, channels: bool = False
    ) -> concurrent.futures.Future[T]:
        async def call() -> T:
            import asyncio

            if self._started is not None and not self._started.done():
                await asyncio.wrap_future(self._started)
            if channels and self._channels_started is not None:
                await self._channels_started
            store = self.store
            pool = self._writer if write else self._readers
            return await asyncio.get_running_loop().run_in_executor(pool, fn, store, *args)

        if self._started is None:
            raise EngineNotReady("the engine was not started")
        if self._stopped:  # e.g. a timer firing while the app shuts down
            from concurrent.futures import Future

            failed: concurrent.futures.Future[T] = Future()
            failed.set_exception(EngineNotReady("the engine has stopped"))
            return failed
        return self._loop_thread.submit(call())

    def _changed(self, conversation_ids: frozenset[int] | set[int], new: int = 0) -> None:
        self.events.publish(ConversationsChanged(frozenset(conversation_ids), new))

    # ------------------------------------------------------------ reads

    def inbox_count(self, f: InboxFilter) -> concurrent.futures.Future[int]:
        return self._run(lambda s: s.inbox_count(f))

    def inbox_page(
        self, f: InboxFilter, offset: int, limit: int, total: int | None = None
    ) -> concurrent.futures.Future[list[ConversationRow]]:
        return self._run(lambda s: s.inbox_page(f, offset, limit, total=total))

    def search(self, query: str, limit: int = 50) -> concurrent.futures.Future[list[SearchHit]]:
        return self._run(lambda s: s.search(query, limit))

    def tab_counts(self) -> concurrent.futures.Future[dict[ChannelTab, int]]:
        return self._run(lambda s: s.tab_counts())

    def keyring_status(self) -> concurrent.futures.Future[Any]:
        """Which keyring holds the secrets and whether it works now (checked for real)."""

        def work() -> Any:
            if self._credentials is None:
                from gastro_hub_desktop.credentials import Credentials

                self._credentials = Credentials()
            return self._credentials.status()  # type: ignore[attr-defined]

        return self._run_network(work)

    def dashboard(self, days: int = 7) -> concurrent.futures.Future[dict[str, Any]]:
        """The dashboard's figures: unread per channel (VIP / urgent / normal), per-day
        messages, reply times and acceptance, the AI summary and every measured health."""
        from gastro_hub_desktop.engine.assistant import ai_status
        from gastro_hub_desktop.store.dashboard import daily_figures, unread_by_channel

        def work(s: Store) -> dict[str, Any]:
            health: dict[str, Any] = {}
            for accounts in (self.email, *self.kinds.values()):
                if accounts is not None:
                    health.update(accounts.health())
            return {
                "unread": unread_by_channel(s),
                "days": daily_figures(s, days),
                "ai": ai_status(s, self.assistant),
                "health": health,
                "stack_incidents": s.audit_entries(prefix="stack.", limit=5),
            }

        return self._run(work)

    def stats(self) -> concurrent.futures.Future[StoreStats]:
        return self._run(lambda s: s.stats())

    def open_conversation(
        self, conversation_id: int
    ) -> concurrent.futures.Future[ConversationDetail]:
        """The conversation with its messages; opening it marks it read."""

        def work(s: Store) -> ConversationDetail:
            detail = s.conversation(conversation_id)
            if detail.row.unread:
                s.mark_read(conversation_id)
                self._changed({conversation_id})
            return detail

        return self._run(work, write=True)

    # ------------------------------------------------------------ writes

    def save_draft(self, conversation_id: int, text: str) -> concurrent.futures.Future[DraftView]:
        def work(s: Store) -> DraftView:
            draft = s.save_draft(conversation_id, text)
            self._changed({conversation_id})
            return draft

        return self._run(work, write=True)

    def set_done(self, conversation_id: int, done: bool = True) -> concurrent.futures.Future[None]:
        def work(s: Store) -> None:
            s.set_done(conversation_id, done)
            self._changed({conversation_id})

        return self._run(work, write=True)

    def snooze(
        self, conversation_id: int, until: datetime | None
    ) -> concurrent.futures.Future[None]:
        def work(s: Store) -> None:
            s.snooze(conversation_id, until)
            self._changed({conversation_id})

        return self._run(work, write=True)

    # ------------------------------------------------------------ email accounts

    def _email(self) -> EmailAccounts:
        if self.email is None:
            raise EngineNotReady("the email accounts are still starting; try again in a moment")
        return self.email

    def test_email_account(
        self, settings: EmailSettings, secret: str, client_secret: str = ""
    ) -> concurrent.futures.Future[str]:
        """Log in to IMAP and SMTP for real (up to ~40 s on a dead server); nothing is kept.
        For OAuth2 refresh accounts `secret` is the refresh token, traded for an access token
        first, and `client_secret` the app's client secret (if it has one)."""
        return self._run_network(lambda: self._email().test(settings, secret, client_secret))

    def add_email_account(
        self, settings: EmailSettings, secret: str, client_secret: str = ""
    ) -> concurrent.futures.Future[str]:
        """Test, keep (password, or refresh token and client secret, in the keyring) and start
        syncing an email account."""
        return self._run_network(lambda: self._email().add(settings, secret, client_secret))

    def email_health(self) -> concurrent.futures.Future[dict[str, Health]]:
        """The last measured health of each email and Missive account (from the workers, not
        assumed)."""
        return self._run(
            lambda _s: {**self._email().health(), **self._missive().health()}, channels=True
        )

    def email_accounts(self) -> concurrent.futures.Future[list[tuple[str, str, dict[str, Any]]]]:
        return self._run(lambda s: s.accounts(Channel.EMAIL))

    def send_reply(self, conversation_id: int, text: str) -> concurrent.futures.Future[OutboxEntry]:
        """Queue a reply: an email account's worker sends it exactly once and files it in Sent;
        a Missive account's worker posts it once as a draft for the team to send."""

        return self._run(
            lambda _s: self._queue_reply(conversation_id, text), write=True, channels=True
        )

    def _queue_reply(self, conversation_id: int, text: str, auto: bool = False) -> OutboxEntry:
        from gastro_hub_desktop.store.outbox import Outbox

        account_key = Outbox(self.store).reply_context(conversation_id).account_key
        kind = self._kind_of(account_key)
        if kind is not None:
            return kind.queue_reply(conversation_id, text, auto=auto)
        return self._email().queue_reply(conversation_id, text, auto=auto)

    # ------------------------------------------------------------ office mode

    def _wake_sender(self, conversation_id: int) -> None:
        """The leader: another PC queued a reply in this conversation; have its account's
        worker send it now."""
        from gastro_hub_desktop.store.outbox import Outbox

        try:
            key = Outbox(self.store).reply_context(conversation_id).account_key
        except Exception:
            log.exception("no account to wake for conversation %s", conversation_id)
            return
        kind = self._kind_of(key)
        if kind is not None:
            kind.wake(key)
        elif self.email is not None:
            self.email.sync_all_now()

    def _restart_account(self, account_key: str) -> None:
        """The leader: another PC added or changed this account; (re)start its worker."""
        for key, _name, settings in self.store.accounts():
            if key != account_key:
                continue
            kind = self._kind_of(key)
            try:
                if kind is not None:
                    kind.start(key, settings)
                elif self.email is not None and key.startswith("email:"):
                    from gastro_hub_desktop.channels.email.settings import EmailSettings

                    self.email._start(EmailSettings.from_dict(settings))
            except Exception:
                log.exception("account %s could not start", key)

    def office_status(self) -> concurrent.futures.Future[dict[str, Any]]:
        """Office mode as it is now: on or off, this engine's role, and who leads (read from
        PostgreSQL's lock table, not remembered)."""
        from gastro_hub_desktop.store.office import current_leader, is_postgres, office_enabled

        def work(s: Store) -> dict[str, Any]:
            leader = current_leader(s) if is_postgres(s) else None
            return {
                "enabled": office_enabled(s),
                "postgres": is_postgres(s),
                "role": self.role,
                "leading": bool(self.office and self.office.leading.is_set()),
                "leader": leader,
            }

        return self._run(work)

    def set_office_mode(self, enabled: bool) -> concurrent.futures.Future[None]:
        """Turn office mode on or off for every PC on this database (takes effect when each
        app starts again)."""
        from gastro_hub_desktop.store.office import set_office_enabled

        return self._run(lambda s: set_office_enabled(s, enabled), write=True)

    def answering(self, conversation_id: int) -> concurrent.futures.Future[None]:
        """Tell the other PCs that this user is answering the conversation (renew while
        writing). Nothing to tell outside office mode."""
        return self._run(
            lambda _s: self.office.answering(conversation_id) if self.office else None,
            write=True,
        )

    def stop_answering(self, conversation_id: int | None = None) -> concurrent.futures.Future[None]:
        return self._run(
            lambda _s: self.office.leave(conversation_id) if self.office else None, write=True
        )

    def who_is_answering(self, conversation_id: int) -> concurrent.futures.Future[list[Any]]:
        """Colleagues at other PCs answering this conversation now (office mode)."""
        return self._run(
            lambda _s: self.office.others_answering(conversation_id) if self.office else []
        )

    # ------------------------------------------------------------ AI assistant

    def _assistant(self) -> Assistant:
        if self.assistant is None:
            raise EngineNotReady("the AI assistant is still starting; try again in a moment")
        return self.assistant

    def reject_draft(self, draft_id: int, conversation_id: int) -> concurrent.futures.Future[None]:
        """The user does not want this AI draft (counted as rejected)."""
        from gastro_hub_desktop.store.drafts import Drafts

        def work(s: Store) -> None:
            Drafts(s).reject(draft_id)
            self._changed({conversation_id})

        return self._run(work, write=True)

    def ai_status(self) -> concurrent.futures.Future[AiStatus]:
        """The AI panel's figures, all from recorded outcomes."""
        from gastro_hub_desktop.engine.assistant import ai_status

        return self._run(lambda s: ai_status(s, self.assistant), channels=True)

    def set_kill_switch(self, on: bool) -> concurrent.futures.Future[int]:
        """Stop (or allow again) automatic replies; automatic replies still waiting in the
        outbox are held at once. Returns how many were held."""
        from gastro_hub_desktop.engine.assistant import set_kill_switch

        return self._run(lambda s: set_kill_switch(s, on, self.events), write=True)

    def correct_urgency(
        self, conversation_id: int, urgency: str
    ) -> concurrent.futures.Future[None]:
        """A person says how urgent the conversation's newest customer message really is;
        the learning job re-weights the urgency keywords from these corrections."""
        from gastro_hub_desktop.store.learning import LearningRecords

        def work(s: Store) -> None:
            LearningRecords(s).record_urgency_correction(conversation_id, urgency)
            self._changed({conversation_id})

        return self._run(work, write=True)

    def run_learning_now(self) -> concurrent.futures.Future[dict[str, Any]]:
        from gastro_hub_desktop.engine.learning_job import run_learning

        return self._run(run_learning, write=True)

    def export_learning_report(self, path: str | Path) -> concurrent.futures.Future[str]:
        """Write the newest learning report (made now if there is none yet) as HTML."""
        from gastro_hub_desktop.engine.learning_job import run_learning
        from gastro_hub_desktop.store.learning import LearningRecords, report_html

        def work(s: Store) -> str:
            found = LearningRecords(s).report()
            if found is None:
                report = run_learning(s)
                found = (report["day"], report)
            target = Path(path)
            partial = target.with_name(target.name + ".part")
            partial.write_text(report_html(*found), encoding="utf-8")
            partial.replace(target)
            return str(target)

        return self._run(work, write=True)

    def set_ai_secret(self, name: str, secret: str) -> concurrent.futures.Future[None]:
        """Keep a provider's key or secret in the keyring (never in the database)."""
        from gastro_hub_desktop.engine.assistant import AI_SECRETS

        if name not in AI_SECRETS:
            raise ValueError(f"{name} is not an AI provider secret")

        def work(_s: Store) -> None:
            if self._credentials is None:
                raise EngineNotReady("the keyring is not open yet")
            self._credentials.set(name, secret)  # type: ignore[attr-defined]
            if self.assistant is not None:
                self.assistant.forget_provider()

        return self._run(work, channels=True)

    def test_ai_provider(
        self, base_url: str, model: str, key: str | None
    ) -> concurrent.futures.Future[str]:
        """Ask an OpenAI-compatible server for real whether it answers with this model."""
        import asyncio

        from gastro_hub_desktop.brain.providers.openai_compat import OpenAICompatibleProvider

        if not key and self._credentials is not None:
            key = self._credentials.get("ai:openai")  # type: ignore[attr-defined]
        return self._run_network(
            lambda: asyncio.run(OpenAICompatibleProvider(base_url, model, key).check())
        )

    # ------------------------------------------------------------ contacts and the CRM

    def crm_file(
        self, path: str | Path
    ) -> concurrent.futures.Future[tuple[list[str], dict[str, str]]]:
        """The CSV's headers and the mapping to use: the one saved last time for headers it
        has, else a guess from the header names (Czech, English, German)."""
        from gastro_hub_desktop.brain.crm_import import guess_mapping, read_headers
        from gastro_hub_desktop.store.settings import AppSettings

        def work(s: Store) -> tuple[list[str], dict[str, str]]:
            headers = read_headers(path).headers
            saved = (AppSettings(s).get(CRM_MAPPING_KEY, {}) or {}).get("columns", {})
            mapping = {h: f.value for h, f in guess_mapping(headers).items()}
            mapping.update({h: f for h, f in saved.items() if h in headers})
            return headers, mapping

        return self._run(work)

    def import_crm(
        self, path: str | Path, mapping: dict[str, str]
    ) -> concurrent.futures.Future[tuple[Any, list[tuple[int, str]]]]:
        """Read the CRM export with the user's column mapping (kept for next time), match
        its records to contacts and update VIP scores. Returns the outcome and the rows
        that could not be used (line, why)."""
        from gastro_hub_desktop.brain.crm_import import ColumnMapping, read_crm_csv
        from gastro_hub_desktop.store.contact_book import ContactBook, CrmRow
        from gastro_hub_desktop.store.learning import LearningRecords
        from gastro_hub_desktop.store.settings import AppSettings

        def work(s: Store) -> tuple[Any, list[tuple[int, str]]]:
            columns = ColumnMapping.from_dict({"columns": mapping})
            read = read_crm_csv(path, columns)
            outcome = ContactBook(s).import_crm(
                [
                    CrmRow(r.company, r.name, r.emails, r.phones, r.vip, r.value, r.crm_id)
                    for r in read.records
                ]
            )
            AppSettings(s).put(CRM_MAPPING_KEY, columns.to_dict())
            LearningRecords(s).update_vip_scores()
            self._changed(set())
            return outcome, read.problems

        return self._run(work, write=True)

    def merge_proposals(self) -> concurrent.futures.Future[list[Any]]:
        from gastro_hub_desktop.store.contact_book import ContactBook

        return self._run(lambda s: ContactBook(s).merge_proposals())

    def merge_contacts(self, keep: int, other: int) -> concurrent.futures.Future[int]:
        """One customer, one contact: `other`'s conversations and addresses join `keep`."""
        from gastro_hub_desktop.store.contact_book import ContactBook

        def work(s: Store) -> int:
            merge_id = ContactBook(s).merge(keep, other)
            self._changed(set())
            return merge_id

        return self._run(work, write=True)

    def contact_merges(self) -> concurrent.futures.Future[list[tuple[int, int, int]]]:
        from gastro_hub_desktop.store.contact_book import ContactBook

        return self._run(lambda s: ContactBook(s).merges())

    def unmerge_contacts(self, merge_id: int) -> concurrent.futures.Future[None]:
        from gastro_hub_desktop.store.contact_book import ContactBook

        def work(s: Store) -> None:
            ContactBook(s).unmerge(merge_id)
            self._changed(set())

        return self._run(work, write=True)

    def set_vip(self, conversation_id: int, vip: bool) -> concurrent.futures.Future[None]:
        """Flag the conversation's customer as VIP (or not) by hand; a manual flag wins over
        the score the learning job computes."""

        def work(s: Store) -> None:
            row = s.conversation(conversation_id).row
            s.mark_vip([(row.channel, row.contact_address)], vip)
            s.audit("user", "contact.vip", {"conversation": conversation_id, "vip": vip})
            self._changed({conversation_id})

        return self._run(work, write=True)

    def learning_report(self) -> concurrent.futures.Future[tuple[str, dict[str, Any]] | None]:
        """The newest daily learning report (day, report), if there is one."""
        from gastro_hub_desktop.store.learning import LearningRecords

        return self._run(lambda s: LearningRecords(s).report())

    def reply_templates(self) -> concurrent.futures.Future[dict[str, dict[str, str]]]:
        from gastro_hub_desktop.engine.assistant import reply_templates

        return self._run(reply_templates)

    def save_reply_template(
        self, intent: str, language: str, text: str | None
    ) -> concurrent.futures.Future[None]:
        """Keep the template the local provider fills for this intent and language
        ({name}, {company}, {business}, {subject} are filled in); None restores the shipped."""
        from gastro_hub_desktop.engine.assistant import save_reply_template

        return self._run(lambda s: save_reply_template(s, intent, language, text), write=True)

    def urgency_keywords(self) -> concurrent.futures.Future[list[dict[str, Any]]]:
        from gastro_hub_desktop.engine.assistant import user_keywords

        return self._run(user_keywords)

    def add_urgency_keyword(
        self, label: str, language: str, pattern: str, weight: float
    ) -> concurrent.futures.Future[list[dict[str, Any]]]:
        """A word or phrase that makes a message crisis / urgent / financial / scheduling
        (a negative weight: one that says it is not, such as "no rush")."""
        from gastro_hub_desktop.engine.assistant import add_urgency_keyword

        return self._run(
            lambda s: add_urgency_keyword(s, label, language, pattern, weight), write=True
        )

    def remove_urgency_keyword(
        self, label: str, language: str, pattern: str
    ) -> concurrent.futures.Future[list[dict[str, Any]]]:
        from gastro_hub_desktop.engine.assistant import remove_urgency_keyword

        return self._run(lambda s: remove_urgency_keyword(s, label, language, pattern), write=True)

    def ai_setting(self, key: str, default: Any = None) -> concurrent.futures.Future[Any]:
        from gastro_hub_desktop.store.settings import AppSettings

        return self._run(lambda s: AppSettings(s).get(key, default))

    def put_ai_setting(self, key: str, value: Any) -> concurrent.futures.Future[None]:
        """Change an AI setting (provider, knowledge base, business, auto-reply policy)."""
        from gastro_hub_desktop.store.settings import AppSettings

        def work(s: Store) -> None:
            AppSettings(s).put(key, value)
            if self.assistant is not None:
                self.assistant.wake()

        return self._run(work, write=True)

    # ------------------------------------------------------------ Missive accounts

    def _missive(self) -> MissiveAccounts:
        if self.missive is None:
            raise EngineNotReady("the Missive accounts are still starting; try again in a moment")
        return self.missive

    def test_missive_account(
        self, settings: MissiveSettings, token: str
    ) -> concurrent.futures.Future[str]:
        """Ask Missive who the token belongs to; nothing is kept."""
        return self._run_network(lambda: self._missive().test(settings, token)[1])

    def add_missive_account(
        self, settings: MissiveSettings, token: str
    ) -> concurrent.futures.Future[str]:
        """Test, keep (token in the keyring) and start syncing a Missive account."""
        return self._run_network(lambda: self._missive().add(settings, token))

    # ------------------------------------------------------------ any kind of account

    def _kind_of(self, account_key: str) -> ChannelAccounts | None:
        """The kind of account this key names (None: an email account or an import)."""
        for prefix, kind in self.kinds.items():
            if account_key.startswith(prefix):
                return kind
        return None

    def _kind(self, prefix: str) -> Any:
        kind = self.kinds.get(prefix)
        if kind is None:
            raise EngineNotReady("the accounts are still starting; try again in a moment")
        return kind

    def test_account(
        self, prefix: str, settings: Any, secrets: dict[str, str]
    ) -> concurrent.futures.Future[str]:
        """Check a chat or social account's settings for real (e.g. "telegram:"); nothing kept."""
        return self._run_network(lambda: self._kind(prefix).check(settings, secrets))

    def add_account(
        self, prefix: str, settings: Any, secrets: dict[str, str]
    ) -> concurrent.futures.Future[str]:
        """Test, keep (secrets in the keyring) and start a chat or social account."""
        return self._run_network(lambda: self._kind(prefix).connect(settings, secrets))

    def accounts_health(
        self, prefixes: tuple[str, ...]
    ) -> concurrent.futures.Future[dict[str, Health]]:
        """The measured health of the accounts of these kinds."""

        def work(_s: Store) -> dict[str, Health]:
            found: dict[str, Health] = {}
            for prefix in prefixes:
                found.update(self._kind(prefix).health())
            return found

        return self._run(work, channels=True)

    def accounts_of(
        self, prefixes: tuple[str, ...]
    ) -> concurrent.futures.Future[list[tuple[str, str, dict[str, Any]]]]:
        return self._run(lambda s: [a for a in s.accounts() if a[0].startswith(prefixes)])

    # ------------------------------------------------------------ social posts

    def _posts(self) -> SocialScheduler:
        if self.social_posts is None:
            raise EngineNotReady("social posting is still starting; try again in a moment")
        return self.social_posts

    def social_targets(self) -> concurrent.futures.Future[list[tuple[str, str, str]]]:
        """(account key, name, kind) of every page a post can go to."""
        return self._run(
            lambda _s: [(k, n, str(t)) for k, n, t in self._kind("social:").targets()],
            channels=True,
        )

    def compose_post(
        self,
        text: str,
        targets: list[str],
        at: datetime | None = None,
        link: str | None = None,
        image: str | None = None,
    ) -> concurrent.futures.Future[SocialPostView]:
        """Keep a post for these pages and publish it now or at `at` (a restart keeps it)."""
        return self._run(
            lambda _s: self._posts().compose(text, targets, at, link, image), channels=True
        )

    def social_post_list(self) -> concurrent.futures.Future[list[SocialPostView]]:
        return self._run(lambda _s: self._posts().list_posts(), channels=True)

    def retry_post(self, post_id: int) -> concurrent.futures.Future[SocialPostView]:
        """Try the pages where the post failed again."""
        return self._run(lambda _s: self._posts().retry(post_id), channels=True)

    def cancel_post(self, post_id: int) -> concurrent.futures.Future[SocialPostView]:
        return self._run(lambda _s: self._posts().cancel(post_id), channels=True)

    # ------------------------------------------------------------ WhatsApp accounts

    def _whatsapp(self) -> WhatsAppAccounts:
        if self.whatsapp is None:
            raise EngineNotReady("the WhatsApp accounts are still starting; try again in a moment")
        return self.whatsapp

    def test_whatsapp_account(
        self, settings: WhatsAppSettings, secrets: dict[str, str]
    ) -> concurrent.futures.Future[str]:
        """Check the credentials with Twilio or Meta for real; nothing is kept."""
        return self._run_network(lambda: self._whatsapp().test(settings, secrets))

    def add_whatsapp_account(
        self, settings: WhatsAppSettings, secrets: dict[str, str]
    ) -> concurrent.futures.Future[str]:
        """Test, keep (secrets in the keyring) and start a WhatsApp account."""
        return self._run_network(lambda: self._whatsapp().add(settings, secrets))

    def whatsapp_health(self) -> concurrent.futures.Future[dict[str, Health]]:
        return self._run(lambda _s: self._whatsapp().health(), channels=True)

    def whatsapp_accounts(self) -> concurrent.futures.Future[list[tuple[str, str, dict[str, Any]]]]:
        return self._run(lambda s: s.accounts(Channel.WHATSAPP))

    def whatsapp_templates(
        self, conversation_id: int
    ) -> concurrent.futures.Future[list[dict[str, Any]]]:
        """The approved templates of the conversation's WhatsApp account."""
        from gastro_hub_desktop.store.outbox import Outbox

        def work(store: Store) -> list[dict[str, Any]]:
            account_key = Outbox(store).reply_context(conversation_id).account_key
            return self._whatsapp().templates(account_key)

        return self._run(work, channels=True)

    def send_template(
        self, conversation_id: int, template: dict[str, Any]
    ) -> concurrent.futures.Future[OutboxEntry]:
        """Queue an approved WhatsApp template (outside the 24-hour window)."""
        return self._run(
            lambda _s: self._whatsapp().queue_reply(conversation_id, None, template),
            write=True,
            channels=True,
        )

    def save_attachment(
        self, message_id: int, index: int, target: Path
    ) -> concurrent.futures.Future[Path]:
        """Fetch one attachment from the mail server and save it (it is never opened)."""

        def work() -> Path:
            account_key, provider_id = self.store.message_origin(message_id)
            kind: Any = self._kind_of(account_key) or self._email()
            if not hasattr(kind, "save_attachment"):
                raise EngineNotReady("this channel cannot fetch attachments")
            return kind.save_attachment(account_key, provider_id, index, target)

        return self._run_network(work)

    def fetch_images(self, urls: list[str]) -> concurrent.futures.Future[dict[str, bytes]]:
        """Download a message's remote images, because the user asked to see them."""
        from gastro_hub_desktop.channels.remote_images import fetch_images

        return self._run_network(lambda: fetch_images(urls))

    def _run_network(self, fn: Callable[[], T]) -> concurrent.futures.Future[T]:
        async def call() -> T:
            import asyncio

            if self._started is not None and not self._started.done():
                await asyncio.wrap_future(self._started)
            if self._channels_started is not None:
                await self._channels_started
            return await asyncio.to_thread(fn)

        if self._started is None:
            raise EngineNotReady("the engine was not started")
        return self._loop_thread.submit(call())

    # ------------------------------------------------------------ long jobs

    def load_sample_data(self) -> Job:
        """Fill the inbox with the demo set (loading it twice adds nothing)."""

        def work(s: Store, cancel: threading.Event) -> ImportResult:
            from gastro_hub_desktop.importers.sample_data import load_sample_data
            from gastro_hub_desktop.store.ingest_job import ingest_with_progress

            sample = load_sample_data()
            result = ingest_with_progress(
                s,
                iter(sample.messages),
                len(sample.messages),
                cancel,
                lambda done, total: self.events.publish(JobProgress("sample", done, total)),
                on_batch=lambda ids, new: self._changed(ids, new),
            )
            s.mark_vip(sample.vip_addresses)
            s.set_companies(sample.companies)
            s.audit("user", "sample_data.load", {"new": result.new})
            return result

        return self._job("sample", work)

    def import_file(self, path: Path) -> Job:
        """Import an mbox or a WhatsApp chat export; reports progress, can be cancelled."""

        def work(s: Store, cancel: threading.Event) -> ImportResult:
            from gastro_hub_desktop.importers import open_import
            from gastro_hub_desktop.store.ingest_job import ingest_with_progress

            source = open_import(path)
            result = ingest_with_progress(
                s,
                source.messages(),
                source.estimated_count,
                cancel,
                lambda done, total: self.events.publish(
                    JobProgress("import", done, total, path.name)
                ),
                on_batch=lambda ids, new: self._changed(ids, new),
            )
            result = result + source.result()
            s.audit("user", "import", {"file": path.name, "new": result.new})
            return result

        return self._job("import", work)

    # ------------------------------------------------------------ the Docker stack

    def _stack(self) -> StackControl:
        if self.stack is None:
            from gastro_hub_desktop.engine.stack_control import StackControl

            if self._credentials is None:
                from gastro_hub_desktop.credentials import Credentials

                self._credentials = Credentials()
            self.stack = StackControl(self.store, self.events, self._credentials)
        return self.stack

    def stack_status(self) -> concurrent.futures.Future[Any]:
        """Each service's state, health, uptime, restarts, CPU and memory, as Docker reports
        them now; an unreachable engine is said in plain words."""
        return self._run_network(lambda: self._stack().status())

    def stack_settings(self) -> concurrent.futures.Future[dict[str, Any]]:
        return self._run(lambda _s: self._stack().settings())

    def configure_stack(
        self, compose: str | None, docker_host: str | None
    ) -> concurrent.futures.Future[None]:
        return self._run(lambda _s: self._stack().configure(compose, docker_host), write=True)

    def stack_up(self) -> Job:
        """Bring the whole stack up (images pulled or built with progress), then watch it."""
        cancel = threading.Event()

        def run() -> str:
            def progress(step: Any) -> None:
                fraction = step.fraction
                self.events.publish(
                    JobProgress(
                        "stack",
                        int((fraction or 0) * 100),
                        100 if fraction is not None else 0,
                        f"{step.image}: {step.status}",
                    )
                )

            try:
                report = self._stack().up(progress)
            except Exception as exc:
                log.exception("stack up failed")
                self.events.publish(JobFinished("stack", str(exc), ok=False))
                raise
            summary = (
                f"Stack up: {len(report.created)} created, {len(report.started)} started, "
                f"{len(report.unchanged)} already running"
            )
            self.events.publish(JobFinished("stack", summary, ok=True))
            return summary

        return Job("stack", self._run_network(run), cancel)

    def stack_pull(self) -> Job:
        """Download newer images with a progress bar; Cancel stops between layers."""
        cancel = threading.Event()

        def run() -> list[str]:
            def progress(step: Any) -> None:
                fraction = step.fraction
                self.events.publish(
                    JobProgress(
                        "pull",
                        int((fraction or 0) * 100),
                        100 if fraction is not None else 0,
                        f"{step.image}: {step.status}",
                    )
                )

            try:
                pulled = self._stack().pull(progress, cancel)
            except Exception as exc:
                self.events.publish(JobFinished("pull", str(exc), ok=False))
                raise
            self.events.publish(JobFinished("pull", f"Images up to date: {len(pulled)}", ok=True))
            return pulled

        return Job("pull", self._run_network(run), cancel)

    def stack_action(self, action: str, service: str | None) -> concurrent.futures.Future[None]:
        """Start, stop or restart one service (or all, with None)."""
        return self._run_network(lambda: self._stack().act(action, service))

    def follow_stack_log(self, service: str) -> concurrent.futures.Future[Any]:
        """Start following a service's log (lines arrive as StackLog events); the result's
        `stop()` ends it."""
        return self._run_network(lambda: self._stack().follow_logs(service))

    def move_to_stack_database(self) -> Job:
        """Move the app's data to the stack's PostgreSQL (migrations run, rows copied with a
        progress bar); used from the next start."""
        from gastro_hub_desktop.engine.stack_control import stack_database

        url, password = stack_database(self._stack().stack())
        return self.move_database(url, password)

    def search_stack_logs(self, text: str) -> concurrent.futures.Future[list[Any]]:
        return self._run_network(lambda: self._stack().search_logs(text))

    # ------------------------------------------------------------ backups

    def _backups(self) -> BackupControl:
        if self.backups is None:
            raise EngineNotReady("backups are still starting; try again in a moment")
        return self.backups

    def backup_now(self) -> Job:
        """Make a verified backup set now (progress, Cancel), then prune and upload as set.
        With the stack enabled, n8n's workflows and credentials come along and the stack's
        PostgreSQL is dumped inside its container."""
        cancel = threading.Event()

        def run(s: Store) -> Any:
            from gastro_hub_desktop.engine.backup_control import BackupStatusChanged

            def progress(done: int, total: int) -> None:
                self.events.publish(JobProgress("backup", done, total, "backup"))

            try:
                parts = self._backup_stack(s.engine.url.render_as_string(hide_password=False))
                n8n = parts.n8n if parts is not None else None
                service = self._backups().service(parts)
                report = service.back_up_now(s, progress, cancel.is_set, n8n=n8n)
            except Exception as exc:
                log.warning("backup failed: %s", exc)
                self.events.publish(JobFinished("backup", str(exc), ok=False))
                self.events.publish(BackupStatusChanged(f"Backup failed: {exc}", alert=True))
                raise
            summary = f"Backup {report.backup_set.name} verified ({report.size / 1e6:.1f} MB)"
            n8n_missing = next((n for n in report.notes if n.startswith("n8n's workflows")), None)
            if n8n_missing:
                summary += f"; {n8n_missing}"
            if report.upload_problem:
                summary += f"; not off-site: {report.upload_problem}"
            self.events.publish(JobFinished("backup", summary, ok=True))
            # a set that did not get off-site (or without n8n) is worth the user's attention
            alert = bool(report.upload_problem or n8n_missing)
            self.events.publish(BackupStatusChanged(summary, alert=alert))
            return report

        return Job("backup", self._run(run, channels=True), cancel)

    def backup_sets(self) -> concurrent.futures.Future[tuple[list[Any], Any]]:
        """The local sets (newest first) and the backups' health."""

        def work(_s: Store) -> tuple[list[Any], Any]:
            service = self._backups().service()
            return service.list_sets(), service.health()

        return self._run(work, channels=True)

    def backup_settings(self) -> concurrent.futures.Future[Any]:
        return self._run(lambda _s: self._backups().settings(), channels=True)

    def save_backup_settings(self, changes: dict[str, Any]) -> concurrent.futures.Future[Any]:
        return self._run(lambda _s: self._backups().save_settings(changes), write=True,
                         channels=True)  # fmt: skip

    def verify_backup(self, name: str) -> concurrent.futures.Future[Any]:
        """Check every file of a set against its manifest (names the file that differs)."""
        return self._run_network(lambda: self._backups().service().verify(name))

    def prune_plan(self) -> concurrent.futures.Future[Any]:
        """What the retention policy would keep and remove (shown before anything goes)."""
        return self._run_network(lambda: self._backups().service().plan_prune())

    def upload_backup(self, name: str) -> concurrent.futures.Future[Any]:
        return self._run_network(lambda: self._backups().service().upload(name))

    def remote_backups(self) -> concurrent.futures.Future[list[Any]]:
        return self._run_network(lambda: self._backups().service().list_remote())

    def fetch_backup(self, filename: str, size: int = 0) -> Job:
        """Bring a set back from the remote (progress: bytes of `size`, the remote's size;
        Cancel), verified before it shows among the local sets."""
        cancel = threading.Event()

        def run() -> Any:
            def progress(done: int, total: int) -> None:
                self.events.publish(JobProgress("fetch", done, total, filename))

            try:
                fetched = self._backups().service().fetch(filename, cancel.is_set, progress, size)
            except Exception as exc:
                self.events.publish(JobFinished("fetch", str(exc), ok=False))
                raise
            self.events.publish(JobFinished("fetch", f"{fetched.name} fetched and verified", True))
            return fetched

        return Job("fetch", self._run_network(run), cancel)

    def _backup_stack(self, url: str) -> Any:
        """The Docker stack's part in backups (None without an enabled, reachable stack)."""
        from gastro_hub_desktop.engine.backup_control import stack_parts
        from gastro_hub_desktop.store.settings import AppSettings

        if not (AppSettings(self.store).get("stack") or {}).get("enabled"):
            return None
        return stack_parts(self._stack(), url)

    def restore_backup(self, name: str) -> Job:
        """Verify the set, stop everything that writes (the engine; with the stack, its
        processor and n8n too), restore the database atomically (the one in use kept as a
        safety copy), bring n8n's workflows back, start again and report what came back."""
        from dataclasses import replace

        from gastro_hub_desktop import paths
        from gastro_hub_desktop.engine.backup_control import ServicePause, bring_back_n8n

        cancel = threading.Event()

        def run(s: Store) -> Any:
            url = s.engine.url.render_as_string(hide_password=False)
            parts = self._backup_stack(url)
            service = self._backups().service(parts)
            manifest = service.verify(name)  # a damaged set is refused before anything stops
            pause = None
            if parts is not None:
                names = ["processor"] if parts.pg_container else []
                names += ["n8n"] if manifest.n8n and parts.n8n is not None else []
                pause = ServicePause.of(parts.stack, names)
            self._stop_writers()
            s.engine.dispose()
            try:
                if pause is not None:
                    pause.stop()
                report = self._restore_when_quiet(
                    service, name, url, s, cancel,
                    n8n_key_name=parts.n8n.key_name if parts and parts.n8n else None,
                    switch_in_place=bool(parts and parts.pg_container and "processor" in
                                         parts.services),
                )  # fmt: skip
            except Exception as exc:
                self.events.publish(JobFinished("restore", str(exc), ok=False))
                if pause is not None:
                    try:
                        pause.start_again()
                    except Exception:
                        log.exception("the stack could not start again after a failed restore")
                self._start_channels(s)
                raise
            if pause is not None:
                notes = list(report.notes)
                if report.n8n is not None and parts is not None and parts.n8n is not None:
                    try:
                        pause.done.append(bring_back_n8n(parts, report.n8n, pause))
                    except Exception as exc:
                        log.warning("n8n's workflows were not imported: %s", exc)
                        notes.append(f"n8n's workflows were not imported ({exc}); they are in "
                                     f"{report.n8n.folder}.")  # fmt: skip
                try:
                    pause.start_again()
                except Exception as exc:
                    notes.append(f"The stack could not start everything again: {exc}")
                if pause.done:
                    notes.append("Stack: " + "; ".join(pause.done) + ".")
                report = replace(report, notes=tuple(notes))
            if report.new_database_url:
                paths.choose_database(report.new_database_url)
                self._store = _reopen_store(
                    paths.with_password(report.new_database_url, _password_of(url))
                )
            self._start_channels(self.store)
            rows = sum(report.tables.values())
            summary = (
                f"Restored {report.set_name}: {rows:,} rows in {len(report.tables)} tables "
                f"in {report.seconds:.1f} s"
            )
            stack_notes = [n for n in report.notes if n.startswith(("Stack:", "n8n"))]
            if stack_notes:
                summary += ". " + " ".join(stack_notes)
            self.events.publish(JobFinished("restore", summary, ok=True))
            self._changed(set())
            return report

        return Job("restore", self._run(run, write=True, channels=True), cancel)

    def _restore_when_quiet(
        self,
        service: Any,
        name: str,
        url: str,
        store: Store,
        cancel: threading.Event,
        **options: Any,
    ) -> Any:
        """Restore once the window's own reads (a page of the inbox, a count) have finished:
        a read in progress keeps the database busy for a moment."""
        import gc
        import time

        from gastro_hub_desktop.backup.errors import RestoreRefused

        for attempt in range(RESTORE_TRIES):
            if self._readers is not None:  # reads already queued finish first
                for done in [self._readers.submit(lambda: None) for _ in range(2)]:
                    done.result(30)
            store.engine.dispose()
            # a connection that was checked out while the pool was disposed (a read in flight,
            # a part finishing as it stops) goes back to the old pool, which then keeps it open
            # until the cyclic garbage collector runs: run it now, so nothing holds the file
            gc.collect()
            try:
                return service.restore(
                    name,
                    url,
                    lambda done, total: self.events.publish(
                        JobProgress("restore", done, total, "restore")
                    ),
                    cancel.is_set,
                    **options,
                )
            except RestoreRefused as exc:
                if "still in use" not in str(exc) or attempt == RESTORE_TRIES - 1:
                    raise
                time.sleep(0.3)
        raise AssertionError("unreachable")

    def _stop_writers(self) -> None:
        """Everything that writes to the database stops (a restore follows)."""
        for part in (self.assistant, self.learning, self.social_posts, self.backups):
            if part is not None:
                part.stop()
        for accounts in (self.email, *self.kinds.values()):
            if accounts is not None:
                accounts.stop()
        self.assistant = self.learning = self.social_posts = self.backups = None
        self.email = self.missive = self.whatsapp = None
        self.kinds = {}

    def move_database(self, url: str, password: str) -> Job:
        """Copy all data to another (empty) database, e.g. the stack's PostgreSQL, with
        progress and cancel; it is used from the next start. `url` without the password,
        which goes to the keyring."""
        from gastro_hub_desktop import paths
        from gastro_hub_desktop.store.move_database import MoveCancelled, move_data

        cancel = threading.Event()

        def run(s: Store) -> str:
            try:
                outcome = move_data(
                    s,
                    paths.with_password(url, password),
                    lambda done, total: self.events.publish(JobProgress("move", done, total)),
                    cancel.is_set,
                )
            except MoveCancelled as exc:
                self.events.publish(JobFinished("move", str(exc), ok=False))
                raise
            except Exception as exc:
                log.exception("moving the data failed")
                self.events.publish(JobFinished("move", str(exc), ok=False))
                raise
            if password:
                if self._credentials is None:
                    from gastro_hub_desktop.credentials import Credentials

                    self._credentials = Credentials()
                self._credentials.set(paths.DATABASE_PASSWORD, password)  # type: ignore[attr-defined]
            paths.choose_database(url)
            s.audit("user", "database.move", {"to": paths.redact_url(url), "rows": outcome.total})
            summary = (
                f"{outcome.total:,} rows copied to {paths.redact_url(url)}. "
                "Restart the app to work on the new database."
            )
            self.events.publish(JobFinished("move", summary, ok=True))
            return summary

        return Job("move", self._run(run, write=True), cancel)

    def _job(self, name: str, work: Callable[[Store, threading.Event], ImportResult]) -> Job:
        cancel = threading.Event()

        def run(s: Store) -> ImportResult:
            try:
                result = work(s, cancel)
            except Exception as exc:
                log.exception("job %s failed", name)
                self.events.publish(JobFinished(name, str(exc), ok=False))
                raise
            summary = summarize(result, cancel.is_set())
            log.info("job %s finished: %s", name, summary)
            self.events.publish(JobFinished(name, summary, ok=True))
            return result

        return Job(name, self._run(run, write=True), cancel)


def summarize(result: ImportResult, cancelled: bool = False) -> str:
    text = f"{result.new} new messages, {result.duplicates} already stored"
    if result.skipped:
        text += f", {result.skipped} lines skipped"
    if result.problems:
        text += f", {len(result.problems)} could not be read"
    if cancelled:
        text = "Cancelled: " + text + " (everything imported so far is kept)"
    return text


def describe_database_error(url: str, exc: BaseException) -> str:
    """A sentence the user can act on; the traceback goes to the log."""
    from gastro_hub_desktop.paths import redact_url

    where = redact_url(url)
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]
    if url.startswith("sqlite"):
        return (
            f"Cannot open the database {where}: {detail}. Check that the data folder exists, "
            "is writable and has free space (GASTRO_HUB_DATA_DIR chooses another folder)."
        )
    return (
        f"Cannot reach the database {where}: {detail}. Check that the server is running and "
        "the address and user in GASTRO_HUB_DATABASE_URL are right."
    )


def _reopen_store(url: str) -> Store:
    from gastro_hub_desktop.store.repository import Store

    return Store.open(url)


def _password_of(url: str) -> str | None:
    from sqlalchemy.engine import make_url

    return make_url(url).password if "://" in url else None
