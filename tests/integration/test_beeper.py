"""Beeper Desktop against a loopback stand-in shaped by the official SDK's types: the
connection test, a first sync of chats across networks, every answer parsing into the SDK's
models, live messages over the WebSocket, a dropped socket caught up by polling and reopened,
duplicate and out-of-order deliveries stored once and in order, an outage retried and
recovered, a refused token without a retry storm, replies sent exactly once across kill -9,
attachments saved on request with the token kept in the real keyring."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from beeper_desktop_api.pagination import SyncCursorNoLimit, SyncCursorSearch
from beeper_desktop_api.types import (
    Account,
    Chat,
    ChatListResponse,
    InfoRetrieveResponse,
    MessageSendResponse,
)
from beeper_desktop_api.types.shared import Error, Message
from pydantic import BaseModel, TypeAdapter
from tests.servers import wait_until
from tests.standins.beeper import SELF_ID, TOKEN, BeeperStandIn

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.beeper.api import BeeperClient
from gastro_hub_desktop.channels.beeper.settings import BeeperSettings
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction
from gastro_hub_desktop.engine.beeper_accounts import BeeperAccounts
from gastro_hub_desktop.engine.beeper_worker import BeeperWorker, reply_payload
from gastro_hub_desktop.engine.events import EventBus, ReplyStatus
from gastro_hub_desktop.store.outbox import Outbox
from gastro_hub_desktop.store.repository import Store

PAVEL = ("@tg_pavel:beeper.local", "Pavel Novák")
NOW = datetime.now(UTC)


@pytest.fixture
def beeper() -> Iterator[BeeperStandIn]:
    standin = BeeperStandIn()
    standin.start()
    networks = [("telegram", "Telegram", "telegram"), ("signal", "Signal", "signal"),
                ("whatsapp", "WhatsApp", "whatsapp"), ("matrix", "Beeper (Matrix)", "matrix"),
                ("discordgo", "Discord", "discordgo")]  # fmt: skip
    for account_id, network, bridge in networks:
        standin.add_account(account_id, network, bridge)
    standin.add_chat("!tg:beeper.local", "telegram", "Telegram", "Pavel Novák",
                     (PAVEL[0], PAVEL[1], None))  # fmt: skip
    yield standin
    standin.stop()


def settings(standin: BeeperStandIn, **changes: object) -> BeeperSettings:
    values: dict[str, object] = {"base_url": standin.url, "user_id": SELF_ID, "poll_seconds": 1}
    values.update(changes)
    return BeeperSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path, beeper: BeeperStandIn) -> Store:
    s = Store.open(f"sqlite:///{tmp_path / 'beeper.sqlite3'}")
    config = settings(beeper)
    s.save_account(config.account_key, Channel.MATRIX, "Beeper", config.to_dict())
    return s


def worker(
    store: Store, standin: BeeperStandIn, token: str = TOKEN, **changes: object
) -> BeeperWorker:
    return BeeperWorker(
        store, EventBus(), settings(standin, **changes), lambda: token,
        first_backoff=0.2, first_live_backoff=0.2,
    )  # fmt: skip


def sync(store: Store, standin: BeeperStandIn) -> int:
    w = worker(store, standin)
    try:
        return w.sync_once(w.connect())
    finally:
        w.disconnect()


def texts(store: Store, title: str | None = None) -> list[str]:
    rows = store.inbox_page(InboxFilter(), 0, 100)
    row = next(r for r in rows if title is None or title in (r.subject or ""))
    return [m.text for m in store.conversation(row.id).messages]


def test_the_connection_test_says_who_and_refuses_a_wrong_token_or_address(
    beeper: BeeperStandIn,
) -> None:
    completed, summary = BeeperAccounts.test(BeeperSettings(base_url=beeper.url + "/"), TOKEN)
    assert completed.user_id == SELF_ID and completed.base_url == beeper.url
    assert completed.account_key == f"beeper:{SELF_ID}"
    assert "as jana" in summary and "Telegram" in summary and "live updates available" in summary
    with pytest.raises(ChannelProblem, match="refused the access token") as refused:
        BeeperAccounts.test(BeeperSettings(base_url=beeper.url), "wrong")
    assert refused.value.retry is False
    with pytest.raises(ChannelProblem, match="enter it like"):
        BeeperAccounts.test(BeeperSettings(base_url="localhost:23373"), TOKEN)
    with pytest.raises(ChannelProblem, match="Enter the Beeper Desktop access token"):
        BeeperAccounts.test(BeeperSettings(base_url=beeper.url), " ")
    port = beeper.port
    beeper.stop()
    with pytest.raises(ChannelProblem, match="Cannot reach Beeper Desktop") as away:
        BeeperAccounts.test(BeeperSettings(base_url=f"http://127.0.0.1:{port}"), TOKEN)
    assert away.value.retry is True
    beeper.start()


def test_first_sync_brings_the_chats_of_every_network(beeper: BeeperStandIn, store: Store) -> None:
    chats = [("!sig:beeper.local", "signal", "Signal", "Hana Malá", "+420602222222"),
             ("!wa:beeper.local", "whatsapp", "WhatsApp", "Bistro U Lípy", "+420603333333"),
             ("!mx:beeper.local", "matrix", "Beeper (Matrix)", "Karel", None),
             ("!dc:beeper.local", "discordgo", "Discord", "Chef Club", None)]  # fmt: skip
    for chat_id, account, network, title, phone in chats:
        beeper.add_chat(chat_id, account, network, title, (f"@{account}_x:b", title, phone))
        beeper.add_message(chat_id, f"Dotaz přes {network}", NOW - timedelta(hours=2),
                           sender=(f"@{account}_x:b", title))  # fmt: skip
    for n in range(25):  # more than one page of messages in one chat
        beeper.add_message("!tg:beeper.local", f"Zpráva {n}", NOW - timedelta(minutes=60 - n),
                           sender=PAVEL, is_sender=n % 5 == 4)  # fmt: skip
    photo = b"\xff\xd8\xff" + bytes(range(200))
    beeper.add_message("!tg:beeper.local", "", NOW - timedelta(minutes=30), sender=PAVEL,
                       attachment=("mycka.jpg", "image/jpeg", photo))  # fmt: skip
    beeper.add_message("!tg:beeper.local", "Stará", NOW - timedelta(days=60), sender=PAVEL)

    assert sync(store, beeper) == 4 + 25 + 1
    by_subject = {r.subject: r for r in store.inbox_page(InboxFilter(), 0, 100)}
    assert set(by_subject) == {"Signal: Hana Malá", "WhatsApp: Bistro U Lípy",
                               "Beeper (Matrix): Karel", "Discord: Chef Club",
                               "Telegram: Pavel Novák"}  # fmt: skip
    channels = {s: r.channel for s, r in by_subject.items()}
    assert channels["Signal: Hana Malá"] is Channel.SIGNAL
    assert channels["WhatsApp: Bistro U Lípy"] is Channel.WHATSAPP
    assert channels["Telegram: Pavel Novák"] is Channel.TELEGRAM
    assert channels["Beeper (Matrix): Karel"] is Channel.MATRIX
    assert channels["Discord: Chef Club"] is Channel.MATRIX  # the closest, named in view
    assert by_subject["WhatsApp: Bistro U Lípy"].contact_address == "+420603333333"
    telegram = store.conversation(by_subject["Telegram: Pavel Novák"].id)
    assert [m.text for m in telegram.messages][:25] == [f"Zpráva {n}" for n in range(25)]
    assert sum(m.direction is Direction.OUTBOUND for m in telegram.messages) == 5
    [picture] = telegram.messages[-1].attachments
    assert (picture.filename, picture.size) == ("mycka.jpg", len(photo))
    assert picture.ref.startswith("mxc://")
    assert "Stará" not in [m.text for m in telegram.messages]  # outside the history window

    before = len(beeper.requests)
    assert sync(store, beeper) == 0  # nothing stored twice
    assert len(beeper.requests) - before <= 12  # and only recent chats were read again


def test_every_answer_parses_into_the_sdk_models(beeper: BeeperStandIn, store: Store) -> None:
    beeper.add_message("!tg:beeper.local", "Ahoj", NOW - timedelta(minutes=1), sender=PAVEL)
    client = BeeperClient(TOKEN, beeper.url)
    try:
        client.accounts()
        client.events_url()
        list(client.chats_since(NOW - timedelta(days=1)))
        client.chat("!tg:beeper.local")
        chat_id, pending = client.send("!tg:beeper.local", "Dobrý den")
        client.message(chat_id, pending)
        client.recent_own(chat_id, NOW - timedelta(days=1))
        sdk = client._sdk
        list(sdk.chats.search(query="pavel", limit=5))
        list(sdk.messages.search(chat_ids=[chat_id], sender="me", date_after=NOW - timedelta(1)))
        with pytest.raises(ChannelProblem, match="does not know"):
            client.chat("!gone:beeper.local")
    finally:
        client.close()
    models: dict[str, object] = {
        "info": InfoRetrieveResponse, "accounts": TypeAdapter(list[Account]),
        "chats.list": SyncCursorNoLimit[ChatListResponse], "chats.search": SyncCursorSearch[Chat],
        "chats.retrieve": Chat, "messages.list": SyncCursorNoLimit[Message],
        "messages.retrieve": Message, "messages.send": MessageSendResponse,
        "messages.search": SyncCursorSearch[Message],
    }  # fmt: skip
    seen = set()
    for _method, route, _status, payload in beeper.responses:
        model = models[route]
        if isinstance(model, TypeAdapter):
            model.validate_python(payload, strict=False)
        else:
            assert isinstance(model, type) and issubclass(model, BaseModel)
            model.model_validate(payload)  # raises on anything the SDK's types do not allow
        seen.add(route)
    assert seen == set(models)
    refused = BeeperClient("wrong", beeper.url, max_retries=0)
    try:
        with pytest.raises(ChannelProblem):
            refused.accounts()
    finally:
        refused.close()
    Error.model_validate({"code": "UNAUTHORIZED", "message": "Invalid or expired access token"})


def test_live_messages_then_a_dropped_socket_is_caught_up_by_polling_and_reopened(
    beeper: BeeperStandIn, store: Store
) -> None:
    w = worker(store, beeper, poll_seconds=1, live_check_seconds=600)
    w.start()
    try:
        wait_until(lambda: w.live and beeper.live_sockets == 1, 20, "live socket open")
        assert "arrive live" in w.health.message and w.health.state is HealthState.CONNECTED
        polls = beeper.count("GET", "/v1/chats?")
        beeper.add_message("!tg:beeper.local", "Živě", NOW, sender=PAVEL)
        wait_until(lambda: store.stats().messages == 1, 10, "live message stored")
        assert beeper.count("GET", "/v1/chats?") == polls  # it came over the socket

        beeper.drop_socket()
        wait_until(lambda: not w.live, 10, "drop noticed")
        wait_until(lambda: "checking for new messages every 1 s" in w.health.message, 10, "shown")
        beeper.add_message("!tg:beeper.local", "Během výpadku", NOW + timedelta(seconds=1),
                           sender=PAVEL)  # fmt: skip
        wait_until(lambda: store.stats().messages == 2, 15, "caught up by polling")

        beeper.restore_socket()
        wait_until(lambda: w.live and beeper.live_sockets == 1, 20, "socket reopened")
        polls = beeper.count("GET", "/v1/chats?")
        beeper.add_message("!tg:beeper.local", "Zase živě", NOW + timedelta(seconds=2),
                           sender=PAVEL)  # fmt: skip
        wait_until(lambda: store.stats().messages == 3, 10, "live again")
        assert beeper.count("GET", "/v1/chats?") == polls
    finally:
        w.stop()
    assert texts(store) == ["Živě", "Během výpadku", "Zase živě"]


def test_duplicates_and_out_of_order_deliveries_are_stored_once_in_order(
    beeper: BeeperStandIn, store: Store
) -> None:
    w = worker(store, beeper, poll_seconds=600, live_check_seconds=600)
    w.start()
    try:
        wait_until(lambda: w.live, 20, "live socket open")
        third = beeper.add_message("!tg:beeper.local", "třetí", NOW, sender=PAVEL)
        first = beeper.add_message("!tg:beeper.local", "první", NOW - timedelta(minutes=2),
                                   sender=PAVEL)  # fmt: skip
        beeper.push("!tg:beeper.local", [third["id"], first["id"]])  # both again
        beeper.full_entries = False  # ids only: the worker fetches the message itself
        second = beeper.add_message("!tg:beeper.local", "druhá", NOW - timedelta(minutes=1),
                                    sender=PAVEL)  # fmt: skip
        beeper.push("!tg:beeper.local", [second["id"]])
        wait_until(lambda: store.stats().messages == 3, 10, "three stored")
        w.sync_now()  # a polling round reads them all once more
        time.sleep(1.0)
    finally:
        w.stop()
    assert store.stats().messages == 3
    assert texts(store) == ["první", "druhá", "třetí"]


def test_an_outage_is_retried_and_recovered_and_a_wrong_token_is_not_hammered(
    beeper: BeeperStandIn, store: Store
) -> None:
    beeper.add_message("!tg:beeper.local", "První", NOW - timedelta(minutes=5), sender=PAVEL)
    w = worker(store, beeper, live=False)
    w.start()
    try:
        wait_until(lambda: w.health.state is HealthState.CONNECTED, 20, "connected")
        beeper.fail_with = 503
        wait_until(lambda: w.health.state is HealthState.RETRYING, 30, "outage shown")
        assert "having trouble (503" in w.health.message
        port = beeper.port
        beeper.stop()
        wait_until(lambda: "Cannot reach Beeper Desktop" in w.health.message, 30, "gone shown")
        beeper.port, beeper.fail_with = port, None
        beeper.start()
        beeper.add_message("!tg:beeper.local", "Druhá", NOW, sender=PAVEL)
        wait_until(lambda: store.stats().messages == 2, 30, "recovered by itself")
        wait_until(lambda: w.health.state is HealthState.CONNECTED, 10, "connected again")
    finally:
        w.stop()

    wrong = worker(store, beeper, token="revoked")
    before = len(beeper.requests)
    wrong.start()
    try:
        wait_until(lambda: wrong.health.state is HealthState.NEEDS_ATTENTION, 20, "refused")
        time.sleep(1.5)
        assert len(beeper.requests) - before == 1  # one refused request, no retry storm
        assert "refused the access token" in wrong.health.message
        assert "Settings → Developers" in wrong.health.message
    finally:
        wrong.stop()


def test_a_429_is_answered_by_waiting_as_retry_after_says(
    beeper: BeeperStandIn, store: Store
) -> None:
    beeper.add_message("!tg:beeper.local", "Pomalu", NOW - timedelta(minutes=1), sender=PAVEL)
    beeper.fail_with = 429

    def lift() -> None:
        time.sleep(0.5)
        beeper.fail_with = None

    threading.Thread(target=lift, daemon=True).start()
    started = time.monotonic()
    assert sync(store, beeper) == 1  # the SDK waited as Retry-After said, then read
    assert time.monotonic() - started >= 1.0
    assert beeper.count("GET", "/v1/accounts") >= 2


SENDER = """
import sys, json
from gastro_hub_desktop.channels.beeper.settings import BeeperSettings
from gastro_hub_desktop.engine.beeper_worker import BeeperWorker
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.store.repository import Store
s = BeeperSettings.from_dict(json.loads(sys.argv[2]))
worker = BeeperWorker(Store.open(sys.argv[1]), EventBus(), s, lambda: TOKEN)
print("sent", worker.send_pending(worker.connect()), flush=True)
"""


def test_a_reply_is_sent_once_even_when_killed_right_after_the_send(
    beeper: BeeperStandIn, store: Store, tmp_path: Path
) -> None:
    beeper.add_message("!tg:beeper.local", "Kdy dorazí zboží?", NOW - timedelta(minutes=1),
                       sender=PAVEL)  # fmt: skip
    assert sync(store, beeper) == 1
    [row] = store.inbox_page(InboxFilter(), 0, 5)
    outbox = Outbox(store)
    ctx = outbox.reply_context(row.id)
    entry = outbox.queue(row.id, ctx.account_key, reply_payload(ctx.thread_key, "Zítra ráno."))
    script = tmp_path / "sender.py"
    script.write_text(SENDER.replace("TOKEN", repr(TOKEN)))
    args = [sys.executable, str(script), str(store.engine.url),
            json.dumps(settings(beeper).to_dict())]  # fmt: skip
    env = {**os.environ, "GASTRO_HUB_FAILPOINT": "after-beeper-send"}
    crashed = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    assert crashed.returncode == -9, crashed.stderr
    assert len(beeper.sent) == 1 and outbox.state(entry.id)[0].value == "sending"
    again = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    assert "sent 0" in again.stdout  # found in the chat, not sent again
    assert len(beeper.sent) == 1
    assert outbox.state(entry.id)[0].value == "sent"
    assert sync(store, beeper) == 0  # the reply joined the conversation when found, once
    assert texts(store) == ["Kdy dorazí zboží?", "Zítra ráno."]


@pytest.fixture
def credentials(secret_service: dict[str, str]) -> Credentials:
    from keyring.backends.SecretService import Keyring

    return Credentials(Keyring())


def test_connect_reply_and_attachment_through_the_accounts_with_the_keyring(
    beeper: BeeperStandIn, store: Store, credentials: Credentials, tmp_path: Path
) -> None:
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 8
    beeper.add_message("!tg:beeper.local", "Posílám ceník", NOW - timedelta(minutes=1),
                       sender=PAVEL, attachment=("cenik.pdf", "application/pdf", pdf))  # fmt: skip
    events = EventBus()
    statuses: list[ReplyStatus] = []
    events.subscribe(lambda e: statuses.append(e) if isinstance(e, ReplyStatus) else None)
    accounts = BeeperAccounts(store, events, credentials)
    try:
        summary = accounts.add(BeeperSettings(base_url=beeper.url, poll_seconds=1), TOKEN)
        assert "Beeper Desktop OK" in summary
        key = f"beeper:{SELF_ID}"
        assert credentials.get(f"{key}:token") == TOKEN  # in the keyring...
        assert TOKEN not in json.dumps(store.accounts())  # ...not in the database
        wait_until(lambda: store.stats().messages == 1, 20, "first sync")
        [row] = store.inbox_page(InboxFilter(), 0, 5)
        [message] = store.conversation(row.id).messages
        assert beeper.count("GET", "/v1/assets") == 0  # listed, not downloaded
        target = tmp_path / "cenik.pdf"
        provider_id = store.message_origin(message.id)[1]
        assert accounts.save_attachment(key, provider_id, 0, target) == target
        assert target.read_bytes() == pdf
        with pytest.raises(ChannelProblem, match="not listed"):
            accounts.save_attachment(key, provider_id, 3, target)

        accounts.queue_reply(row.id, "Děkujeme, objednáváme.")
        wait_until(lambda: any(s.state == "sent" for s in statuses), 20, "reply sent")
        wait_until(lambda: store.stats().messages == 2, 10, "reply in the conversation")
        time.sleep(1.5)
        assert [b["text"] for b in beeper.sent] == ["Děkujeme, objednáváme."]
        assert store.stats().messages == 2
        with pytest.raises(ChannelProblem, match="empty"):
            accounts.queue_reply(row.id, "   ")
    finally:
        accounts.stop()
