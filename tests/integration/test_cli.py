"""The command line: --version, doctor, and the environment overrides every command honours."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gastro_hub_desktop import __version__

APP = [sys.executable, "-m", "gastro_hub_desktop"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*APP, *args], capture_output=True, text=True, timeout=120, env=env or dict(os.environ)
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_doctor_reports_every_part(data_dir: Path) -> None:
    result = run("doctor")
    out = result.stdout
    for topic in ("Data folder", "Database", "Keyring", "Docker engine", "Qt platform"):
        assert topic in out
    assert str(data_dir) in out
    assert "offscreen" in out  # the Qt platform actually started, not assumed
    assert result.returncode == 0, out + result.stderr


def test_doctor_explains_an_unreachable_database(data_dir: Path) -> None:
    env = {**os.environ, "GASTRO_HUB_DATABASE_URL": "postgresql+psycopg://u:secret@127.0.0.1:1/x"}
    result = run("doctor", env=env)
    assert result.returncode == 1
    assert "Cannot reach the database" in result.stdout
    assert "secret" not in result.stdout  # passwords never printed


def test_database_url_override_is_used_by_every_command(tmp_path: Path) -> None:
    db = tmp_path / "elsewhere.sqlite3"
    env = {**os.environ, "GASTRO_HUB_DATABASE_URL": f"sqlite:///{db}"}
    result = run("sample-data", env=env)
    assert result.returncode == 0, result.stderr
    assert db.exists()
    assert "new messages" in result.stdout
    again = run("sample-data", env=env)
    assert " 0 new messages" in again.stdout
