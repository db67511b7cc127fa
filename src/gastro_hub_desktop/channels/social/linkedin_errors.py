"""LinkedIn REST API errors ({"status", "serviceErrorCode", "code", "message"}, and for a
duplicate post {"errorDetails": {"inputErrors": [{"code": "DUPLICATE_POST"}]}}) in words a user
can act on."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem

log = logging.getLogger(__name__)

TOKEN = (
    "LinkedIn refused the access token: it has expired (LinkedIn tokens last 60 days) or was "
    "revoked. Sign in to LinkedIn again as an admin of the page, create a new token and "
    "enter it again."
)
ACCESS_DENIED = (
    "LinkedIn refused: the member this token belongs to must be an administrator or content "
    "admin of the LinkedIn page, and the token needs the w_organization_social permission "
    "(r_organization_social to read posts). Check the page's admins and create a new token."
)
DUPLICATE = (
    "LinkedIn refused the post because the page already has a post with exactly this text. "
    "Change the text if it should really appear twice."
)
URN = re.compile(r"urn:li:(?:share|ugcPost):[0-9]+")


class DuplicatePost(ChannelProblem):
    """LinkedIn already has this post; `existing` is its URN when LinkedIn names it."""

    def __init__(self, existing: str | None) -> None:
        super().__init__(DUPLICATE, retry=False)
        self.existing = existing


def problem_from_response(status: int, body: bytes, action: str, version: str) -> ChannelProblem:
    """The problem to raise for a non-2xx LinkedIn answer while trying to `action`."""
    error: dict[str, Any] = {}
    try:
        parsed = json.loads(body or b"{}")
        if isinstance(parsed, dict):
            error = parsed
    except ValueError:
        pass
    code = str(error.get("code") or "")
    message = str(error.get("message") or "")
    service = error.get("serviceErrorCode")
    log.warning(
        "LinkedIn refused to %s: HTTP %s code %s serviceErrorCode %s: %s",
        action,
        status,
        code,
        service,
        message,
    )
    details = error.get("errorDetails")
    inputs = details.get("inputErrors") if isinstance(details, dict) else None
    codes = {str(i.get("code")) for i in inputs or [] if isinstance(i, dict)}
    if "DUPLICATE_POST" in codes or "duplicate" in message.lower():
        found = URN.search(message)
        return DuplicatePost(found.group(0) if found else None)
    if status == 401 or code in (
        "INVALID_ACCESS_TOKEN",
        "EXPIRED_ACCESS_TOKEN",
        "REVOKED_ACCESS_TOKEN",
    ):
        return ChannelProblem(TOKEN, retry=False)
    if status == 403 or code == "ACCESS_DENIED":
        return ChannelProblem(ACCESS_DENIED, retry=False)
    if (
        status == 426
        or code == "NONEXISTENT_VERSION"
        or ("version" in message.lower() and status == 400)
    ):
        return ChannelProblem(
            f"LinkedIn no longer serves API version {version}. Enter a newer month (YYYYMM) "
            "as the LinkedIn API version in the page's settings.",
            retry=False,
        )
    if status == 404:
        return ChannelProblem(
            "LinkedIn knows no such organisation page: check the organisation ID (the number "
            "in the page admin address linkedin.com/company/<number>/admin).",
            retry=False,
        )
    if status == 429:
        return ChannelProblem(
            "LinkedIn's daily limit of API calls was reached. The app tries again later.", True
        )
    if status >= 500:
        return ChannelProblem(
            f"LinkedIn had a problem and could not {action} (HTTP {status}). The app will try "
            "again.",
            retry=True,
        )
    return ChannelProblem(
        f"LinkedIn refused to {action}: {message or f'HTTP {status}'}.", retry=False
    )
