"""One engine's part in office mode (several PCs on one PostgreSQL).

A processor campaigns for the leader lock and, once it holds it, fetches and sends for the
whole office; it checks every second that it still holds the lock and gives up the lead the
moment it does not. Every engine listens for the database's change notifications and turns
them into the same events its own changes raise, so each desktop's inbox, conversation and
dashboard update live; the leader also wakes the worker that must send a reply another PC
queued, restarts an account another PC changed, and shares each channel's measured health.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from gastro_hub_desktop.channels.base import Health, HealthState
from gastro_hub_desktop.engine.events import (
    ChannelHealthChanged,
    ConversationsChanged,
    EngineEvent,
    EventBus,
    LeadershipChanged,
    PresenceChanged,
)
from gastro_hub_desktop.store import office as db

if TYPE_CHECKING:
    from gastro_hub_desktop.store.repository import Store

log = logging.getLogger(__name__)

CHECK_SECONDS = 1.0  # how often a leader checks its lock, and a candidate tries for it
TAKEOVER_BOUND_SECONDS = 5.0  # promised: a killed leader is replaced within this


def _health_to_dict(health: Health) -> dict[str, Any]:
    return {
        "state": health.state.value,
        "checked_at": health.checked_at.isoformat() if health.checked_at else None,
        "message": health.message,
    }


def _health_from_dict(data: dict[str, Any]) -> Health:
    checked = data.get("checked_at")
    return Health(
        HealthState(data.get("state") or HealthState.UNKNOWN.value),
        datetime.fromisoformat(checked) if checked else None,
        str(data.get("message") or ""),
    )


class OfficeLink:
    """Listens for the office's changes; campaigns for the lead when asked to."""

    def __init__(
        self,
        store: Store,
        events: EventBus,
        member: str,
        wake_sender: Callable[[int], None],
        restart_account: Callable[[str], None],
    ) -> None:
        self.store = store
        self.events = events
        self.member = member
        self.person = db.person_name()
        self.health: dict[str, Health] = {}  # the leader's measured health, per account
        self.leading = threading.Event()
        self._wake_sender = wake_sender
        self._restart_account = restart_account
        info = db.conninfo(store)
        self._listener = db.ChangeListener(info, member, self._on_change, self._on_reconnect)
        self._lock = db.LeaderLock(info, member)
        self._stop = threading.Event()
        self._campaign: threading.Thread | None = None
        self._unsubscribe: Callable[[], None] | None = None

    # ------------------------------------------------------------ lifecycle

    def start(self) -> None:
        for key, data in db.saved_health(self.store).items():
            try:
                self.health[key] = _health_from_dict(data)
            except (ValueError, TypeError):
                log.warning("unreadable shared health of %s", key)
        self._listener.start()

    @property
    def listening(self) -> threading.Event:
        return self._listener.listening

    def campaign(self, on_elected: Callable[[], None], on_lost: Callable[[str], None]) -> None:
        """Try for the lead every second; once elected run `on_elected`, then check the lock
        every second and call `on_lost` (once) when it is gone."""

        def run() -> None:
            while not self._stop.is_set():
                if self._lock.try_acquire():
                    break
                self._stop.wait(CHECK_SECONDS)
            else:
                return
            self.leading.set()
            log.info("office: %s leads", self.member)
            self._unsubscribe = self.events.subscribe(self._share_health)
            self.events.publish(LeadershipChanged(True))
            try:
                on_elected()
            except Exception:
                log.exception("starting the channels as leader failed")
            while not self._stop.wait(CHECK_SECONDS):
                if not self._lock.still_held():
                    self.leading.clear()
                    reason = "the connection that held the office's leader lock was lost"
                    log.error("office: %s", reason)
                    self.events.publish(LeadershipChanged(False, reason))
                    on_lost(reason)
                    return

        self._campaign = threading.Thread(target=run, name="office-leader", daemon=True)
        self._campaign.start()

    def stop(self) -> None:
        self._stop.set()
        if self._unsubscribe is not None:
            self._unsubscribe()
        if self._campaign is not None:
            self._campaign.join(5)
        self._listener.stop()
        self._lock.release()  # after the channels stopped: the next leader starts clean
        self.leading.clear()

    def release_lead(self) -> None:
        self._lock.release()

    # ------------------------------------------------------------ presence

    def answering(self, conversation_id: int) -> None:
        db.Presences(self.store).answering(conversation_id, self.member, self.person)

    def leave(self, conversation_id: int | None) -> None:
        db.Presences(self.store).leave(conversation_id, self.member)

    def others_answering(self, conversation_id: int) -> list[db.Answering]:
        return [a for a in db.Presences(self.store).who(conversation_id) if a.member != self.member]

    # ------------------------------------------------------------ notifications

    def _share_health(self, event: EngineEvent) -> None:
        if not isinstance(event, ChannelHealthChanged) or not self.leading.is_set():
            return
        data = {"account": event.account_key, **_health_to_dict(event.health)}
        try:
            db.save_health(self.store, event.account_key, _health_to_dict(event.health))
            db.notify(self.store, "health", self.member, data)
        except Exception:
            log.exception("could not share the health of %s", event.account_key)

    def _on_reconnect(self) -> None:
        # notifications sent while the connection was down were not heard: refresh everything
        self.events.publish(ConversationsChanged(frozenset()))

    def _on_change(self, change: db.OfficeChange) -> None:
        if change.kind == "health":
            if change.origin != self.member and change.data:
                key = str(change.data.get("account") or "")
                health = _health_from_dict(change.data)
                self.health[key] = health
                self.events.publish(ChannelHealthChanged(key, health))
            return
        if change.origin == self.member:
            return  # our own change: already announced on our bus
        if change.kind == "accounts":
            if self.leading.is_set():
                for key in change.ids:
                    self._restart_account(str(key))
            return
        ids = frozenset() if change.more else frozenset(int(i) for i in change.ids)
        if change.kind == "presence":
            self.events.publish(PresenceChanged(ids))
            return
        if change.kind == "messages":
            self.events.publish(ConversationsChanged(ids, change.rows))
        else:
            self.events.publish(ConversationsChanged(ids))
        if change.kind == "outbox" and self.leading.is_set():
            for conversation_id in ids:
                self._wake_sender(conversation_id)
