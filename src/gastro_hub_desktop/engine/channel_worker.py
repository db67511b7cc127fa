"""The loop every syncing channel account shares: a background thread that syncs, waits for
more, and on failure backs off and tries again by itself while telling the user what is wrong.
A problem retrying cannot fix (a refused password or token) waits for new settings instead of
being retried in a storm."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime

from gastro_hub_desktop.channels.base import ChannelProblem, Health, HealthState
from gastro_hub_desktop.engine.events import ChannelHealthChanged, EventBus

log = logging.getLogger(__name__)

FIRST_BACKOFF = 2.0
MAX_BACKOFF = 300.0
AUTH_RETRY_SECONDS = 30 * 60.0


class ChannelWorker:
    """Subclasses say how to do one round of work (`cycle`), how to wait for the next one
    (`idle`) and how to drop their connection (`disconnect`)."""

    def __init__(
        self, events: EventBus, account_key: str, label: str, first_backoff: float = FIRST_BACKOFF
    ) -> None:
        self.events = events
        self._account_key = account_key
        self._label = label
        self._first_backoff = first_backoff
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.health = Health(HealthState.UNKNOWN)

    # ------------------------------------------------------------ what subclasses provide

    def cycle(self) -> None:
        """Connect if needed, read what is new, send what is queued."""
        raise NotImplementedError

    def idle(self) -> None:
        """Wait until there may be something new (or `sync_now` is called)."""
        self._sleep(60.0)

    def disconnect(self) -> None:
        """Drop the connection after a failure or at the end."""

    # ------------------------------------------------------------ lifecycle

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=self._label, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def sync_now(self) -> None:
        """Ask for a round at once (e.g. a reply was queued or the user asked)."""
        self._wake.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def _run(self) -> None:
        backoff = self._first_backoff
        while not self._stop.is_set():
            try:
                self.cycle()
                backoff = self._first_backoff
                self.idle()
            except ChannelProblem as problem:
                self.disconnect()
                if problem.retry:
                    self._report(HealthState.RETRYING, f"{problem} Next try in {backoff:.0f} s.")
                    self._sleep(backoff)
                    backoff = min(backoff * 2, MAX_BACKOFF)
                else:
                    self._report(HealthState.NEEDS_ATTENTION, str(problem))
                    self._sleep(AUTH_RETRY_SECONDS)
            except Exception as exc:  # a bug must not end the account's sync silently
                log.exception("sync of %s failed", self._label)
                self.disconnect()
                self._report(
                    HealthState.RETRYING,
                    f"Unexpected error ({type(exc).__name__}); next try in {backoff:.0f} s.",
                )
                self._sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
        self.disconnect()

    # ------------------------------------------------------------ helpers

    def _sleep(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()

    def _report(self, state: HealthState, message: str) -> None:
        health = Health(state, datetime.now(UTC), message)
        changed = (health.state, health.message) != (self.health.state, self.health.message)
        self.health = health
        if changed:
            log.info("%s: %s %s", self._label, state.value, message)
        self.events.publish(ChannelHealthChanged(self._account_key, health))
