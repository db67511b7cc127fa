"""Customers menu on a real engine: a CRM export's columns are guessed from Czech headers,
the import says what it matched and which line it could not use, and a proposed merge of
an email contact with a WhatsApp contact is done and undone from the dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.ui.bridge import EngineBridge
from gastro_hub_desktop.ui.main_window import MainWindow

CSV = (
    "Firma;Kontaktní osoba;E-mail;Telefon;VIP\n"
    "Bistro U Lípy;Jana Nováková;jana@bistro-lipa.cz;+420 777 123 456;ano\n"
    ";;;123;\n"
)


def incoming(channel: Channel, address: str, name: str, n: int) -> IncomingMessage:
    return IncomingMessage(
        channel=channel,
        account_key=f"{channel.value}:ours",
        provider_message_id=f"m{n}",
        direction=Direction.INBOUND,
        counterpart_address=address,
        counterpart_name=name,
        text="Prosím o nabídku na myčku.",
        sent_at=datetime.now(UTC),
        thread_key=f"t{n}",
    )


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Engine]]:
    url = f"sqlite:///{tmp_path / 'customers.sqlite3'}"
    store = Store.open(url)
    store.ingest(
        [
            incoming(Channel.EMAIL, "jana@bistro-lipa.cz", "Jana N.", 1),
            incoming(Channel.WHATSAPP, "+420777123456", "Jana Bistro", 2),
        ]
    )
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


def test_crm_import_and_merge_from_the_customers_menu(
    qtbot: QtBot, window: tuple[MainWindow, Engine], tmp_path: Path
) -> None:
    w, engine = window
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    dialog = w.import_crm(path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert dialog.mapping() == {
        "Firma": "company",
        "Kontaktní osoba": "contact_name",
        "E-mail": "email",
        "Telefon": "phone",
        "VIP": "vip",
    }
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "records matched" in dialog.result.text(), timeout=10000)
    assert dialog.result.text().startswith("1 records matched")
    assert "line 3" in dialog.result.text()  # the row with no way to reach anyone

    merges = w.open_merges()
    qtbot.waitUntil(
        lambda: merges.proposals.count() == 1 and bool(merges.proposals.item(0).data(256))
    )
    assert "Jana N." in merges.proposals.item(0).text()
    merges.proposals.setCurrentRow(0)
    merges.merge_button.click()
    qtbot.waitUntil(lambda: merges.merges.count() == 1, timeout=10000)
    names = {r.contact_name for r in engine.store.inbox_page(InboxFilter(), 0, 5)}
    assert len(names) == 1

    merges.merges.setCurrentRow(0)
    merges.undo_button.click()
    qtbot.waitUntil(lambda: merges.merges.count() == 0, timeout=10000)
    names = {r.contact_name for r in engine.store.inbox_page(InboxFilter(), 0, 5)}
    assert names == {"Jana N.", "Jana Bistro"}
