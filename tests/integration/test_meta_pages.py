"""Facebook Page and Instagram messages end to end against a loopback Graph API stand-in, a
real store and a real keyring: the client (token check, sends, errors, the Conversations API),
and the accounts with their webhook receiver: the handshake, forged requests refused, Messenger
and Instagram messages in, duplicates and out-of-order deliveries stored once and in order,
replies within 24 hours, HUMAN_AGENT up to 7 days, refusal after, exactly once across kill -9
(closed by the Conversations API or by the message echo), polling, a revoked token."""

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

import httpx
import pytest
from tests.servers import wait_until
from tests.standins.meta_pages import (
    APP_SECRET,
    IG_ID,
    PAGE_ID,
    PAGE_NAME,
    PAGE_TOKEN,
    VERIFY_TOKEN,
    MetaPagesStandIn,
    envelope,
)

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.meta_pages.client import MetaPages
from gastro_hub_desktop.channels.meta_pages.settings import MetaPageSettings
from gastro_hub_desktop.channels.meta_pages.types import Platform
from gastro_hub_desktop.channels.whatsapp.types import ProviderRefusal
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, ChannelTab, Direction
from gastro_hub_desktop.engine.events import EventBus, ReplyStatus
from gastro_hub_desktop.engine.meta_pages_accounts import MetaPagesAccounts
from gastro_hub_desktop.store.outbox import Outbox
from gastro_hub_desktop.store.repository import Store

PSID = "6789012345678901"
IGSID = "1234567890123456"
SECRETS = {"page_token": PAGE_TOKEN, "app_secret": APP_SECRET, "verify_token": VERIFY_TOKEN}
KEY = f"meta-page:{PAGE_ID}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def meta_pages() -> Iterator[MetaPagesStandIn]:
    standin = MetaPagesStandIn().start()
    yield standin
    standin.stop()


def settings_for(standin: MetaPagesStandIn, **changes: object) -> MetaPageSettings:
    settings = MetaPageSettings(
        page_id=PAGE_ID, instagram_account_id=IG_ID, api_url=standin.url, webhook_port=free_port()
    )
    for name, value in changes.items():
        setattr(settings, name, value)
    return settings


@pytest.fixture
def client(meta_pages: MetaPagesStandIn) -> Iterator[MetaPages]:
    c = MetaPages(settings_for(meta_pages), PAGE_TOKEN, timeout=5)
    yield c
    c.close()


# ------------------------------------------------------------ the client


def test_check_reads_the_page_and_its_instagram_account(client: MetaPages) -> None:
    info = client.check()
    assert (info.page_id, info.name) == (PAGE_ID, PAGE_NAME)
    assert (info.instagram_id, info.instagram_username) == (IG_ID, "gastro.praha")


def test_check_explains_a_wrong_token_a_missing_permission_and_an_unlinked_account(
    meta_pages: MetaPagesStandIn,
) -> None:
    wrong = MetaPages(settings_for(meta_pages), "EAAG-someone-elses", timeout=5)
    with pytest.raises(ProviderRefusal, match="expired or was revoked") as refused:
        wrong.check()
    wrong.close()
    assert refused.value.retry is False and refused.value.code == "190"
    assert "EAAG-someone-elses" not in str(refused.value)

    meta_pages.permissions.discard("pages_messaging")
    c = MetaPages(settings_for(meta_pages), PAGE_TOKEN, timeout=5)
    with pytest.raises(ProviderRefusal, match="pages_messaging"):
        c.check()
    meta_pages.permissions.add("pages_messaging")
    meta_pages.instagram_linked = False
    with pytest.raises(ChannelProblem, match="is not linked to this page"):
        c.check()
    c.close()


def test_send_carries_the_outbox_key_as_metadata(
    meta_pages: MetaPagesStandIn, client: MetaPages
) -> None:
    meta_pages.customer_writes("messenger", PSID, "Dobrý den")
    sent = client.send(PSID, "Dobrý den, jak můžeme pomoci?", "outbox-1")
    body = meta_pages.sent[0]
    assert sent.message_id == body["_mid"] and sent.recipient_id == PSID
    assert body["recipient"] == {"id": PSID} and body["messaging_type"] == "RESPONSE"
    assert body["message"] == {"text": "Dobrý den, jak můžeme pomoci?", "metadata": "outbox-1"}
    assert "tag" not in body


@pytest.mark.parametrize(
    ("arrange", "words"),
    [
        (lambda s: s.blocked.add(PSID), "isn't available right now"),
        (lambda s: s.failures.append((4, None)), "limit"),
        (lambda s: s.failures.append((1200, None)), "try again"),
    ],
)
def test_send_errors_reach_the_caller_in_plain_words(
    meta_pages: MetaPagesStandIn, client: MetaPages, arrange: object, words: str
) -> None:
    meta_pages.customer_writes("messenger", PSID, "Dobrý den")
    arrange(meta_pages)  # type: ignore[operator]
    with pytest.raises(ProviderRefusal, match=words):
        client.send(PSID, "Dobrý den", "outbox-1")
    assert meta_pages.sent == []


def test_someone_who_never_wrote_and_bad_input(
    meta_pages: MetaPagesStandIn, client: MetaPages
) -> None:
    with pytest.raises(ProviderRefusal, match="no such person"):
        client.send("5550001112223334", "Dobrý den", "k")
    for recipient, text, words in (("../me", "x", "not a Messenger"), (PSID, " ", "empty"),
                                   (PSID, "x" * 2001, "at most 2000")):  # fmt: skip
        with pytest.raises(ChannelProblem, match=words):
            client.send(recipient, text, "k")
    assert meta_pages.count("POST") == 1


def test_recent_reads_both_platforms_with_paging(
    meta_pages: MetaPagesStandIn, client: MetaPages
) -> None:
    meta_pages.page_size = 2
    start = time.time() - 600
    for n in range(5):
        meta_pages.customer_writes(
            "messenger", f"70000000000000{n:02d}", f"zpráva {n}", when=start + n
        )
    meta_pages.customer_writes(
        "instagram", IGSID, "Ahoj z Instagramu", name="Petr Novák", when=start
    )
    found = client.recent(Platform.MESSENGER, datetime.fromtimestamp(start - 1, UTC))
    assert [m.text for m in found] == [f"zpráva {n}" for n in range(5)]
    assert all(not m.outbound and m.customer_name == "Jana Nováková" for m in found)
    assert meta_pages.count("GET", "/conversations") == 3  # 2 + 2 + 1
    [ig] = client.recent(Platform.INSTAGRAM, datetime.fromtimestamp(start - 1, UTC))
    assert ig.customer == IGSID and ig.customer_name == "petr.novák"
    assert client.recent(Platform.MESSENGER, datetime.now(UTC)) == []


# ------------------------------------------------------------ the accounts, end to end


@pytest.fixture
def credentials(secret_service: dict[str, str]) -> Credentials:
    from keyring.backends.SecretService import Keyring

    return Credentials(Keyring())


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(f"sqlite:///{tmp_path / 'pages.sqlite3'}")
    yield s
    s.close()


@pytest.fixture
def accounts(store: Store, credentials: Credentials) -> Iterator[MetaPagesAccounts]:
    kind = MetaPagesAccounts(store, EventBus(), credentials)
    yield kind
    kind.stop()


def connected(accounts: MetaPagesAccounts) -> None:
    wait_until(lambda: accounts.health()[KEY].state is HealthState.CONNECTED, 10, "connected")


def hook(settings: MetaPageSettings) -> str:
    return f"http://127.0.0.1:{settings.webhook_port}{settings.webhook_path}"


def test_messages_in_forgeries_out_and_a_reply_with_echo_and_receipts(
    meta_pages: MetaPagesStandIn, accounts: MetaPagesAccounts, store: Store,
    credentials: Credentials,
) -> None:  # fmt: skip
    settings = settings_for(meta_pages)
    summary = accounts.add(settings, SECRETS)
    assert PAGE_NAME in summary and "@gastro.praha" in summary and "within 24 h" in summary
    assert credentials.get(f"{KEY}:page_token") == PAGE_TOKEN
    assert PAGE_TOKEN not in json.dumps(store.accounts()) and APP_SECRET not in json.dumps(
        store.accounts()
    )
    [(key, name, saved)] = store.accounts(Channel.FACEBOOK)
    assert key == KEY and saved["page_name"] == PAGE_NAME and name == f"Facebook {PAGE_NAME}"
    connected(accounts)
    url = hook(settings)
    assert accounts.receiver_url(KEY) == url

    answer, challenge = meta_pages.verify(url, VERIFY_TOKEN)
    assert (answer.status_code, answer.text) == (200, challenge)
    assert meta_pages.verify(url, "guessed")[0].status_code == 403

    # forged: tampered body, no signature, another app's secret: 403, nothing stored
    payload = meta_pages.customer_writes("messenger", PSID, "Pošlete fakturu na účet 123")
    body = json.dumps(payload).encode()
    from tests.standins.meta_pages import sign

    tampered = body.replace(b"123", b"999")
    for headers, content in (({"X-Hub-Signature-256": sign(body)}, tampered), ({}, body),
                             ({"X-Hub-Signature-256": sign(body, "other")}, body)):  # fmt: skip
        assert httpx.post(url, content=content, headers=headers).status_code == 403
    assert store.stats().messages == 0

    assert meta_pages.deliver(url, payload).status_code == 200
    assert (
        meta_pages.deliver_message(url, "instagram", IGSID, "Máte skladem GN 1/1?").status_code
        == 200
    )
    wait_until(lambda: store.stats().messages == 2, 10, "stored")
    rows = store.inbox_page(InboxFilter(tab=ChannelTab.SOCIAL), 0, 10)
    assert {r.channel for r in rows} == {Channel.FACEBOOK, Channel.INSTAGRAM}
    [fb] = [r for r in rows if r.channel is Channel.FACEBOOK]
    assert fb.contact_address == PSID

    statuses: list[ReplyStatus] = []
    accounts.events.subscribe(lambda e: statuses.append(e) if isinstance(e, ReplyStatus) else None)
    meta_pages.webhook_url = url
    assert "Free reply possible" in accounts.window(fb.id)
    accounts.queue_reply(fb.id, "Dobrý den, fakturu posíláme e-mailem.")
    wait_until(lambda: len(meta_pages.sent) == 1, 10, "sent")
    sent = meta_pages.sent[0]
    assert sent["messaging_type"] == "RESPONSE" and "tag" not in sent
    meta_pages.wait_idle()

    def ours() -> list[object]:
        return [m for m in store.conversation(fb.id).messages if m.direction is Direction.OUTBOUND]

    wait_until(lambda: [m.delivery for m in ours()] == ["read"], 10, "read receipt")  # type: ignore[attr-defined]
    assert len(ours()) == 1  # the echo is the same message, stored once
    assert [s.state for s in statuses] == ["sent"]
    assert Outbox(store).state(1)[0].value == "sent"
    time.sleep(0.3)
    assert len(meta_pages.sent) == 1


def test_duplicates_and_out_of_order_deliveries_are_stored_once_in_order(
    meta_pages: MetaPagesStandIn, accounts: MetaPagesAccounts, store: Store
) -> None:
    settings = settings_for(meta_pages)
    accounts.add(settings, SECRETS)
    url = hook(settings)
    t = time.time() - 60
    first = meta_pages.customer_writes("messenger", PSID, "1. Dobrý den", when=t)
    second = meta_pages.customer_writes("messenger", PSID, "2. Myčka hlásí E4", when=t + 1)
    third = meta_pages.customer_writes("messenger", PSID, "3. Prosím servis", when=t + 2)
    for payload in (third, first, third, second, first):  # late, early, replayed
        assert meta_pages.deliver(url, payload).status_code == 200
    # the same message inside another request (Meta batches retries differently)
    both = envelope("messenger", first["entry"][0]["messaging"] + second["entry"][0]["messaging"])
    assert meta_pages.deliver(url, both).status_code == 200
    wait_until(lambda: store.stats().messages == 3, 10, "stored")
    time.sleep(0.3)
    [row] = store.inbox_page(InboxFilter(), 0, 5)
    texts = [m.text for m in store.conversation(row.id).messages]
    assert texts == ["1. Dobrý den", "2. Myčka hlásí E4", "3. Prosím servis"]
    assert row.unread == 3 and row.message_count == 3


def conversation_with_last_message(
    meta_pages: MetaPagesStandIn, accounts: MetaPagesAccounts, store: Store, hours_ago: float,
    **changes: object,
) -> int:  # fmt: skip
    settings = settings_for(meta_pages, **changes)
    accounts.add(settings, SECRETS)
    connected(accounts)
    when = time.time() - hours_ago * 3600
    assert (
        meta_pages.deliver_message(
            hook(settings), "messenger", PSID, "Dobrý den", when=when
        ).status_code
        == 200
    )
    wait_until(lambda: store.stats().messages == 1, 10, "stored")
    [row] = store.inbox_page(InboxFilter(), 0, 5)
    return row.id


def test_between_24_hours_and_7_days_replies_go_out_as_human_agent(
    meta_pages: MetaPagesStandIn, accounts: MetaPagesAccounts, store: Store
) -> None:
    meta_pages.human_agent_permission = True
    conversation = conversation_with_last_message(meta_pages, accounts, store, 30, human_agent=True)
    assert "HUMAN_AGENT" in accounts.window(conversation)
    accounts.queue_reply(conversation, "Omlouváme se za zpoždění, technik přijede v pondělí.")
    wait_until(lambda: len(meta_pages.sent) == 1, 10, "sent")
    assert meta_pages.sent[0]["messaging_type"] == "MESSAGE_TAG"
    assert meta_pages.sent[0]["tag"] == "HUMAN_AGENT"
    wait_until(lambda: Outbox(store).state(1)[0].value == "sent", 10, "closed")


def test_after_24_hours_without_the_permission_the_reply_is_refused_before_sending(
    meta_pages: MetaPagesStandIn, accounts: MetaPagesAccounts, store: Store
) -> None:
    conversation = conversation_with_last_message(meta_pages, accounts, store, 30)
    with pytest.raises(ChannelProblem, match="24 hours") as refused:
        accounts.queue_reply(conversation, "Dobrý den")
    assert "Human agent" in str(refused.value) and refused.value.retry is False
    assert meta_pages.count("POST") == 0


def test_a_page_that_claims_human_agent_without_having_it_is_told_why(
    meta_pages: MetaPagesStandIn, accounts: MetaPagesAccounts, store: Store
) -> None:
    conversation = conversation_with_last_message(meta_pages, accounts, store, 30, human_agent=True)
    statuses: list[ReplyStatus] = []
    accounts.events.subscribe(lambda e: statuses.append(e) if isinstance(e, ReplyStatus) else None)
    accounts.queue_reply(conversation, "Dobrý den")
    wait_until(lambda: any(s.state == "failed" for s in statuses), 10, "refused")
    [failed] = [s for s in statuses if s.state == "failed"]
    assert "Human Agent permission" in failed.text and "Turn off" in failed.text
    assert meta_pages.sent == [] and meta_pages.count("POST") == 1
    assert Outbox(store).state(1)[0].value == "failed"


def test_after_7_days_nothing_is_sent_even_with_human_agent(
    meta_pages: MetaPagesStandIn, accounts: MetaPagesAccounts, store: Store
) -> None:
    meta_pages.human_agent_permission = True
    conversation = conversation_with_last_message(
        meta_pages, accounts, store, 8 * 24, human_agent=True
    )
    with pytest.raises(ChannelProblem, match="more than 7 days") as refused:
        accounts.queue_reply(conversation, "Dobrý den")
    assert "nothing was sent" in str(refused.value)
    assert "7 days" in accounts.window(conversation)
    assert meta_pages.count("POST") == 0


def test_a_revoked_token_needs_attention_without_a_retry_storm(
    meta_pages: MetaPagesStandIn, accounts: MetaPagesAccounts, store: Store
) -> None:
    conversation = conversation_with_last_message(meta_pages, accounts, store, 1)
    meta_pages.token = "EAAG-a-new-token-the-app-does-not-know"
    accounts.queue_reply(conversation, "Dobrý den")
    wait_until(lambda: accounts.health()[KEY].state is HealthState.NEEDS_ATTENTION, 10, "attention")
    assert "expired or was revoked" in accounts.health()[KEY].message
    posts = meta_pages.count("POST")
    time.sleep(2.0)
    assert meta_pages.count("POST") == posts == 1  # not retried by itself
    assert Outbox(store).state(1)[0].value == "queued"  # the reply waits for a new token


def test_polling_the_conversations_api_without_a_public_address(
    meta_pages: MetaPagesStandIn, accounts: MetaPagesAccounts, store: Store
) -> None:
    meta_pages.customer_writes("messenger", PSID, "Dobrý den z Messengeru", when=time.time() - 60)
    meta_pages.customer_writes("instagram", IGSID, "Dobrý den z Instagramu", when=time.time() - 30)
    settings = settings_for(meta_pages, poll_seconds=1)
    accounts.add(settings, SECRETS)
    wait_until(lambda: store.stats().messages == 2, 10, "polled")
    payload = meta_pages.customer_writes("messenger", PSID, "Ještě jedna otázka")
    assert meta_pages.deliver(hook(settings), payload).status_code == 200  # webhook and list
    time.sleep(2.5)  # at least one more poll lists the same message
    assert store.stats().messages == 3
    positions = store.positions(KEY)
    assert set(positions) == {"conversations:messenger", "conversations:instagram"}
    assert positions["conversations:messenger"][1] >= int(time.time()) - 10


# ------------------------------------------------------------ exactly once across kill -9

SENDER = """
import sys, time
from keyring.backends.SecretService import Keyring
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.meta_pages_accounts import MetaPagesAccounts
from gastro_hub_desktop.store.repository import Store
store = Store.open(sys.argv[1])
accounts = MetaPagesAccounts(store, EventBus(), Credentials(Keyring()))
accounts.start_all()
deadline = time.time() + 30
state = None
while time.time() < deadline:
    with store.engine.connect() as conn:
        state = conn.exec_driver_sql("SELECT state FROM outbox").scalar()
    if state in ("sent", "failed"):
        break
    time.sleep(0.1)
print("state", state, flush=True)
accounts.stop()
"""


def crash_mid_send(
    meta_pages: MetaPagesStandIn, accounts: MetaPagesAccounts, store: Store, tmp_path: Path
) -> tuple[list[str], MetaPageSettings]:
    """A reply queued, then an app that dies (kill -9) right after Meta took the send."""
    settings = settings_for(meta_pages)
    accounts.add(settings, SECRETS)
    meta_pages.deliver_message(hook(settings), "messenger", PSID, "Kdy dorazí objednávka?")
    wait_until(lambda: store.stats().messages == 1, 10, "stored")
    [row] = store.inbox_page(InboxFilter(), 0, 5)
    accounts.stop()
    outbox = Outbox(store)
    ctx = outbox.reply_context(row.id)
    outbox.queue(row.id, KEY, accounts.reply_payload(ctx, "Zítra dopoledne."))
    meta_pages.webhook_url = None  # the echo does not reach the dying app (Meta retries later)
    script = tmp_path / "sender.py"
    script.write_text(SENDER)
    args = [sys.executable, str(script), str(store.engine.url)]
    env = {**os.environ, "GASTRO_HUB_FAILPOINT": "after-meta-page-send"}
    crashed = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    assert crashed.returncode == -9, crashed.stderr[-2000:]
    assert len(meta_pages.sent) == 1
    meta_pages.wait_idle()
    assert Outbox(store).state(1)[0].value == "sending"
    return args, settings


def test_a_send_cut_off_by_kill_9_is_found_in_the_conversation_and_not_repeated(
    meta_pages: MetaPagesStandIn, accounts: MetaPagesAccounts, store: Store, tmp_path: Path
) -> None:
    args, _ = crash_mid_send(meta_pages, accounts, store, tmp_path)
    again = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "state sent" in again.stdout
    assert len(meta_pages.sent) == 1
    [row] = store.inbox_page(InboxFilter(), 0, 5)
    [ours] = [m for m in store.conversation(row.id).messages if m.direction is Direction.OUTBOUND]
    assert ours.text == "Zítra dopoledne."


def test_a_send_cut_off_by_kill_9_that_meta_cannot_confirm_is_closed_by_its_echo(
    meta_pages: MetaPagesStandIn, store: Store, credentials: Credentials, tmp_path: Path
) -> None:
    first = MetaPagesAccounts(store, EventBus(), credentials)
    args, settings = crash_mid_send(meta_pages, first, store, tmp_path)
    meta_pages.list_lag = True  # the Conversations API does not list the send yet
    again = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "state failed" in again.stdout
    state, _attempts, error = Outbox(store).state(1)
    assert state.value == "failed" and error and "Meta Business Suite" in error
    assert len(meta_pages.sent) == 1  # not sent again blindly

    # the app runs again; Meta retries the echo webhook it could not deliver, with our key
    accounts = MetaPagesAccounts(store, EventBus(), credentials)
    try:
        accounts.start_all()
        echo = meta_pages.echo_of(meta_pages.sent[0])
        assert meta_pages.deliver(hook(settings), echo).status_code == 200
        wait_until(lambda: Outbox(store).state(1)[0].value == "sent", 10, "closed by echo")
        [row] = store.inbox_page(InboxFilter(), 0, 5)
        outbound = [
            m for m in store.conversation(row.id).messages if m.direction is Direction.OUTBOUND
        ]
        assert [m.text for m in outbound] == ["Zítra dopoledne."]
        assert len(meta_pages.sent) == 1
    finally:
        accounts.stop()


def test_bad_settings_are_refused_in_plain_words(
    accounts: MetaPagesAccounts, meta_pages: MetaPagesStandIn
) -> None:
    for changes, secrets, words in (
        ({"page_id": "gastro.praha"}, SECRETS, "not a Facebook Page id"),
        ({"instagram_account_id": "@gastro"}, SECRETS, "Instagram account id"),
        ({}, {**SECRETS, "app_secret": " "}, "app secret"),
        ({}, {"verify_token": "x"}, "page token and the app secret"),
    ):
        with pytest.raises(ChannelProblem, match=words):
            accounts.test(settings_for(meta_pages, **changes), secrets)
    assert meta_pages.requests == []
