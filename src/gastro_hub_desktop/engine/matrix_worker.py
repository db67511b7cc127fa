"""Keeps one Matrix account in sync: signs in once (the access token and device id are kept in
the keyring, so restarts reuse the same device), reads every room the account is in as a
conversation, pages in what a sync left out, and sends queued replies exactly once.

Position: Matrix's `next_batch` token is kept in the account's settings (the store's folder
positions hold only numbers), written after the messages it covers are stored, at most every
few minutes and when the worker stops. A crash re-reads a little; the store keeps each event
once (the event id is the message's provider id).

Exactly once: each reply is PUT with the outbox key as its transaction id, from the same device
every time. Cut off by a crash, it is first looked for in the room (the content carries the
outbox key), then PUT again with the same transaction id, which the homeserver answers with the
first event instead of making a second one."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.matrix.client import MatrixConnection, encryption_available
from gastro_hub_desktop.channels.matrix.convert import (
    RoomView,
    is_message,
    outbox_key,
    sent_at,
    text_content,
    to_message,
)
from gastro_hub_desktop.channels.matrix.problems import ENCRYPTED_SEND, TokenRefused
from gastro_hub_desktop.channels.matrix.settings import (
    ACCESS_TOKEN,
    DEVICE_ID,
    PASSWORD,
    SYNC_TOKEN,
    SYNC_TOKEN_AT,
    MatrixSettings,
)
from gastro_hub_desktop.domain.conversations import OutboxState
from gastro_hub_desktop.domain.messages import Channel, IncomingMessage
from gastro_hub_desktop.engine import failpoints
from gastro_hub_desktop.engine.channel_worker import FIRST_BACKOFF, ChannelWorker
from gastro_hub_desktop.engine.events import ConversationsChanged, EventBus, ReplyStatus
from gastro_hub_desktop.store.outbox import Outbox, OutboxEntry
from gastro_hub_desktop.store.repository import Store

log = logging.getLogger(__name__)

TOKEN_SAVE_SECONDS = 300.0  # the sync position is written at most this often (and at stop)
BACKFILL_LIMIT = 500  # older events paged in per room and gap, at most
LOOKUP_EVENTS = 100  # a room's newest events searched for a reply cut off by a crash
MAX_SEND_ATTEMPTS = 8
GAP_MARGIN = timedelta(days=1)  # a gap is paged back this far before the last kept position


@dataclass(frozen=True)
class AccountSecrets:
    """The account's keyring entries: read one by name, keep several."""

    get: Callable[[str], str | None]
    keep: Callable[[Mapping[str, str]], None]


class MatrixWorker(ChannelWorker):
    def __init__(
        self,
        store: Store,
        events: EventBus,
        settings: MatrixSettings,
        secrets: AccountSecrets,
        first_backoff: float = FIRST_BACKOFF,
        connection_factory: Callable[[MatrixSettings], MatrixConnection] = MatrixConnection,
    ) -> None:
        super().__init__(events, settings.account_key, f"matrix {settings.user_id}", first_backoff)
        self.store = store
        self.settings = settings
        self._secrets = secrets
        self._factory = connection_factory
        self._conn: MatrixConnection | None = None
        self._session: tuple[str, str] | None = None  # (access token, device id) of our login
        self._fresh = True  # the connection has not synced yet: it knows no rooms
        self._since: str | None = None
        self._since_loaded = False
        self._since_at: float | None = None  # when the loaded position was written
        self._saved_since: str | None = None
        self._saved_at = 0.0

    @property
    def account_key(self) -> str:
        return self.settings.account_key

    # ------------------------------------------------------------ the loop's parts

    def connect(self) -> MatrixConnection:
        if self._conn is None:
            conn = self._factory(self.settings)
            try:
                self._sign_in(conn)
            except BaseException:
                conn.close()
                raise
            self._conn, self._fresh = conn, True
        return self._conn

    def _sign_in(self, conn: MatrixConnection) -> None:
        token, device = self._secrets.get(ACCESS_TOKEN), self._secrets.get(DEVICE_ID)
        if not (token and device) and self._session is not None:
            token, device = self._session  # the keyring could not keep our last login
        why = "No password is stored for this Matrix account"
        if token and device:
            conn.restore(token, device)
            try:
                conn.whoami()
                return
            except TokenRefused as refused:
                log.info("%s: stored token refused; logging in again", self._label)
                why = str(refused).rstrip(".")
        password = self._secrets.get(PASSWORD)
        if not password:
            raise ChannelProblem(
                f"{why}: open the account's settings and enter the password again.", retry=False
            )
        login = conn.login(password, device_id=device)
        self._session = (login.access_token, login.device_id)
        try:
            self._secrets.keep({ACCESS_TOKEN: login.access_token, DEVICE_ID: login.device_id})
        except Exception:  # signed in all the same; only the next start will sign in again
            log.warning("%s: the keyring could not keep the login", self._label, exc_info=True)

    def cycle(self) -> None:
        self._wake.clear()
        conn = self.connect()
        if self._fresh:
            self.sync_once(conn)  # a quick look first: it tells us the rooms replies go to
        self.send_pending(conn)
        if not self.stopping:
            self.sync_once(conn)  # waits on the server; a queued reply cuts the wait short

    def idle(self) -> None:
        """Nothing to wait for here: each sync already waited on the server."""

    def disconnect(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
        try:
            self._keep_since(force=True)
        except Exception:
            log.warning("%s: could not keep the sync position", self._label, exc_info=True)

    def sync_now(self) -> None:
        super().sync_now()
        conn = self._conn
        if conn is not None:
            conn.interrupt()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        conn = self._conn
        if conn is not None:
            conn.interrupt()
        super().stop(timeout)

    # ------------------------------------------------------------ reading

    def sync_once(self, conn: MatrixConnection) -> int:
        """One sync: store the new messages of every room; the number stored."""
        since = self._load_since()
        first_ever = since is None
        wait = 0.0 if self._fresh else float(max(1, self.settings.poll_seconds))
        response = conn.sync(
            since, wait, full_state=self._fresh and not first_ever, wake=self._wake
        )
        if response is None:
            return 0  # cut short to send a reply: the position did not move
        if self.settings.auto_join:
            self._join_invites(conn, list(response.rooms.invite))
        horizon = self._horizon(first_ever)
        messages: list[IncomingMessage] = []
        for room_id, joined in response.rooms.join.items():
            room = conn.room(room_id)
            timeline = [e.source for e in joined.timeline.events if isinstance(e.source, dict)]
            if joined.timeline.limited and joined.timeline.prev_batch:
                timeline = (
                    self._older(conn, room_id, joined.timeline.prev_batch, horizon) + timeline
                )
            messages += self._messages(
                timeline, room, conn.user_id, horizon if first_ever else None
            )
        outcome = self.store.ingest(messages)
        if outcome.new:
            self.events.publish(ConversationsChanged(outcome.conversation_ids, outcome.new))
        self._since, self._fresh = response.next_batch, False
        self._keep_since(force=first_ever)
        self._report(HealthState.CONNECTED, self._connected_text(conn))
        return outcome.new

    def _horizon(self, first_ever: bool) -> datetime:
        """How far back to read: the history window; after a long pause, back to where the
        kept position was written (a day more), so that nothing in between is missed."""
        window = datetime.now(UTC) - timedelta(days=max(0, self.settings.history_days))
        if first_ever or self._since_at is None:
            return window
        return min(window, datetime.fromtimestamp(self._since_at, UTC) - GAP_MARGIN)

    def _messages(
        self,
        events: list[dict[str, Any]],
        room: RoomView,
        me: str,
        horizon: datetime | None,
    ) -> list[IncomingMessage]:
        kept = []
        for event in events:
            if not is_message(event) or (horizon is not None and sent_at(event) < horizon):
                continue
            try:
                kept.append(to_message(event, room, me, self.account_key))
            except (KeyError, TypeError, ValueError):
                log.warning("%s: unreadable event %s", self._label, event.get("event_id"))
        return kept

    def _older(
        self, conn: MatrixConnection, room_id: str, start: str, horizon: datetime
    ) -> list[dict[str, Any]]:
        """The events a limited sync left out of a room, oldest first: paged back until one
        already stored, the horizon or BACKFILL_LIMIT."""
        found: list[dict[str, Any]] = []
        token: str | None = start
        while token and len(found) < BACKFILL_LIMIT and not self.stopping:
            page = conn.history(room_id, token)
            for event in page.events:
                event_id = event.get("event_id")
                if not isinstance(event_id, str):
                    continue
                if sent_at(event) < horizon or self.store.has_message(self.account_key, event_id):
                    return found[::-1]
                found.append(event)
            token = page.end
        return found[::-1]

    def _join_invites(self, conn: MatrixConnection, room_ids: list[str]) -> None:
        for room_id in room_ids:
            try:
                conn.join(room_id)
                log.info("%s: accepted the invite to %s", self._label, room_id)
            except ChannelProblem as problem:
                if problem.retry:
                    raise
                log.warning("%s: could not join %s: %s", self._label, room_id, problem)

    def _connected_text(self, conn: MatrixConnection) -> str:
        text = f"Connected as {conn.user_id} on {conn.homeserver}"
        encrypted = sum(1 for r in conn.client.rooms.values() if r.encrypted)
        if encrypted and not encryption_available():
            rooms = "room is" if encrypted == 1 else "rooms are"
            text += f"; {encrypted} {rooms} end-to-end encrypted, which the app cannot read yet"
        return text

    # ------------------------------------------------------------ the sync position

    def _load_since(self) -> str | None:
        if not self._since_loaded:
            for key, _name, data in self.store.accounts(Channel.MATRIX):
                if key == self.account_key:
                    token, at = data.get(SYNC_TOKEN), data.get(SYNC_TOKEN_AT)
                    self._since = token if isinstance(token, str) and token else None
                    self._since_at = float(at) if isinstance(at, int | float) else None
            self._saved_since, self._since_loaded = self._since, True
        return self._since

    def _keep_since(self, force: bool = False) -> None:
        """Write the sync position to the account's settings (read fresh, so settings the user
        saved meanwhile are kept), unless it was written a moment ago."""
        token = self._since
        if token is None or token == self._saved_since:
            return
        if not force and time.monotonic() - self._saved_at < TOKEN_SAVE_SECONDS:
            return
        now = time.time()
        for key, name, data in self.store.accounts(Channel.MATRIX):
            if key == self.account_key:
                kept = {**data, SYNC_TOKEN: token, SYNC_TOKEN_AT: int(now)}
                self.store.save_account(key, Channel.MATRIX, name, kept)
        self._saved_since, self._saved_at, self._since_at = token, time.monotonic(), now

    # ------------------------------------------------------------ sending

    def send_pending(self, conn: MatrixConnection) -> int:
        """Send each queued reply once; the number sent."""
        outbox = Outbox(self.store)
        sent = 0
        for entry in outbox.pending(self.account_key):
            if self.stopping:
                break
            sent += self._send(conn, outbox, entry)
        return sent

    def _send(self, conn: MatrixConnection, outbox: Outbox, entry: OutboxEntry) -> int:
        room_id, text = str(entry.payload["room"]), str(entry.payload["text"])
        room = conn.room(room_id)
        if room.encrypted and not encryption_available():
            self._failed(outbox, entry, ENCRYPTED_SEND)
            return 0
        if entry.state is OutboxState.SENDING:
            earlier = self._sent_before(conn, room_id, entry.key)
            if earlier is not None:
                log.info("reply %s was sent before a restart as %s", entry.key, earlier)
                self._sent(outbox, entry, earlier, room, conn.user_id)
                return 0
        attempts = outbox.begin_attempt(entry.id)
        try:
            event_id = conn.send(room_id, text_content(text, entry.key), txn_id=entry.key)
        except ChannelProblem as problem:
            if problem.retry and attempts < MAX_SEND_ATTEMPTS:
                # It may have arrived: the entry stays "sending", so the next round looks for
                # it and sends it again under the same transaction id.
                self.events.publish(ReplyStatus(entry.conversation_id, "retrying", str(problem)))
                raise
            self._failed(outbox, entry, str(problem))
            return 0
        failpoints.reach("after-matrix-send")
        self._sent(outbox, entry, event_id, room, conn.user_id)
        return 1

    def _sent_before(self, conn: MatrixConnection, room_id: str, key: str) -> str | None:
        """The event of a reply that went out before a crash, found among the room's newest."""
        for event in conn.recent(room_id, LOOKUP_EVENTS):
            if event.get("sender") != conn.user_id:
                continue
            unsigned = event.get("unsigned") or {}
            if outbox_key(event) == key or unsigned.get("transaction_id") == key:
                return str(event["event_id"])
        return None

    def _sent(
        self, outbox: Outbox, entry: OutboxEntry, event_id: str, room: RoomView, me: str
    ) -> None:
        outbox.mark_sent(entry.id, event_id)
        event = {
            "type": "m.room.message",
            "event_id": event_id,
            "sender": me,
            "origin_server_ts": int(time.time() * 1000),
            "content": text_content(str(entry.payload["text"]), entry.key),
        }
        outcome = self.store.ingest([to_message(event, room, me, self.account_key)])
        if outcome.new:
            self.events.publish(ConversationsChanged(outcome.conversation_ids, outcome.new))
        self.events.publish(ReplyStatus(entry.conversation_id, "sent", "Reply sent on Matrix."))

    def _failed(self, outbox: Outbox, entry: OutboxEntry, why: str) -> None:
        outbox.mark_failed(entry.id, why, final=True)
        self.events.publish(ReplyStatus(entry.conversation_id, "failed", why))


def reply_payload(room_id: str, counterpart: str, text: str) -> dict[str, Any]:
    """What the outbox keeps to send the same reply again after a crash."""
    if not room_id.startswith("!"):
        raise ChannelProblem("This conversation did not come from a Matrix room.", retry=False)
    if not text.strip():
        raise ChannelProblem("The reply is empty.", retry=False)
    return {"room": room_id, "to": counterpart, "text": text}
