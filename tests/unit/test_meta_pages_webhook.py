"""Facebook Page and Instagram webhooks as Meta documents them: Messenger and Instagram
messages, attachments, echoes of our own messages with the metadata we sent, delivery and read
receipts, standby events; the X-Hub-Signature-256 check (valid, tampered, missing, wrong
secret) and the verify-token handshake; malformed bodies refused whole."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from tests.standins.meta_pages import (
    APP_SECRET,
    IG_ID,
    PAGE_ID,
    VERIFY_TOKEN,
    delivery_event,
    echo_event,
    envelope,
    message_event,
    read_event,
    sign,
)

from gastro_hub_desktop.channels.meta_pages.types import Platform
from gastro_hub_desktop.channels.meta_pages.webhook import parse_page_webhook, verify_subscription
from gastro_hub_desktop.channels.whatsapp.types import WebhookRejected

PSID = "6789012345678901"
IGSID = "1234567890123456"
T = 1_793_000_000_000  # ms


def signed(payload: dict[str, Any], secret: str = APP_SECRET) -> tuple[dict[str, str], bytes]:
    body = json.dumps(payload, separators=(",", ":")).encode()
    return {"X-Hub-Signature-256": sign(body, secret)}, body


def parse(payload: dict[str, Any], instagram: str = IG_ID) -> Any:
    headers, body = signed(payload)
    return parse_page_webhook(headers, body, APP_SECRET, PAGE_ID, instagram)


def test_a_messenger_message() -> None:
    event = message_event(
        "messenger", PSID, "Dobrý den, máte konvektomat?", mid="m_1", timestamp_ms=T
    )
    result = parse(envelope("messenger", [event]))
    [m] = result.page_messages
    assert (m.mid, m.platform, m.customer, m.outbound) == ("m_1", Platform.MESSENGER, PSID, False)
    assert m.text == "Dobrý den, máte konvektomat?"
    assert m.sent_at == datetime.fromtimestamp(T / 1000, UTC)
    assert m.platform.channel.value == "facebook"


def test_an_instagram_message_with_a_picture() -> None:
    picture = {
        "type": "image",
        "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1&signature=x"},
    }
    event = message_event(
        "instagram", IGSID, None, mid="aWdf1", timestamp_ms=T, attachments=[picture]
    )
    [m] = parse(envelope("instagram", [event])).page_messages
    assert m.platform is Platform.INSTAGRAM and m.platform.channel.value == "instagram"
    assert m.customer == IGSID and m.text == "" and m.problem is None
    assert m.attachments[0].kind == "image" and m.attachments[0].url.startswith("https://")


def test_an_echo_of_our_message_carries_the_metadata_back() -> None:
    event = echo_event(
        "messenger", PSID, "Zítra v 9:00.", mid="m_2", timestamp_ms=T, metadata="outbox-7"
    )
    [m] = parse(envelope("messenger", [event])).page_messages
    assert m.outbound and m.customer == PSID and m.metadata == "outbox-7"
    assert m.app_id == "1517776481860111"


def test_an_echo_sent_from_the_page_inbox_has_no_metadata() -> None:
    event = echo_event("instagram", IGSID, "Ahoj", mid="aWdf2", timestamp_ms=T, metadata=None)
    [m] = parse(envelope("instagram", [event])).page_messages
    assert m.outbound and m.metadata is None and m.customer == IGSID


def test_delivery_and_read_receipts() -> None:
    events = [delivery_event(PSID, ["m_2"], T + 5), read_event("messenger", PSID, T + 9, "m_2")]
    result = parse(envelope("messenger", events))
    delivered, read = result.receipts
    assert (delivered.status, delivered.mids, delivered.customer) == ("delivered", ("m_2",), PSID)
    assert delivered.watermark == datetime.fromtimestamp((T + 5) / 1000, UTC)
    assert read.status == "read" and read.watermark is not None and read.mids == ()
    [ig_read] = parse(envelope("instagram", [read_event("instagram", IGSID, T, "aWdf2")])).receipts
    assert ig_read.mids == ("aWdf2",) and ig_read.watermark is None


def test_standby_events_are_read_too() -> None:
    event = message_event("messenger", PSID, "Haló?", mid="m_3", timestamp_ms=T)
    [m] = parse(envelope("messenger", [event], key="standby")).page_messages
    assert m.mid == "m_3"


def test_entries_of_another_page_are_left_out() -> None:
    payload = envelope(
        "messenger", [message_event("messenger", PSID, "x", mid="m_4", timestamp_ms=T)]
    )
    payload["entry"][0]["id"] = "999999999999"
    assert parse(payload).page_messages == []


def test_seconds_timestamps_are_understood() -> None:
    event = message_event("instagram", IGSID, "Hi", mid="aWdf3", timestamp_ms=1_793_000_000)
    [m] = parse(envelope("instagram", [event])).page_messages
    assert m.sent_at == datetime.fromtimestamp(1_793_000_000, UTC)


def test_postbacks_and_reactions_are_not_taken_as_messages() -> None:
    event = {"sender": {"id": PSID}, "recipient": {"id": PAGE_ID}, "timestamp": T,
             "reaction": {"mid": "m_1", "action": "react", "emoji": "👍"}}  # fmt: skip
    result = parse(envelope("messenger", [event]))
    assert result.page_messages == [] and result.receipts == []


# ------------------------------------------------------------ signatures


def test_a_tampered_body_is_refused_with_403() -> None:
    payload = envelope(
        "messenger", [message_event("messenger", PSID, "Pay 10 Kč", mid="m_5", timestamp_ms=T)]
    )
    headers, body = signed(payload)
    forged = body.replace(b"10 K", b"99 K")
    with pytest.raises(WebhookRejected) as rejected:
        parse_page_webhook(headers, forged, APP_SECRET, PAGE_ID, IG_ID)
    assert rejected.value.status == 403


def test_a_missing_or_foreign_signature_is_refused_with_403() -> None:
    payload = envelope(
        "messenger", [message_event("messenger", PSID, "x", mid="m_6", timestamp_ms=T)]
    )
    _, body = signed(payload)
    for headers in ({}, {"X-Hub-Signature-256": "sha1=abc"}, signed(payload, "other-secret")[0]):
        with pytest.raises(WebhookRejected) as rejected:
            parse_page_webhook(headers, body, APP_SECRET, PAGE_ID, IG_ID)
        assert rejected.value.status == 403


def test_header_names_are_case_insensitive() -> None:
    payload = envelope(
        "messenger", [message_event("messenger", PSID, "x", mid="m_7", timestamp_ms=T)]
    )
    headers, body = signed(payload)
    lowered = {k.lower(): v for k, v in headers.items()}
    assert parse_page_webhook(lowered, body, APP_SECRET, PAGE_ID, IG_ID).page_messages


@pytest.mark.parametrize(
    "payload",
    [
        {"object": "whatsapp_business_account", "entry": []},
        {"object": "page", "entry": {}},
        {"object": "page", "entry": [{"id": PAGE_ID, "messaging": [{"message": {"mid": "m"}}]}]},
        {"object": "page", "entry": [{"id": PAGE_ID, "messaging": [
            {"sender": {"id": PSID}, "recipient": {"id": PAGE_ID}, "message": {"mid": "m"}}]}]},
        {"object": "page", "entry": [{"id": PAGE_ID, "messaging": [
            {"sender": {"id": PSID}, "recipient": {"id": PAGE_ID}, "timestamp": T,
             "message": {"text": "no mid"}}]}]},
        [1, 2],
    ],
)  # fmt: skip
def test_malformed_bodies_are_refused_whole_with_400(payload: Any) -> None:
    headers, body = signed(payload)
    with pytest.raises(WebhookRejected) as rejected:
        parse_page_webhook(headers, body, APP_SECRET, PAGE_ID, IG_ID)
    assert rejected.value.status == 400


def test_a_body_that_is_not_json_is_400() -> None:
    body = b"not json"
    headers = {"X-Hub-Signature-256": sign(body)}
    with pytest.raises(WebhookRejected) as rejected:
        parse_page_webhook(headers, body, APP_SECRET, PAGE_ID, IG_ID)
    assert rejected.value.status == 400


# ------------------------------------------------------------ handshake


def test_the_handshake_echoes_the_challenge_only_for_our_token() -> None:
    query = {
        "hub.mode": "subscribe",
        "hub.verify_token": VERIFY_TOKEN,
        "hub.challenge": "1158201444",
    }
    assert verify_subscription(query, VERIFY_TOKEN) == "1158201444"
    for wrong in ({**query, "hub.verify_token": "guess"}, {**query, "hub.mode": "unsubscribe"}):
        with pytest.raises(WebhookRejected) as rejected:
            verify_subscription(wrong, VERIFY_TOKEN)
        assert rejected.value.status == 403
