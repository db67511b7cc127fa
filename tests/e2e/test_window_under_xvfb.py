"""The real app in a real X window (Xvfb): load the sample data from the menu shortcut, take a
screenshot of the main window into artifacts/, and read the inbox rows back from the pixels."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.servers import require_binary, start_tray, wait_until

from gastro_hub_desktop.importers.sample_data import load_sample_data

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def wait_for(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    try:
        wait_until(predicate, timeout, what)
    except RuntimeError as exc:
        pytest.fail(str(exc))


def x(display: str, *args: str) -> str:
    result = subprocess.run(
        list(args),
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, f"{args}: {result.stderr}"
    return result.stdout


def test_main_window_shows_sample_inbox(xvfb_display: str, data_dir: Path) -> None:
    for tool, package in (
        ("xdotool", "xdotool"),
        ("import", "imagemagick"),
        ("tesseract", "tesseract-ocr"),
    ):
        require_binary(tool, f"apt-get install {package}")
    env = {
        **os.environ,
        "DISPLAY": xvfb_display,
        "QT_QPA_PLATFORM": "xcb",
        "GASTRO_HUB_DATA_DIR": str(data_dir),
    }
    log = data_dir / "logs" / "gastro-hub.log"
    require_binary("trayer", "apt-get install trayer")
    tray = start_tray(xvfb_display)
    app = subprocess.Popen(
        [sys.executable, "-m", "gastro_hub_desktop"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(lambda: log.exists() and "database open" in log.read_text(), 60, "the app")
        wait_for(lambda: "tray icon shown" in log.read_text(), 20, "the tray icon")
        window = x(xvfb_display, "xdotool", "search", "--sync", "--name", "^Gastro Hub$").split()[0]
        x(xvfb_display, "xdotool", "windowfocus", "--sync", window)
        x(xvfb_display, "xdotool", "key", "--clearmodifiers", "ctrl+shift+l")
        wait_for(lambda: "job sample finished" in log.read_text(), 60, "the sample data")
        time.sleep(1.5)  # let the inbox fetch its first page and repaint

        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "main-window-xvfb.png"
        x(xvfb_display, "import", "-window", window, str(shot))
        assert shot.stat().st_size > 10_000
        colours = int(x(xvfb_display, "identify", "-format", "%k", str(shot)))
        assert colours > 30, "the screenshot is (nearly) blank"

        big = shot.with_name("main-window-xvfb-ocr.png")
        x(xvfb_display, "convert", str(shot), "-resize", "200%", str(big))
        text = x(xvfb_display, "tesseract", str(big), "-", "--psm", "4")
        names = {m.counterpart_name for m in load_sample_data().messages}
        seen = {n for n in names if n.split()[0] in text}
        assert len(seen) >= 3, f"inbox rows not readable in the screenshot; OCR read:\n{text}"
    finally:
        if tray is not None:
            tray.terminate()
        app.terminate()
        try:
            app.wait(30)
        except subprocess.TimeoutExpired:
            app.kill()
