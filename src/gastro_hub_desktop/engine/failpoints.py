"""Crash points for the crash-safety tests: with GASTRO_HUB_FAILPOINT=<name> the process kills
itself (SIGKILL, like a power cut) when it reaches that point. Unset, nothing happens."""

from __future__ import annotations

import os
import signal


def reach(name: str) -> None:
    if os.environ.get("GASTRO_HUB_FAILPOINT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
