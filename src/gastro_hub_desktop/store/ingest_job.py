"""Ingest of a long stream of messages in batches, with progress and cancel between batches."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from itertools import islice

from gastro_hub_desktop.domain.messages import ImportResult, IncomingMessage
from gastro_hub_desktop.responsiveness import settle_heap
from gastro_hub_desktop.store.repository import Store

BATCH = 1000


def ingest_with_progress(
    store: Store,
    messages: Iterator[IncomingMessage],
    total: int,
    cancel: threading.Event,
    progress: Callable[[int, int], None],
    on_batch: Callable[[frozenset[int], int], None] | None = None,
    batch_size: int = BATCH,
) -> ImportResult:
    """Store `messages` batch by batch; each batch is committed before the next is read.

    Cancelling stops after the current batch: everything counted so far is stored. What is
    alive when the job starts (its input, above all) is left out of the garbage collector's
    walks meanwhile: a full collection holds the GIL and stalls the GUI thread for as long as
    it walks (see `responsiveness`).
    """
    settle_heap()
    new = duplicates = done = 0
    progress(0, total)
    while not cancel.is_set():
        batch = list(islice(messages, batch_size))
        if not batch:
            break
        outcome = store.ingest(batch, batch_size=batch_size)
        new, duplicates, done = (
            new + outcome.new,
            duplicates + outcome.duplicates,
            done + len(batch),
        )
        if on_batch is not None and outcome.new:
            on_batch(outcome.conversation_ids, outcome.new)
        progress(done, max(total, done))
    return ImportResult(new=new, duplicates=duplicates)
