"""The settings dialog on a real engine and a real keyring: it names the keyring that holds
the secrets and that it works; language, quiet hours, minimize to tray and start at login
are kept (start at login as an XDG autostart entry pointing at this app)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from gastro_hub_desktop import paths
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, secret_service: dict[str, str]
) -> Iterator[tuple[MainWindow, Engine]]:
    from keyring.backends.SecretService import Keyring

    engine = Engine(f"sqlite:///{tmp_path / 'settings.sqlite3'}", Credentials(Keyring()))
    bridge = EngineBridge(engine.events)
    w = MainWindow(engine, bridge)
    qtbot.addWidget(w)
    w.show()
    engine.start().result(30)
    yield w, engine
    engine.stop()
    bridge.close()


def test_settings_are_kept_and_the_keyring_is_named(
    qtbot: QtBot,
    window: tuple[MainWindow, Engine],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    w, _engine = window
    dialog = w.open_settings()
    qtbot.waitUntil(lambda: "works" in dialog.keyring.text(), timeout=15000)
    assert (
        "Secret Service" in dialog.keyring.text()
        or "secretservice" in dialog.keyring.text().lower()
    )
    assert not dialog.accept_insecure.isVisible()

    dialog.language.setCurrentIndex(dialog.language.findData("cs"))
    dialog.quiet.setChecked(True)
    dialog.quiet_from.setTime(QTime(21, 30))
    dialog.quiet_until.setTime(QTime(6, 45))
    dialog.to_tray.setChecked(True)
    dialog.at_login.setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: w.quiet_hours == (time(21, 30), time(6, 45)), timeout=10000)

    prefs = json.loads((paths.data_dir() / "ui.json").read_text())
    assert prefs["language"] == "cs" and prefs["minimize_to_tray"] is True
    found = list((tmp_path / "config" / "autostart").glob("*.desktop"))
    assert found, "no autostart entry written"
    text = found[0].read_text()
    assert "Exec=" in text and "gastro_hub_desktop" in text

    w.tray_available = True  # closing now keeps the app in the tray
    w.close()
    assert not w.isVisible()
    w.tray_available = False
