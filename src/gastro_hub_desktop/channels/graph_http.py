"""One request to Meta's Graph API, as WhatsApp, the Facebook Page inbox and social posting all
make it: the network failing or the answer being unreadable become ChannelProblems in plain
words (retry may help), an error answer is explained by the caller's own error table."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from gastro_hub_desktop.channels.base import ChannelProblem

log = logging.getLogger(__name__)

# (HTTP status, body, headers, what we were doing) → the problem to raise
Explain = Callable[[int, bytes, Mapping[str, str], str], ChannelProblem]


def graph_call(
    http: httpx.Client,
    method: str,
    url: httpx.URL,
    action: str,
    explain: Explain,
    *,
    if_sent: str = "",
    **request: Any,
) -> dict[str, Any]:
    """The JSON object Meta answered. `action` says what we were doing ("send the WhatsApp
    message"); `if_sent` is added when the connection broke after a send may have gone out."""
    try:
        response = http.request(method, url, **request)
    except (httpx.ConnectError, httpx.ConnectTimeout) as error:
        log.warning("Meta unreachable (%s): %s", url.host, error)
        raise ChannelProblem(
            f"Cannot reach Meta ({url.host}) to {action}: check the internet connection. "
            "The app will try again.",
            retry=True,
        ) from error
    except httpx.TransportError as error:
        log.warning("Meta connection broke while trying to %s: %r", action, error)
        more = f" {if_sent}" if if_sent else ""
        raise ChannelProblem(
            f"The connection to Meta broke while trying to {action}.{more} The app will try again.",
            retry=True,
        ) from error
    if response.status_code >= 300:
        raise explain(response.status_code, response.content, response.headers, action)
    try:
        answer = response.json()
    except ValueError as error:
        raise ChannelProblem(
            f"Meta's answer when trying to {action} was not readable.", retry=True
        ) from error
    if not isinstance(answer, dict):
        raise ChannelProblem(f"Meta's answer when trying to {action} was not readable.", True)
    return answer
