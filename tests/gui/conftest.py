"""The main window on a real engine whose secrets go to a real Secret Service keyring."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow


@pytest.fixture
def keyring_window(
    qtbot: QtBot, tmp_path: Path, secret_service: dict[str, str]
) -> Iterator[MainWindow]:
    from keyring.backends.SecretService import Keyring

    engine = Engine(f"sqlite:///{tmp_path / 'tab.sqlite3'}", credentials=Credentials(Keyring()))
    bridge = EngineBridge(engine.events)
    w = MainWindow(engine, bridge)
    qtbot.addWidget(w)
    w.show()
    engine.start().result(30)
    yield w
    engine.stop()
    bridge.close()


WindowFactory = Callable[[str], tuple[MainWindow, Engine]]


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[WindowFactory]:
    """Opens the main window on a started engine for a database URL; stops both after the
    test."""
    opened: list[tuple[Engine, EngineBridge]] = []

    def open_on(url: str) -> tuple[MainWindow, Engine]:
        engine = Engine(url)
        bridge = EngineBridge(engine.events)
        opened.append((engine, bridge))
        w = MainWindow(engine, bridge)
        qtbot.addWidget(w)
        w.show()
        engine.start().result(30)
        return w, engine

    yield open_on
    for engine, bridge in opened:
        engine.stop()
        bridge.close()
