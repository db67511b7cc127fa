"""The AI at work in the window, on a real engine: sample conversations are triaged and get
drafts, a draft shows where it came from and can be rejected (and is counted so), the AI
panel's figures are the database's, and the kill switch is kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.importers.sample_data import load_sample_data
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.schema import Draft, Message
from gastro_hub_desktop.store.settings import AppSettings
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Engine]]:
    url = f"sqlite:///{tmp_path / 'ai.sqlite3'}"
    store = Store.open(url)
    sample = load_sample_data()
    store.ingest(sample.messages)
    store.mark_vip(sample.vip_addresses)
    store.close()
    engine = Engine(url)
    bridge = EngineBridge(engine.events)
    w = MainWindow(engine, bridge)
    qtbot.addWidget(w)
    w.show()
    engine.start().result(30)
    yield w, engine
    engine.stop()
    bridge.close()


def count(engine: Engine, query: object) -> int:
    with engine.store.engine.connect() as conn:
        return int(conn.execute(query).scalar_one())  # type: ignore[call-overload]


def test_drafts_are_shown_rejected_and_counted(
    qtbot: QtBot, window: tuple[MainWindow, Engine]
) -> None:
    w, engine = window
    d, m = Draft.__table__.c, Message.__table__.c
    qtbot.waitUntil(
        lambda: count(engine, select(func.count()).where(d.state == "proposed")) > 5, timeout=30000
    )
    triaged = count(
        engine, select(func.count()).where(m.direction == "inbound", m.intent.is_not(None))
    )
    assert triaged == count(engine, select(func.count()).where(m.direction == "inbound"))

    panel = w.open_ai_panel()
    w.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: "triaged today" in panel.summary.text(), timeout=10000)
    shown = re.search(r"<b>(\d+)</b> messages triaged today", panel.summary.text())
    assert shown and int(shown.group(1)) == triaged
    assert "Acceptance (sent unchanged) over 7 days: <b>–</b>" in panel.summary.text()

    # a conversation with an AI draft: the reply box holds it, the origin is said
    with engine.store.engine.connect() as conn:
        draft_id, conversation_id, text = conn.execute(
            select(d.id, d.conversation_id, d.text).where(d.state == "proposed").limit(1)
        ).one()
    pane = w.inbox.pane
    pane.show_conversation(conversation_id)
    qtbot.waitUntil(lambda: pane.reply.toPlainText() == text, timeout=10000)
    assert not pane.draft_label.isHidden() and "AI draft (local" in pane.draft_label.text()
    assert not pane.reject_button.isHidden()

    pane.reject_button.click()
    qtbot.waitUntil(lambda: engine.store.conversation(conversation_id).draft is None)
    with engine.store.engine.connect() as conn:
        assert conn.execute(select(d.outcome).where(d.id == draft_id)).scalar_one() == "rejected"
    qtbot.waitUntil(pane.reject_button.isHidden, timeout=10000)
    assert pane.reply.toPlainText() == ""
    panel.refresh()
    qtbot.waitUntil(lambda: "0 sent unchanged, 0 edited, 1 rejected" in panel.summary.text())
    assert "Acceptance (sent unchanged) over 7 days: <b>0 %</b>" in panel.summary.text()

    # the kill switch is kept in the saved policy
    panel.kill_button.click()
    qtbot.waitUntil(lambda: "Kill switch ON" in panel.summary.text(), timeout=10000)
    assert AppSettings(engine.store).get("ai.auto_reply")["kill_switch"] is True


def test_the_tray_kill_switch_stops_automatic_replies_and_follows_the_panel(
    qtbot: QtBot, window: tuple[MainWindow, Engine]
) -> None:
    from PySide6.QtGui import QIcon

    from gastro_hub_desktop.ui.tray import Tray

    w, engine = window
    tray = Tray(QIcon(), w, lambda: None)
    tray.killSwitchToggled.connect(w.set_kill_switch)  # as app.py wires them
    w.killSwitchChanged.connect(tray.show_kill_switch)

    def kill_switch() -> bool:
        return bool((AppSettings(engine.store).get("ai.auto_reply") or {}).get("kill_switch"))

    tray.kill_action.trigger()
    qtbot.waitUntil(kill_switch, timeout=10000)
    assert tray.kill_action.isChecked()

    panel = w.open_ai_panel()
    qtbot.waitUntil(panel.kill_button.isChecked, timeout=10000)
    panel.kill_button.click()  # off again from the AI panel: the tray follows
    qtbot.waitUntil(lambda: not kill_switch(), timeout=10000)
    qtbot.waitUntil(lambda: not tray.kill_action.isChecked(), timeout=10000)
