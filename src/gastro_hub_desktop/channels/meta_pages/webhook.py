"""Webhooks of a Facebook Page (object "page": Messenger) and its Instagram professional
account (object "instagram"): X-Hub-Signature-256 checked with the app secret (the WhatsApp
webhook's check, reused), then entry[].messaging[] (and standby[]) read into customers'
messages, our page's own messages (echoes, carrying our Send API metadata back) and delivery /
read receipts. The GET handshake is WhatsApp's verify_subscription, the same for every object."""

from __future__ import annotations

import json
import logging
import posixpath
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from gastro_hub_desktop.channels.meta_pages.types import (
    PageAttachment,
    PageMessage,
    PageWebhookResult,
    Platform,
    Receipt,
)
from gastro_hub_desktop.channels.whatsapp.meta_webhook import (
    SIGNATURE_HEADER,
    signature_ok,
    verify_subscription,
)
from gastro_hub_desktop.channels.whatsapp.types import WebhookRejected

__all__ = ["parse_page_webhook", "to_time", "verify_subscription"]

log = logging.getLogger(__name__)

OBJECTS = {"page": Platform.MESSENGER, "instagram": Platform.INSTAGRAM}


class Malformed(ValueError):
    """Part of the payload is missing or of the wrong type."""


def parse_page_webhook(
    headers: Mapping[str, str],
    body: bytes,
    app_secret: str,
    page_id: str,
    instagram_id: str = "",
) -> PageWebhookResult:
    """What one signed webhook POST carries for this page. A missing or wrong signature is
    WebhookRejected(403); a body that is not the documented shape WebhookRejected(400), and
    nothing of it is returned. Entries of other pages (one app can serve several) are left out."""
    if not any(k.lower() == SIGNATURE_HEADER.lower() for k in headers):
        raise WebhookRejected(403, "webhook without X-Hub-Signature-256")
    if not signature_ok(headers, body, app_secret):
        raise WebhookRejected(403, "webhook with a wrong X-Hub-Signature-256")
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise WebhookRejected(400, f"webhook body is not JSON: {error}") from error
    try:
        return _parse(payload, page_id, instagram_id)
    except (Malformed, KeyError, TypeError, ValueError, OverflowError, OSError) as error:
        raise WebhookRejected(400, f"webhook payload not understood: {error!r}") from error


def _parse(payload: Any, page_id: str, instagram_id: str) -> PageWebhookResult:
    payload = _obj(payload, "payload")
    platform = OBJECTS.get(str(payload.get("object")))
    if platform is None:
        raise Malformed(f"object is {payload.get('object')!r}, not page or instagram")
    ours = page_id if platform is Platform.MESSENGER else instagram_id
    messages: list[PageMessage] = []
    receipts: list[Receipt] = []
    for entry in _list(payload.get("entry"), "entry"):
        entry = _obj(entry, "entry")
        entry_id = str(entry.get("id") or "")
        if ours and entry_id != ours:
            log.warning("webhook entry for %s %s is not this page's; left out", platform, entry_id)
            continue
        events = _list(entry.get("messaging", []), "messaging")
        events += _list(entry.get("standby", []), "standby")  # another app is primary receiver
        for event in events:
            event = _obj(event, "messaging event")
            if "message" in event:
                messages.append(_message(platform, event, ours or entry_id))
            elif "delivery" in event or "read" in event:
                receipts.append(_receipt(platform, event))
            else:
                kinds = sorted(k for k in event if k not in ("sender", "recipient", "timestamp"))
                log.info("%s webhook event %s not taken in", platform.label, kinds)
    return PageWebhookResult(page_messages=messages, receipts=receipts)


def _message(platform: Platform, event: dict[str, Any], ours: str) -> PageMessage:
    message = _obj(event["message"], "message")
    sender = _id(event.get("sender"), "sender")
    recipient = _id(event.get("recipient"), "recipient")
    echo = bool(message.get("is_echo")) or (bool(ours) and sender == ours)
    text = message.get("text")
    if text is not None and not isinstance(text, str):
        raise Malformed("message text is not a string")
    attachments = tuple(
        _attachment(a) for a in _list(message.get("attachments", []), "attachments")
    )
    problem = None
    if message.get("is_deleted"):
        problem = "The customer deleted this message."
    elif message.get("is_unsupported"):
        problem = f"{platform.label} did not pass this message on; open it in the app to see it."
    elif not text and not attachments:
        problem = f"A {platform.label} message the app cannot show yet."
    metadata = message.get("metadata")
    app_id = message.get("app_id")
    return PageMessage(
        mid=_text(message.get("mid"), "mid"),
        platform=platform,
        customer=recipient if echo else sender,
        text=text or "",
        sent_at=to_time(event.get("timestamp")),
        outbound=echo,
        attachments=attachments,
        metadata=str(metadata) if metadata not in (None, "") else None,
        app_id=str(app_id) if app_id not in (None, "") else None,
        problem=problem,
    )


def _attachment(raw: Any) -> PageAttachment:
    raw = _obj(raw, "attachment")
    kind = str(raw.get("type") or "file")
    payload = raw.get("payload")
    url = str(payload.get("url") or "") if isinstance(payload, dict) else ""
    name = str(raw.get("title") or "") or posixpath.basename(urlsplit(url).path)
    return PageAttachment(kind=kind, url=url, name=name)


def _receipt(platform: Platform, event: dict[str, Any]) -> Receipt:
    status = "delivery" if "delivery" in event else "read"
    part = _obj(event[status], status)
    customer = _id(event.get("sender"), "sender")
    watermark = part.get("watermark")
    mids = [str(m) for m in _list(part.get("mids", []), "mids")]
    if part.get("mid"):  # Instagram names the message read
        mids.append(str(part["mid"]))
    return Receipt(
        platform=platform,
        customer=customer,
        status="delivered" if status == "delivery" else "read",
        watermark=to_time(watermark) if watermark is not None else None,
        mids=tuple(mids),
    )


# ------------------------------------------------------------ small readers


def to_time(value: Any) -> datetime:
    """Meta's timestamps: milliseconds since 1970 (Instagram's examples also show seconds)."""
    if isinstance(value, bool) or value is None:
        raise Malformed("timestamp missing")
    number = int(str(value))
    seconds = number / 1000 if number > 100_000_000_000 else number
    return datetime.fromtimestamp(seconds, tz=UTC)


def _id(value: Any, what: str) -> str:
    found = _obj(value, what).get("id")
    if isinstance(found, int) and not isinstance(found, bool):
        return str(found)
    return _text(found, f"{what} id")


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value:
        raise Malformed(f"{what} missing")
    return value


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Malformed(f"{what} is not an object")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise Malformed(f"{what} is not a list")
    return value
