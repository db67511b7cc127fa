"""Meta Graph API errors ({"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}})
turned into problems a user can act on: the WhatsApp Cloud API codes we meet (24-hour window,
rate limits, templates, undeliverable numbers, expired tokens) in plain words."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.whatsapp.types import ProviderRefusal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Explanation:
    words: str
    outside_window: bool = False
    rate_limited: bool = False
    retry_after: float | None = None  # default wait when Meta sends no hint
    retry: bool = False  # trying the same request again later may work


WINDOW = (
    "More than 24 hours have passed since the customer last wrote on WhatsApp, so WhatsApp "
    "only allows an approved template now. Choose a template, or wait until the customer "
    "writes again."
)
TOKEN = (
    "Meta refused the access token: it has expired or was revoked. Create a new token "
    "(a permanent System User token is best) in Meta Business Settings and enter it again."
)
TEMPLATE_CHECK = "Check the template in WhatsApp Manager."

# Codes as listed in Meta's "Cloud API error codes" and Graph API "Handling errors" pages.
EXPLANATIONS: dict[int, Explanation] = {
    0: Explanation(TOKEN),
    102: Explanation(TOKEN),
    190: Explanation(TOKEN),
    3: Explanation(
        "Meta says this app may not use WhatsApp messaging: give the access token the "
        "whatsapp_business_messaging permission."
    ),
    10: Explanation(
        "Meta says the access token lacks a permission (whatsapp_business_messaging or "
        "whatsapp_business_management). Create a token with both and enter it again."
    ),
    1: Explanation("Meta had a temporary problem. The app will try again.", retry=True),
    2: Explanation(
        "Meta's service is temporarily unavailable. The app will try again.", retry=True
    ),
    4: Explanation(
        "Meta's limit on API calls for this app was reached. The app waits and tries again.",
        rate_limited=True,
        retry_after=60.0,
    ),
    80007: Explanation(
        "The WhatsApp Business Account reached Meta's rate limit. The app waits and tries again.",
        rate_limited=True,
        retry_after=60.0,
    ),
    130429: Explanation(
        "WhatsApp's sending speed limit for this number was reached. The app waits a moment "
        "and sends again.",
        rate_limited=True,
        retry_after=2.0,
    ),
    131056: Explanation(
        "Too many messages to this customer in a short time. The app waits a few seconds and "
        "sends again.",
        rate_limited=True,
        retry_after=6.0,
    ),
    131047: Explanation(WINDOW, outside_window=True),
    470: Explanation(WINDOW, outside_window=True),  # the on-premises API's name for 131047
    131026: Explanation(
        "WhatsApp could not deliver the message: the number may not be on WhatsApp, or the "
        "customer has to update WhatsApp or accept its new terms. Check the number or "
        "contact the customer another way."
    ),
    131021: Explanation("The message was addressed to our own WhatsApp number."),
    131048: Explanation(
        "WhatsApp is limiting this number because many recent messages were blocked or "
        "reported as spam. Check the number's quality in WhatsApp Manager."
    ),
    131049: Explanation(
        "WhatsApp chose not to deliver this marketing message to protect the customer from "
        "too many messages. Try again later or use a different template category."
    ),
    131031: Explanation(
        "Meta has locked the WhatsApp Business Account (a policy or verification problem). "
        "Check the account in WhatsApp Manager."
    ),
    131042: Explanation(
        "Meta refused the message because of a payment problem with the WhatsApp Business "
        "Account. Check the payment method in WhatsApp Manager."
    ),
    368: Explanation(
        "Meta has restricted the WhatsApp Business Account for a policy violation. Check "
        "Account quality in WhatsApp Manager."
    ),
    131051: Explanation("WhatsApp does not support this type of message."),
    131052: Explanation(
        "WhatsApp could not download the customer's media file. Ask the customer to send it again."
    ),
    131053: Explanation("WhatsApp could not process the media file: check its type and size."),
    131000: Explanation("Something went wrong at WhatsApp. The app will try again.", retry=True),
    131016: Explanation(
        "WhatsApp's service is temporarily overloaded. The app will try again.", retry=True
    ),
    133010: Explanation(
        "Our phone number is not registered with the WhatsApp Cloud API. Finish its "
        "registration in WhatsApp Manager."
    ),
    132000: Explanation(
        "The template got the wrong number of values for its placeholders. Fill in every "
        "placeholder. " + TEMPLATE_CHECK
    ),
    132001: Explanation(
        "The template does not exist in this language (or is not approved yet). Pick another "
        "language or template. " + TEMPLATE_CHECK
    ),
    132005: Explanation(
        "The template with the filled-in values is too long for WhatsApp. Shorten the values."
    ),
    132007: Explanation("The template's content breaks WhatsApp's policies. " + TEMPLATE_CHECK),
    132012: Explanation(
        "A value does not match the format the template expects for it. " + TEMPLATE_CHECK
    ),
    132015: Explanation("The template is paused because of low quality. " + TEMPLATE_CHECK),
    132016: Explanation(
        "The template was disabled because of low quality. Choose another template."
    ),
    131008: Explanation("A required part of the message is missing."),
    131009: Explanation("A value in the message is not valid."),
}


def explain(code: int | str | None, fallback: str = "") -> str:
    """Plain words for a Meta error code (used for failed delivery statuses too); Meta's own
    title or message when the code is not one we know."""
    known = EXPLANATIONS.get(_as_int(code))
    if known is not None:
        return known.words
    if fallback:
        return f"WhatsApp reported: {fallback} (code {code})."
    return f"WhatsApp reported error {code}."


def is_outside_window(code: int | str | None) -> bool:
    known = EXPLANATIONS.get(_as_int(code))
    return bool(known and known.outside_window)


def graph_error(body: Any) -> dict[str, Any] | None:
    """The `error` object of a Graph API answer, or None when the body has none."""
    if isinstance(body, bytes | str):
        try:
            body = json.loads(body)
        except ValueError:
            return None
    if isinstance(body, Mapping) and isinstance(body.get("error"), Mapping):
        return dict(body["error"])
    return None


def problem_from_response(
    status: int, body: bytes, headers: Mapping[str, str], action: str
) -> ChannelProblem:
    """The problem to raise for a non-2xx answer from the Graph API. `action` says what we were
    doing ("send the WhatsApp message") for answers without a known code."""
    error = graph_error(body)
    if error is None:
        log.warning("Meta answered %s with no error object while trying to %s", status, action)
        if status >= 500 or status == 429:
            return ChannelProblem(
                f"Meta's server could not {action} right now (HTTP {status}). The app will try "
                "again.",
                retry=True,
            )
        return ChannelProblem(f"Meta refused to {action} (HTTP {status}).", retry=False)
    code = _as_int(error.get("code"))
    subcode = error.get("error_subcode")
    message = str(error.get("message") or "")
    details = ""
    if isinstance(error.get("error_data"), Mapping):
        details = str(error["error_data"].get("details") or "")
    log.warning(
        "Meta refused to %s: HTTP %s code %s subcode %s type %s fbtrace_id %s: %s %s",
        action,
        status,
        code,
        subcode,
        error.get("type"),
        error.get("fbtrace_id"),
        message,
        details,
    )
    known = EXPLANATIONS.get(code)
    if known is None and 200 <= code <= 299:
        known = EXPLANATIONS[10]
    if known is not None:
        retry_after = _retry_after(headers) if known.rate_limited else None
        return ProviderRefusal(
            known.words,
            str(code),
            retry=known.retry,
            outside_window=known.outside_window,
            rate_limited=known.rate_limited,
            retry_after=retry_after if retry_after is not None else known.retry_after,
        )
    if code == 100 and subcode == 33:
        return ProviderRefusal(
            "Meta knows no such object for this access token: check the phone number id (and "
            "that the token belongs to the same WhatsApp Business Account).",
            "100",
        )
    if code == 100:
        return ProviderRefusal(_invalid_parameter(details or message), "100")
    words = details or message or f"HTTP {status}"
    if status >= 500:
        return ProviderRefusal(
            f"Meta had a problem and could not {action}: {words}. The app will try again.",
            str(code),
            retry=True,
        )
    return ProviderRefusal(f"Meta refused to {action}: {words} (code {code}).", str(code))


def _invalid_parameter(detail: str) -> str:
    lowered = detail.lower()
    if "phone" in lowered or "recipient" in lowered or "'to'" in lowered:
        return (
            "Meta says the customer's phone number is not valid for WhatsApp. Check the "
            f"number. ({detail})"
        )
    return f"Meta refused a value in the request: {detail or 'invalid parameter'}."


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """Meta's own hint how long to wait: Retry-After, or the estimated_time_to_regain_access
    (minutes) of the X-Business-Use-Case-Usage header."""
    lowered = {k.lower(): v for k, v in headers.items()}
    value = lowered.get("retry-after")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            pass
    usage = lowered.get("x-business-use-case-usage")
    if usage:
        try:
            data = json.loads(usage)
        except ValueError:
            return None
        minutes = [
            float(entry.get("estimated_time_to_regain_access") or 0)
            for entries in (data.values() if isinstance(data, dict) else [])
            for entry in (entries if isinstance(entries, list) else [])
            if isinstance(entry, dict)
        ]
        if minutes and max(minutes) > 0:
            return max(minutes) * 60.0
    return None


def _as_int(code: Any) -> int:
    try:
        return int(code)
    except (TypeError, ValueError):
        return -1
