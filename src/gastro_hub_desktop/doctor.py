"""`gastro-hub doctor`: what the app finds on this PC, and how to fix what is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from gastro_hub_desktop import APP_NAME, __version__, paths


@dataclass(frozen=True, slots=True)
class Finding:
    topic: str
    ok: bool
    detail: str
    fix: str = ""
    essential: bool = True


def check_data_dir() -> Finding:
    try:
        folder = paths.data_dir()
        probe = folder / ".doctor-probe"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        return Finding(
            "Data folder",
            False,
            f"not writable: {exc}",
            "Set GASTRO_HUB_DATA_DIR to a folder you can write to.",
        )
    free = shutil.disk_usage(folder).free / 1e9
    fix = "Free some disk space: less than 1 GB is left." if free < 1 else ""
    return Finding("Data folder", free >= 1, f"{folder} ({free:.1f} GB free)", fix)


def check_database() -> Finding:
    from sqlalchemy import func, select, text

    from gastro_hub_desktop.store import migrate
    from gastro_hub_desktop.store.db import open_engine
    from gastro_hub_desktop.store.schema import Message

    url = paths.database_url()
    shown = paths.redact_url(url)
    try:
        engine = open_engine(url)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            current = migrate.current_revision(engine)
            head = migrate.head_revision()
            if current is None:
                return Finding(
                    "Database",
                    True,
                    f"{shown}: reachable, empty (the app creates its tables on first start)",
                )
            with engine.connect() as conn:
                count = conn.execute(select(func.count()).select_from(Message.__table__)).scalar()
        finally:
            engine.dispose()
    except Exception as exc:
        from gastro_hub_desktop.engine.facade import describe_database_error

        return Finding("Database", False, describe_database_error(url, exc))
    schema = "up to date" if current == head else f"schema {current}, will migrate to {head}"
    return Finding("Database", True, f"{shown}: {count} messages, {schema}")


def check_keyring() -> Finding:
    from gastro_hub_desktop.credentials import Credentials

    status = Credentials().status()
    if status.usable:
        return Finding("Keyring", True, status.backend, essential=False)
    problem = status.problem or "keyring unavailable"
    detail, _, fix = problem.partition(". ")
    return Finding("Keyring", False, f"{detail} (back end: {status.backend})", fix, essential=False)


def check_docker() -> Finding:
    fix = (
        "Optional (needed only for the Docker stack): start Docker Desktop, or on Linux "
        "`sudo systemctl start docker` and add yourself to the docker group."
    )
    try:
        import docker

        client = docker.from_env(timeout=3)
        try:
            version = client.version().get("Version", "?")
        finally:
            client.close()
    except Exception as exc:
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        if "FileNotFoundError" in reason or "No such file" in reason:
            reason = "no Docker engine is running on this PC"
        return Finding("Docker engine", False, f"not reachable ({reason})", fix, essential=False)
    return Finding("Docker engine", True, f"reachable, Docker {version}", essential=False)


QT_PROBE = (
    "from PySide6.QtGui import QGuiApplication; import sys; "
    "app = QGuiApplication(sys.argv[:1]); print(app.platformName())"
)
QT_PROBE_FLAG = "--qt-probe"  # the frozen app's stand-in for `python -c QT_PROBE` (see cli.py)


def qt_probe() -> int:
    """Open Qt's platform and print its name: run in a child process by check_qt, because Qt
    aborts the whole process when it finds no display."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    print(app.platformName())
    return 0


def _qt_probe_command() -> list[str]:
    if getattr(sys, "frozen", False):  # a frozen app has no `-c`: it runs only its own CLI
        return [sys.executable, QT_PROBE_FLAG]
    return [sys.executable, "-c", QT_PROBE]


def check_qt() -> Finding:
    env_platform = os.environ.get("QT_QPA_PLATFORM", "")
    display = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY")
    try:
        probe = subprocess.run(
            _qt_probe_command(),
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Finding("Qt platform", False, f"could not start Qt: {exc}")
    if probe.returncode == 0:
        name = probe.stdout.strip().splitlines()[-1] if probe.stdout.strip() else "?"
        where = f" on display {display}" if display and name in ("xcb", "wayland") else ""
        note = " (no screen: windows are not visible)" if name in ("offscreen", "minimal") else ""
        return Finding("Qt platform", True, f"{name}{where}{note}")
    stderr = probe.stderr.strip().splitlines()
    reason = next((line for line in stderr if "xcb" in line or "platform" in line), "")
    if not display and not env_platform and sys.platform.startswith("linux"):
        fix = (
            "No display found: run it inside a desktop session (or set QT_QPA_PLATFORM=offscreen)."
        )
    else:
        fix = (
            "Install Qt's X11 libraries: sudo apt-get install libxcb-cursor0 libxcb-icccm4 "
            "libxcb-keysyms1 libxkbcommon-x11-0 libegl1"
        )
    return Finding("Qt platform", False, reason or "Qt could not open a window", fix)


CHECKS: list[Callable[[], Finding]] = [
    check_data_dir,
    check_database,
    check_keyring,
    check_docker,
    check_qt,
]


def collect() -> list[Finding]:
    findings = []
    for check in CHECKS:
        try:
            findings.append(check())
        except Exception as exc:  # a broken check is itself a finding, never a crash
            findings.append(Finding(check.__name__.removeprefix("check_"), False, repr(exc)))
    return findings


def run_doctor() -> int:
    print(f"{APP_NAME} {__version__} — Python {sys.version.split()[0]} on {sys.platform}")
    findings = collect()
    width = max(len(f.topic) for f in findings)
    for f in findings:
        mark = "ok     " if f.ok else ("MISSING" if f.essential else "missing")
        print(f"{mark}  {f.topic.ljust(width)}  {f.detail}")
    fixes = [f for f in findings if not f.ok and f.fix]
    if fixes:
        print("\nHow to fix:")
        for f in fixes:
            print(f"- {f.topic}: {f.fix}")
    return 1 if any(not f.ok and f.essential for f in findings) else 0
