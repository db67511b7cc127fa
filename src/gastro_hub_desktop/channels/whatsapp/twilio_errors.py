"""Twilio's error codes for WhatsApp in words a user can act on, and how the outbox should treat
each one (only a template now, wait and retry, or give up). One table, used by the REST client
for refused requests and by the webhook parser for failed-delivery callbacks."""

from __future__ import annotations

from dataclasses import dataclass

from gastro_hub_desktop.channels.whatsapp.types import ProviderRefusal

SANDBOX_NUMBER = "+14155238886"  # Twilio's shared WhatsApp sandbox sender


@dataclass(frozen=True)
class TwilioError:
    """What one Twilio error code means here. `words` may name {to}, {sender}, {code} and
    {credentials} (filled in by `explain`)."""

    words: str
    retry: bool = False
    outside_window: bool = False
    rate_limited: bool = False


_WINDOW = TwilioError(
    "The customer last wrote more than 24 hours ago, so WhatsApp allows only an approved "
    "template now (Twilio error {code}). Choose a template; free text is possible again once "
    "the customer replies.",
    outside_window=True,
)
_RATE = TwilioError(
    "Twilio is limiting how fast {sender} may send (error {code}). The message waits in the "
    "outbox and goes out by itself in a moment.",
    rate_limited=True,
)
_BAD_NUMBER = TwilioError(
    "{to} is not a WhatsApp number that Twilio can reach (error {code}). Check the number, or "
    "contact the customer another way."
)
_NOT_OUR_SENDER = TwilioError(
    "{sender} is not a WhatsApp sender in this Twilio account (error {code}). Check the number "
    "in the account settings, or register it in Twilio Console → Messaging → Senders → "
    "WhatsApp senders."
)
_CREDENTIALS = TwilioError(
    "Twilio refused these credentials (error {code}): check the {credentials}.",
)

ERRORS: dict[int, TwilioError] = {
    20003: _CREDENTIALS,
    20404: TwilioError(
        "Twilio does not know this account or message (error {code}): check the Account SID."
    ),
    20429: _RATE,
    21211: _BAD_NUMBER,
    21606: _NOT_OUR_SENDER,
    21617: TwilioError(
        "The message is longer than Twilio allows for WhatsApp (1,600 characters; error "
        "{code}). Shorten it or send it in two parts."
    ),
    21610: TwilioError(
        "The customer at {to} has opted out of messages from this sender (they replied STOP; "
        "Twilio error {code}). Nothing can be sent to them until they write START."
    ),
    63007: _NOT_OUR_SENDER,
    63015: TwilioError(
        "This account uses Twilio's WhatsApp sandbox and {to} has not joined it (error "
        "{code}). Ask the customer to send the message 'join <your sandbox keyword>' from "
        "WhatsApp to {sender}; the keyword is shown in Twilio Console → Messaging → Try it "
        "out → Send a WhatsApp message."
    ),
    63016: _WINDOW,
    63017: _RATE,
    63018: _RATE,
    63021: TwilioError(
        "WhatsApp refused the message content (Twilio error {code}): the template or its "
        "variables are too long or not valid for this template. Shorten the values or check "
        "the template in Twilio Console → Content Template Builder."
    ),
    63024: _BAD_NUMBER,
    63032: TwilioError(
        "WhatsApp did not deliver this message to {to} (Twilio error {code}): WhatsApp limits "
        "marketing templates to each user. Try again later or reach the customer another way."
    ),
    63049: TwilioError(
        "WhatsApp chose not to deliver this marketing message to {to} (Twilio error {code})."
    ),
}


def _fill(words: str, code: int | str, to: str, sender: str, api_key: bool) -> str:
    credentials = "API key SID and its secret" if api_key else "Account SID and Auth Token"
    return words.format(
        code=code, to=to or "the customer", sender=sender or "the sender", credentials=credentials
    )


def explain(
    code: int | None,
    http_status: int,
    twilio_message: str = "",
    *,
    to: str = "",
    sender: str = "",
    api_key: bool = False,
    retry_after: float | None = None,
    sandbox: bool = False,
) -> ProviderRefusal:
    """The refusal to raise for a Twilio error answer (HTTP status, Twilio code and text)."""
    if http_status == 429 and code not in ERRORS:
        code = 20429
    known = ERRORS.get(code) if code is not None else None
    if known is not None:
        message = _fill(known.words, code, to, sender, api_key)
    elif http_status == 401:
        message = _fill(_CREDENTIALS.words, code or 20003, to, sender, api_key)
    else:
        detail = twilio_message.strip() or f"HTTP {http_status}"
        message = f"Twilio refused the request (error {code or http_status}): {detail}"
    rate_limited = known.rate_limited if known else False
    if rate_limited and retry_after is None:
        retry_after = 3.0 if sandbox else 1.0  # the sandbox allows one message per 3 seconds
    return ProviderRefusal(
        message,
        str(code or http_status),
        retry=(known.retry if known else http_status >= 500),
        outside_window=known.outside_window if known else False,
        rate_limited=rate_limited,
        retry_after=retry_after if rate_limited else None,
    )


def delivery_error_text(code: str | int | None, twilio_message: str = "", to: str = "") -> str:
    """Words for a failed-delivery callback's ErrorCode (Twilio's own text when unknown)."""
    if code in (None, ""):
        return twilio_message
    try:
        number = int(code)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return twilio_message or f"Twilio error {code}"
    known = ERRORS.get(number)
    if known is None:
        return twilio_message or f"WhatsApp did not deliver the message (Twilio error {number})."
    return _fill(known.words, number, to, "", False)
