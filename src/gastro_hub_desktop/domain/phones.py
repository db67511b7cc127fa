"""Phone numbers in one form (E.164), so one customer's number matches across channels."""

from __future__ import annotations

DEFAULT_REGION = "CZ"


def to_e164(raw: str, default_region: str = DEFAULT_REGION) -> str | None:
    """Return the number in E.164 form, or None when `raw` is not a valid phone number."""
    import phonenumbers  # large metadata: loaded on the first phone number, not at start-up

    text = raw.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
