"""Adding an email account (password in the real keyring), replying over SMTP with threading
headers checked on the receiving server, the Sent copy, and exactly-once sending across
kill -9 at each step of a send."""

from __future__ import annotations

import email
import os
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest
from tests.integration.test_email_sync import ALICE, mail, settings
from tests.servers import MailServer, wait_until

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Direction
from gastro_hub_desktop.engine.facade import Engine

BOB = "bob@example.test"


@pytest.fixture
def credentials(secret_service: dict[str, str]) -> Credentials:
    from keyring.backends.SecretService import Keyring

    return Credentials(Keyring())


@pytest.fixture
def engine(tmp_path: Path, credentials: Credentials):  # type: ignore[no-untyped-def]
    e = Engine(f"sqlite:///{tmp_path / 'reply.sqlite3'}", credentials=credentials)
    e.start().result(30)
    yield e
    e.stop()


def bob_inbox(server: MailServer) -> list[email.message.EmailMessage]:
    with server.imap(BOB) as client:
        client.select_folder("INBOX", readonly=True)
        uids = client.search("ALL")
        fetched = client.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
    return [email.message_from_bytes(d[b"BODY[]"], policy=policy.default) for d in fetched.values()]  # type: ignore[misc]


def test_add_account_sync_and_reply_with_threading_headers(
    mail_server: MailServer, engine: Engine, credentials: Credentials
) -> None:
    mail_server.deliver(
        ALICE, mail(1, subject="Nabídka konvektomatu", message_id="<q1@example.test>")
    )
    summary = engine.add_email_account(settings(mail_server), "alicepw").result(60)
    assert "IMAP login OK" in summary and "SMTP login OK" in summary
    assert credentials.get(settings(mail_server).secret_name) == "alicepw"  # in the keyring
    wait_until(lambda: engine.store.stats().messages == 1, 20, "first sync")
    [row] = engine.store.inbox_page(InboxFilter(), 0, 5)

    entry = engine.send_reply(row.id, "Dobrý den, nabídku posíláme v příloze.").result(30)
    wait_until(lambda: len(bob_inbox(mail_server)) == 1, 30, "the reply at the customer")
    [received] = bob_inbox(mail_server)
    assert received["In-Reply-To"] == "<q1@example.test>"
    assert "<q1@example.test>" in received["References"]
    assert received["Subject"] == "Re: Nabídka konvektomatu"
    assert received["Message-ID"] == entry.payload["message_id"]
    assert "nabídku posíláme" in received.get_content()

    with mail_server.imap(ALICE) as client:
        client.select_folder("Sent", readonly=True)
        assert client.search(["HEADER", "Message-ID", entry.payload["message_id"]])
    messages = engine.store.conversation(row.id).messages
    assert [m.direction for m in messages] == [Direction.INBOUND, Direction.OUTBOUND]
    # the next sync sees the Sent copy: still one reply in the conversation
    worker_key = settings(mail_server).account_key
    before = engine.email.health()[worker_key].checked_at  # type: ignore[union-attr]
    engine.email.sync_all_now()  # type: ignore[union-attr]
    wait_until(lambda: engine.email.health()[worker_key].checked_at != before, 10, "sync")  # type: ignore[union-attr]
    assert len(engine.store.conversation(row.id).messages) == 2


def test_wrong_password_is_refused_with_a_clear_message(
    mail_server: MailServer, engine: Engine
) -> None:
    with pytest.raises(ChannelProblem, match="login refused"):
        engine.add_email_account(settings(mail_server), "not-the-password").result(60)
    assert engine.store.accounts() == []  # nothing kept


def test_reply_from_imported_mail_is_refused_plainly(engine: Engine, tmp_path: Path) -> None:
    from gastro_hub_desktop.importers.sample_data import load_sample_data

    engine.store.ingest(load_sample_data().messages)
    [row] = engine.store.inbox_page(InboxFilter(), 0, 1)
    with pytest.raises(ChannelProblem, match="no account to reply from"):
        engine.send_reply(row.id, "hi").result(10)


SENDER = """
import sys
from keyring.backends.SecretService import Keyring
from gastro_hub_desktop.channels.email.imap import ImapMailbox
from gastro_hub_desktop.channels.email.settings import EmailSettings
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.mail_worker import MailWorker
from gastro_hub_desktop.store.repository import Store
url, data = sys.argv[1], sys.argv[2]
import json
s = EmailSettings.from_dict(json.loads(data))
store = Store.open(url)
box = ImapMailbox(s, "alicepw"); box.connect()
print("sent", MailWorker(store, EventBus(), s, lambda: "alicepw").send_outbox(box), flush=True)
"""


@pytest.mark.parametrize("crash_at", ["before-smtp", "after-reply-stored", "after-sent-copy"])
def test_reply_delivered_exactly_once_across_a_crash(
    crash_at: str, mail_server: MailServer, engine: Engine, tmp_path: Path
) -> None:
    import json

    mail_server.deliver(ALICE, mail(1, message_id="<k1@example.test>"))
    engine.add_email_account(settings(mail_server), "alicepw").result(60)
    wait_until(lambda: engine.store.stats().messages == 1, 20, "first sync")
    [row] = engine.store.inbox_page(InboxFilter(), 0, 5)
    engine.email.stop()  # type: ignore[union-attr]  # the subprocess below does the sending
    from gastro_hub_desktop.channels.email.outgoing import reply_payload
    from gastro_hub_desktop.store.outbox import Outbox

    outbox = Outbox(engine.store)
    ctx = outbox.reply_context(row.id)
    payload = reply_payload(
        settings(mail_server), "crashkey", ctx.counterpart, ctx.subject, ctx.message_ids, "Odpověď"
    )
    payload["thread_key"] = ctx.thread_key
    entry = outbox.queue(row.id, ctx.account_key, payload, key="crashkey")

    script = tmp_path / "sender.py"
    script.write_text(SENDER)
    args = [
        sys.executable,
        str(script),
        str(engine.store.engine.url),
        json.dumps(settings(mail_server).to_dict()),
    ]
    crashed = subprocess.run(
        args,
        env={**os.environ, "GASTRO_HUB_FAILPOINT": crash_at},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert crashed.returncode == -9, crashed.stderr  # it really died at that point
    again = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    assert len(bob_inbox(mail_server)) == 1
    assert outbox.state(entry.id)[0].value == "sent"
    assert [m.direction for m in engine.store.conversation(row.id).messages].count(
        Direction.OUTBOUND
    ) == 1


def test_an_attachment_is_fetched_and_saved_only_on_request(
    mail_server: MailServer, engine: Engine, tmp_path: Path
) -> None:
    from email.message import EmailMessage

    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 40
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = BOB, ALICE, "Faktura 2026-118"
    msg["Message-ID"] = "<att1@example.test>"
    msg.set_content("V příloze faktura.")
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="faktura-2026-118.pdf")
    mail_server.deliver(ALICE, msg.as_bytes())
    engine.add_email_account(settings(mail_server), "alicepw").result(60)
    wait_until(lambda: engine.store.stats().messages == 1, 20, "first sync")
    [row] = engine.store.inbox_page(InboxFilter(), 0, 5)
    [message] = engine.store.conversation(row.id).messages
    assert [(a.filename, a.size) for a in message.attachments] == [
        ("faktura-2026-118.pdf", len(pdf))
    ]
    target = tmp_path / "saved.pdf"
    assert not target.exists()  # listed, not downloaded
    assert engine.save_attachment(message.id, 0, target).result(60) == target
    assert target.read_bytes() == pdf
    with pytest.raises(ChannelProblem, match="no longer in the message"):
        engine.save_attachment(message.id, 5, tmp_path / "nope.pdf").result(60)
    assert not (tmp_path / "nope.pdf").exists()
