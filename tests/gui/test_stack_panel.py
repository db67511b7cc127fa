"""The Stack panel on a real engine. Without a reachable Docker engine it says so in plain
words (and what to do), disables the actions and crashes nothing; with the tests' own dockerd
it is covered by tests/integration/test_stack_*.py and the panel test below."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.dockerd import DockerDaemon, busybox_image, docker_engine  # noqa: F401
from tests.gui.conftest import WindowFactory

from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(open_window: WindowFactory, tmp_path: Path) -> tuple[MainWindow, Engine]:
    return open_window(f"sqlite:///{tmp_path / 'stack.sqlite3'}")


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


@pytest.fixture
def keyring_window(
    qtbot: QtBot, tmp_path: Path, secret_service: dict[str, str]
) -> Iterator[tuple[MainWindow, Engine]]:
    from keyring.backends.SecretService import Keyring

    from gastro_hub_desktop.credentials import Credentials

    engine = Engine(f"sqlite:///{tmp_path / 'stack.sqlite3'}", Credentials(Keyring()))
    bridge = EngineBridge(engine.events)
    w = MainWindow(engine, bridge)
    qtbot.addWidget(w)
    w.show()
    engine.start().result(30)
    yield w, engine
    engine.stop()
    bridge.close()


def test_the_panel_brings_up_watches_and_heals_a_real_stack(
    qtbot: QtBot,
    keyring_window: tuple[MainWindow, Engine],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    docker_engine: DockerDaemon,  # noqa: F811
    busybox_image: str,  # noqa: F811
) -> None:
    import socket

    w, engine = keyring_window
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("BUSYBOX_IMAGE", busybox_image)
    monkeypatch.setenv("WEB_PORT", str(port))
    monkeypatch.setenv("COMPOSE_PROJECT_NAME", f"ghpanel{port}")
    compose = REPO / "tests" / "data" / "stack" / "docker-compose.yml"
    engine.configure_stack(str(compose), docker_engine.base_url).result(10)
    panel = w.open_stack_panel()
    w.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(panel.up_button.isEnabled, timeout=30000)
    panel.bring_up()
    try:

        def states() -> dict[str, tuple[str, str]]:
            return {
                panel.table.item(r, 0).text(): (
                    panel.table.item(r, 1).text(),
                    panel.table.item(r, 2).text(),
                )
                for r in range(panel.table.rowCount())
            }

        qtbot.waitUntil(lambda: not panel.result.text().startswith("Bringing"), timeout=120000)
        assert "Stack up" in panel.result.text(), panel.result.text()
        panel.refresh()
        qtbot.waitUntil(lambda: states().get("web") == ("running", "healthy"), timeout=30000)
        assert "healthy" in panel.engine_label.text()

        # the watchdog (started by the bring-up) heals a killed service; the panel shows it
        client = docker_engine.client()
        [web] = client.containers.list(
            filters={
                "label": [
                    f"com.docker.compose.project=ghpanel{port}",
                    "com.docker.compose.service=web",
                ]
            }
        )
        web.kill()
        qtbot.waitUntil(lambda: panel.incidents.count() > 0, timeout=30000)
        assert any("web" in panel.incidents.item(i).text() for i in range(panel.incidents.count()))
        panel.refresh()
        qtbot.waitUntil(lambda: states().get("web") == ("running", "healthy"), timeout=60000)
        with engine.store.engine.connect() as conn:
            actions = [r[0] for r in conn.exec_driver_sql(
                "SELECT action FROM audit_log WHERE action LIKE 'stack.%'")]  # fmt: skip
        assert actions  # every incident is in the audit log
        client.close()
    finally:
        engine._stack().stack().down(remove_volumes=True)  # type: ignore[union-attr]
