"""A Telegram webhook request is taken only with the right X-Telegram-Bot-Api-Secret-Token
(a missing or wrong one is 403) and a JSON Update body (else 400)."""

from __future__ import annotations

import json

import pytest

from gastro_hub_desktop.channels.telegram.webhook import SECRET_HEADER, parse_webhook
from gastro_hub_desktop.channels.whatsapp.types import WebhookRejected

SECRET = "s3cret_Token-123"
UPDATE = {
    "update_id": 42,
    "message": {"message_id": 1, "chat": {"id": 1, "type": "private"}, "date": 1, "text": "hi"},
}


def test_the_right_secret_is_taken_in_any_header_case() -> None:
    body = json.dumps(UPDATE).encode()
    assert parse_webhook({SECRET_HEADER: SECRET}, body, SECRET).updates == [UPDATE]
    assert parse_webhook({SECRET_HEADER.lower(): SECRET}, body, SECRET).updates == [UPDATE]


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({}, json.dumps(UPDATE).encode(), 403),
        ({SECRET_HEADER: "wrong"}, json.dumps(UPDATE).encode(), 403),
        ({SECRET_HEADER: ""}, json.dumps(UPDATE).encode(), 403),
        ({SECRET_HEADER: SECRET}, b"not json", 400),
        ({SECRET_HEADER: SECRET}, b'{"message": {}}', 400),
        ({SECRET_HEADER: SECRET}, b"[1, 2]", 400),
    ],
)
def test_bad_requests_are_refused(headers: dict[str, str], body: bytes, status: int) -> None:
    with pytest.raises(WebhookRejected) as refused:
        parse_webhook(headers, body, SECRET)
    assert refused.value.status == status


def test_without_a_stored_secret_nothing_is_taken() -> None:
    with pytest.raises(WebhookRejected) as refused:
        parse_webhook({SECRET_HEADER: ""}, json.dumps(UPDATE).encode(), "")
    assert refused.value.status == 403
