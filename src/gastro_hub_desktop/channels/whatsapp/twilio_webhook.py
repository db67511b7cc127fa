"""Twilio's WhatsApp webhooks: check X-Twilio-Signature (form posts and the JSON `bodySHA256`
variant), then turn an incoming message or a status callback into the provider-neutral
Inbound / StatusUpdate. Anything unsigned, forged or malformed is a WebhookRejected."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

from twilio.request_validator import (
    SIGNATURE_HEADER,
    SIGNATURE_SETTINGS_HEADER,
    RequestValidator,
    get_signature_algorithm,
)

from gastro_hub_desktop.channels.whatsapp.twilio_errors import delivery_error_text
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

# Twilio's message states (Message resource `status`, callbacks' MessageStatus/SmsStatus).
TWILIO_STATUS: dict[str, DeliveryStatus] = {
    "accepted": DeliveryStatus.QUEUED,
    "scheduled": DeliveryStatus.QUEUED,
    "queued": DeliveryStatus.QUEUED,
    "sending": DeliveryStatus.QUEUED,
    "sent": DeliveryStatus.SENT,
    "delivered": DeliveryStatus.DELIVERED,
    "partially_delivered": DeliveryStatus.DELIVERED,
    "read": DeliveryStatus.READ,
    "failed": DeliveryStatus.FAILED,
    "undelivered": DeliveryStatus.FAILED,
    "canceled": DeliveryStatus.FAILED,
}
INBOUND_STATES = {"received", "receiving"}
MAX_MEDIA = 10  # WhatsApp carries at most one; Twilio's MMS at most 10


class _Params(dict[str, list[str]]):
    """Posted parameters with every value kept (the validator signs repeated keys too)."""

    def getlist(self, name: str) -> list[str]:
        return self[name]


def whatsapp_number(address: str) -> str | None:
    """E.164 from Twilio's channel address ("whatsapp:+420…"), None when it is no number."""
    raw = address.strip()
    if raw.lower().startswith("whatsapp:"):
        raw = raw[len("whatsapp:") :]
    if not raw.startswith("+"):
        return None  # Twilio always sends the full international form
    return to_e164(raw)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


def _verify(url: str, headers: Mapping[str, str], body: bytes, auth_token: str) -> _Params:
    """The posted parameters once the signature holds; WebhookRejected(403) otherwise."""
    signature = _header(headers, SIGNATURE_HEADER)
    if not signature:
        raise WebhookRejected(403, "no X-Twilio-Signature header")
    if not auth_token:
        raise WebhookRejected(403, "no Auth Token to check X-Twilio-Signature with")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WebhookRejected(400, "body is not UTF-8") from exc
    validator = RequestValidator(auth_token)
    algorithm = get_signature_algorithm(_header(headers, SIGNATURE_SETTINGS_HEADER))
    query = parse_qs(urlsplit(url).query)
    content_type = (_header(headers, "Content-Type") or "").split(";")[0].strip().lower()
    if "bodySHA256" in query:
        # JSON (or any non-form) body: the URL is signed and carries the body's SHA-256. The
        # body is always checked against that hash here, whatever the Content-Type says.
        if not validator.validate(url, text, signature, algorithm):
            raise WebhookRejected(403, f"X-Twilio-Signature or bodySHA256 does not match {url}")
        return _json_params(text) if text.strip() else _Params()
    if content_type == "application/json":
        raise WebhookRejected(403, "a JSON body without bodySHA256 in the URL is not signed")
    params = _Params()
    for key, values in parse_qs(text, keep_blank_values=True).items():
        params[key] = values
    if not validator.validate(url, params, signature, algorithm):
        raise WebhookRejected(403, f"X-Twilio-Signature does not match the request to {url}")
    return params


def _json_params(text: str) -> _Params:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise WebhookRejected(400, "body is not JSON") from exc
    if not isinstance(data, dict):
        raise WebhookRejected(400, "JSON body is not an object")
    params = _Params()
    for key, value in data.items():
        values = value if isinstance(value, list) else [value]
        params[str(key)] = ["" if v is None else str(v) for v in values]
    return params


def parse_twilio_webhook(
    url: str, headers: Mapping[str, str], body: bytes, auth_token: str
) -> WebhookResult:
    """Authenticate and read one webhook request from Twilio.

    `url` must be the URL Twilio posted to, as Twilio saw it (scheme, host, port, path and
    query; the receiver rebuilds it behind a tunnel or proxy). Raises WebhookRejected: 403 for
    a missing or wrong signature, 400 for a body that is no Twilio message or status."""
    params = _verify(url, headers, body, auth_token)
    values = {key: items[0] for key, items in params.items() if items}
    sid = values.get("MessageSid") or values.get("SmsMessageSid") or values.get("SmsSid")
    if not sid or not sid.startswith(("SM", "MM")) or len(sid) != 34:
        raise WebhookRejected(400, f"no valid MessageSid in the webhook ({sid!r})")
    state = (values.get("MessageStatus") or values.get("SmsStatus") or "").strip().lower()
    if state and state not in INBOUND_STATES:
        return WebhookResult(messages=[], statuses=_status(sid, state, values, url))
    return WebhookResult(messages=[_inbound(sid, values)], statuses=[])


def _status(sid: str, state: str, values: dict[str, str], url: str) -> list[StatusUpdate]:
    status = TWILIO_STATUS.get(state)
    if status is None:
        # A state Twilio may add later: acknowledged (a 4xx would make Twilio retry or alert)
        # but nothing to record.
        log.warning("Twilio status callback for %s with unknown state %r ignored", sid, state)
        return []
    code = (values.get("ErrorCode") or "").strip() or None
    error_text = None
    if code is not None or status is DeliveryStatus.FAILED:
        customer = whatsapp_number(values.get("To", "")) or ""
        error_text = delivery_error_text(code, values.get("ErrorMessage", ""), customer) or None
    key = parse_qs(urlsplit(url).query).get("key", [None])[0]
    return [
        StatusUpdate(
            provider_message_id=sid,
            status=status,
            at=datetime.now(UTC),  # Twilio's callbacks carry no timestamp
            error_code=code,
            error_text=error_text,
            callback_data=key,
        )
    ]


def _inbound(sid: str, values: dict[str, str]) -> Inbound:
    customer = whatsapp_number(values.get("From", ""))
    if customer is None:
        raise WebhookRejected(400, f"From {values.get('From')!r} is not a phone number")
    # To is whichever number of ours received it (a Messaging Service pool has several): it
    # is read, never compared with the account's number.
    business = whatsapp_number(values.get("To", ""))
    if business is None:
        raise WebhookRejected(400, f"To {values.get('To')!r} is not a phone number")
    try:
        count = int(values.get("NumMedia") or 0)
    except ValueError as exc:
        raise WebhookRejected(400, f"NumMedia {values.get('NumMedia')!r} is no number") from exc
    if not 0 <= count <= MAX_MEDIA:
        raise WebhookRejected(400, f"NumMedia {count} is out of range")
    media = []
    problem = None
    for index in range(count):
        ref = values.get(f"MediaUrl{index}", "")
        if not ref.startswith("https://"):
            problem = f"media {index} has no usable URL"
            continue
        kind = values.get(f"MediaContentType{index}") or "application/octet-stream"
        media.append(Media(ref=ref, content_type=kind))
    text = values.get("Body", "")
    if not text and values.get("Latitude") and values.get("Longitude"):
        # a shared location: Twilio sends coordinates (and a place's name) instead of a body
        place = ", ".join(v for v in (values.get("Label"), values.get("Address")) if v)
        text = f"Location: {values['Latitude']}, {values['Longitude']}" + (
            f" ({place})" if place else ""
        )
    return Inbound(
        provider_message_id=sid,
        customer=customer,
        business=business,
        text=text,
        sent_at=datetime.now(UTC),  # Twilio's webhooks carry no timestamp
        customer_name=values.get("ProfileName", ""),
        media=tuple(media),
        problem=problem,
    )
