"""Keeps the GUI thread responsive while the engine's threads run Python in the same process.

Two process-wide costs stalled the GUI event loop while the engine worked (measured with
`benchmarks/bench_gui_stall.py`; the findings are in `benchmarks/README.md`):

* The GIL hand-over. Qt calls into Python for each cell it paints and for each queued engine
  event, and every such call takes the GIL anew. While an engine thread runs Python (ingest,
  triage) the GUI thread waits up to the interpreter's switch interval (5 ms by default)
  before it may even ask for the GIL, on every call it loses: one repaint of the inbox took
  50-200 ms. `prefer_gui_thread` shortens the interval, which bounds each of those waits
  (the inbox model also answers a painted cell in two calls instead of nine).
* Full garbage collections. A full collection walks every tracked object with the GIL held:
  about 100 ms for the heap of the started app, 150-400 ms once a job's input is loaded, and
  the GUI waits whichever thread triggered it. `settle_heap`, once start-up is done and when
  a long job starts, takes what is alive then out of the collector's walk: the full
  collections that follow are a few milliseconds.

And one cost outside the process: the CPU. The engine's writer and the assistant can keep
two cores busy with an import, and the GUI thread, runnable again after each event, then
waited tens of milliseconds for a core. `background_thread` lowers the operating system's
priority of such a thread (Linux, Windows), so the GUI thread is scheduled first.
"""

from __future__ import annotations

import gc
import os
import sys
import threading

GUI_SWITCH_INTERVAL = 0.001  # seconds; CPython's default is 0.005
SETTLE_AFTER_START_MS = 2000  # the channels and the assistant have started by then
BACKGROUND_NICE = 10  # added to a background thread's nice value (Linux)
WINDOWS_BELOW_NORMAL = -1  # THREAD_PRIORITY_BELOW_NORMAL


def prefer_gui_thread(interval: float = GUI_SWITCH_INTERVAL) -> None:
    """Let a thread waiting for the GIL (the GUI thread, above all) get it sooner.

    Process-wide; meant for the GUI process, where the engine runs beside the window."""
    sys.setswitchinterval(interval)


def background_thread() -> None:
    """Give the calling thread a lower CPU priority than the GUI thread's (it keeps it).

    For threads that run long CPU-heavy work (the database writer, the assistant); a no-op
    where the platform has no per-thread priority this can set (macOS)."""
    try:
        if sys.platform.startswith("linux"):  # a thread's own nice value, by its thread id
            tid = threading.get_native_id()
            nice = os.getpriority(os.PRIO_PROCESS, tid)
            os.setpriority(os.PRIO_PROCESS, tid, min(19, nice + BACKGROUND_NICE))
        elif sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(), WINDOWS_BELOW_NORMAL)
    except OSError:  # not allowed here: the thread runs at normal priority
        pass


def settle_heap() -> None:
    """Treat every object alive now as permanent: no later collection walks it again.

    Called once start-up is done (modules, classes, widgets and the engine live as long as
    the app) and when a long job starts (its input, alive until the job ends, would otherwise
    be walked by each full collection meanwhile). Frozen objects are still freed by reference
    counting; only a reference cycle that is already garbage now would stay, and the young
    collection first keeps those few."""
    gc.collect(1)
    gc.freeze()
