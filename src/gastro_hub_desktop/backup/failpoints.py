"""Crash points for the kill -9 tests of backup and restore: with GASTRO_HUB_FAILPOINT=<name>
the process kills itself (SIGKILL) there. The same contract as engine/failpoints.py, repeated
here because backup/ does not import the engine."""

from __future__ import annotations

import os
import signal


def reach(name: str) -> None:
    if os.environ.get("GASTRO_HUB_FAILPOINT") == name:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
