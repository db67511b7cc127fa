"""Reading a request Telegram posts to the bot's webhook: it must carry the secret token set
with setWebhook in the X-Telegram-Bot-Api-Secret-Token header (anything else is refused with
403 and not processed), and its body must be one JSON Update (else 400)."""

from __future__ import annotations

import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gastro_hub_desktop.channels.telegram.convert import update_id_of
from gastro_hub_desktop.channels.whatsapp.types import WebhookRejected

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass(frozen=True)
class TelegramWebhookResult:
    """The updates one authenticated webhook request carried (Telegram posts one per request)."""

    updates: list[dict[str, Any]]


def parse_webhook(headers: Mapping[str, str], body: bytes, secret: str) -> TelegramWebhookResult:
    given = next((v for k, v in headers.items() if k.lower() == SECRET_HEADER.lower()), None)
    if not secret:
        raise WebhookRejected(403, "no webhook secret is stored for this bot")
    if given is None:
        raise WebhookRejected(403, f"no {SECRET_HEADER} header")
    if not hmac.compare_digest(given.encode(), secret.encode()):
        raise WebhookRejected(403, f"wrong {SECRET_HEADER}")
    try:
        update = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise WebhookRejected(400, f"body is not JSON ({exc})") from exc
    if update_id_of(update) is None:
        raise WebhookRejected(400, "body is not a Telegram Update (no update_id)")
    return TelegramWebhookResult([update])
