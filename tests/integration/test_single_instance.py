"""One app per data folder: a second launch focuses the first; after kill -9 it starts at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

APP = [sys.executable, "-m", "gastro_hub_desktop"]


def wait_for_log(log: Path, text: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and text in log.read_text(encoding="utf-8"):
            return
        time.sleep(0.1)
    pytest.fail(
        f"{text!r} not logged within {timeout}s; log: {log.read_text() if log.exists() else '-'}"
    )


def test_second_launch_focuses_first_and_kill9_leaves_no_stale_lock(data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GASTRO_HUB_DATA_DIR": str(data_dir)}
    log = data_dir / "logs" / "gastro-hub.log"
    first = subprocess.Popen(APP, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_for_log(log, "first paint")
        second = subprocess.run(APP, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0
        assert "already running" in second.stdout
        wait_for_log(log, "bringing it to the front")
        assert first.poll() is None  # the first one is still there
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    started = time.monotonic()
    third = subprocess.run(
        [*APP, "--exit-after-paint"], env=env, capture_output=True, text=True, timeout=60
    )
    assert third.returncode == 0, third.stdout + third.stderr
    assert "first-paint" in third.stdout
    assert time.monotonic() - started < 20


def test_sigterm_quits_cleanly(data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GASTRO_HUB_DATA_DIR": str(data_dir)}
    log = data_dir / "logs" / "gastro-hub.log"
    app = subprocess.Popen(APP, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wait_for_log(log, "first paint")
    wait_for_log(log, "database migrated")
    app.send_signal(signal.SIGTERM)
    assert app.wait(30) == 0
    wait_for_log(log, "stopped cleanly")
