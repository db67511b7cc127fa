"""A Telegram bot against a loopback stand-in that follows the Bot API docs: which bot a token
is, first sync and incremental polling with the offset kept in the store, duplicate and
out-of-order updates stored once and in order, an unconfirmed batch after kill -9 stored once,
outage → retrying → recovery, a wrong token without a retry storm, flood control and 409
conflicts explained, the webhook with right / wrong / missing secret, media saved on request,
and replies sent exactly once (a send cut off by kill -9 closed as uncertain, never repeated).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.servers import free_port, wait_until
from tests.standins.telegram import (
    BOT,
    TOKEN,
    TelegramStandIn,
    group_chat,
    private_chat,
    user,
)

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.telegram.api import TelegramBot
from gastro_hub_desktop.channels.telegram.settings import Mode, TelegramSettings
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction
from gastro_hub_desktop.engine.events import EventBus, ReplyStatus
from gastro_hub_desktop.engine.telegram_accounts import TelegramAccounts
from gastro_hub_desktop.engine.telegram_worker import (
    UNCERTAIN,
    UNCERTAIN_CONNECTION,
    TelegramIntake,
    TelegramWorker,
    reply_payload,
)
from gastro_hub_desktop.store.outbox import Outbox
from gastro_hub_desktop.store.repository import Store

KEY = "telegram:gastro_hub_bot"
PETRA = user(5551234, "Petra", "Dvořáková", "petra_bistro")
KAREL = user(777001, "Karel")


def settings(standin: TelegramStandIn, **changes: object) -> TelegramSettings:
    values: dict[str, object] = {
        "bot_username": BOT["username"],
        "api_url": standin.url,
        "poll_timeout": 2,
    }
    values.update(changes)
    return TelegramSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def telegram() -> Iterator[TelegramStandIn]:
    standin = TelegramStandIn().start()
    yield standin
    standin.stop()


@pytest.fixture
def store(tmp_path: Path, telegram: TelegramStandIn) -> Store:
    s = Store.open(f"sqlite:///{tmp_path / 'telegram.sqlite3'}")
    config = settings(telegram)
    s.save_account(config.account_key, Channel.TELEGRAM, "Telegram", config.to_dict())
    return s


def worker_for(
    store: Store, standin: TelegramStandIn, token: str = TOKEN, events: EventBus | None = None,
    **changes: object,
) -> TelegramWorker:  # fmt: skip
    bus = events or EventBus()
    return TelegramWorker(
        TelegramIntake(store, bus), bus, settings(standin, **changes), lambda: token,
        first_backoff=0.2,
    )  # fmt: skip


def sync(store: Store, standin: TelegramStandIn) -> int:
    worker = worker_for(store, standin)
    bot = TelegramBot(TOKEN, standin.url)
    try:
        return worker.sync_once(bot)
    finally:
        bot.close()


def texts(store: Store, address: str) -> list[str]:
    row = next(r for r in store.inbox_page(InboxFilter(), 0, 100) if r.contact_address == address)
    return [m.text for m in store.conversation(row.id).messages]


def test_test_connection_says_which_bot_and_refuses_a_wrong_token(
    telegram: TelegramStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    completed, summary = TelegramAccounts.test(
        TelegramSettings(bot_username="", api_url=telegram.url), TOKEN
    )
    assert completed.bot_username == "gastro_hub_bot" and completed.bot_id == BOT["id"]
    assert completed.account_key == KEY and completed.display_name == "Gastro Hub"
    assert "@gastro_hub_bot (Gastro Hub)" in summary and "privacy mode" in summary

    wrong = TOKEN.replace("AAH", "AAX")
    with pytest.raises(ChannelProblem, match="refused the bot token") as refused:
        TelegramAccounts.test(TelegramSettings(bot_username="", api_url=telegram.url), wrong)
    assert refused.value.retry is False and wrong not in str(refused.value)
    before = len(telegram.requests)
    with pytest.raises(ChannelProblem, match="does not look like a bot token"):
        TelegramAccounts.test(TelegramSettings(bot_username="", api_url=telegram.url), "abc")
    with pytest.raises(ChannelProblem, match="belongs to @gastro_hub_bot, not @other_bot"):
        TelegramAccounts.test(TelegramSettings(bot_username="other_bot", api_url=telegram.url),
                              TOKEN)  # fmt: skip
    with pytest.raises(ChannelProblem, match="public https address"):
        TelegramAccounts.test(
            TelegramSettings(bot_username="", api_url=telegram.url, mode=Mode.WEBHOOK), TOKEN
        )
    assert len(telegram.requests) - before == 2  # only the well-formed token was asked about
    assert "/bot<token>/getMe" in caplog.text  # httpx's request lines are logged...
    assert TOKEN not in caplog.text and wrong not in caplog.text  # ...without the token


def test_first_sync_incremental_duplicates_and_out_of_order_are_stored_once_in_order(
    telegram: TelegramStandIn,
    store: Store,
) -> None:
    now = int(time.time())
    petra, karel = private_chat(PETRA), private_chat(KAREL)
    group = group_chat(-1001234567890, "Bistro U Lípy – nákup")
    first = telegram.send(petra, "Dobrý den, máte konvektomat?", date=now - 300)
    telegram.send(petra, "A jakou má záruku?", date=now - 300)  # the same second
    telegram.send(karel, "Objednávka 5 kg", date=now - 200)
    telegram.send(group, "Kdo vyzvedne zboží?", sender=PETRA, date=now - 100)
    telegram.send(group, sender=PETRA, new_chat_members=[KAREL])  # an event, not a message

    assert sync(store, telegram) == 4
    assert [c.get("offset") for c in telegram.calls("getUpdates")] == [None]
    assert telegram.calls("getUpdates")[0]["allowed_updates"] == [
        "message", "edited_message", "channel_post",
    ]  # fmt: skip
    assert texts(store, "@petra_bistro") == ["Dobrý den, máte konvektomat?", "A jakou má záruku?"]
    rows = {r.contact_address: r for r in store.inbox_page(InboxFilter(), 0, 10)}
    assert rows["tg:-1001234567890"].contact_name == "Bistro U Lípy – nákup"
    assert rows["tg:-1001234567890"].subject == "Bistro U Lípy – nákup"
    assert rows["tg:777001"].contact_name == "Karel"
    assert all(r.channel is Channel.TELEGRAM for r in rows.values())
    highest = max(u["update_id"] for u in [first]) + 4
    assert store.positions(KEY)["updates"] == (1, highest)

    assert sync(store, telegram) == 0  # nothing new; the offset confirmed the batch
    assert telegram.calls("getUpdates")[-1]["offset"] == highest + 1
    assert not telegram.updates

    # incremental, with a duplicate update (same update_id twice), the same message under a
    # second update id, and updates out of order (a later id carrying an earlier message)
    late = telegram.message(petra, "Ještě cena dopravy?", date=now - 50)
    later = telegram.message(petra, "Děkuji", date=now - 10)
    dup = telegram.add_update(later)
    telegram.add_update(later, update_id=dup["update_id"])
    telegram.add_update(later)
    telegram.add_update(late)
    telegram.edit(first["message"], "Dobrý den, máte konvektomat Rational?", edit_date=now - 5)
    assert sync(store, telegram) == 3
    assert texts(store, "@petra_bistro") == [
        "Dobrý den, máte konvektomat?",
        "A jakou má záruku?",
        "Ještě cena dopravy?",
        "Děkuji",
        "(edited) Dobrý den, máte konvektomat Rational?",
    ]
    assert store.stats().messages == 7
    assert sync(store, telegram) == 0


SYNCER = """
import sys, json
from gastro_hub_desktop.channels.telegram.settings import TelegramSettings
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.telegram_worker import TelegramIntake, TelegramWorker
from gastro_hub_desktop.store.repository import Store
s = TelegramSettings.from_dict(json.loads(sys.argv[2]))
store = Store.open(sys.argv[1])
worker = TelegramWorker(TelegramIntake(store, EventBus()), EventBus(), s, lambda: TOKEN)
worker.connect()
print("new", worker.poll_round(), flush=True)
"""


def test_a_batch_cut_off_by_kill_9_is_fetched_again_and_stored_once(
    telegram: TelegramStandIn,
    store: Store,
    tmp_path: Path,
) -> None:
    petra = private_chat(PETRA)
    for n in range(5):
        telegram.send(petra, f"Zpráva {n}")
    script = tmp_path / "syncer.py"
    script.write_text(SYNCER.replace("TOKEN", repr(TOKEN)))
    args = [sys.executable, str(script), str(store.engine.url),
            json.dumps(settings(telegram).to_dict())]  # fmt: skip
    env = {**os.environ, "GASTRO_HUB_FAILPOINT": "after-telegram-poll"}
    crashed = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    assert crashed.returncode == -9, crashed.stderr  # fetched, then killed before storing
    assert store.stats().messages == 0 and len(telegram.updates) == 5  # not confirmed
    done = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "new 5" in done.stdout
    again = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert "new 0" in again.stdout and store.stats().messages == 5
    assert not telegram.updates  # the second run's offset confirmed them


def test_outage_is_shown_retried_and_recovered_and_a_wrong_token_is_not_hammered(
    telegram: TelegramStandIn,
    store: Store,
) -> None:
    petra = private_chat(PETRA)
    telegram.send(petra, "První")
    worker = worker_for(store, telegram, poll_timeout=1)
    worker.start()
    try:
        wait_until(lambda: store.stats().messages == 1, 20, "first message")
        assert worker.health.state is HealthState.CONNECTED
        assert worker.health.message == "Connected as @gastro_hub_bot"
        telegram.fail_with = (502, "Bad Gateway")
        wait_until(lambda: worker.health.state is HealthState.RETRYING, 20, "outage shown")
        assert "Telegram is having trouble (502 Bad Gateway)" in worker.health.message
        port = telegram.port
        telegram.stop()  # gone altogether
        wait_until(lambda: "Cannot reach Telegram" in worker.health.message, 20, "unreachable")
        telegram.port, telegram.fail_with = port, None
        telegram.send(petra, "Druhá")  # written while we could not fetch
        telegram.send(petra, "Třetí")
        telegram.start()
        wait_until(lambda: store.stats().messages == 3, 30, "recovered by itself")
        assert worker.health.state is HealthState.CONNECTED
        assert texts(store, "@petra_bistro") == ["První", "Druhá", "Třetí"]
    finally:
        worker.stop()

    wrong = worker_for(store, telegram, token=TOKEN.replace("AAH", "AAX"))
    before = len(telegram.requests)
    wrong.start()
    try:
        wait_until(lambda: wrong.health.state is HealthState.NEEDS_ATTENTION, 20, "refused")
        time.sleep(1.5)
        assert len(telegram.requests) - before == 1  # one refused getMe, no retry storm
        assert "refused the bot token (401 Unauthorized)" in wrong.health.message
        assert "@BotFather" in wrong.health.message
    finally:
        wrong.stop()


def test_flood_control_is_waited_out_and_a_webhook_conflict_is_explained(
    telegram: TelegramStandIn,
    store: Store,
) -> None:
    telegram.send(private_chat(PETRA), "Dotaz")
    telegram.throttle("getUpdates", retry_after=1, times=2)
    started = time.monotonic()
    assert sync(store, telegram) == 1
    assert time.monotonic() - started >= 2.0  # waited as told, twice, instead of failing
    assert len(telegram.calls("getUpdates")) == 3

    telegram.webhook = {"url": "https://elsewhere.example/hook", "secret_token": None}
    worker = worker_for(store, telegram)
    before = len(telegram.requests)
    worker.start()
    try:
        wait_until(lambda: worker.health.state is HealthState.NEEDS_ATTENTION, 20, "conflict")
        assert "delivering this bot's messages to a webhook" in worker.health.message
        time.sleep(1.0)
        assert len(telegram.requests) - before == 2  # getMe, one getUpdates: no storm
    finally:
        worker.stop()


@pytest.fixture
def credentials(secret_service: dict[str, str]) -> Credentials:
    from keyring.backends.SecretService import Keyring

    return Credentials(Keyring())


@pytest.fixture
def accounts(tmp_path: Path, credentials: Credentials) -> Iterator[TelegramAccounts]:
    s = Store.open(f"sqlite:///{tmp_path / 'accounts.sqlite3'}")
    a = TelegramAccounts(s, EventBus(), credentials)
    yield a
    a.stop()


def test_webhook_takes_only_requests_with_the_secret_and_stores_each_update_once_in_order(
    telegram: TelegramStandIn,
    accounts: TelegramAccounts,
    credentials: Credentials,
) -> None:
    port = free_port()
    config = settings(telegram, mode=Mode.WEBHOOK, webhook_port=port,
                      public_url=f"http://127.0.0.1:{port}")  # fmt: skip
    summary = accounts.add(config, TOKEN)
    assert f"will post its messages to http://127.0.0.1:{port}/telegram/gastro_hub_bot" in summary
    secret = credentials.get(f"{KEY}:webhook_secret")
    assert credentials.get(f"{KEY}:token") == TOKEN and secret and len(secret) >= 32
    assert TOKEN not in json.dumps(accounts.store.accounts(Channel.TELEGRAM))
    address = accounts.webhook_address(KEY)
    assert address == f"http://127.0.0.1:{port}/telegram/gastro_hub_bot"
    assert telegram.webhook == {"url": address, "secret_token": secret}
    worker = accounts.worker(KEY)
    wait_until(lambda: worker.health.state is HealthState.CONNECTED, 20, "webhook checked")
    assert "(webhook)" in worker.health.message

    petra = private_chat(PETRA)
    update = telegram.send(petra, "Přes webhook")
    store = accounts.store
    wait_until(lambda: store.stats().messages == 1, 20, "delivered by webhook")

    body = json.dumps({**update, "update_id": update["update_id"] + 50}).encode()
    forged = telegram.message(petra, "Podvrh")
    for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
        answer = httpx.post(address, content=json.dumps({"update_id": 9, "message": forged}),
                            headers=headers)  # fmt: skip
        assert answer.status_code == 403
    garbled = httpx.post(address, content=b"{not json",
                         headers={"X-Telegram-Bot-Api-Secret-Token": secret})  # fmt: skip
    assert garbled.status_code == 400
    replay = httpx.post(address, content=body, headers={"X-Telegram-Bot-Api-Secret-Token": secret})
    assert replay.status_code == 200  # a duplicate delivery is answered, not stored again
    assert store.stats().messages == 1 and "Podvrh" not in texts(store, "@petra_bistro")

    telegram.hold()  # three messages, delivered out of order, one twice
    a = telegram.send(petra, "Jedna")
    b = telegram.send(petra, "Dvě")
    c = telegram.send(petra, "Tři")
    telegram.add_update(b[next(k for k in b if k != "update_id")], update_id=b["update_id"])
    telegram.release(order=[c["update_id"], a["update_id"], b["update_id"]])
    wait_until(lambda: store.stats().messages == 4, 20, "out-of-order deliveries")
    wait_until(lambda: not telegram.updates, 20, "every delivery answered 2xx")
    assert texts(store, "@petra_bistro") == ["Přes webhook", "Jedna", "Dvě", "Tři"]
    delivered = [i for i, status in telegram.deliveries if status == 200]
    assert delivered[1:4] == [c["update_id"], a["update_id"], b["update_id"]]
    assert not telegram.calls("getUpdates")  # webhook mode never polls

    # back to polling: the webhook is removed at Telegram, nothing pending is lost
    telegram.hold()
    telegram.send(petra, "Po přepnutí")
    polling = settings(telegram, poll_timeout=1)
    assert "removes that webhook" in accounts.add(polling, TOKEN)
    assert telegram.webhook is None
    wait_until(lambda: store.stats().messages == 5, 20, "pending update fetched by polling")


def test_media_are_saved_on_request(
    telegram: TelegramStandIn,
    accounts: TelegramAccounts,
    tmp_path: Path,
) -> None:
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 40
    jpeg = b"\xff\xd8\xff\xe0" + b"J" * 5000
    small = telegram.add_file(b"\xff\xd8small", "photos/file_1.jpg")
    large = telegram.add_file(jpeg, "photos/file_2.jpg")
    doc = telegram.add_file(pdf, "documents/file_3.pdf")
    petra = private_chat(PETRA)
    photo = [{**small, "width": 90, "height": 90}, {**large, "width": 1280, "height": 960}]
    telegram.send(petra, "Rozbitá dvířka", photo=photo)
    telegram.send(petra, document={**doc, "file_name": "faktura.pdf",
                                   "mime_type": "application/pdf"})  # fmt: skip
    telegram.send(petra, contact={"phone_number": "+420601234567", "first_name": "Jan"})
    accounts.add(settings(telegram, poll_timeout=1), TOKEN)
    store = accounts.store
    wait_until(lambda: store.stats().messages == 3, 20, "media messages")
    assert not telegram.calls("getFile") and not telegram.downloads  # listed, not fetched

    [row] = store.inbox_page(InboxFilter(), 0, 5)
    messages = store.conversation(row.id).messages
    assert [(a.filename, a.size) for a in messages[0].attachments] == [("photo.jpg", len(jpeg))]
    assert messages[0].text == "Rozbitá dvířka"
    origin = [store.message_origin(m.id)[1] for m in messages]
    saved = accounts.save_attachment(KEY, origin[0], 0, tmp_path / "dvirka.jpg")
    assert saved.read_bytes() == jpeg  # the largest size, not the thumbnail
    assert accounts.save_attachment(KEY, origin[1], 0, tmp_path / "f.pdf").read_bytes() == pdf
    assert telegram.downloads == ["photos/file_2.jpg", "documents/file_3.pdf"]
    card = accounts.save_attachment(KEY, origin[2], 0, tmp_path / "jan.vcf").read_text()
    assert "TEL;TYPE=CELL:+420601234567" in card and len(telegram.downloads) == 2
    with pytest.raises(ChannelProblem, match="not listed"):
        accounts.save_attachment(KEY, origin[0], 5, tmp_path / "x")
    telegram.files.clear()  # Telegram no longer has it
    with pytest.raises(ChannelProblem, match="no longer has this file"):
        accounts.save_attachment(KEY, origin[0], 0, tmp_path / "gone.jpg")
    assert not (tmp_path / "gone.jpg").exists()


def test_a_reply_goes_out_once_as_a_reply_and_refusals_are_explained(
    telegram: TelegramStandIn,
    accounts: TelegramAccounts,
) -> None:
    petra, karel = private_chat(PETRA), private_chat(KAREL)
    telegram.send(petra, "Kdy dorazí zboží?")
    last = telegram.send(petra, "Potřebuji to do pátku.")
    telegram.send(karel, "Ahoj")
    statuses: list[ReplyStatus] = []
    accounts.events.subscribe(lambda e: statuses.append(e) if isinstance(e, ReplyStatus) else None)
    accounts.add(settings(telegram, poll_timeout=30), TOKEN)  # long polls: replies must not wait
    store = accounts.store
    wait_until(lambda: store.stats().messages == 3, 20, "messages")
    rows = {r.contact_address: r for r in store.inbox_page(InboxFilter(), 0, 5)}

    wait_until(lambda: len(telegram.calls("getUpdates")) >= 2, 20, "a long poll running")
    started = time.monotonic()
    accounts.queue_reply(rows["@petra_bistro"].id, "Dobrý den, dorazí ve čtvrtek.")
    wait_until(lambda: any(s.state == "sent" for s in statuses), 20, "reply sent")
    assert time.monotonic() - started < 5  # not held up by the 30 s long poll
    [sent] = telegram.sent
    assert sent["reply_to_message"]["message_id"] == last["message"]["message_id"]
    [call] = telegram.calls("sendMessage")
    assert call["chat_id"] == PETRA["id"] and call["text"] == "Dobrý den, dorazí ve čtvrtek."
    assert call["reply_parameters"] == {
        "message_id": last["message"]["message_id"], "allow_sending_without_reply": True,
    }  # fmt: skip
    detail = store.conversation(rows["@petra_bistro"].id)
    assert [m.direction for m in detail.messages][-1] is Direction.OUTBOUND
    assert detail.messages[-1].text == "Dobrý den, dorazí ve čtvrtek."
    time.sleep(1.0)
    assert len(telegram.sent) == 1

    with pytest.raises(ChannelProblem, match="at most 4096 characters"):
        accounts.queue_reply(rows["tg:777001"].id, "x" * 4097)
    with pytest.raises(ChannelProblem, match="Write the reply first"):
        accounts.queue_reply(rows["tg:777001"].id, "   ")
    assert not Outbox(store).pending(KEY)  # refused before anything was queued

    telegram.blocked.add(KAREL["id"])
    accounts.queue_reply(rows["tg:777001"].id, "Dobrý den")
    wait_until(lambda: any(s.state == "failed" for s in statuses), 20, "refusal reported")
    failed = next(s for s in statuses if s.state == "failed")
    assert failed.conversation_id == rows["tg:777001"].id
    assert "blocked the bot" in failed.text
    assert len(telegram.sent) == 1

    telegram.blocked.clear()
    telegram.throttle("sendMessage", retry_after=1)
    statuses.clear()
    started = time.monotonic()
    accounts.queue_reply(rows["tg:777001"].id, "Druhý pokus")
    wait_until(lambda: any(s.state == "sent" for s in statuses), 20, "sent after flood wait")
    assert any("slow down" in s.text for s in statuses if s.state == "retrying")
    assert time.monotonic() - started >= 1.0
    assert [m["text"] for m in telegram.sent] == ["Dobrý den, dorazí ve čtvrtek.", "Druhý pokus"]


SENDER = """
import sys, json
from gastro_hub_desktop.channels.telegram.api import TelegramBot
from gastro_hub_desktop.channels.telegram.settings import TelegramSettings
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.telegram_worker import TelegramIntake, TelegramWorker
from gastro_hub_desktop.store.repository import Store
s = TelegramSettings.from_dict(json.loads(sys.argv[2]))
store = Store.open(sys.argv[1])
worker = TelegramWorker(TelegramIntake(store, EventBus()), EventBus(), s, lambda: TOKEN)
print("sent", worker.send_pending(TelegramBot(TOKEN, s.api_url)), flush=True)
"""


def test_a_reply_cut_off_by_kill_9_is_closed_as_uncertain_and_never_sent_twice(
    telegram: TelegramStandIn,
    store: Store,
    tmp_path: Path,
) -> None:
    telegram.send(private_chat(PETRA), "Pošlete fakturu?")
    assert sync(store, telegram) == 1
    [row] = store.inbox_page(InboxFilter(), 0, 5)
    outbox = Outbox(store)
    ctx = outbox.reply_context(row.id)
    entry = outbox.queue(row.id, ctx.account_key, reply_payload(store, ctx, "Ano, dnes."))
    script = tmp_path / "sender.py"
    script.write_text(SENDER.replace("TOKEN", repr(TOKEN)))
    args = [sys.executable, str(script), str(store.engine.url),
            json.dumps(settings(telegram).to_dict())]  # fmt: skip
    env = {**os.environ, "GASTRO_HUB_FAILPOINT": "after-telegram-send"}
    crashed = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    assert crashed.returncode == -9, crashed.stderr
    assert len(telegram.sent) == 1 and outbox.state(entry.id)[0].value == "sending"
    again = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    assert "sent 0" in again.stdout
    assert len(telegram.sent) == 1  # not sent blindly a second time
    state, attempts, why = outbox.state(entry.id)
    assert (state.value, attempts, why) == ("failed", 1, UNCERTAIN)
    assert "Look at the chat in Telegram" in UNCERTAIN


def test_a_reply_whose_answer_is_lost_is_not_sent_again(
    telegram: TelegramStandIn, store: Store
) -> None:
    telegram.send(private_chat(PETRA), "Máte skladem?")
    assert sync(store, telegram) == 1
    [row] = store.inbox_page(InboxFilter(), 0, 5)
    outbox = Outbox(store)
    ctx = outbox.reply_context(row.id)
    entry = outbox.queue(row.id, ctx.account_key, reply_payload(store, ctx, "Ano."))
    events = EventBus()
    statuses: list[ReplyStatus] = []
    events.subscribe(lambda e: statuses.append(e) if isinstance(e, ReplyStatus) else None)
    worker = worker_for(store, telegram, events=events)
    telegram.lose_answers.add("sendMessage")  # sent, but the answer never arrives
    bot = TelegramBot(TOKEN, telegram.url)
    try:
        with pytest.raises(ChannelProblem, match="connection to Telegram"):
            worker.send_pending(bot)
        telegram.lose_answers.clear()
        assert worker.send_pending(bot) == 0  # the next round does not send it again
    finally:
        bot.close()
    assert len(telegram.sent) == 1
    assert outbox.state(entry.id)[0].value == "failed"
    assert [(s.state, s.text) for s in statuses] == [("failed", UNCERTAIN_CONNECTION)]
