"""Graph API errors met when publishing to a Facebook Page or Instagram account, in words a user
can act on. The error object and the token words are shared with WhatsApp (meta_errors); the
codes here are those of Pages and Instagram content publishing."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.whatsapp.meta_errors import TOKEN, graph_error

log = logging.getLogger(__name__)

PERMISSION = (
    "Meta says the access token lacks a permission for this. For a Facebook Page it needs "
    "pages_manage_posts and pages_read_engagement (and pages_read_user_content for comments); "
    "for Instagram instagram_basic and instagram_content_publish. Create a Page token with "
    "them and enter it again."
)
RATE = "Meta's limit on API calls was reached. The app waits and tries again later."

# (code, subcode or None) → (words, retry)
EXPLANATIONS: dict[tuple[int, int | None], tuple[str, bool]] = {
    (190, None): (TOKEN, False),
    (102, None): (TOKEN, False),
    (10, None): (PERMISSION, False),
    (200, None): (PERMISSION, False),
    (3, None): (PERMISSION, False),
    (1, None): ("Meta had a temporary problem. The app will try again.", True),
    (2, None): ("Meta's service is temporarily unavailable. The app will try again.", True),
    (4, None): (RATE, True),
    (17, None): (RATE, True),
    (32, None): (RATE, True),
    (613, None): (RATE, True),
    (368, None): (
        "Facebook has temporarily blocked this Page from posting (a policy or spam check). "
        "Check the Page's notifications on Facebook.",
        False,
    ),
    (506, None): (
        "Facebook refused the post because the Page published the same text a moment ago. "
        "Change the text if it should really appear twice.",
        False,
    ),
    (100, 33): (
        "Meta knows no such Page or Instagram account for this token: check the ID, and that "
        "the token belongs to that Page.",
        False,
    ),
    (9004, 2207052): (
        "Instagram could not fetch the picture from its address. The address must be public "
        "(open it in a private browser window to check) and point to a JPEG image.",
        False,
    ),
    (36003, 2207009): (
        "Instagram refused the picture's shape: its aspect ratio must be between 4:5 and "
        "1.91:1. Crop the picture and try again.",
        False,
    ),
    (9, 2207042): (
        "This Instagram account has reached its limit of posts published through the API in "
        "24 hours. Retry the post tomorrow.",
        False,
    ),
    (9007, 2207027): (
        "Instagram has not finished processing the picture yet. The app will try again.",
        True,
    ),
    (352, 2207026): (
        "Instagram does not support this picture's format: use a JPEG image.",
        False,
    ),
}


def problem_from_response(
    status: int, body: bytes, headers: Mapping[str, str], action: str
) -> ChannelProblem:
    """The problem to raise for a non-2xx Graph API answer while trying to `action`."""
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
    code = _int(error.get("code"))
    subcode = error.get("error_subcode")
    sub = _int(subcode) if subcode is not None else None
    message = str(error.get("error_user_msg") or error.get("message") or "")
    log.warning(
        "Meta refused to %s: HTTP %s code %s subcode %s type %s fbtrace_id %s: %s",
        action,
        status,
        code,
        subcode,
        error.get("type"),
        error.get("fbtrace_id"),
        message,
    )
    known = EXPLANATIONS.get((code, sub)) or EXPLANATIONS.get((code, None))
    if known is None and 200 <= code <= 299:
        known = EXPLANATIONS[(200, None)]
    if known is not None:
        words, retry = known
        return ChannelProblem(words, retry=retry)
    if code == 100:
        return ChannelProblem(f"Meta refused a value in the request: {message}.", retry=False)
    if status >= 500:
        return ChannelProblem(
            f"Meta had a problem and could not {action}: {message}. The app will try again.",
            retry=True,
        )
    return ChannelProblem(f"Meta refused to {action}: {message} (code {code}).", retry=False)


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError):
        return -1
