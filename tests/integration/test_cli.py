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


def test_import_mbox_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    import mailbox

    corpus = sorted(
        (Path(__file__).resolve().parents[1] / "data" / "cpython_email").glob("msg_*.txt")
    )
    mbox_path = tmp_path / "real-world.mbox"
    box = mailbox.mbox(mbox_path)
    for f in corpus:
        box.add(f.read_bytes())
    box.flush()
    box.close()
    first = run("import", str(mbox_path))
    assert first.returncode == 0, first.stderr
    from gastro_hub_desktop.store.repository import Store

    store = Store.open(
        f"sqlite:///{Path(os.environ['GASTRO_HUB_DATA_DIR']) / 'gastro-hub.sqlite3'}"
    )
    stored = store.stats().messages
    store.close()
    # messages sharing one Message-ID are one message: stored once
    assert 0 < stored <= len(corpus)
    assert f"{stored} new messages" in first.stdout
    second = run("import", str(mbox_path))
    assert second.returncode == 0
    assert "0 new messages" in second.stdout
    assert f"{len(corpus)} already stored" in second.stdout


def test_import_refuses_other_files_clearly(tmp_path: Path) -> None:
    other = tmp_path / "report.pdf"
    other.write_bytes(b"%PDF-1.4 not a mailbox")
    result = run("import", str(other))
    assert result.returncode == 1
    assert "neither an mbox mailbox nor a WhatsApp chat export" in result.stderr
    missing = run("import", str(tmp_path / "nope.mbox"))
    assert missing.returncode == 1 and "No such file" in missing.stderr


def test_doctor_names_the_real_keyring(secret_service: dict[str, str]) -> None:
    result = run("doctor", env={**os.environ, **secret_service})
    keyring_line = next(line for line in result.stdout.splitlines() if "Keyring" in line)
    assert keyring_line.startswith("ok") and "Secret Service" in keyring_line, result.stdout


def test_doctor_without_a_keyring_says_unavailable_and_how_to_fix() -> None:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = run("doctor", env=env)
    assert "keyring unavailable: no keyring service is running" in result.stdout
    assert "gnome-keyring" in result.stdout.split("How to fix:")[1]
