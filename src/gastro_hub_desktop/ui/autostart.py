"""Start at login: an XDG autostart entry on Linux, the Run key on Windows, a LaunchAgent on
macOS. Each points at the command that started this app."""

from __future__ import annotations

import contextlib
import os
import plistlib
import shlex
import sys
from pathlib import Path

from gastro_hub_desktop import APP_ID, APP_NAME

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def launch_command() -> list[str]:
    """How to start the app again: the frozen executable, or this Python with the module."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "gastro_hub_desktop"]


def _xdg_file() -> Path:
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "autostart" / f"{APP_ID}.desktop"


def _launch_agent() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{APP_ID}.plist"


def is_enabled(platform: str = sys.platform) -> bool:
    if platform.startswith("win"):
        import winreg  # type: ignore[import-not-found,unused-ignore]

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:  # type: ignore[attr-defined,unused-ignore]
                winreg.QueryValueEx(key, APP_NAME)  # type: ignore[attr-defined,unused-ignore]
            return True
        except OSError:
            return False
    if platform == "darwin":
        return _launch_agent().exists()
    return _xdg_file().exists()


def set_enabled(on: bool, platform: str = sys.platform) -> Path | str:
    """Turn start at login on or off; returns where it is recorded."""
    command = launch_command()
    if platform.startswith("win"):
        import winreg  # type: ignore[import-not-found,unused-ignore]

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:  # type: ignore[attr-defined,unused-ignore]
            if on:
                value = " ".join(f'"{part}"' for part in command)
                winreg.SetValueEx(key, APP_NAME, 0, winreg.REG_SZ, value)  # type: ignore[attr-defined,unused-ignore]
            else:
                with contextlib.suppress(OSError):
                    winreg.DeleteValue(key, APP_NAME)  # type: ignore[attr-defined,unused-ignore]
        return f"HKCU\\{RUN_KEY}\\{APP_NAME}"
    path = _launch_agent() if platform == "darwin" else _xdg_file()
    if not on:
        path.unlink(missing_ok=True)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    if platform == "darwin":
        data = {"Label": APP_ID, "ProgramArguments": command, "RunAtLoad": True}
        path.write_bytes(plistlib.dumps(data))
    else:
        path.write_text(
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={APP_NAME}\n"
            f"Exec={shlex.join(command)}\n"
            f"Icon={APP_ID}\n"
            "X-GNOME-Autostart-enabled=true\n",
            encoding="utf-8",
        )
    return path
