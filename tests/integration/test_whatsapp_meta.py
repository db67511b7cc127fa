"""The Meta WhatsApp Cloud API client against a loopback stand-in that follows Meta's documented
payloads: checking the token and number, sending text and templates (errors reach the caller as
ProviderRefusal in plain words), downloading media with the sha256 check, find_sent's honest
"cannot tell", signed webhooks end to end (handshake, messages, sent → delivered → read with our
outbox key), and the stand-in's own requests and answers checked against the documented shapes."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import jsonschema
import pytest
from tests.servers import wait_until
from tests.standins.meta import (
    ACCESS_TOKEN,
    APP_SECRET,
    PHONE_NUMBER_ID,
    VERIFY_TOKEN,
    MetaStandIn,
)

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.whatsapp.meta_client import MetaWhatsApp
from gastro_hub_desktop.channels.whatsapp.meta_webhook import (
    parse_meta_webhook,
    verify_subscription,
)
from gastro_hub_desktop.channels.whatsapp.settings import Provider, WhatsAppSettings
from gastro_hub_desktop.channels.whatsapp.types import (
    DeliveryStatus,
    Inbound,
    Media,
    ProviderRefusal,
    StatusUpdate,
    Template,
    WebhookRejected,
)

CUSTOMER = "+420777123456"
CUSTOMER_DIGITS = "420777123456"


@pytest.fixture
def meta() -> Iterator[MetaStandIn]:
    standin = MetaStandIn().start()
    yield standin
    standin.stop()


def settings(standin: MetaStandIn, number: str = "+420601234567") -> WhatsAppSettings:
    return WhatsAppSettings(
        provider=Provider.META,
        number=number,
        phone_number_id=PHONE_NUMBER_ID,
        api_url=standin.url,
    )


@pytest.fixture
def client(meta: MetaStandIn) -> Iterator[MetaWhatsApp]:
    provider = MetaWhatsApp(settings(meta), ACCESS_TOKEN, timeout=5)
    yield provider
    provider.close()


class Receiver:
    """Our side of Meta's webhooks, as small as can be: the handshake and signed POSTs."""

    def __init__(self) -> None:
        self.messages: list[Inbound] = []
        self.statuses: list[StatusUpdate] = []
        self.rejected: list[WebhookRejected] = []
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                query = {k: v[-1] for k, v in parse_qs(urlsplit(self.path).query).items()}
                try:
                    self._reply(200, verify_subscription(query, VERIFY_TOKEN).encode())
                except WebhookRejected as rejected:
                    self._reply(rejected.status, b"")

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    result = parse_meta_webhook(dict(self.headers.items()), body, APP_SECRET)
                except WebhookRejected as rejected:
                    with receiver._lock:
                        receiver.rejected.append(rejected)
                    self._reply(rejected.status, b"")
                    return
                with receiver._lock:
                    receiver.messages.extend(result.messages)
                    receiver.statuses.extend(result.statuses)
                self._reply(200, b"")

            def _reply(self, status: int, data: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/whatsapp/meta/420601234567"
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.stop()


# ------------------------------------------------------------ check


def test_check_names_the_verified_business_and_number(client: MetaWhatsApp) -> None:
    assert client.check() == "Meta WhatsApp OK: Gastro Praha s.r.o. (+420601234567)"


def test_check_refuses_an_expired_token_in_plain_words(meta: MetaStandIn) -> None:
    provider = MetaWhatsApp(settings(meta), "expired-token", timeout=5)
    try:
        with pytest.raises(ChannelProblem, match="expired or was revoked") as refused:
            provider.check()
    finally:
        provider.close()
    assert refused.value.retry is False
    assert isinstance(refused.value, ProviderRefusal) and refused.value.code == "190"
    assert "expired-token" not in str(refused.value)


def test_check_notices_a_phone_number_id_of_another_number(meta: MetaStandIn) -> None:
    provider = MetaWhatsApp(settings(meta, number="+420602000111"), ACCESS_TOKEN, timeout=5)
    try:
        with pytest.raises(ChannelProblem, match="belongs to \\+420601234567") as wrong:
            provider.check()
    finally:
        provider.close()
    assert wrong.value.retry is False


def test_check_with_an_unknown_phone_number_id_says_so(meta: MetaStandIn) -> None:
    wrong = settings(meta)
    wrong.phone_number_id = "999000999"
    provider = MetaWhatsApp(wrong, ACCESS_TOKEN, timeout=5)
    try:
        with pytest.raises(ProviderRefusal, match="check the phone number id") as unknown:
            provider.check()
    finally:
        provider.close()
    assert unknown.value.retry is False
    for bad in ("", "../me"):
        unset = WhatsAppSettings(Provider.META, "+420601234567", phone_number_id=bad)
        with pytest.raises(ChannelProblem, match="no valid phone number id"):
            MetaWhatsApp(unset, ACCESS_TOKEN)


def test_check_warns_about_a_red_quality_rating(meta: MetaStandIn, client: MetaWhatsApp) -> None:
    meta.quality_rating = "RED"
    assert "quality rating RED" in client.check()


def test_unreachable_meta_is_a_problem_worth_retrying(meta: MetaStandIn) -> None:
    provider = MetaWhatsApp(settings(meta), ACCESS_TOKEN, timeout=5)
    meta.stop()
    try:
        with pytest.raises(ChannelProblem, match="Cannot reach Meta") as away:
            provider.check()
    finally:
        provider.close()
    assert away.value.retry is True


# ------------------------------------------------------------ send


def test_send_text_carries_the_outbox_key_and_answers_the_wamid(
    meta: MetaStandIn, client: MetaWhatsApp
) -> None:
    sent = client.send(CUSTOMER, "Dobrý den, technik přijede zítra v 9:00.", None, "outbox-41")
    assert sent.status is DeliveryStatus.QUEUED
    assert sent.provider_message_id.startswith("wamid.")
    body = meta.sent[0]
    assert body["_wamid"] == sent.provider_message_id
    assert body["to"] == CUSTOMER_DIGITS and body["recipient_type"] == "individual"
    assert body["type"] == "text" and body["text"] == {
        "body": "Dobrý den, technik přijede zítra v 9:00."
    }
    assert body["biz_opaque_callback_data"] == "outbox-41"


def test_send_template_with_values_in_placeholder_order(
    meta: MetaStandIn, client: MetaWhatsApp
) -> None:
    template = Template("order_update", "cs", {"2": "pátek", "1": "OBJ-2291"})
    sent = client.send(CUSTOMER, None, template, "outbox-42")
    assert sent.status is DeliveryStatus.QUEUED
    spec = meta.sent[0]["template"]
    assert spec["name"] == "order_update" and spec["language"] == {"code": "cs"}
    assert spec["components"] == [
        {
            "type": "body",
            "parameters": [
                {"type": "text", "text": "OBJ-2291"},
                {"type": "text", "text": "pátek"},
            ],
        }
    ]


def test_template_without_placeholders_sends_no_components(
    meta: MetaStandIn, client: MetaWhatsApp
) -> None:
    client.send(CUSTOMER, None, Template("hello_world", "en_US"), "outbox-43")
    assert "components" not in meta.sent[0]["template"]


@pytest.mark.parametrize(
    ("code", "words", "flags"),
    [
        (131047, "More than 24 hours", {"outside_window": True, "retry": False}),
        (130429, "speed limit", {"rate_limited": True, "retry": True, "retry_after": 2.0}),
        (131056, "this customer in a short time", {"rate_limited": True, "retry_after": 6.0}),
        (80007, "rate limit", {"rate_limited": True, "retry": True}),
        (4, "limit on API calls", {"rate_limited": True, "retry": True}),
        (131026, "may not be on WhatsApp", {"retry": False, "outside_window": False}),
        (132000, "wrong number of values", {"retry": False}),
        (132001, "does not exist in this language", {"retry": False}),
        (132005, "too long", {"retry": False}),
        (132012, "format the template expects", {"retry": False}),
        (131051, "does not support this type", {"retry": False}),
        (190, "access token", {"retry": False}),
        (368, "restricted", {"retry": False}),
        (131000, "try again", {"retry": True}),
    ],
)
def test_send_errors_reach_the_caller_in_plain_words(
    meta: MetaStandIn, client: MetaWhatsApp, code: int, words: str, flags: dict[str, Any]
) -> None:
    meta.fail_next_send(code)
    with pytest.raises(ProviderRefusal, match=words) as refused:
        client.send(CUSTOMER, "Dobrý den", None, "outbox-1")
    assert refused.value.code == str(code)
    for name, value in flags.items():
        assert getattr(refused.value, name) == value, name
    assert meta.sent == []


def test_an_invalid_number_is_explained(meta: MetaStandIn, client: MetaWhatsApp) -> None:
    meta.fail_next_send(100, details="Invalid WhatsApp recipient phone number: 'to'.")
    with pytest.raises(ProviderRefusal, match="phone number is not valid") as refused:
        client.send(CUSTOMER, "Dobrý den", None, "outbox-2")
    assert refused.value.code == "100" and refused.value.retry is False


def test_rate_limit_wait_follows_metas_retry_after(meta: MetaStandIn, client: MetaWhatsApp) -> None:
    meta.fail_next_send(130429, retry_after=30)
    with pytest.raises(ProviderRefusal) as refused:
        client.send(CUSTOMER, "Dobrý den", None, "outbox-3")
    assert refused.value.rate_limited and refused.value.retry_after == 30.0


def test_template_mistakes_found_by_meta_are_explained(
    meta: MetaStandIn, client: MetaWhatsApp
) -> None:
    with pytest.raises(ProviderRefusal, match="does not exist in this language") as missing:
        client.send(CUSTOMER, None, Template("order_update", "de", {"1": "a", "2": "b"}), "k1")
    assert missing.value.code == "132001"
    with pytest.raises(ProviderRefusal, match="wrong number of values") as count:
        client.send(CUSTOMER, None, Template("order_update", "cs", {"1": "OBJ-1"}), "k2")
    assert count.value.code == "132000"
    with pytest.raises(ProviderRefusal, match="format") as layout:
        client.send(CUSTOMER, None, Template("order_update", "cs", {"1": "a\nb", "2": "c"}), "k3")
    assert layout.value.code == "132012"
    assert meta.sent == []


def test_bad_input_is_refused_before_anything_is_sent(
    meta: MetaStandIn, client: MetaWhatsApp
) -> None:
    with pytest.raises(ChannelProblem, match="not a valid phone number"):
        client.send("12", "Dobrý den", None, "k")
    with pytest.raises(ChannelProblem, match="at most 4096"):
        client.send(CUSTOMER, "x" * 4097, None, "k")
    with pytest.raises(ChannelProblem, match="language code"):
        client.send(CUSTOMER, None, Template("order_update"), "k")
    assert meta.count("POST") == 0


# ------------------------------------------------------------ media, find_sent, recent


def test_download_fetches_the_file_with_the_token_and_checks_sha256(
    meta: MetaStandIn, client: MetaWhatsApp
) -> None:
    content = b"%PDF-1.7 faktura 2291 " + bytes(range(256)) * 40
    stored = meta.add_media(content, "application/pdf")
    data, kind = client.download(Media(ref=stored.id, content_type="application/pdf"))
    assert data == content and kind == "application/pdf"
    assert meta.count("GET", f"/{stored.id}") == 1
    assert meta.count("GET", "/whatsapp_business/attachments/") == 1
    info_query = next(e.query for e in meta.exchanges if e.path.endswith(stored.id))
    assert info_query == {"phone_number_id": PHONE_NUMBER_ID}


def test_the_media_url_wants_the_token_like_metas(meta: MetaStandIn) -> None:
    stored = meta.add_media(b"voice", "audio/ogg")
    info = httpx.get(
        f"{meta.url}/{stored.id}", headers={"Authorization": f"Bearer {ACCESS_TOKEN}"}
    ).json()
    assert httpx.get(info["url"]).status_code in (400, 401)
    answer = httpx.get(info["url"], headers={"Authorization": f"Bearer {ACCESS_TOKEN}"})
    assert answer.content == b"voice"


def test_a_damaged_download_is_refused(meta: MetaStandIn, client: MetaWhatsApp) -> None:
    stored = meta.add_media(b"\xff\xd8\xff photo", "image/jpeg", wrong_sha256=True)
    with pytest.raises(ChannelProblem, match="damaged") as damaged:
        client.download(Media(ref=stored.id, content_type="image/jpeg"))
    assert damaged.value.retry is True


def test_a_media_ref_that_is_not_an_id_is_never_requested(
    meta: MetaStandIn, client: MetaWhatsApp
) -> None:
    for ref in ("../../me", "http://evil.example/x", ""):
        with pytest.raises(ChannelProblem, match="not a Meta media id"):
            client.download(Media(ref=ref, content_type="image/jpeg"))
    assert meta.requests == []


def test_find_sent_says_meta_cannot_tell(client: MetaWhatsApp) -> None:
    since = datetime(2026, 11, 1, tzinfo=UTC)
    with pytest.raises(ChannelProblem, match="cannot tell") as cannot:
        client.find_sent(CUSTOMER, since, "outbox-41", "Dobrý den")
    assert cannot.value.retry is False
    assert client.recent(since) == []


# ------------------------------------------------------------ webhooks end to end


def test_handshake_against_our_receiver(meta: MetaStandIn, receiver: Receiver) -> None:
    answer, challenge = meta.verify(receiver.url, VERIFY_TOKEN)
    assert answer.status_code == 200 and answer.text == challenge
    wrong, _ = meta.verify(receiver.url, "guessed")
    assert wrong.status_code == 403


def test_sent_delivered_read_come_back_with_the_outbox_key(
    meta: MetaStandIn, client: MetaWhatsApp, receiver: Receiver
) -> None:
    meta.status_webhook_url = receiver.url
    sent = client.send(CUSTOMER, "Náhradní díl je na cestě.", None, "outbox-77")
    meta.wait_idle()
    assert [s.status for s in receiver.statuses] == [
        DeliveryStatus.SENT,
        DeliveryStatus.DELIVERED,
        DeliveryStatus.READ,
    ]
    assert {s.provider_message_id for s in receiver.statuses} == {sent.provider_message_id}
    assert {s.callback_data for s in receiver.statuses} == {"outbox-77"}
    assert all(status == 200 for _, status in meta.webhook_posts)


def test_outside_the_window_meta_accepts_then_reports_failure(
    meta: MetaStandIn, client: MetaWhatsApp, receiver: Receiver
) -> None:
    meta.status_webhook_url = receiver.url
    meta.enforce_window = True
    sent = client.send(CUSTOMER, "Dobrý den, máme novou nabídku.", None, "outbox-80")
    meta.wait_idle()
    (failed,) = receiver.statuses
    assert failed.status is DeliveryStatus.FAILED
    assert failed.provider_message_id == sent.provider_message_id
    assert failed.error_code == "131047" and "24 hours" in (failed.error_text or "")
    assert failed.callback_data == "outbox-80"
    # the customer writes: the window opens and free text is delivered
    meta.deliver_message(receiver.url, CUSTOMER_DIGITS, "Dobrý den, co nabízíte?")
    client.send(CUSTOMER, "Posílám katalog.", None, "outbox-81")
    meta.wait_idle()
    assert [s.status for s in receiver.statuses[1:]] == [
        DeliveryStatus.SENT,
        DeliveryStatus.DELIVERED,
        DeliveryStatus.READ,
    ]


def test_a_customers_message_arrives_signed_and_parsed(
    meta: MetaStandIn, receiver: Receiver
) -> None:
    answer = meta.deliver_message(
        receiver.url,
        CUSTOMER_DIGITS,
        "Myčka hlásí chybu E4, pomozte prosím!",
        name="Bistro U Lípy",
        timestamp=1_790_000_000,
    )
    assert answer.status_code == 200
    (message,) = receiver.messages
    assert message.customer == CUSTOMER and message.business == "+420601234567"
    assert message.customer_name == "Bistro U Lípy"
    assert message.text == "Myčka hlásí chybu E4, pomozte prosím!"
    assert message.sent_at == datetime.fromtimestamp(1_790_000_000, tz=UTC)


def test_a_forged_post_is_rejected(meta: MetaStandIn, receiver: Receiver) -> None:
    payload = {"object": "whatsapp_business_account", "entry": []}
    answer = meta.deliver(receiver.url, payload, secret="not-the-app-secret")
    assert answer.status_code == 403
    wait_until(lambda: receiver.rejected, 5, "the rejection")
    assert receiver.messages == [] and receiver.statuses == []


def test_a_voice_note_from_a_webhook_downloads(
    meta: MetaStandIn, client: MetaWhatsApp, receiver: Receiver
) -> None:
    stored = meta.add_media(b"OggS voice note", "audio/ogg; codecs=opus")
    meta.deliver_message(
        receiver.url,
        CUSTOMER_DIGITS,
        kind="audio",
        content={
            "mime_type": "audio/ogg; codecs=opus",
            "sha256": stored.sha256,
            "id": stored.id,
            "voice": True,
        },
    )
    (message,) = receiver.messages
    (media,) = message.media
    assert media.ref == stored.id and media.content_type == "audio/ogg; codecs=opus"
    assert client.download(media) == (b"OggS voice note", "audio/ogg; codecs=opus")


# ------------------------------------------------------------ the stand-in keeps to Meta's shapes

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["message", "type", "code", "fbtrace_id"],
            "properties": {
                "message": {"type": "string"},
                "type": {"type": "string"},
                "code": {"type": "integer"},
                "error_subcode": {"type": "integer"},
                "fbtrace_id": {"type": "string"},
                "error_data": {
                    "type": "object",
                    "properties": {
                        "messaging_product": {"const": "whatsapp"},
                        "details": {"type": "string"},
                    },
                },
            },
        }
    },
}
TEXT_PARAMETER = {
    "type": "object",
    "required": ["type", "text"],
    "properties": {"type": {"const": "text"}, "text": {"type": "string"}},
}
SEND_REQUEST = {
    "type": "object",
    "required": ["messaging_product", "to", "type"],
    "properties": {
        "messaging_product": {"const": "whatsapp"},
        "recipient_type": {"enum": ["individual", "group"]},
        "to": {"type": "string", "pattern": "^[0-9]{8,15}$"},
        "type": {"enum": ["text", "template"]},
        "biz_opaque_callback_data": {"type": "string", "maxLength": 512},
        "text": {
            "type": "object",
            "required": ["body"],
            "properties": {
                "body": {"type": "string", "minLength": 1, "maxLength": 4096},
                "preview_url": {"type": "boolean"},
            },
            "additionalProperties": False,
        },
        "template": {
            "type": "object",
            "required": ["name", "language"],
            "properties": {
                "name": {"type": "string"},
                "language": {
                    "type": "object",
                    "required": ["code"],
                    "properties": {
                        "code": {"type": "string"},
                        "policy": {"const": "deterministic"},
                    },
                },
                "components": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["type", "parameters"],
                        "properties": {
                            "type": {"enum": ["header", "body", "button"]},
                            "parameters": {"type": "array", "items": TEXT_PARAMETER},
                        },
                    },
                },
            },
        },
    },
    "allOf": [
        {"if": {"properties": {"type": {"const": "text"}}}, "then": {"required": ["text"]}},
        {
            "if": {"properties": {"type": {"const": "template"}}},
            "then": {"required": ["template"]},
        },
    ],
}
SEND_RESPONSE = {
    "type": "object",
    "required": ["messaging_product", "contacts", "messages"],
    "properties": {
        "messaging_product": {"const": "whatsapp"},
        "contacts": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["input", "wa_id"],
                "properties": {"input": {"type": "string"}, "wa_id": {"type": "string"}},
            },
        },
        "messages": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"type": "string", "pattern": "^wamid\\."},
                    "message_status": {"enum": ["accepted", "held_for_quality_assessment"]},
                },
            },
        },
    },
}
PHONE_NUMBER = {
    "type": "object",
    "required": ["id", "display_phone_number", "verified_name", "quality_rating"],
    "properties": {
        "id": {"type": "string"},
        "display_phone_number": {"type": "string"},
        "verified_name": {"type": "string"},
        "quality_rating": {"enum": ["GREEN", "YELLOW", "RED", "NA", "UNKNOWN"]},
    },
}
MEDIA_INFO = {
    "type": "object",
    "required": ["messaging_product", "url", "mime_type", "sha256", "file_size", "id"],
    "properties": {
        "messaging_product": {"const": "whatsapp"},
        "url": {"type": "string", "format": "uri"},
        "mime_type": {"type": "string"},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "file_size": {"type": "string", "pattern": "^[0-9]+$"},
        "id": {"type": "string"},
    },
}
NUMERIC_STRING = {"type": "string", "pattern": "^[0-9]+$"}
WEBHOOK = {
    "type": "object",
    "required": ["object", "entry"],
    "properties": {
        "object": {"const": "whatsapp_business_account"},
        "entry": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "changes"],
                "properties": {
                    "changes": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["field", "value"],
                            "properties": {
                                "field": {"const": "messages"},
                                "value": {"$ref": "#/$defs/value"},
                            },
                        },
                    }
                },
            },
        },
    },
    "$defs": {
        "value": {
            "type": "object",
            "required": ["messaging_product", "metadata"],
            "properties": {
                "messaging_product": {"const": "whatsapp"},
                "metadata": {
                    "type": "object",
                    "required": ["display_phone_number", "phone_number_id"],
                },
                "contacts": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["profile", "wa_id"],
                        "properties": {
                            "profile": {"type": "object", "required": ["name"]},
                        },
                    },
                },
                "messages": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["from", "id", "timestamp", "type"],
                        "properties": {"timestamp": NUMERIC_STRING, "from": NUMERIC_STRING},
                    },
                },
                "statuses": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "status", "timestamp", "recipient_id"],
                        "properties": {
                            "status": {"enum": ["sent", "delivered", "read", "failed"]},
                            "timestamp": NUMERIC_STRING,
                            "biz_opaque_callback_data": {"type": "string"},
                            "errors": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["code", "title"],
                                    "properties": {"code": {"type": "integer"}},
                                },
                            },
                        },
                    },
                },
            },
        }
    },
}


def _validate(instance: Any, schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(schema).validate(instance)


def test_the_stand_ins_requests_and_answers_follow_metas_documented_shapes(
    meta: MetaStandIn, client: MetaWhatsApp, receiver: Receiver
) -> None:
    meta.status_webhook_url = receiver.url
    client.check()
    client.send(CUSTOMER, "Dobrý den", None, "outbox-1")
    client.send(CUSTOMER, None, Template("order_update", "cs", {"1": "A", "2": "B"}), "outbox-2")
    client.send(CUSTOMER, None, Template("hello_world", "en_US"), "outbox-3")
    for code in (131047, 130429, 100):
        meta.fail_next_send(code)
        with pytest.raises(ProviderRefusal):
            client.send(CUSTOMER, "Dobrý den", None, "outbox-x")
    with pytest.raises(ProviderRefusal):
        client.send(CUSTOMER, None, Template("order_update", "en"), "outbox-y")
    stored = meta.add_media(b"jpeg", "image/jpeg")
    client.download(Media(ref=stored.id, content_type="image/jpeg"))
    meta.deliver_message(receiver.url, CUSTOMER_DIGITS, "Ahoj")
    meta.wait_idle()

    shapes = {"phone": 0, "send": 0, "error": 0, "media": 0}
    for exchange in meta.exchanges:
        if exchange.status >= 400:
            _validate(exchange.response, ERROR)
            shapes["error"] += 1
            if exchange.method == "POST":
                _validate(exchange.request, SEND_REQUEST)
        elif exchange.path.endswith("/messages"):
            _validate(exchange.request, SEND_REQUEST)
            _validate(exchange.response, SEND_RESPONSE)
            shapes["send"] += 1
        elif exchange.path.endswith(f"/{PHONE_NUMBER_ID}"):
            assert exchange.query["fields"] == "display_phone_number,verified_name,quality_rating"
            _validate(exchange.response, PHONE_NUMBER)
            shapes["phone"] += 1
        elif exchange.path.endswith(f"/{stored.id}"):
            _validate(exchange.response, MEDIA_INFO)
            shapes["media"] += 1
    assert shapes == {"phone": 1, "send": 3, "error": 4, "media": 1}
    assert len(meta.webhook_posts) == 3 * 3 + 1
    for payload, status in meta.webhook_posts:
        _validate(json.loads(json.dumps(payload)), WEBHOOK)
        assert status == 200
    assert receiver.rejected == []
