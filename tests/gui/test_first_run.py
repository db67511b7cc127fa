"""The set-up assistant on a real engine: shown once on a first start with an empty inbox,
it keeps the language, can be skipped (and is not shown again), opens the email account
dialog from its channels page, and can load sample data to look around."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWizard
from pytestqt.qtbot import QtBot

from gastro_hub_desktop import paths
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.ui import i18n
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[MainWindow, Engine]]:
    monkeypatch.delenv("GASTRO_HUB_NO_WIZARD")
    engine = Engine(f"sqlite:///{tmp_path / 'first.sqlite3'}")
    bridge = EngineBridge(engine.events)
    w = MainWindow(engine, bridge)
    qtbot.addWidget(w)
    w.show()
    engine.start().result(30)
    yield w, engine
    engine.stop()
    bridge.close()


def test_first_start_shows_the_assistant_once(
    qtbot: QtBot, window: tuple[MainWindow, Engine]
) -> None:
    w, _engine = window
    qtbot.waitUntil(lambda: getattr(w, "wizard", None) is not None, timeout=10000)
    wizard = w.wizard
    wizard.language.setCurrentIndex(wizard.language.findData("de"))
    wizard.next()  # language → data
    assert str(paths.data_dir()) in wizard.page(1).findChild(QLabel).text()  # type: ignore[union-attr]
    wizard.next()  # → channels
    wizard.channel_buttons["email"].click()
    qtbot.waitUntil(lambda: hasattr(w, "email_accounts"), timeout=5000)
    dialog = w.email_accounts.dialog
    assert dialog is not None and dialog.isVisible()  # the account dialog with Test connection
    dialog.close()
    wizard.skip()
    assert wizard.result() == QWizard.DialogCode.Rejected
    prefs = i18n.ui_preferences(paths.data_dir())
    assert prefs["first_run_done"] is True and prefs["language"] == "de"

    w.wizard = None  # type: ignore[assignment]
    w._first_run()  # a second start: not shown again
    qtbot.wait(500)
    assert w.wizard is None


def test_the_assistant_can_load_sample_data(
    qtbot: QtBot, window: tuple[MainWindow, Engine]
) -> None:
    w, engine = window
    qtbot.waitUntil(lambda: getattr(w, "wizard", None) is not None, timeout=10000)
    w.wizard.sample.setChecked(True)
    w.wizard.accept()
    qtbot.waitUntil(lambda: engine.store.stats().conversations > 20, timeout=30000)
