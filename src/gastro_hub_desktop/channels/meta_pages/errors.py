"""Graph API errors of the Messenger Platform ({"error": {message, type, code, error_subcode,
fbtrace_id}}) for Facebook Pages and Instagram messaging, turned into problems a user can act
on: expired tokens, missing permissions, the messaging window, people who cannot be reached,
rate limits. The codes are those of Meta's "Messenger Platform error codes" page."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.whatsapp.meta_errors import graph_error
from gastro_hub_desktop.channels.whatsapp.types import ProviderRefusal

log = logging.getLogger(__name__)

TOKEN = (
    "Meta refused the Page access token: it has expired or was revoked (for example after a "
    "password change or when an admin removed the app). Create a new Page access token in "
    "Meta for Developers (or Business Settings → System users) and enter it again."
)
PERMISSION = (
    "Meta says the Page access token lacks a permission for messaging: it needs "
    "pages_messaging (and instagram_manage_messages for Instagram), and the app must be "
    "live or you must be its admin, developer or tester. Create a token with these "
    "permissions and enter it again."
)
WINDOW = (
    "Meta refused the reply because it is outside the allowed messaging window (24 hours "
    "after the customer's last message, 7 days with the Human Agent permission). Wait until "
    "the customer writes again."
)
HUMAN_AGENT_REFUSED = (
    "Meta refused the reply tagged HUMAN_AGENT: the page does not seem to have Meta's Human "
    'Agent permission. Turn off "Human agent" in the account settings (replies are then '
    "possible only within 24 hours) or request the permission in the app's App Review."
)
UNAVAILABLE = (
    "This person isn't available right now: they may have blocked the page, deleted the "
    "conversation or deactivated their account. The message was not delivered; contact them "
    "another way."
)
NO_USER = (
    "Meta knows no such person for this page (the conversation may have been deleted, or the "
    "id belongs to another page). The message was not sent."
)
RATE = "Meta's limit on messages or API calls was reached. The app waits and tries again."
TEMPORARY = "Meta could not send the message just now. The app will try again."

WINDOW_SUBCODES = {2018278, 2534022, 2018065, 2018108}
UNAVAILABLE_SUBCODES = {1545041}
RATE_CODES = {4, 17, 32, 613}
TOKEN_CODES = {102, 190}


def problem_from_response(
    status: int, body: bytes, headers: Mapping[str, str], action: str, tagged: bool = False
) -> ChannelProblem:
    """The problem to raise for a non-2xx Graph API answer. `action` says what we were doing
    ("send the Messenger message"); `tagged` that the request carried the HUMAN_AGENT tag."""
    error = graph_error(body)
    if error is None:
        log.warning("Meta answered %s with no error object while trying to %s", status, action)
        if status >= 500 or status == 429:
            return ChannelProblem(
                f"Meta's server could not {action} right now (HTTP {status}). The app will "
                "try again.",
                retry=True,
            )
        return ChannelProblem(f"Meta refused to {action} (HTTP {status}).", retry=False)
    code = _as_int(error.get("code"))
    subcode = _as_int(error.get("error_subcode"))
    message = str(error.get("message") or "")
    log.warning(
        "Meta refused to %s: HTTP %s code %s subcode %s type %s fbtrace_id %s: %s",
        action, status, code, subcode, error.get("type"), error.get("fbtrace_id"), message,
    )  # fmt: skip
    return refusal(code, subcode, message, status, action, tagged, _retry_after(headers))


def refusal(
    code: int,
    subcode: int,
    message: str,
    status: int,
    action: str,
    tagged: bool = False,
    retry_after: float | None = None,
) -> ProviderRefusal:
    """Plain words and flags for one Graph error code/subcode."""
    text = str(code)
    window = subcode in WINDOW_SUBCODES or "outside of allowed window" in message.lower()
    if code in TOKEN_CODES:
        return ProviderRefusal(TOKEN, text)
    if code == 551 or subcode in UNAVAILABLE_SUBCODES:
        return ProviderRefusal(UNAVAILABLE, text)
    if window and tagged:
        return ProviderRefusal(HUMAN_AGENT_REFUSED, text, outside_window=True)
    if window:
        return ProviderRefusal(WINDOW, text, outside_window=True)
    if code == 10 or 200 <= code <= 299:
        return ProviderRefusal(HUMAN_AGENT_REFUSED if tagged else PERMISSION, text)
    if code in RATE_CODES:
        return ProviderRefusal(RATE, text, rate_limited=True, retry_after=retry_after or 60.0)
    if code == 100 and subcode == 2018001:
        return ProviderRefusal(NO_USER, text)
    if code == 100 and subcode == 33:
        return ProviderRefusal(
            "Meta knows no such page for this token, or the token may not read it: check the "
            "Page id and that the token belongs to that page.",
            text,
        )
    if code == 368:
        return ProviderRefusal(
            "Meta has temporarily blocked the page from sending messages for a policy "
            "violation. Check the page's quality in Meta Business Suite.",
            text,
        )
    if code in (1, 2, 1200) or status >= 500:
        return ProviderRefusal(TEMPORARY, text, retry=True)
    words = message or f"HTTP {status}"
    return ProviderRefusal(f"Meta refused to {action}: {words} (code {code}).", text)


def _retry_after(headers: Mapping[str, str]) -> float | None:
    for key, value in headers.items():
        if key.lower() == "retry-after":
            try:
                return max(0.0, float(value))
            except ValueError:
                return None
    return None


def _as_int(value: object) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return -1
