"""Meta's WhatsApp webhooks: the verify-token handshake, X-Hub-Signature-256 (valid, tampered
body, missing header, wrong secret), every documented message type parsed into Inbound (unknown
ones kept with a note), statuses with errors and our callback data, malformed bodies → 400 with
nothing half-parsed. Payloads are written out as Meta's webhook reference shows them."""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from gastro_hub_desktop.channels.whatsapp.meta_webhook import (
    parse_meta_webhook,
    verify_subscription,
)
from gastro_hub_desktop.channels.whatsapp.types import DeliveryStatus, Media, WebhookRejected

SECRET = "app-secret-of-the-meta-app"
CUSTOMER = "420777123456"
WAMID = "wamid.HBgLNDIwNzc3MTIzNDU2FQIAEhgUM0E0QTY1OTlBRUUwMzgxMDE0NEYA"


def signed(payload: Any, secret: str = SECRET) -> tuple[dict[str, str], bytes]:
    body = json.dumps(payload).encode() if not isinstance(payload, bytes) else payload
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"Content-Type": "application/json", "X-Hub-Signature-256": signature}, body


def webhook(value: dict[str, Any]) -> dict[str, Any]:
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "102290129340398", "changes": [{"value": value, "field": "messages"}]}],
    }


def metadata() -> dict[str, str]:
    return {"display_phone_number": "420601234567", "phone_number_id": "106540352242922"}


def inbound(kind: str, content: dict[str, Any] | None, **extra: Any) -> dict[str, Any]:
    message: dict[str, Any] = {
        "from": CUSTOMER,
        "id": WAMID,
        "timestamp": "1790000000",
        "type": kind,
        **extra,
    }
    if content is not None:
        message[kind] = content
    return webhook(
        {
            "messaging_product": "whatsapp",
            "metadata": metadata(),
            "contacts": [{"profile": {"name": "Bistro U Lípy"}, "wa_id": CUSTOMER}],
            "messages": [message],
        }
    )


def parse(payload: Any, secret: str = SECRET):  # type: ignore[no-untyped-def]
    headers, body = signed(payload, secret)
    return parse_meta_webhook(headers, body, SECRET)


# ------------------------------------------------------------ handshake


def test_handshake_echoes_the_challenge_for_our_token() -> None:
    query = {"hub.mode": "subscribe", "hub.verify_token": "vt-123", "hub.challenge": "1158201444"}
    assert verify_subscription(query, "vt-123") == "1158201444"


@pytest.mark.parametrize(
    "query",
    [
        {"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"},
        {"hub.mode": "unsubscribe", "hub.verify_token": "vt-123", "hub.challenge": "1"},
        {"hub.challenge": "1"},
    ],
)
def test_handshake_with_a_wrong_token_or_mode_is_refused(query: dict[str, str]) -> None:
    with pytest.raises(WebhookRejected) as rejected:
        verify_subscription(query, "vt-123")
    assert rejected.value.status == 403


def test_handshake_never_matches_an_empty_token() -> None:
    query = {"hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1"}
    with pytest.raises(WebhookRejected):
        verify_subscription(query, "")


# ------------------------------------------------------------ signature


def test_a_correctly_signed_post_is_parsed() -> None:
    result = parse(inbound("text", {"body": "Dobrý den"}))
    assert [m.text for m in result.messages] == ["Dobrý den"]


def test_a_tampered_body_is_rejected() -> None:
    headers, body = signed(inbound("text", {"body": "Objednávám 2 ks"}))
    tampered = body.replace(b"2 ks", b"9 ks")
    with pytest.raises(WebhookRejected) as rejected:
        parse_meta_webhook(headers, tampered, SECRET)
    assert rejected.value.status == 403


def test_a_missing_signature_is_rejected() -> None:
    _, body = signed(inbound("text", {"body": "Ahoj"}))
    with pytest.raises(WebhookRejected, match="without X-Hub-Signature-256") as rejected:
        parse_meta_webhook({"Content-Type": "application/json"}, body, SECRET)
    assert rejected.value.status == 403


def test_a_signature_made_with_another_secret_is_rejected() -> None:
    with pytest.raises(WebhookRejected) as rejected:
        parse(inbound("text", {"body": "Ahoj"}), secret="someone-elses-secret")
    assert rejected.value.status == 403


def test_header_names_are_case_insensitive_and_the_old_sha1_header_is_not_enough() -> None:
    headers, body = signed(inbound("text", {"body": "Ahoj"}))
    lower = {k.lower(): v for k, v in headers.items()}
    assert parse_meta_webhook(lower, body, SECRET).messages
    sha1 = "sha1=" + hmac.new(SECRET.encode(), body, hashlib.sha1).hexdigest()
    with pytest.raises(WebhookRejected):
        parse_meta_webhook({"X-Hub-Signature": sha1}, body, SECRET)
    with pytest.raises(WebhookRejected):
        parse_meta_webhook({"X-Hub-Signature-256": sha1}, body, SECRET)


# ------------------------------------------------------------ message types


def test_text_message() -> None:
    (message,) = parse(inbound("text", {"body": "Myčka hlásí E4"})).messages
    assert message.provider_message_id == WAMID
    assert message.customer == "+420777123456" and message.business == "+420601234567"
    assert message.customer_name == "Bistro U Lípy"
    assert message.sent_at == datetime(2026, 9, 21, 14, 13, 20, tzinfo=UTC)
    assert message.text == "Myčka hlásí E4" and message.media == () and message.problem is None
    assert message.outbound is False


@pytest.mark.parametrize(
    ("kind", "content", "media", "text"),
    [
        (
            "image",
            {"caption": "Rozbitý šuplík", "mime_type": "image/jpeg", "sha256": "ab", "id": "111"},
            Media(ref="111", content_type="image/jpeg"),
            "Rozbitý šuplík",
        ),
        (
            "audio",
            {"mime_type": "audio/ogg; codecs=opus", "sha256": "ab", "id": "222", "voice": True},
            Media(ref="222", content_type="audio/ogg; codecs=opus"),
            "",
        ),
        (
            "video",
            {"mime_type": "video/mp4", "sha256": "ab", "id": "333", "caption": "Zvuk motoru"},
            Media(ref="333", content_type="video/mp4"),
            "Zvuk motoru",
        ),
        (
            "document",
            {
                "filename": "faktura-2291.pdf",
                "mime_type": "application/pdf",
                "sha256": "ab",
                "id": "444",
            },
            Media(ref="444", content_type="application/pdf", filename="faktura-2291.pdf"),
            "",
        ),
        (
            "sticker",
            {"mime_type": "image/webp", "sha256": "ab", "id": "555", "animated": False},
            Media(ref="555", content_type="image/webp"),
            "",
        ),
    ],
)
def test_media_messages(kind: str, content: dict[str, Any], media: Media, text: str) -> None:
    (message,) = parse(inbound(kind, content)).messages
    assert message.media == (media,)
    assert message.media[0].size is None
    assert message.text == text and message.problem is None


def test_location_message() -> None:
    content = {
        "latitude": 50.0755,
        "longitude": 14.4378,
        "name": "Bistro U Lípy",
        "address": "Vinohradská 12, Praha",
    }
    (message,) = parse(inbound("location", content)).messages
    assert "Bistro U Lípy, Vinohradská 12, Praha" in message.text
    assert "50.075500,14.437800" in message.text


def test_quick_reply_button_of_a_template() -> None:
    content = {"payload": "Ano, potvrzuji", "text": "Ano, potvrzuji"}
    context = {"context": {"from": "420601234567", "id": "wamid.previous"}}
    (message,) = parse(inbound("button", content, **context)).messages
    assert message.text == "Ano, potvrzuji"


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (
            {"type": "button_reply", "button_reply": {"id": "yes", "title": "Přijeďte dnes"}},
            "Přijeďte dnes",
        ),
        (
            {
                "type": "list_reply",
                "list_reply": {"id": "r2", "title": "Servis", "description": "Do 24 hodin"},
            },
            "Servis — Do 24 hodin",
        ),
    ],
)
def test_interactive_replies(content: dict[str, Any], text: str) -> None:
    (message,) = parse(inbound("interactive", content)).messages
    assert message.text == text and message.problem is None


def test_reaction() -> None:
    content = {"message_id": "wamid.ours", "emoji": "👍"}
    (message,) = parse(inbound("reaction", content)).messages
    assert "👍" in message.text


def test_unsupported_message_is_kept_with_a_note() -> None:
    errors = [
        {
            "code": 131051,
            "title": "Message type unknown",
            "message": "Message type unknown",
            "error_data": {"details": "Message type is currently not supported."},
        }
    ]
    payload = inbound("unsupported", {"type": "poll_update"}, errors=errors)
    (message,) = parse(payload).messages
    assert message.provider_message_id == WAMID
    assert message.problem is not None and "poll_update" in message.problem
    assert "not supported" in message.problem


def test_an_unknown_type_is_kept_not_dropped() -> None:
    (message,) = parse(inbound("order", {"catalog_id": "1", "product_items": []})).messages
    assert message.provider_message_id == WAMID
    assert message.problem is not None and "'order'" in message.problem


def test_several_entries_and_changes_in_one_post() -> None:
    first = inbound("text", {"body": "jedna"})
    second = copy.deepcopy(first)
    second["entry"][0]["changes"][0]["value"]["messages"][0]["id"] = "wamid.second"
    second["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = "dvě"
    first["entry"].append(second["entry"][0])
    assert [m.text for m in parse(first).messages] == ["jedna", "dvě"]


def test_other_webhook_fields_are_accepted_and_ignored() -> None:
    payload = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "field": "message_template_status_update",
                        "value": {"event": "APPROVED", "message_template_name": "order_update"},
                    }
                ],
            }
        ],
    }
    result = parse(payload)
    assert result.messages == [] and result.statuses == []


# ------------------------------------------------------------ statuses


def status(**item: Any) -> dict[str, Any]:
    base = {"id": WAMID, "status": "delivered", "timestamp": "1790000100", "recipient_id": CUSTOMER}
    return webhook(
        {
            "messaging_product": "whatsapp",
            "metadata": metadata(),
            "statuses": [base | item],
        }
    )


@pytest.mark.parametrize("name", ["sent", "delivered", "read"])
def test_statuses_carry_our_callback_data(name: str) -> None:
    (update,) = parse(status(status=name, biz_opaque_callback_data="outbox-41")).statuses
    assert update.provider_message_id == WAMID
    assert update.status is DeliveryStatus(name)
    assert update.callback_data == "outbox-41"
    assert update.at == datetime(2026, 9, 21, 14, 15, tzinfo=UTC)
    assert update.error_code is None and update.error_text is None


def test_a_failed_status_explains_the_error() -> None:
    errors = [
        {
            "code": 131047,
            "title": "Re-engagement message",
            "message": "Re-engagement message",
            "error_data": {"details": "Message failed to send because more than 24 hours..."},
            "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
        }
    ]
    payload = status(status="failed", errors=errors, biz_opaque_callback_data="outbox-9")
    (update,) = parse(payload).statuses
    assert update.status is DeliveryStatus.FAILED
    assert update.error_code == "131047"
    assert "24 hours" in (update.error_text or "")
    assert update.callback_data == "outbox-9"


def test_a_failed_status_with_an_unknown_code_keeps_metas_title() -> None:
    errors = [{"code": 135000, "title": "Generic user error"}]
    (update,) = parse(status(status="failed", errors=errors)).statuses
    assert update.error_code == "135000" and "Generic user error" in (update.error_text or "")


def test_a_status_without_callback_data() -> None:
    (update,) = parse(status()).statuses
    assert update.callback_data is None


def test_a_status_meta_adds_later_is_skipped_not_rejected() -> None:
    assert parse(status(status="deleted")).statuses == []


# ------------------------------------------------------------ malformed → 400


def _without(path: list[Any]) -> dict[str, Any]:
    payload = inbound("text", {"body": "Ahoj"})
    target: Any = payload
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return payload


MESSAGE = ["entry", 0, "changes", 0, "value", "messages", 0]


@pytest.mark.parametrize(
    "payload",
    [
        b"{not json",
        b"\xff\xfe",
        b"[]",
        {"object": "page", "entry": []},
        {"object": "whatsapp_business_account"},
        {"object": "whatsapp_business_account", "entry": [{"changes": "x"}]},
        _without([*MESSAGE, "id"]),
        _without([*MESSAGE, "from"]),
        _without([*MESSAGE, "timestamp"]),
        _without([*MESSAGE, "type"]),
        _without([*MESSAGE, "text"]),
        _without(["entry", 0, "changes", 0, "value", "metadata"]),
        inbound("image", {"mime_type": "image/jpeg"}),  # no media id
        inbound("text", {"body": "x"}, timestamp="yesterday"),
        status(status=None),
    ],
)
def test_malformed_bodies_are_400(payload: Any) -> None:
    with pytest.raises(WebhookRejected) as rejected:
        parse(payload)
    assert rejected.value.status == 400


def test_nothing_is_returned_half_parsed() -> None:
    payload = inbound("text", {"body": "first, fine"})
    broken = copy.deepcopy(payload["entry"][0]["changes"][0]["value"]["messages"][0])
    del broken["from"]
    payload["entry"][0]["changes"][0]["value"]["messages"].append(broken)
    with pytest.raises(WebhookRejected) as rejected:
        parse(payload)
    assert rejected.value.status == 400
