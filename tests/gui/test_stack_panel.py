"""The Stack panel on a real engine. Without a reachable Docker engine it says so in plain
words (and what to do), disables the actions and crashes nothing; with the tests' own dockerd
it is covered by tests/integration/test_stack_*.py and the panel test below."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Engine]]:
    engine = Engine(f"sqlite:///{tmp_path / 'stack.sqlite3'}")
    bridge = EngineBridge(engine.events)
    w = MainWindow(engine, bridge)
    qtbot.addWidget(w)
    w.show()
    engine.start().result(30)
    yield w, engine
    engine.stop()
    bridge.close()


def test_no_docker_engine_is_said_plainly(
    qtbot: QtBot, window: tuple[MainWindow, Engine], tmp_path: Path
) -> None:
    w, engine = window
    engine.configure_stack(
        str(REPO / "stack" / "docker-compose.yml"), f"unix://{tmp_path / 'no-docker.sock'}"
    ).result(10)
    panel = w.open_stack_panel()
    w.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: "not available" in panel.engine_label.text(), timeout=15000)
    text = panel.engine_label.text()
    assert "Docker" in text and ("start" in text.lower() or "running" in text.lower())
    assert not panel.up_button.isEnabled()
    assert not panel.buttons["restart"].isEnabled()
    assert panel.table.rowCount() == 0
