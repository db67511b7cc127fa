"""An uncaught error (on the GUI thread or another) is logged with its traceback, a dialog
says what happened and where the log is, and the window keeps working."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from gastro_hub_desktop.ui.error_dialog import ErrorReporter


def test_uncaught_errors_are_shown_logged_and_survived(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    log_path = tmp_path / "logs" / "gastro-hub.log"
    reporter = ErrorReporter(window, log_path)
    saved = sys.excepthook, threading.excepthook
    reporter.install()
    try:
        with caplog.at_level(logging.ERROR):
            try:
                raise ValueError("the price list has no column 'cena'")
            except ValueError:
                sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
            qtbot.waitUntil(lambda: len(reporter.shown) == 1)
            box = reporter.shown[0]
            assert "keeps running" in box.text()
            assert "ValueError: the price list has no column 'cena'" in box.informativeText()
            assert str(log_path) in box.informativeText()
            assert "Traceback" in caplog.text and "cena" in caplog.text

            def fails() -> None:
                raise RuntimeError("a worker thread failed")

            worker = threading.Thread(target=fails)
            worker.start()
            worker.join()
            qtbot.waitUntil(lambda: len(reporter.shown) == 2)
            assert "a worker thread failed" in reporter.shown[1].informativeText()
        assert window.isVisible()  # still running
    finally:
        sys.excepthook, threading.excepthook = saved
