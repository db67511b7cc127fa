"""Keeps one Missive account in sync: conversations with new activity are read into the store
(oldest activity first, the position saved after each conversation is stored, so a crash
re-reads at most one conversation and the store keeps each message once), and queued replies
are posted to Missive as drafts, exactly once, for the team to review and send there."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.missive.api import MissiveClient, stamp
from gastro_hub_desktop.channels.missive.convert import (
    conversation_of,
    draft_body,
    same_text,
    to_message,
)
from gastro_hub_desktop.channels.missive.settings import MissiveSettings
from gastro_hub_desktop.domain.conversations import OutboxState
from gastro_hub_desktop.engine import failpoints
from gastro_hub_desktop.engine.channel_worker import FIRST_BACKOFF, ChannelWorker
from gastro_hub_desktop.engine.events import ConversationsChanged, EventBus, ReplyStatus
from gastro_hub_desktop.store.outbox import Outbox, OutboxEntry
from gastro_hub_desktop.store.repository import Store

log = logging.getLogger(__name__)
POSITION = "conversations"  # the one "folder" a Missive account has: last activity read
OVERLAP = 300  # seconds re-read on every sync: Missive's timestamps are whole seconds
MAX_DRAFT_ATTEMPTS = 5


def missive_client(settings: MissiveSettings, token: str) -> MissiveClient:
    return MissiveClient(token, settings.api_url)


class MissiveWorker(ChannelWorker):
    def __init__(
        self,
        store: Store,
        events: EventBus,
        settings: MissiveSettings,
        secret: Callable[[], str | None],
        first_backoff: float = FIRST_BACKOFF,
        client_factory: Callable[[MissiveSettings, str], MissiveClient] = missive_client,
    ) -> None:
        super().__init__(
            events, settings.account_key, f"missive {settings.user_email}", first_backoff
        )
        self.store = store
        self.settings = settings
        self._secret = secret
        self._client_factory = client_factory
        self._client: MissiveClient | None = None

    @property
    def account_key(self) -> str:
        return self.settings.account_key

    # ------------------------------------------------------------ the loop's parts

    def connect(self) -> MissiveClient:
        if self._client is None:
            token = self._secret()
            if not token:
                raise ChannelProblem(
                    "No Missive API token stored for this account: open its settings and "
                    "enter it again.",
                    retry=False,
                )
            self._client = self._client_factory(self.settings, token)
        return self._client

    def cycle(self) -> None:
        client = self.connect()
        self.sync_once(client)
        self.send_drafts(client)

    def idle(self) -> None:
        self._sleep(float(self.settings.poll_seconds))

    def disconnect(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()

    # ------------------------------------------------------------ reading

    def sync_once(self, client: MissiveClient) -> int:
        """Read every conversation with activity since the last sync; the number of new
        messages stored."""
        position = self.store.positions(self.account_key).get(POSITION)
        if position is None:
            first = datetime.now(UTC) - timedelta(days=self.settings.history_days)
            since = int(first.timestamp())
        else:
            since = max(0, position[1] - OVERLAP)
        changed = list(client.conversations(since))
        changed.sort(key=lambda c: stamp(c.get("last_activity_at")))
        new = 0
        for conversation in changed:
            if self.stopping:
                break
            new += self._read_conversation(client, conversation, since)
            reached = max(stamp(conversation.get("last_activity_at")), since)
            if position is None or reached > position[1]:
                self.store.save_position(self.account_key, POSITION, 1, reached)
                position = (1, reached)
            failpoints.reach("after-missive-conversation")
        if position is None:  # nothing in the history window: remember that we looked
            self.store.save_position(self.account_key, POSITION, 1, since)
        self._report(HealthState.CONNECTED, "Connected")
        return new

    def _read_conversation(
        self, client: MissiveClient, conversation: dict[str, Any], since: int
    ) -> int:
        listed = client.conversation_messages(str(conversation["id"]), since)
        unknown = [
            m
            for m in listed
            if not m.get("id") or not self.store.has_message(self.account_key, str(m["id"]))
        ]
        if not unknown:
            return 0
        missing_body = [str(m["id"]) for m in unknown if m.get("id") and "body" not in m]
        whole = client.messages(missing_body) if missing_body else {}
        messages = [
            to_message(
                whole.get(str(m.get("id")), m), conversation, self.settings.ours, self.account_key
            )
            for m in unknown
        ]
        messages.sort(key=lambda m: m.sent_at)
        outcome = self.store.ingest(messages)
        if outcome.new:
            self.events.publish(ConversationsChanged(outcome.conversation_ids, outcome.new))
        return outcome.new

    # ------------------------------------------------------------ replies as drafts

    def send_drafts(self, client: MissiveClient) -> int:
        """Post each queued reply to its Missive conversation as a draft, exactly once.

        An entry left "posting" by a crash is looked up among the conversation's drafts
        first; found, it is only closed, not posted again."""
        outbox = Outbox(self.store)
        posted = 0
        for entry in outbox.pending(self.account_key):
            conversation = entry.payload["conversation"]
            if entry.state is OutboxState.SENDING:
                earlier = self._posted_before(client, conversation, entry.payload["text"])
                if earlier is not None:
                    log.info("draft %s was posted before a restart; not posting again", entry.key)
                    outbox.mark_sent(entry.id, earlier)
                    self._drafted(entry)
                    continue
            attempts = outbox.begin_attempt(entry.id)
            try:
                draft = client.create_draft(_draft(entry.payload))
            except ChannelProblem as problem:
                final = not problem.retry or attempts >= MAX_DRAFT_ATTEMPTS
                outbox.mark_failed(entry.id, str(problem), final)
                state = "failed" if final else "retrying"
                self.events.publish(ReplyStatus(entry.conversation_id, state, str(problem)))
                if problem.retry:
                    raise
                continue
            failpoints.reach("after-draft-posted")
            outbox.mark_sent(entry.id, str(draft["id"]))
            self._drafted(entry)
            posted += 1
        return posted

    @staticmethod
    def _posted_before(client: MissiveClient, conversation: str, text: str) -> str | None:
        drafts = client.conversation_drafts(conversation)
        bare = [str(d["id"]) for d in drafts if d.get("id") and not d.get("body")]
        try:  # the list may leave bodies out; a draft's preview is the fallback
            whole = client.messages(bare) if bare else {}
        except ChannelProblem as problem:
            if problem.retry:
                raise
            whole = {}
        for draft in drafts:
            if same_text(whole.get(str(draft.get("id")), draft), text):
                return str(draft.get("id") or "")
        return None

    def _drafted(self, entry: OutboxEntry) -> None:
        self.events.publish(
            ReplyStatus(
                entry.conversation_id,
                "drafted",
                "Reply saved as a draft in Missive: review and send it there.",
            )
        )


def reply_payload(thread: str, counterpart: str, subject: str | None, text: str) -> dict[str, Any]:
    """What the outbox keeps to post the same draft again after a crash."""
    conversation = conversation_of(thread)
    if conversation is None:
        raise ChannelProblem("This conversation did not come from Missive.", retry=False)
    base = (subject or "").strip()
    reply_subject = base if base.lower().startswith(("re:", "aw:", "odp:")) else f"Re: {base}"
    return {
        "conversation": conversation,
        "to": counterpart,
        "subject": reply_subject.strip() if base else None,
        "text": text,
    }


def _draft(payload: dict[str, Any]) -> dict[str, Any]:
    draft: dict[str, Any] = {
        "conversation": payload["conversation"],
        "body": draft_body(payload["text"]),
        "to_fields": [{"address": payload["to"]}],
    }
    if payload.get("subject"):
        draft["subject"] = payload["subject"]
    return draft
