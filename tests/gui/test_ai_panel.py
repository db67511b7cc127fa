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


def test_a_keyword_the_user_adds_changes_triage(
    qtbot: QtBot, window: tuple[MainWindow, Engine]
) -> None:
    from gastro_hub_desktop.brain.triage.triager import Triager
    from gastro_hub_desktop.brain.triage.urgency import UrgencyKeywords
    from gastro_hub_desktop.domain.triage import TriageInput

    w, engine = window
    text = TriageInput(
        "email", "host@hotel.example", None, "Vyřiďte to prosím, jinak propadne voucher."
    )
    assert Triager().triage(text).urgency.value == "normal"
    panel = w.open_ai_panel()
    panel.keyword_label.setCurrentIndex(panel.keyword_label.findData("urgent"))
    panel.keyword_language.setCurrentIndex(panel.keyword_language.findData("cs"))
    panel.keyword_text.setText("propadne voucher")
    panel.keyword_weight.setValue(2.5)
    panel.add_keyword()
    qtbot.waitUntil(lambda: panel.keywords.count() == 1, timeout=10000)
    assert "propadne voucher" in panel.keywords.item(0).text()
    table = UrgencyKeywords.from_json(AppSettings(engine.store).get("ai.urgency_keywords"))
    assert Triager(urgency_keywords=table).triage(text).urgency.value == "urgent"  # type: ignore[arg-type]

    panel.keywords.setCurrentRow(0)
    panel.remove_keyword()
    qtbot.waitUntil(lambda: panel.keywords.count() == 0, timeout=10000)
    table = UrgencyKeywords.from_json(AppSettings(engine.store).get("ai.urgency_keywords"))
    assert Triager(urgency_keywords=table).triage(text).urgency.value == "normal"  # type: ignore[arg-type]


def test_a_template_the_user_edits_drafts_the_next_reply_with_its_variables(
    qtbot: QtBot, window: tuple[MainWindow, Engine]
) -> None:
    from datetime import UTC, datetime

    from gastro_hub_desktop.brain.triage.triager import Triager
    from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
    from gastro_hub_desktop.domain.triage import TriageInput

    w, engine = window
    text, subject = "Dobrý den, jaký je rozdíl mezi vašimi konvektomaty?", "Konvektomaty"
    intent = Triager().triage(TriageInput("email", "a@b.cz", subject, text)).intent.value
    panel = w.open_ai_panel()
    qtbot.waitUntil(lambda: bool(panel.template_text.toPlainText()), timeout=10000)
    panel.template_intent.setCurrentIndex(panel.template_intent.findData(intent))
    panel.template_language.setCurrentIndex(panel.template_language.findData("cs"))
    panel.template_text.setPlainText("k dotazu „{subject}“ se Vám ozve {business}, {name}.")
    panel.save_template()
    qtbot.waitUntil(lambda: "{subject}" in panel._templates[intent]["cs"], timeout=10000)

    engine.put_ai_setting("ai.business", {"name": "Gastro Praha", "signature": ""}).result(10)
    engine.store.ingest(
        [
            IncomingMessage(
                channel=Channel.EMAIL,
                account_key="email:obchod@gastro.example",
                provider_message_id="<tpl@x>",
                direction=Direction.INBOUND,
                counterpart_address="petr@hotel.example",
                counterpart_name="Petr Malý",
                text=text,
                subject=subject,
                sent_at=datetime.now(UTC),
                thread_key="<tpl@x>",
            )
        ]
    )
    qtbot.waitUntil(lambda: engine.assistant is not None, timeout=10000)
    engine.assistant.wake()  # type: ignore[union-attr]
    d = Draft.__table__.c
    m = Message.__table__.c

    def draft() -> str | None:
        with engine.store.engine.connect() as conn:
            return conn.execute(
                select(d.text)
                .join_from(Draft.__table__, Message.__table__, m.id == d.message_id)
                .where(m.provider_message_id == "<tpl@x>")
            ).scalar()

    qtbot.waitUntil(lambda: draft() is not None, timeout=15000)
    assert "K dotazu „Konvektomaty“ se Vám ozve Gastro Praha, Petr Malý." in (draft() or "")
