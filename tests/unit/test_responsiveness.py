"""What keeps the GUI thread responsive beside the engine: what is alive after start-up and
when a long job starts is left out of the garbage collector's walks (and still freed when no
longer referenced), and a background thread's CPU priority is below the GUI thread's."""

from __future__ import annotations

import gc
import os
import sys
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from gastro_hub_desktop import responsiveness


@pytest.fixture
def unfreeze() -> Iterator[None]:
    yield
    gc.unfreeze()


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


@pytest.mark.usefixtures("unfreeze")
def test_settling_takes_what_is_alive_out_of_the_collectors_walk() -> None:
    kept = [Node() for _ in range(1000)]
    before = gc.get_freeze_count()
    responsiveness.settle_heap()
    assert gc.get_freeze_count() >= before + len(kept)
    gone = weakref.ref(kept[0])
    later = Node()
    alive_later = weakref.ref(later)
    del later
    gc.collect()
    assert gone() is not None and alive_later() is None  # what came after is still collected


@pytest.mark.usefixtures("unfreeze")
def test_a_long_ingest_job_settles_the_heap_first(tmp_path: Path) -> None:
    from gastro_hub_desktop.importers.sample_data import load_sample_data
    from gastro_hub_desktop.store.ingest_job import ingest_with_progress
    from gastro_hub_desktop.store.repository import Store

    store = Store.open(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        messages = load_sample_data().messages
        frozen: list[int] = []
        ingest_with_progress(
            store,
            iter(messages),
            len(messages),
            threading.Event(),
            lambda _done, _total: frozen.append(gc.get_freeze_count()),
        )
        assert frozen[0] >= len(messages)  # the input was settled before the first batch
    finally:
        store.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux")
def test_a_background_thread_runs_at_a_lower_priority_than_the_gui_thread() -> None:
    seen: list[tuple[int, int]] = []

    def work() -> None:
        tid = threading.get_native_id()
        before = os.getpriority(os.PRIO_PROCESS, tid)
        responsiveness.background_thread()
        seen.append((before, os.getpriority(os.PRIO_PROCESS, tid)))

    gui_nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    thread = threading.Thread(target=work)
    thread.start()
    thread.join(5)
    before, after = seen[0]
    assert after == min(19, before + responsiveness.BACKGROUND_NICE)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == gui_nice  # untouched
