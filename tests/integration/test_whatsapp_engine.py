"""WhatsApp through the whole engine, with a Meta Cloud API stand-in on loopback and a real
keyring: connect (secrets to the keyring, not the database), a customer's message arrives by
webhook, a reply inside the 24-hour window goes out once and its delivery status moves forward,
free text outside the window is refused in plain words while a template goes out, media is
saved on request, and a send cut off by kill -9 is not repeated."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from tests.servers import wait_until
from tests.standins.meta import (
    ACCESS_TOKEN,
    APP_SECRET,
    PHONE_NUMBER_ID,
    VERIFY_TOKEN,
    MetaStandIn,
)

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.whatsapp.settings import Provider, WhatsAppSettings
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction
from gastro_hub_desktop.engine.events import ReplyStatus
from gastro_hub_desktop.engine.facade import Engine

CUSTOMER = "420777123456"
SECRETS = {"access_token": ACCESS_TOKEN, "app_secret": APP_SECRET, "verify_token": VERIFY_TOKEN}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def meta() -> Iterator[MetaStandIn]:
    standin = MetaStandIn().start()
    yield standin
    standin.stop()


@pytest.fixture
def credentials(secret_service: dict[str, str]) -> Credentials:
    from keyring.backends.SecretService import Keyring

    return Credentials(Keyring())


def start_engine(tmp_path: Path, credentials: Credentials) -> Engine:
    engine = Engine(f"sqlite:///{tmp_path / 'whatsapp.sqlite3'}", credentials=credentials)
    engine.start().result(30)
    return engine


def account(meta: MetaStandIn) -> WhatsAppSettings:
    return WhatsAppSettings(
        provider=Provider.META,
        number="+420 601 234 567",
        phone_number_id=PHONE_NUMBER_ID,
        api_url=meta.url,
        webhook_port=free_port(),
    )


def test_meta_account_receive_reply_statuses_window_and_media(
    meta: MetaStandIn, tmp_path: Path, credentials: Credentials
) -> None:
    engine = start_engine(tmp_path, credentials)
    try:
        settings = account(meta)
        summary = engine.add_whatsapp_account(settings, SECRETS).result(30)
        assert "Gastro Praha s.r.o." in summary
        key = "whatsapp:+420601234567"
        assert credentials.get(f"{key}:access_token") == ACCESS_TOKEN
        assert ACCESS_TOKEN not in json.dumps(engine.store.accounts(Channel.WHATSAPP))
        wait_until(
            lambda: engine.whatsapp_health().result(5)[key].state is HealthState.CONNECTED,
            10,
            "checked",
        )
        hook = f"http://127.0.0.1:{settings.webhook_port}/whatsapp/meta/420601234567"
        meta.status_webhook_url = hook
        response, challenge = meta.verify(hook, VERIFY_TOKEN)
        assert (response.status_code, response.text) == (200, challenge)

        picture = meta.add_media(b"\x89PNG\r\n\x1a\n" + bytes(500), "image/png")
        meta.deliver_message(hook, CUSTOMER, "Myčka hlásí chybu E4, prosím o servis.")
        meta.deliver_message(
            hook, CUSTOMER, kind="image", content={"id": picture.id, "mime_type": "image/png"}
        )
        wait_until(lambda: engine.store.stats().messages == 2, 10, "messages stored")
        [row] = engine.store.inbox_page(InboxFilter(), 0, 5)
        assert row.channel is Channel.WHATSAPP and row.contact_address == "+420777123456"

        detail = engine.store.conversation(row.id)
        image = next(m for m in detail.messages if m.attachments)
        target = tmp_path / "fotka.png"
        assert engine.save_attachment(image.id, 0, target).result(30) == target
        assert target.read_bytes() == picture.content

        statuses: list[ReplyStatus] = []
        engine.events.subscribe(
            lambda e: statuses.append(e) if isinstance(e, ReplyStatus) else None
        )
        engine.send_reply(row.id, "Dobrý den, technik přijede zítra v 9:00.").result(30)
        wait_until(lambda: len(meta.sent) == 1, 10, "sent")
        assert meta.sent[0]["text"]["body"] == "Dobrý den, technik přijede zítra v 9:00."
        meta.wait_idle()

        def ours() -> str | None:
            messages = engine.store.conversation(row.id).messages
            out = [m for m in messages if m.direction is Direction.OUTBOUND]
            return out[0].delivery if out else None

        wait_until(lambda: ours() == "read", 10, "read receipt")
        assert any(s.state == "sent" for s in statuses)
        time.sleep(0.5)
        assert len(meta.sent) == 1

        # the customer's last message is more than 24 hours old: free text is refused here
        meta.deliver_message(hook, CUSTOMER, "Děkuji.", timestamp=int(time.time()) - 30 * 3600)
        old = engine.store.inbox_page(InboxFilter(), 0, 5)
        assert old  # the window is counted from the newest inbound message, still open
        with engine.store.engine.begin() as conn:  # age the conversation for the test
            conn.exec_driver_sql(
                "UPDATE messages SET sent_at = datetime(sent_at, '-2 days') "
                "WHERE direction = 'inbound'"
            )
        with pytest.raises(ChannelProblem, match="24 hours"):
            engine.send_reply(row.id, "Ještě jedna věc…").result(30)
        template = {"ref": "order_update", "language": "cs", "variables": {"1": "42", "2": "zítra"}}
        engine.send_template(row.id, template).result(30)
        wait_until(lambda: len(meta.sent) == 2, 10, "template sent")
        assert meta.sent[1]["type"] == "template"
        assert meta.sent[1]["template"]["name"] == "order_update"
        meta.wait_idle()  # its status webhooks reach the engine before it stops
    finally:
        engine.stop()


SENDER = """
import json, sys
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.credentials import Credentials
from keyring.backends.SecretService import Keyring
engine = Engine(sys.argv[1], credentials=Credentials(Keyring()))
engine.start().result(30)
import time
deadline = time.time() + 30
while time.time() < deadline:
    state = engine.store.engine.connect().exec_driver_sql(
        "SELECT state FROM outbox").scalar()
    if state in ("sent", "failed"):
        break
    time.sleep(0.2)
print("state", state, flush=True)
engine.stop()
"""


def test_a_send_cut_off_by_kill_9_is_not_repeated(
    meta: MetaStandIn, tmp_path: Path, credentials: Credentials
) -> None:
    engine = start_engine(tmp_path, credentials)
    settings = account(meta)
    try:
        engine.add_whatsapp_account(settings, SECRETS).result(30)
        hook = f"http://127.0.0.1:{settings.webhook_port}/whatsapp/meta/420601234567"
        meta.deliver_message(hook, CUSTOMER, "Kdy dorazí objednávka?")
        wait_until(lambda: engine.store.stats().messages == 1, 10, "stored")
        [row] = engine.store.inbox_page(InboxFilter(), 0, 5)
    finally:
        engine.stop()
    from gastro_hub_desktop.store.outbox import Outbox
    from gastro_hub_desktop.store.repository import Store

    store = Store.open(f"sqlite:///{tmp_path / 'whatsapp.sqlite3'}")
    # the reply as the engine queues it; a fresh engine sends it and dies right after
    outbox = Outbox(store)
    ctx = outbox.reply_context(row.id)
    queued_at = datetime.now(UTC).isoformat()
    payload = {"to": ctx.counterpart, "text": "Zítra.", "template": None, "queued_at": queued_at}
    outbox.queue(row.id, ctx.account_key, payload)
    script = tmp_path / "sender.py"
    script.write_text(SENDER)
    env = {**os.environ, "GASTRO_HUB_FAILPOINT": "after-whatsapp-send"}
    crashed = subprocess.run(
        [sys.executable, str(script), str(store.engine.url)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert crashed.returncode == -9, crashed.stderr[-2000:]
    assert len(meta.sent) == 1
    # no status webhook reached us (the app was down): Meta cannot tell, so no resend
    again = subprocess.run(
        [sys.executable, str(script), str(store.engine.url)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 0, again.stderr[-2000:]
    assert len(meta.sent) == 1
    state, _attempts, error = outbox.state(1)
    assert state.value == "failed" and error and "phone" in error


def test_twilio_send_cut_off_by_kill_9_is_found_in_the_message_list(
    tmp_path: Path, credentials: Credentials
) -> None:
    from tests.standins.twilio import ACCOUNT_SID, AUTH_TOKEN, NUMBER, TwilioStandIn

    from gastro_hub_desktop.store.outbox import Outbox
    from gastro_hub_desktop.store.repository import Store

    twilio = TwilioStandIn().start()
    settings = WhatsAppSettings(
        provider=Provider.TWILIO,
        number=NUMBER,
        account_sid=ACCOUNT_SID,
        api_url=twilio.url,
        webhook_port=free_port(),
    )
    engine = start_engine(tmp_path, credentials)
    try:
        engine.add_whatsapp_account(settings, {"auth_token": AUTH_TOKEN}).result(30)
        hook = f"http://127.0.0.1:{settings.webhook_port}{settings.webhook_path}"
        assert twilio.deliver(hook, "+420777123456", "Kdy dorazí objednávka?").status == 200
        wait_until(lambda: engine.store.stats().messages == 1, 10, "stored")
        [row] = engine.store.inbox_page(InboxFilter(), 0, 5)
    finally:
        engine.stop()
    try:
        store = Store.open(f"sqlite:///{tmp_path / 'whatsapp.sqlite3'}")
        outbox = Outbox(store)
        ctx = outbox.reply_context(row.id)
        queued_at = datetime.now(UTC).isoformat()
        payload = {
            "to": ctx.counterpart,
            "text": "Zítra.",
            "template": None,
            "queued_at": queued_at,
        }
        outbox.queue(row.id, ctx.account_key, payload)
        script = tmp_path / "sender.py"
        script.write_text(SENDER)
        args = [sys.executable, str(script), str(store.engine.url)]
        env = {**os.environ, "GASTRO_HUB_FAILPOINT": "after-whatsapp-send"}
        crashed = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
        assert crashed.returncode == -9, crashed.stderr[-2000:]
        assert twilio.count("POST", "Messages.json") == 1
        again = subprocess.run(args, capture_output=True, text=True, timeout=60)
        assert again.returncode == 0, again.stderr[-2000:]
        assert "state sent" in again.stdout
        assert twilio.count("POST", "Messages.json") == 1  # found in the list, not sent again
        [ours] = [m for m in store.conversation(row.id).messages if m.text == "Zítra."]
        assert ours.direction is Direction.OUTBOUND
    finally:
        twilio.stop()


def test_polling_and_webhook_store_a_message_once_and_the_sandbox_pace_is_kept(
    tmp_path: Path, credentials: Credentials
) -> None:
    """A PC without a public address polls Twilio's message list; a message also posted by
    webhook is still stored once. In the sandbox (one message per 3 s) replies wait their turn
    instead of failing with 63018."""
    from tests.standins.twilio import ACCOUNT_SID, AUTH_TOKEN, SANDBOX_NUMBER, TwilioStandIn

    twilio = TwilioStandIn(sandbox=True).start()
    settings = WhatsAppSettings(
        provider=Provider.TWILIO,
        number=SANDBOX_NUMBER,
        account_sid=ACCOUNT_SID,
        sandbox=True,
        api_url=twilio.url,
        webhook_port=free_port(),
        poll_seconds=1,
    )
    customer = "+420777123456"
    twilio.joined.add(customer)
    engine = start_engine(tmp_path, credentials)
    try:
        twilio.add_inbound(customer, "Dobrý den, máte skladem GN 1/1?")  # seen only by polling
        engine.add_whatsapp_account(settings, {"auth_token": AUTH_TOKEN}).result(30)
        wait_until(lambda: engine.store.stats().messages == 1, 15, "polled")
        hook = f"http://127.0.0.1:{settings.webhook_port}{settings.webhook_path}"
        both = twilio.deliver(hook, customer, "A ještě pánve 28 cm?")  # webhook and the list
        assert both.status == 200
        time.sleep(2.5)  # at least one more poll sees the same message in the list
        assert engine.store.stats().messages == 2
        [row] = engine.store.inbox_page(InboxFilter(), 0, 5)

        started = time.monotonic()
        for n in range(3):
            engine.send_reply(row.id, f"Odpověď {n + 1}").result(30)
        wait_until(lambda: twilio.count("POST", "Messages.json") == 3, 30, "three replies")
        took = time.monotonic() - started
        refused = [e for e in twilio.exchanges if e.method == "POST" and e.status >= 400]
        assert not refused  # paced by us, never refused by Twilio
        assert took >= 6.0  # three messages at one per three seconds
    finally:
        engine.stop()
        twilio.stop()


def test_a_failure_reported_after_the_send_reaches_the_user_in_plain_words(
    tmp_path: Path, credentials: Credentials
) -> None:
    """Twilio accepts the message, then reports 63016 (outside the 24-hour window) by status
    callback: the user is told why, and the message shows it was not delivered."""
    from tests.standins.twilio import ACCOUNT_SID, AUTH_TOKEN, NUMBER, TwilioStandIn

    twilio = TwilioStandIn().start()
    port = free_port()
    settings = WhatsAppSettings(
        provider=Provider.TWILIO,
        number=NUMBER,
        account_sid=ACCOUNT_SID,
        api_url=twilio.url,
        webhook_port=port,
        public_url=f"http://127.0.0.1:{port}",
    )
    engine = start_engine(tmp_path, credentials)
    try:
        engine.add_whatsapp_account(settings, {"auth_token": AUTH_TOKEN}).result(30)
        hook = f"http://127.0.0.1:{port}{settings.webhook_path}"
        assert twilio.deliver(hook, "+420777123456", "Máte otevřeno v sobotu?").status == 200
        wait_until(lambda: engine.store.stats().messages == 1, 10, "stored")
        [row] = engine.store.inbox_page(InboxFilter(), 0, 5)
        statuses: list[ReplyStatus] = []
        engine.events.subscribe(
            lambda e: statuses.append(e) if isinstance(e, ReplyStatus) else None
        )
        twilio.async_failures.append(63016)
        engine.send_reply(row.id, "Ano, 8–12 h.").result(30)
        wait_until(lambda: any(s.state == "failed" for s in statuses), 10, "failure reported")
        [failed] = [s for s in statuses if s.state == "failed"]
        assert "24" in failed.text and "template" in failed.text
        [ours] = [
            m for m in engine.store.conversation(row.id).messages if m.direction.value == "outbound"
        ]
        assert ours.delivery == "failed" and ours.delivery_error
    finally:
        engine.stop()
        twilio.stop()
