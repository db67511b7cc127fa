"""A thread that runs one asyncio loop; work goes in with `submit`, results come back as futures."""

from __future__ import annotations

import logging
import threading
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    # asyncio is imported when the loop starts, not before the window is up
    import asyncio
    import concurrent.futures

log = logging.getLogger(__name__)
T = TypeVar("T")


class LoopThread:
    def __init__(self, name: str = "engine") -> None:
        self._name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("the engine loop is not running")
        return self._loop

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()
        self._ready.wait()

    def _run(self) -> None:
        import asyncio

        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        loop.set_exception_handler(_log_loop_exception)
        self._loop = loop
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Run `coro` on the engine loop; safe to call from any thread."""
        import asyncio

        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def stop(self, timeout: float = 10.0) -> None:
        """Let submitted work finish (up to `timeout`), cancel the rest, and end the thread."""
        if self._thread is None or self._loop is None:
            return
        if self._loop.is_running():
            try:
                self.submit(_drain(timeout)).result(timeout + 1)
            except Exception:
                log.exception("engine work did not finish before shutdown")
            self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("engine thread did not stop within %.0f s", timeout)
        self._thread = None


async def _drain(timeout: float) -> None:
    import asyncio

    current = asyncio.current_task()
    pending = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
    if pending:
        _done, still = await asyncio.wait(pending, timeout=timeout)
        if still:
            log.warning("%d engine tasks still running at shutdown; cancelling", len(still))


def _log_loop_exception(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    log.error("engine loop: %s", context.get("message"), exc_info=context.get("exception"))
