"""The AI assistant at work in the engine: on its own thread it triages every new message,
drafts a reply for each conversation that needs one (with the provider the user chose) and,
only where the auto-reply policy allows, queues that draft to be sent by the channel.

It is woken when messages are stored and looks again every `TICK` seconds; the kill switch
is read on every tick and before every automatic reply."""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from gastro_hub_desktop.brain.auto_reply import AutoReplyCandidate, AutoReplyPolicy, decide
from gastro_hub_desktop.brain.local.provider import LocalProvider
from gastro_hub_desktop.domain.drafting import (
    ContactProfile,
    DraftingFailed,
    DraftProposal,
    DraftRequest,
    TurnInConversation,
)
from gastro_hub_desktop.domain.messages import Channel, Direction, Urgency
from gastro_hub_desktop.domain.triage import Intent, TriageInput
from gastro_hub_desktop.engine.events import ConversationsChanged, EngineEvent, EventBus
from gastro_hub_desktop.responsiveness import background_thread
from gastro_hub_desktop.store.drafts import Drafts, NewProposal
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.settings import AppSettings
from gastro_hub_desktop.store.triage_backlog import NeedsReply, Notable, TriageBacklog, notable

log = logging.getLogger(__name__)
TICK = 1.0  # seconds between looks when nothing wakes the assistant
AUTO_REPLY_FRESH = timedelta(
    hours=2
)  # an older message (an import, a backlog) is never auto-answered
BATCH = 500
DRAFT_BATCH = 200
TURNS = 12  # the newest messages of a conversation a provider sees

POLICY_KEY = "ai.auto_reply"
PROVIDER_KEY = "ai.provider"
KNOWLEDGE_KEY = "ai.knowledge_base"
BUSINESS_KEY = "ai.business"
KEYWORDS_KEY = "ai.urgency_keywords"
TEMPLATES_KEY = "ai.templates"
# keyring names of the providers' secrets
OPENAI_KEY = "ai:openai"
LINDY_SECRET = "ai:lindy:secret"
LINDY_CALLBACK_SECRET = "ai:lindy:callback_secret"
AI_SECRETS = (OPENAI_KEY, LINDY_SECRET, LINDY_CALLBACK_SECRET)
LINDY_CALLBACK_PORT = 8768


@dataclass(frozen=True)
class AiActivity:
    """What one tick did (for tests, logs and the AI panel)."""

    triaged: int = 0
    drafted: int = 0
    auto_queued: int = 0
    held: tuple[str, ...] = ()  # why drafts were not sent automatically


class AiChanged(EngineEvent):
    """The assistant triaged or drafted something; the AI panel reloads its figures."""

    def __init__(self, activity: AiActivity) -> None:
        self.activity = activity


class NotableMessage(EngineEvent):
    """An urgent or VIP customer message just arrived (the tray raises it)."""

    def __init__(self, item: Notable) -> None:
        self.item = item


class DraftProvider(Protocol):
    name: str

    async def draft(self, request: DraftRequest) -> DraftProposal: ...


class Assistant:
    """Triage → draft → (policy) → outbox, behind a watermark so nothing is done twice."""

    def __init__(
        self,
        store: Store,
        events: EventBus,
        queue_reply: Callable[[int, str, bool], object],
        credentials: Any = None,
    ) -> None:
        self.store = store
        self.events = events
        self.queue_reply = queue_reply
        self.credentials = credentials
        self.backlog = TriageBacklog(store)
        self.drafts = Drafts(store)
        self.settings = AppSettings(store)
        self.local = LocalProvider()
        self._learned_up_to: datetime | None = None
        self._triager: Any = None
        self._remote: tuple[str, DraftProvider] | None = None
        self._lindy: tuple[Any, Any] | None = None
        self._keywords_version: int | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.last_error: str | None = None
        events.subscribe(self._on_event)

    # ------------------------------------------------------------ running

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="assistant", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._stop_lindy()

    def wake(self) -> None:
        self._wake.set()

    def _on_event(self, event: EngineEvent) -> None:
        if isinstance(event, ConversationsChanged) and event.new_messages:
            self._wake.set()

    def _run(self) -> None:
        background_thread()  # triage and drafting are CPU work: the GUI thread comes first
        self._loop = asyncio.new_event_loop()
        try:
            while not self._stop.is_set():
                try:
                    self.tick()
                    self.last_error = None
                except Exception as exc:  # keep going: a bad message must not stop the brain
                    self.last_error = str(exc)
                    log.exception("assistant tick failed")
                self._wake.wait(TICK)
                self._wake.clear()
        finally:
            self._loop.close()

    # ------------------------------------------------------------ one tick

    def tick(self) -> AiActivity:
        """Triage what is waiting, draft what needs a reply, auto-send what the policy allows."""
        triaged, touched = self.triage_waiting()
        needs = self.backlog.needing_reply(touched)
        drafted = auto = 0
        held: list[str] = []
        if needs:
            self.learn_new_replies()
        for start in range(0, len(needs), DRAFT_BATCH):
            if self._stop.is_set():
                break
            for item, made in self._draft_batch(needs[start : start + DRAFT_BATCH]):
                drafted += 1
                decision = self._auto_reply(item, made)
                if decision is None:
                    continue
                if decision:
                    auto += 1
                else:
                    held.append(decision.reason)
        activity = AiActivity(triaged, drafted, auto, tuple(held))
        if triaged or drafted:
            self.events.publish(ConversationsChanged(tuple(sorted(touched)), 0))
            self.events.publish(AiChanged(activity))
        return activity

    def triager(self) -> Any:
        """Triage with the urgency keywords as the learning job last left them."""
        saved = self.settings.get(KEYWORDS_KEY)
        version = None if saved is None else hash(repr(saved))
        if self._triager is None or version != self._keywords_version:
            from gastro_hub_desktop.brain.triage.triager import Triager

            keywords = effective_keywords(saved) if saved else None
            self._triager = Triager(urgency_keywords=keywords)  # type: ignore[arg-type]
            self._keywords_version = version
        return self._triager

    def triage_waiting(self) -> tuple[int, set[int]]:
        total = 0
        touched: set[int] = set()
        triager = None
        while not self._stop.is_set():
            waiting, up_to = self.backlog.next_batch(BATCH)
            if up_to == self.backlog.watermark():
                break
            triager = triager or self.triager()
            verdicts = [
                (
                    m,
                    triager.triage(
                        TriageInput(m.channel, m.author, m.subject, m.text, m.automated)
                    ),
                )
                for m in waiting
            ]
            touched |= self.backlog.record(verdicts, up_to)
            total += len(verdicts)
            for item in notable(self.store, [m.id for m, _ in verdicts]):
                self.events.publish(NotableMessage(item))
        return total, touched

    # ------------------------------------------------------------ drafting

    def learn_new_replies(self) -> None:
        """Teach the local provider the replies sent since it last looked."""
        pairs = self.drafts.answered_pairs()
        for pair in reversed(pairs):  # oldest first: newer answers win ties
            self.local.remember(
                pair.question, pair.answer, pair.language, pair.intent, pair.draft_id is not None
            )

    def provider(self) -> DraftProvider:
        """The provider the user chose; a remote one falls back to the local provider when it
        fails (the draft says so)."""
        chosen = self.settings.get(PROVIDER_KEY, {}) or {}
        kind = chosen.get("kind", "local")
        if kind not in ("openai", "lindy"):
            return self.local
        version = repr(sorted(chosen.items()))
        if self._remote is not None and self._remote[0] == version:
            return self._remote[1]
        from gastro_hub_desktop.brain.providers.fallback import FallbackProvider

        remote: Any
        if kind == "openai":
            from gastro_hub_desktop.brain.providers.openai_compat import (
                OpenAICompatibleProvider,
            )

            remote = OpenAICompatibleProvider(
                chosen["base_url"], chosen["model"], self._secret(OPENAI_KEY)
            )
        else:
            remote = self._start_lindy(chosen)
        provider = FallbackProvider(remote, self.local)  # type: ignore[arg-type]
        self._remote = (version, provider)
        return provider  # type: ignore[return-value]

    def forget_provider(self) -> None:
        """A secret changed: the remote provider is built again on the next draft."""
        self._remote = None

    def _secret(self, name: str) -> str | None:
        return self.credentials.get(name) if self.credentials is not None else None

    def _start_lindy(self, chosen: dict[str, Any]) -> Any:
        """A Lindy provider and its callback receiver, on a loop thread of their own."""
        from gastro_hub_desktop.brain.providers.lindy import LindyProvider
        from gastro_hub_desktop.brain.providers.lindy_callback import LindyCallbackServer
        from gastro_hub_desktop.engine.loop_thread import LoopThread

        self._stop_lindy()
        host = chosen.get("callback_host") or "127.0.0.1"
        port = int(chosen.get("callback_port") or LINDY_CALLBACK_PORT)
        callback_secret = self._secret(LINDY_CALLBACK_SECRET)
        if not callback_secret:
            callback_secret = uuid.uuid4().hex + uuid.uuid4().hex
            if self.credentials is not None:
                self.credentials.set(LINDY_CALLBACK_SECRET, callback_secret)
        provider = LindyProvider(
            chosen["webhook_url"],
            self._secret(LINDY_SECRET),
            chosen.get("public_callback_url") or f"http://{host}:{port}/lindy/callback",
            callback_secret,
            float(chosen.get("timeout") or 120),
            callback_auth=chosen.get("callback_auth") or "hmac",
        )
        loop = LoopThread("lindy-callback")
        loop.start()
        server = LindyCallbackServer(provider, host, port)
        loop.submit(server.start()).result(10)
        self._lindy = (loop, server)
        return provider

    def _stop_lindy(self) -> None:
        if self._lindy is not None:
            loop, server = self._lindy
            try:
                loop.submit(server.stop()).result(5)
            finally:
                loop.stop(5)
            self._lindy = None

    def request_for(
        self,
        item: NeedsReply,
        turns: tuple[TurnInConversation, ...],
        knowledge: str,
        business: dict[str, Any],
    ) -> DraftRequest:
        return DraftRequest(
            request_id=uuid.uuid4().hex,
            conversation_id=item.conversation_id,
            channel=item.channel,
            turns=turns,
            contact=ContactProfile(
                item.contact_name,
                item.company,
                item.contact_language or item.language,
                item.is_vip,
            ),
            language=item.language,
            intent=_intent(item.intent),
            knowledge_base=knowledge,
            business_name=business.get("name", ""),
            signature=business.get("signature", ""),
        )

    def _use_templates(self) -> None:
        """The user's reply templates laid over the shipped ones."""
        self.local.templates = reply_templates(self.store)

    def _draft_batch(
        self, items: list[NeedsReply]
    ) -> list[tuple[NeedsReply, tuple[DraftProposal, DraftRequest]]]:
        """Draft for each conversation and keep the proposals in one transaction."""
        self._use_templates()
        provider = self.provider()
        knowledge = self.settings.get(KNOWLEDGE_KEY, "") or ""
        business = self.settings.get(BUSINESS_KEY, {}) or {}
        turns = self.drafts.recent_turns([i.conversation_id for i in items], TURNS)
        made: list[tuple[NeedsReply, tuple[DraftProposal, DraftRequest]]] = []
        for item in items:
            request = self.request_for(
                item, turns.get(item.conversation_id, ()), knowledge, business
            )
            try:
                if provider is self.local:
                    proposal = self.local.draft_now(request)
                else:
                    if self._loop is None:
                        self._loop = asyncio.new_event_loop()
                    proposal = self._loop.run_until_complete(provider.draft(request))
            except DraftingFailed as failed:
                log.warning("no draft for conversation %s: %s", item.conversation_id, failed)
                continue
            made.append((item, (proposal, request)))
        kept = self.drafts.propose_many(
            [
                NewProposal(
                    item.conversation_id,
                    item.message_id,
                    proposal,
                    item.intent,
                    request.language or request.contact.language,
                    self.local.template_key(request)
                    if proposal.basis and proposal.basis[0].startswith("Template")
                    else None,
                )
                for item, (proposal, request) in made
            ]
        )
        return [m for m, ok in zip(made, kept, strict=True) if ok]

    # ------------------------------------------------------------ auto-reply

    def policy(self) -> AutoReplyPolicy:
        return AutoReplyPolicy.from_dict(self.settings.get(POLICY_KEY, {}) or {})

    def _auto_reply(self, item: NeedsReply, made: tuple[DraftProposal, DraftRequest]) -> Any:
        proposal, request = made
        policy = self.policy()
        if not policy.enabled or policy.kill_switch:
            return None
        now = datetime.now(UTC)
        if now - item.stored_at > AUTO_REPLY_FRESH or now - item.sent_at > AUTO_REPLY_FRESH:
            return None
        start_of_day = now.astimezone(policy.business_hours.zone).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        candidate = AutoReplyCandidate(
            channel=Channel(item.channel),
            intent=_intent(item.intent),
            urgency=_urgency(item.urgency),
            confidence=proposal.confidence,
            contact_is_vip=item.is_vip,
            automated=False,
            message_language=item.language,
            draft_language=request.language or request.contact.language,
            local_time=now,
            auto_replies_sent_to_contact_today=self.drafts.auto_replies_to_contact_since(
                item.contact_id, start_of_day.astimezone(UTC)
            ),
            human_replied_since=False,
        )
        decision = decide(policy, candidate)
        if not decision.send:
            log.info("draft for conversation %s held: %s", item.conversation_id, decision.reason)
            return _Held(decision.reason)
        if self.policy().kill_switch:  # read again just before sending
            return _Held("Kill switch is on")
        try:
            self.queue_reply(item.conversation_id, proposal.text, True)
        except Exception as exc:
            log.warning("automatic reply to %s not queued: %s", item.conversation_id, exc)
            return _Held(f"Could not be queued: {exc}")
        self.store.audit(
            "auto-reply",
            "reply.auto",
            {"conversation": item.conversation_id, "reason": decision.reason},
        )
        return True


class _Held:
    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __bool__(self) -> bool:
        return False


def _intent(value: str | None) -> Intent:
    try:
        return Intent(value or "other")
    except ValueError:
        return Intent.OTHER


def _urgency(value: str | None) -> Urgency:
    try:
        return Urgency(value or "normal")
    except ValueError:
        return Urgency.NORMAL


# ---------------------------------------------------------------- the AI panel's figures

SAVINGS_KEY = "ai.savings"
DEFAULT_SAVINGS = {"minutes_per_reply": 4.0, "hourly_rate": 450.0, "currency": "CZK"}


@dataclass(frozen=True)
class DayOutcome:
    day: str  # ISO date
    approved: int
    edited: int
    rejected: int
    auto: int

    @property
    def acceptance(self) -> float | None:
        decided = self.approved + self.edited + self.rejected
        return self.approved / decided if decided else None


@dataclass(frozen=True)
class AiStatus:
    """Everything the AI panel shows; each figure counted from the database."""

    processed_today: int
    waiting_for_triage: int
    today: DayOutcome
    last_7_days: tuple[DayOutcome, ...]  # oldest first
    minutes_saved: float
    money_saved: float
    currency: str
    minutes_per_reply: float
    hourly_rate: float
    tokens: dict[str, tuple[int, int]]
    cost: float | None  # tokens × the prices the user entered (None: no prices or no tokens)
    provider: str
    auto_reply_enabled: bool
    kill_switch: bool
    last_error: str | None

    @property
    def acceptance_7_days(self) -> float | None:
        approved = sum(d.approved for d in self.last_7_days)
        decided = sum(d.approved + d.edited + d.rejected for d in self.last_7_days)
        return approved / decided if decided else None

    @property
    def trend(self) -> float | None:
        """Acceptance of the last 3 days minus that of the 4 days before (None if unknown)."""

        def share(days: tuple[DayOutcome, ...]) -> float | None:
            decided = sum(d.approved + d.edited + d.rejected for d in days)
            return sum(d.approved for d in days) / decided if decided else None

        recent, before = share(self.last_7_days[-3:]), share(self.last_7_days[:-3])
        return None if recent is None or before is None else recent - before


def ai_status(store: Store, assistant: Assistant | None, now: datetime | None = None) -> AiStatus:
    from sqlalchemy import func, select

    from gastro_hub_desktop.store.schema import Message

    now = now or datetime.now(UTC)
    settings = AppSettings(store)
    policy = AutoReplyPolicy.from_dict(settings.get(POLICY_KEY, {}) or {})
    zone = policy.business_hours.zone
    midnight = now.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    drafts = Drafts(store)
    days: list[DayOutcome] = []
    for back in range(6, -1, -1):
        start = midnight - timedelta(days=back)
        c = drafts.outcomes(since=start.astimezone(UTC), until=(start + timedelta(days=1)))
        days.append(DayOutcome(start.date().isoformat(), c.approved, c.edited, c.rejected, c.auto))
    m = Message.__table__.c
    with store.engine.connect() as conn:
        processed = conn.execute(
            select(func.count()).where(
                m.stored_at >= midnight.astimezone(UTC),
                m.direction == Direction.INBOUND.value,
                m.intent.is_not(None),
            )
        ).scalar_one()
    savings = {**DEFAULT_SAVINGS, **(settings.get(SAVINGS_KEY, {}) or {})}
    used = sum(d.approved + d.edited + d.auto for d in days)
    minutes = used * float(savings["minutes_per_reply"])
    chosen = settings.get(PROVIDER_KEY, {}) or {}
    tokens = drafts.tokens(since=midnight.astimezone(UTC) - timedelta(days=6))
    price_in = float(chosen.get("price_in") or 0)  # per million prompt tokens
    price_out = float(chosen.get("price_out") or 0)
    cost = (
        sum(p * price_in + c * price_out for p, c in tokens.values()) / 1_000_000
        if tokens and (price_in or price_out)
        else None
    )
    provider = (
        f"OpenAI-compatible: {chosen.get('model')} at {chosen.get('base_url')}"
        if chosen.get("kind") == "openai"
        else "Local (past replies and templates, no network)"
    )
    return AiStatus(
        processed_today=int(processed),
        waiting_for_triage=TriageBacklog(store).waiting(),
        today=days[-1],
        last_7_days=tuple(days),
        minutes_saved=minutes,
        money_saved=minutes / 60 * float(savings["hourly_rate"]),
        currency=str(savings["currency"]),
        minutes_per_reply=float(savings["minutes_per_reply"]),
        hourly_rate=float(savings["hourly_rate"]),
        tokens=tokens,
        cost=cost,
        provider=provider,
        auto_reply_enabled=policy.enabled,
        kill_switch=policy.kill_switch,
        last_error=assistant.last_error if assistant is not None else None,
    )


def set_kill_switch(store: Store, on: bool, events: EventBus | None = None) -> int:
    """Flip the kill switch in the saved policy; when on, queued automatic replies are held
    at once. Returns how many were held."""
    from gastro_hub_desktop.store.outbox import Outbox

    settings = AppSettings(store)
    policy = dict(settings.get(POLICY_KEY, {}) or {})
    policy["kill_switch"] = on
    AutoReplyPolicy.from_dict(policy)  # refuses a policy that does not read
    settings.put(POLICY_KEY, policy)
    held = Outbox(store).hold_automatic("Held by the kill switch: not sent") if on else 0
    if events is not None:
        events.publish(AiChanged(AiActivity()))
    return held


# ---------------------------------------------------------------- keywords the user edits

USER_KEYWORDS_KEY = "ai.urgency_keywords.user"
URGENCY_LABELS = ("crisis", "urgent", "financial", "scheduling")


def user_keywords(store: Store) -> list[dict[str, Any]]:
    """The urgency keywords the user added (label, language, pattern, weight)."""
    return list(AppSettings(store).get(USER_KEYWORDS_KEY, []) or [])


def add_urgency_keyword(
    store: Store, label: str, language: str, pattern: str, weight: float
) -> list[dict[str, Any]]:
    """Add (or re-weigh) one keyword; triage uses it from the next message on. A negative
    weight makes a negation ("no rush")."""
    from gastro_hub_desktop.brain.triage.matching import Phrase

    pattern = pattern.strip()
    if label not in URGENCY_LABELS:
        raise ValueError(f"urgency must be one of {', '.join(URGENCY_LABELS)}")
    if not pattern:
        raise ValueError("Write the word or phrase first.")
    settings = AppSettings(store)
    saved = settings.get(KEYWORDS_KEY)
    table = effective_keywords(saved)
    table = table.with_phrase(label, language, Phrase(pattern, float(weight)))  # checks it
    settings.put(KEYWORDS_KEY, table.to_json())
    mine = [
        k
        for k in user_keywords(store)
        if (k["label"], k["language"], k["pattern"]) != (label, language, pattern)
    ]
    mine.append({"label": label, "language": language, "pattern": pattern, "weight": weight})
    settings.put(USER_KEYWORDS_KEY, mine)
    return mine


def remove_urgency_keyword(
    store: Store, label: str, language: str, pattern: str
) -> list[dict[str, Any]]:

    settings = AppSettings(store)
    saved = settings.get(KEYWORDS_KEY)
    table = effective_keywords(saved)
    settings.put(KEYWORDS_KEY, table.without_phrase(label, language, pattern).to_json())
    mine = [
        k
        for k in user_keywords(store)
        if (k["label"], k["language"], k["pattern"]) != (label, language, pattern)
    ]
    settings.put(USER_KEYWORDS_KEY, mine)
    return mine


# ---------------------------------------------------------------- reply templates


def reply_templates(store: Store) -> dict[str, dict[str, str]]:
    """The templates the local provider uses: shipped ones with the user's laid over them."""
    from gastro_hub_desktop.brain.local.provider import default_templates

    merged = {k: dict(v) for k, v in default_templates().items()}
    for intent, per_language in (AppSettings(store).get(TEMPLATES_KEY, {}) or {}).items():
        merged.setdefault(intent, {}).update(per_language)
    return merged


def save_reply_template(store: Store, intent: str, language: str, text: str | None) -> None:
    """Keep the user's template for an intent and language (None: back to the shipped one)."""
    settings = AppSettings(store)
    mine: dict[str, dict[str, str]] = settings.get(TEMPLATES_KEY, {}) or {}
    if text is None or not text.strip():
        mine.get(intent, {}).pop(language, None)
    else:
        mine.setdefault(intent, {})[language] = text.strip()
    settings.put(TEMPLATES_KEY, mine)


def effective_keywords(saved: dict[str, Any] | None) -> Any:
    """The shipped urgency keywords with the saved table (the user's additions and the
    learning job's weights) laid over them, so keywords shipped in a later version still
    count."""
    from gastro_hub_desktop.brain.triage.urgency import UrgencyKeywords

    default = UrgencyKeywords.default()
    return default.merged(UrgencyKeywords.from_json(saved)) if saved else default
