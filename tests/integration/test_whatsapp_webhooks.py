"""The built-in webhook receiver with real parts: aiohttp on loopback, Twilio's own signing code
(the `twilio` SDK's RequestValidator) and Meta's documented HMAC, our parsers and the store.
A burst with duplicates and malformed posts, the same MessageSid ten times at once, forged,
re-addressed and replayed requests, a tunnel's forwarded headers, the Meta handshake, and
status callbacks that only move forward."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import random
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from sqlalchemy import func, select
from twilio.request_validator import RequestValidator

from gastro_hub_desktop.channels.whatsapp.settings import Provider, WhatsAppSettings
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.engine.assistant import Assistant
from gastro_hub_desktop.engine.events import ConversationsChanged, EventBus
from gastro_hub_desktop.engine.webhook_receiver import WebhookReceiver
from gastro_hub_desktop.engine.whatsapp_accounts import route_for
from gastro_hub_desktop.engine.whatsapp_intake import WhatsAppIntake
from gastro_hub_desktop.store.delivery import Deliveries
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.schema import Draft

TOKEN = "twilio-auth-token-for-tests"
APP_SECRET = "meta-app-secret-for-tests"
VERIFY = "verify-me-123"
OUR_NUMBER = "+420601000111"


def sid(n: int) -> str:
    return f"SM{n:032x}"


def inbound(n: int, sender: str = "+420602123456", **extra: str) -> dict[str, str]:
    return {
        "MessageSid": sid(n),
        "AccountSid": "AC" + "1" * 32,
        "From": f"whatsapp:{sender}",
        "To": f"whatsapp:{OUR_NUMBER}",
        "Body": f"Dobrý den, zpráva {n}",
        "NumMedia": "0",
        "ProfileName": "Bistro U Lípy",
        "WaId": sender.lstrip("+"),
        **extra,
    }


class Twilio:
    """Posts the way Twilio does: form-encoded, signed over the URL it posts to."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.validator = RequestValidator(TOKEN)

    def post(
        self,
        params: dict[str, str],
        *,
        signed_url: str | None = None,
        signature: str | None = None,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> httpx.Response:
        sig = signature or self.validator.compute_signature(signed_url or self.url, params)
        return httpx.post(
            self.url,
            content=body if body is not None else urlencode(params).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Twilio-Signature": sig,
                **(headers or {}),
            },
            timeout=30,
        )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(f"sqlite:///{tmp_path / 'webhooks.sqlite3'}")
    return s


def account(
    store: Store, provider: Provider = Provider.TWILIO, **changes: object
) -> WhatsAppSettings:
    settings = WhatsAppSettings(
        provider=provider,
        number=OUR_NUMBER,
        account_sid="AC" + "1" * 32,
        phone_number_id="1234567890",
        webhook_port=0,
        **changes,  # type: ignore[arg-type]
    )
    store.save_account(settings.account_key, Channel.WHATSAPP, "WhatsApp", settings.to_dict())
    return settings


@pytest.fixture
def events() -> EventBus:
    return EventBus()


@pytest.fixture
def receiver(store: Store, events: EventBus) -> Iterator[WebhookReceiver]:
    r = WebhookReceiver(WhatsAppIntake(store, events).take, "127.0.0.1", 0)
    r.start()
    yield r
    r.stop()


def twilio_account(store: Store, receiver: WebhookReceiver, **changes: object) -> Twilio:
    settings = account(store, **changes)
    receiver.add_route(route_for(settings, {"auth_token": TOKEN}))
    return Twilio(receiver.url + settings.webhook_path)


def stored(store: Store) -> int:
    return store.stats().messages


def test_a_burst_with_duplicates_and_malformed_posts_is_stored_exactly_once_each(
    store: Store, receiver: WebhookReceiver, events: EventBus
) -> None:
    twilio = twilio_account(store, receiver)
    new_counted: list[int] = []
    events.subscribe(
        lambda e: new_counted.append(e.new_messages) if isinstance(e, ConversationsChanged) else 0
    )
    posts: list[tuple[str, dict[str, str]]] = []
    for n in range(900):
        posts.append(("good", inbound(n, sender=f"+420602{n % 50:06d}")))
    for n in random.Random(7).sample(range(900), 50):  # providers retry: the same post again
        posts.append(("good", inbound(n, sender=f"+420602{n % 50:06d}")))
    for n in range(900, 925):  # no MessageSid
        params = inbound(n)
        del params["MessageSid"]
        posts.append(("malformed", params))
    for n in range(925, 950):  # signed with someone else's token
        posts.append(("forged", inbound(n)))
    random.Random(1).shuffle(posts)

    def send(item: tuple[str, dict[str, str]]) -> tuple[str, int]:
        kind, params = item
        if kind == "forged":
            other = RequestValidator("not-our-token").compute_signature(twilio.url, params)
            return kind, twilio.post(params, signature=other).status_code
        return kind, twilio.post(params).status_code

    with ThreadPoolExecutor(32) as pool:
        answers = list(pool.map(send, posts))

    assert {code for kind, code in answers if kind == "good"} == {200}
    assert {code for kind, code in answers if kind == "malformed"} == {400}
    assert {code for kind, code in answers if kind == "forged"} == {403}
    assert stored(store) == 900  # each message once; nothing of the rejected ones
    assert sum(new_counted) == 900
    assert receiver.rejected == 50


def test_the_same_message_sid_ten_times_at_once_gives_one_row(
    store: Store, receiver: WebhookReceiver, events: EventBus
) -> None:
    twilio = twilio_account(store, receiver)
    new_counted: list[int] = []
    events.subscribe(
        lambda e: new_counted.append(e.new_messages) if isinstance(e, ConversationsChanged) else 0
    )
    # ten different requests (not byte-identical replays) carrying one MessageSid: only the
    # database's unique key can tell they are one message
    variants = [inbound(42, ApiVersion=f"2010-04-0{n % 9 + 1}", Try=str(n)) for n in range(10)]
    with ThreadPoolExecutor(10) as pool:
        codes = list(pool.map(lambda p: twilio.post(p).status_code, variants))
    assert codes == [200] * 10
    assert stored(store) == 1
    assert sum(new_counted) == 1  # one new message announced
    # two assistants drafting at once (e.g. two processes on one database): one draft,
    # because the drafts' unique index on the message refuses the second
    assistants = [Assistant(store, events, refuse_auto_reply) for _ in range(2)]
    with ThreadPoolExecutor(2) as pool:
        made = [f.result() for f in [pool.submit(a.tick) for a in assistants]]
    assert sum(a.drafted for a in made) == 1
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Draft)).scalar_one() == 1


def refuse_auto_reply(conversation_id: int, text: str, auto: bool) -> object:
    raise AssertionError("auto-reply is off by default")


def test_forged_readdressed_unsigned_and_replayed_requests(
    store: Store, receiver: WebhookReceiver, caplog: pytest.LogCaptureFixture
) -> None:
    twilio = twilio_account(store, receiver)
    params = inbound(1)
    tampered = urlencode({**params, "Body": "Pošlete platbu na účet 123"}).encode()
    assert twilio.post(params, body=tampered).status_code == 403
    wrong_url = twilio.url.replace("/whatsapp/", "/elsewhere/whatsapp/")
    assert twilio.post(params, signed_url=wrong_url).status_code == 403
    unsigned = httpx.post(twilio.url, data=params, timeout=10)
    assert unsigned.status_code == 403
    assert stored(store) == 0

    caplog.set_level(logging.WARNING)
    assert twilio.post(params).status_code == 200
    assert twilio.post(params).status_code == 200  # answered, so the provider stops retrying
    assert stored(store) == 1
    assert "replayed webhook" in caplog.text
    assert "rejected (403)" in caplog.text


def test_the_signed_url_is_rebuilt_as_the_provider_saw_it(
    store: Store, receiver: WebhookReceiver
) -> None:
    twilio = twilio_account(store, receiver)
    path = twilio.url.removeprefix(receiver.url)
    seen_by_twilio = "https://gastro-hub.tunnel.example" + path
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "gastro-hub.tunnel.example"}
    response = twilio.post(inbound(1), signed_url=seen_by_twilio, headers=forwarded)
    assert response.status_code == 200
    # signed for the tunnel but arriving without its headers: not what Twilio signed
    assert twilio.post(inbound(2), signed_url=seen_by_twilio).status_code == 403
    assert stored(store) == 1


def test_a_configured_public_url_and_a_pool_number_validate(
    store: Store, receiver: WebhookReceiver
) -> None:
    public = "https://hooks.gastro.example"
    twilio = twilio_account(store, receiver, public_url=public)
    path = twilio.url.removeprefix(receiver.url)
    pool_number = inbound(7)
    pool_number["To"] = "whatsapp:+420601999888"  # another number of the Messaging Service
    assert twilio.post(pool_number, signed_url=public + path).status_code == 200
    assert stored(store) == 1


def test_status_callbacks_only_move_forward(store: Store, receiver: WebhookReceiver) -> None:
    twilio = twilio_account(store, receiver)
    settings_key = f"whatsapp:{OUR_NUMBER}"

    def status(state: str, **extra: str) -> int:
        params = {
            "MessageSid": sid(99),
            "AccountSid": "AC" + "1" * 32,
            "From": f"whatsapp:{OUR_NUMBER}",
            "To": "whatsapp:+420602123456",
            "MessageStatus": state,
            **extra,
        }
        return twilio.post(params).status_code

    assert status("sent") == 200
    assert status("read") == 200
    assert status("delivered") == 200  # late: must not move "read" back
    assert Deliveries(store).status_of(settings_key, sid(99)) == ("read", None)
    assert status("failed", ErrorCode="63016") == 200  # failure is final, whatever came before
    state, error = Deliveries(store).status_of(settings_key, sid(99))
    assert state == "failed" and error


def test_meta_handshake_and_signed_posts(store: Store, receiver: WebhookReceiver) -> None:
    settings = account(store, Provider.META)
    receiver.add_route(
        route_for(settings, {"access_token": "x", "app_secret": APP_SECRET, "verify_token": VERIFY})
    )
    url = receiver.url + settings.webhook_path
    ok = httpx.get(
        url, params={"hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "1158"}
    )
    assert (ok.status_code, ok.text) == (200, "1158")
    wrong = httpx.get(
        url, params={"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"}
    )
    assert wrong.status_code == 403

    payload = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "WABA1",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": OUR_NUMBER.lstrip("+"),
                                "phone_number_id": "1234567890",
                            },
                            "contacts": [
                                {"profile": {"name": "Hotel Vltava"}, "wa_id": "420603111222"}
                            ],
                            "messages": [
                                {
                                    "from": "420603111222",
                                    "id": "wamid.HBgMNDIwNjAzMTExMjIyFQIAEhgg",
                                    "timestamp": "1764072000",
                                    "type": "text",
                                    "text": {"body": "Konvektomat nehřeje, prosím servis."},
                                }
                            ],
                        },
                    }
                ],
            }
        ],
    }
    body = json.dumps(payload).encode()
    signature = "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": signature}
    assert httpx.post(url, content=body, headers=headers).status_code == 200
    forged = {**headers, "X-Hub-Signature-256": "sha256=" + "0" * 64}
    assert httpx.post(url, content=body, headers=forged).status_code == 403
    assert stored(store) == 1
    [row] = store.inbox_page(InboxFilter(), 0, 5)
    assert row.contact_address == "+420603111222"
