"""Email sync against a real Dovecot on loopback: first and incremental sync by UID, the Sent
folder, UIDVALIDITY resets, IDLE push, outages, a refused password and kill -9 mid-sync."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from tests.servers import MailServer, wait_until

from gastro_hub_desktop.channels.base import HealthState
from gastro_hub_desktop.channels.email.imap import ImapMailbox
from gastro_hub_desktop.channels.email.settings import EmailSettings, Security
from gastro_hub_desktop.domain.conversations import InboxFilter, StatusFilter
from gastro_hub_desktop.domain.messages import Channel, Direction
from gastro_hub_desktop.engine.events import ChannelHealthChanged, EngineEvent, EventBus
from gastro_hub_desktop.engine.mail_worker import MailWorker
from gastro_hub_desktop.store.repository import Store

CORPUS = Path(__file__).resolve().parents[1] / "data" / "cpython_email"
ALICE = "alice@example.test"


def settings(server: MailServer) -> EmailSettings:
    return EmailSettings(
        address=ALICE,
        imap_host="127.0.0.1",
        imap_port=server.imap_port,
        imap_security=Security.NONE,
        smtp_host="127.0.0.1",
        smtp_port=server.smtp_port,
        smtp_security=Security.NONE,
    )


def mail(
    n: int, subject: str = "Objednávka", sender: str = "bob@example.test", **headers: str
) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Bob Dvořák <{sender}>"
    msg["To"] = ALICE
    msg["Subject"] = subject if subject != "Objednávka" else f"Objednávka {n}"
    msg["Date"] = "Tue, 24 Nov 2026 10:00:00 +0100"
    msg["Message-ID"] = headers.pop("message_id", f"<m{n}@example.test>")
    for key, value in headers.items():
        msg[key.replace("_", "-")] = value
    msg.set_content(f"Dobrý den, zpráva číslo {n}.")
    return msg.as_bytes()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(f"sqlite:///{tmp_path / 'mail.sqlite3'}")
    s.save_account(f"email:{ALICE}", Channel.EMAIL, ALICE, {"address": ALICE})
    return s


def sync(store: Store, server: MailServer, events: EventBus | None = None) -> int:
    worker = MailWorker(store, events or EventBus(), settings(server), lambda: "alicepw")
    box = ImapMailbox(settings(server), "alicepw")
    box.connect()
    try:
        return worker.sync_once(box)
    finally:
        box.close()


def test_first_and_incremental_sync_with_sent_folder(mail_server: MailServer, store: Store) -> None:
    for n in range(3):
        mail_server.deliver(ALICE, mail(n))
    reply = EmailMessage()
    reply["From"], reply["To"], reply["Subject"] = ALICE, "bob@example.test", "Re: Objednávka 0"
    reply["Message-ID"], reply["In-Reply-To"], reply["References"] = (
        "<r0@example.test>",
        "<m0@example.test>",
        "<m0@example.test>",
    )
    reply["Date"] = "Tue, 24 Nov 2026 11:00:00 +0100"
    reply.set_content("Děkujeme, posíláme zítra.")
    mail_server.deliver(ALICE, reply.as_bytes(), folder="Sent")

    assert sync(store, mail_server) == 4
    rows = store.inbox_page(InboxFilter(status=StatusFilter.ALL), 0, 10)
    thread = next(r for r in rows if r.message_count == 2)
    directions = [m.direction for m in store.conversation(thread.id).messages]
    assert directions == [Direction.INBOUND, Direction.OUTBOUND]  # the reply written elsewhere
    assert set(store.positions(f"email:{ALICE}")) == {"INBOX", "Sent"}

    mail_server.deliver(ALICE, mail(3))
    mail_server.deliver(ALICE, mail(4))
    assert sync(store, mail_server) == 2
    assert sync(store, mail_server) == 0  # nothing new: nothing fetched twice
    assert store.stats().messages == 6


def test_uidvalidity_change_resyncs_without_doubling(mail_server: MailServer, store: Store) -> None:
    for n in range(5):
        mail_server.deliver(ALICE, mail(n))
    assert sync(store, mail_server) == 5
    validity_before = store.positions(f"email:{ALICE}")["INBOX"][0]
    # rebuild Dovecot's index: the server hands out new UIDs and a new UIDVALIDITY
    mail_server.stop_imap()
    maildir = mail_server.folder / "mail" / ALICE
    for leftover in maildir.rglob("dovecot*"):
        leftover.unlink()
    time.sleep(1.1)  # UIDVALIDITY is a timestamp in seconds
    mail_server.start_imap()
    mail_server.deliver(ALICE, mail(5))
    assert sync(store, mail_server) == 1
    assert store.positions(f"email:{ALICE}")["INBOX"][0] != validity_before
    assert store.stats().messages == 6


def test_real_world_corpus_goes_through_without_a_crash(
    mail_server: MailServer, store: Store
) -> None:
    files = sorted(CORPUS.glob("msg_*.txt"))
    for f in files:
        mail_server.deliver(ALICE, f.read_bytes())
    new = sync(store, mail_server)
    ids = set()
    from gastro_hub_desktop.channels.email.parse import parse_message

    for f in files:
        ids.add(parse_message(f.read_bytes()).provider_message_id)
    assert new == len(ids)  # one message per Message-ID, none lost


def test_idle_brings_new_mail_within_seconds(mail_server: MailServer, store: Store) -> None:
    worker = MailWorker(
        store, EventBus(), settings(mail_server), lambda: "alicepw", poll_seconds=600
    )
    worker.start()
    try:
        wait_until(lambda: worker.health.state is HealthState.CONNECTED, 20, "first sync")
        time.sleep(0.5)  # the worker is idling now
        started = time.monotonic()
        mail_server.deliver(ALICE, mail(1))
        wait_until(lambda: store.stats().messages == 1, 10, "IDLE push")
        assert time.monotonic() - started < 5
    finally:
        worker.stop()


def test_outage_is_shown_backed_off_and_recovered(mail_server: MailServer, store: Store) -> None:
    states: list[HealthState] = []

    def on_event(event: EngineEvent) -> None:
        if isinstance(event, ChannelHealthChanged):
            states.append(event.health.state)

    bus = EventBus()
    bus.subscribe(on_event)
    worker = MailWorker(
        store, bus, settings(mail_server), lambda: "alicepw", first_backoff=0.2, poll_seconds=0.3
    )
    worker.start()
    try:
        wait_until(lambda: worker.health.state is HealthState.CONNECTED, 20, "first sync")
        mail_server.stop_imap()
        wait_until(lambda: worker.health.state is HealthState.RETRYING, 20, "the outage shown")
        assert (
            "Trying again by itself" in worker.health.message or "Next try" in worker.health.message
        )
        mail_server.start_imap()
        mail_server.deliver(ALICE, mail(7))
        wait_until(lambda: store.stats().messages == 1, 30, "recovery")
        wait_until(lambda: worker.health.state is HealthState.CONNECTED, 20, "connected again")
    finally:
        worker.stop()
    assert HealthState.RETRYING in states and states[-1] is HealthState.CONNECTED


def test_wrong_password_is_explained_and_not_retried_in_a_storm(
    mail_server: MailServer, store: Store
) -> None:
    worker = MailWorker(
        store, EventBus(), settings(mail_server), lambda: "wrong", first_backoff=0.05
    )
    worker.start()
    try:
        wait_until(lambda: worker.health.state is HealthState.NEEDS_ATTENTION, 20, "the refusal")
        time.sleep(1.5)
    finally:
        worker.stop()
    assert "login refused" in worker.health.message
    log = (mail_server.folder / "dovecot.log").read_text(errors="replace")
    assert log.count("auth failed") == 1, log[-2000:]


WRITER = """
import sys
from gastro_hub_desktop.channels.email.imap import ImapMailbox
from gastro_hub_desktop.channels.email.settings import EmailSettings, Security
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.mail_worker import MailWorker
from gastro_hub_desktop.store.repository import Store
import gastro_hub_desktop.channels.email.imap as imap
imap.BATCH = 20
url, port = sys.argv[1], int(sys.argv[2])
s = EmailSettings(address="alice@example.test", imap_host="127.0.0.1", imap_port=port,
                  imap_security=Security.NONE, smtp_host="127.0.0.1")
store = Store.open(url)
box = ImapMailbox(s, "alicepw"); box.connect()
print("synced", MailWorker(store, EventBus(), s, lambda: "alicepw").sync_once(box), flush=True)
"""


def test_kill_9_mid_sync_stores_every_message_exactly_once(
    mail_server: MailServer, store: Store, tmp_path: Path
) -> None:
    total = 300
    with mail_server.imap(ALICE) as client:
        for n in range(total):
            client.append("INBOX", mail(n))
    url = str(store.engine.url)
    script = tmp_path / "sync_writer.py"
    script.write_text(WRITER)
    for delay in (0.3, 0.5, 0.7, 0.9):
        proc = subprocess.Popen(
            [sys.executable, str(script), url, str(mail_server.imap_port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    final = subprocess.run(
        [sys.executable, str(script), url, str(mail_server.imap_port)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert final.returncode == 0, final.stderr
    assert store.stats().messages == total
    with store.engine.connect() as conn:
        from sqlalchemy import text

        distinct = conn.execute(
            text("SELECT count(DISTINCT provider_message_id) FROM messages")
        ).scalar()
    assert distinct == total
