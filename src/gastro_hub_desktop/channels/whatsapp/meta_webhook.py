"""Meta's WhatsApp webhooks: the GET verify-token handshake, the X-Hub-Signature-256 check
(HMAC-SHA256 of the raw body with the app secret) and the `messages` field's payload
(customers' messages of every type, delivery statuses with errors and our callback data)."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from gastro_hub_desktop.channels.whatsapp.meta_errors import explain
from gastro_hub_desktop.channels.whatsapp.types import (
    DeliveryStatus,
    Inbound,
    Media,
    StatusUpdate,
    WebhookRejected,
    WebhookResult,
)
from gastro_hub_desktop.domain.phones import to_e164

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Hub-Signature-256"
STATUSES = {
    "sent": DeliveryStatus.SENT,
    "delivered": DeliveryStatus.DELIVERED,
    "read": DeliveryStatus.READ,
    "failed": DeliveryStatus.FAILED,
}
MEDIA_TYPES = ("image", "audio", "video", "document", "sticker")
DEFAULT_MIME = {"sticker": "image/webp", "audio": "audio/ogg", "image": "image/jpeg"}


class Malformed(ValueError):
    """Part of the payload is missing or of the wrong type."""


def verify_subscription(query: Mapping[str, str], verify_token: str) -> str:
    """Answer Meta's GET handshake (hub.mode=subscribe, hub.verify_token, hub.challenge): the
    challenge to echo back, or WebhookRejected(403) when the token does not match ours."""
    mode = query.get("hub.mode", "")
    offered = query.get("hub.verify_token", "")
    challenge = query.get("hub.challenge")
    if mode != "subscribe":
        raise WebhookRejected(403, f"webhook verification with hub.mode={mode!r}")
    if not verify_token or not hmac.compare_digest(
        offered.encode("utf-8"), verify_token.encode("utf-8")
    ):
        raise WebhookRejected(403, "webhook verification with a wrong verify token")
    if not challenge:
        raise WebhookRejected(400, "webhook verification without hub.challenge")
    return challenge


def signature_ok(headers: Mapping[str, str], body: bytes, app_secret: str) -> bool:
    """True when X-Hub-Signature-256 is "sha256=" + hex HMAC-SHA256(app secret, raw body)."""
    given = _header(headers, SIGNATURE_HEADER)
    if not given or not app_secret or not given.startswith("sha256="):
        return False
    expected = hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(given.removeprefix("sha256=").strip().lower(), expected)


def parse_meta_webhook(headers: Mapping[str, str], body: bytes, app_secret: str) -> WebhookResult:
    """The messages and statuses of one signed webhook POST. A missing or wrong signature is
    WebhookRejected(403); a body that is not the documented shape is WebhookRejected(400) and
    nothing of it is returned."""
    if not _header(headers, SIGNATURE_HEADER):
        raise WebhookRejected(403, "webhook without X-Hub-Signature-256")
    if not signature_ok(headers, body, app_secret):
        raise WebhookRejected(403, "webhook with a wrong X-Hub-Signature-256")
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise WebhookRejected(400, f"webhook body is not JSON: {error}") from error
    try:
        return _parse(payload)
    except (Malformed, KeyError, TypeError, ValueError, OverflowError, OSError) as error:
        raise WebhookRejected(400, f"webhook payload not understood: {error!r}") from error


# ------------------------------------------------------------ payload


def _parse(payload: Any) -> WebhookResult:
    payload = _obj(payload, "payload")
    if payload.get("object") != "whatsapp_business_account":
        raise Malformed(f"object is {payload.get('object')!r}, not whatsapp_business_account")
    messages: list[Inbound] = []
    statuses: list[StatusUpdate] = []
    for entry in _list(payload.get("entry"), "entry"):
        for change in _list(_obj(entry, "entry").get("changes"), "changes"):
            change = _obj(change, "change")
            value = _obj(change.get("value"), "value")
            if change.get("field", "messages") != "messages":
                log.info("webhook field %r ignored", change.get("field"))
                continue
            business = ""
            if "messages" in value or "statuses" in value:
                metadata = _obj(value.get("metadata"), "metadata")
                business = _number(_text(metadata.get("display_phone_number"), "display number"))
            names = _names(value.get("contacts"))
            for message in _list(value.get("messages", []), "messages"):
                messages.append(_message(_obj(message, "message"), business, names))
            for status in _list(value.get("statuses", []), "statuses"):
                update = _status(_obj(status, "status"))
                if update is not None:
                    statuses.append(update)
    return WebhookResult(messages=messages, statuses=statuses)


def _message(message: dict[str, Any], business: str, names: dict[str, str]) -> Inbound:
    wamid = _text(message.get("id"), "message id")
    sender = _text(message.get("from"), "from")
    kind = _text(message.get("type"), "type")
    sent_at = _time(message.get("timestamp"))
    name = names.get(sender) or (next(iter(names.values())) if len(names) == 1 else "")
    text, media, problem = _content(kind, message)
    return Inbound(
        provider_message_id=wamid,
        customer=_number(sender),
        business=business,
        text=text,
        sent_at=sent_at,
        customer_name=name,
        media=media,
        problem=problem,
    )


def _content(kind: str, message: dict[str, Any]) -> tuple[str, tuple[Media, ...], str | None]:
    """Text, media and a problem note for one message by its documented type."""
    part = message.get(kind)
    if kind == "text":
        return _text(_obj(part, "text").get("body"), "text body", empty_ok=True), (), None
    if kind in MEDIA_TYPES:
        part = _obj(part, kind)
        media = Media(
            ref=_text(part.get("id"), f"{kind} id"),
            content_type=str(part.get("mime_type") or DEFAULT_MIME.get(kind, "")),
            filename=str(part.get("filename") or "") if kind == "document" else "",
            size=None,
        )
        caption = str(part.get("caption") or "")
        return caption, (media,), None
    if kind == "location":
        part = _obj(part, "location")
        latitude, longitude = float(part["latitude"]), float(part["longitude"])
        place = ", ".join(str(part[k]) for k in ("name", "address") if part.get(k))
        where = f"{latitude:.6f},{longitude:.6f}"
        text = (
            f"Location: {place + ' ' if place else ''}({where}) https://maps.google.com/?q={where}"
        )
        return text, (), None
    if kind == "button":
        part = _obj(part, "button")
        return str(part.get("text") or part.get("payload") or ""), (), None
    if kind == "interactive":
        part = _obj(part, "interactive")
        reply_kind = str(part.get("type") or "")
        reply = part.get(reply_kind)
        if reply_kind in ("button_reply", "list_reply") and isinstance(reply, dict):
            title = _text(reply.get("title"), "reply title", empty_ok=True)
            description = str(reply.get("description") or "")
            return (f"{title} — {description}" if description else title), (), None
        return "", (), f"The customer answered an interactive message ({reply_kind or 'unknown'})."
    if kind == "reaction":
        part = _obj(part, "reaction")
        emoji = str(part.get("emoji") or "")
        if emoji:
            return f"Reacted {emoji} to a message", (), None
        return "Removed a reaction from a message", (), None
    if kind == "contacts":
        cards = []
        for card in _list(part, "contacts"):
            card = _obj(card, "contact card")
            name = str(_obj(card.get("name", {}), "name").get("formatted_name") or "")
            phones = [str(p.get("phone")) for p in card.get("phones", []) if isinstance(p, dict)]
            cards.append(" ".join(filter(None, [name, *phones])))
        return "Contact card: " + "; ".join(cards), (), None
    if kind == "unsupported":
        return "", (), _unsupported(message)
    if kind == "system":
        body = str(_obj(part, "system").get("body") or "") if isinstance(part, dict) else ""
        return body, (), "A WhatsApp system notice, not written by the customer."
    return "", (), f"A WhatsApp message of type {kind!r} that the app cannot show yet."


def _unsupported(message: dict[str, Any]) -> str:
    inner = message.get("unsupported")
    what = str(inner.get("type") or "") if isinstance(inner, dict) else ""
    errors = message.get("errors")
    detail = ""
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        first = errors[0]
        data = first.get("error_data")
        detail = str(
            (data.get("details") if isinstance(data, dict) else "") or first.get("title") or ""
        )
    what = f" ({what})" if what else ""
    detail = f": {detail}" if detail else ""
    return (
        f"WhatsApp did not pass this message on{what}{detail}. Open WhatsApp on the business "
        "phone to see it."
    )


def _status(status: dict[str, Any]) -> StatusUpdate | None:
    wamid = _text(status.get("id"), "status id")
    value = _text(status.get("status"), "status")
    at = _time(status.get("timestamp"))
    mapped = STATUSES.get(value)
    if mapped is None:  # e.g. "deleted" or a status Meta adds later: not a delivery step
        log.info("status %r for %s ignored", value, wamid)
        return None
    code: str | None = None
    words: str | None = None
    errors = status.get("errors")
    if errors is not None:
        errors = _list(errors, "errors")
        if errors:
            first = _obj(errors[0], "error")
            code = str(first.get("code")) if first.get("code") is not None else None
            title = str(first.get("title") or first.get("message") or "")
            words = explain(code, title) if code is not None else (title or None)
    callback = status.get("biz_opaque_callback_data")
    return StatusUpdate(
        provider_message_id=wamid,
        status=mapped,
        at=at,
        error_code=code,
        error_text=words,
        callback_data=str(callback) if callback not in (None, "") else None,
    )


# ------------------------------------------------------------ small readers


def _names(contacts: Any) -> dict[str, str]:
    names: dict[str, str] = {}
    for contact in _list(contacts if contacts is not None else [], "contacts"):
        contact = _obj(contact, "contact")
        profile = contact.get("profile")
        name = str(profile.get("name") or "") if isinstance(profile, dict) else ""
        names[str(contact.get("wa_id") or "")] = name
    return names


def _number(digits: str) -> str:
    """E.164 for Meta's digits-only numbers; kept as +digits when the number is unusual."""
    text = digits.strip()
    plain = "".join(ch for ch in text if ch.isdigit())
    if not plain:
        raise Malformed(f"{digits!r} is not a phone number")
    return to_e164("+" + plain) or "+" + plain


def _time(value: Any) -> datetime:
    if isinstance(value, bool) or value is None:
        raise Malformed("timestamp missing")
    return datetime.fromtimestamp(int(str(value)), tz=UTC)


def _text(value: Any, what: str, empty_ok: bool = False) -> str:
    if not isinstance(value, str) or (not value and not empty_ok):
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


def _header(headers: Mapping[str, str], name: str) -> str:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return ""
