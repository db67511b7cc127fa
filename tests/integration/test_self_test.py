"""`gastro-hub --self-test` as a real process: 0 and "all fine" with a working keyring, 1 with
the failing part named when the keyring is unavailable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def self_test(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gastro_hub_desktop", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_self_test_passes_with_a_working_keyring(
    tmp_path: Path, secret_service: dict[str, str]
) -> None:
    env = {**os.environ, **secret_service, "QT_QPA_PLATFORM": "offscreen"}
    done = self_test(env)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for topic in ("Data folder", "Database", "Keyring", "Qt"):
        assert any(line.startswith("ok") and topic in line for line in lines), done.stdout
    assert "all fine" in lines[-1]


def test_self_test_fails_and_names_the_keyring(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = self_test(env)
    assert done.returncode == 1
    assert any(line.startswith("FAIL") and "Keyring" in line for line in done.stdout.splitlines())
    assert "NOT fine" in done.stdout
