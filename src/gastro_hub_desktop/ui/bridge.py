"""Carries engine results and events onto the GUI thread as queued Qt signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from gastro_hub_desktop.engine.events import EngineEvent

if TYPE_CHECKING:
    import concurrent.futures

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class _Delivery:
    on_result: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    result: Any
    error: BaseException | None


class EngineBridge(QObject):
    """Lives on the GUI thread; anything emitted from the engine's threads arrives queued."""

    event = Signal(object)
    error = Signal(str)
    # One payload object per signal: PySide6 mis-counts references of None sent through
    # queued `object` arguments, so nothing that can be None travels as an argument.
    _delivered = Signal(object)

    def __init__(self, events: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._delivered.connect(self._deliver)
        self._unsubscribe = events.subscribe(self._on_engine_event)

    def _on_engine_event(self, event: EngineEvent) -> None:
        self.event.emit(event)

    def call(
        self,
        future: concurrent.futures.Future[T],
        on_result: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Call `on_result` (or `on_error`) on the GUI thread when `future` completes."""

        def done(f: concurrent.futures.Future[T]) -> None:
            if f.cancelled():
                return
            exc = f.exception()
            self._delivered.emit(_Delivery(on_result, on_error, None if exc else f.result(), exc))

        future.add_done_callback(done)

    @Slot(object)
    def _deliver(self, delivery: _Delivery) -> None:
        on_result, on_error, result, exc = (
            delivery.on_result,
            delivery.on_error,
            delivery.result,
            delivery.error,
        )
        try:
            if exc is None:
                on_result(result)
            elif on_error is not None:
                on_error(exc)
            elif isinstance(exc, RuntimeError) and "stopped" in str(exc):
                log.debug("engine call after shutdown ignored: %s", exc)
            else:
                log.error("engine call failed", exc_info=exc)
                self.error.emit(user_message(exc))
        except RuntimeError as err:  # the widget that asked was closed meanwhile
            if "already deleted" not in str(err):
                raise

    def close(self) -> None:
        self._unsubscribe()


async def wait(future: concurrent.futures.Future[T]) -> T:
    """Await an engine future from a qasync slot without blocking the GUI thread."""
    import asyncio

    return await asyncio.wrap_future(future)


def user_message(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]
