"""The Graph API over httpx for one Page access token: GET and POST with the token, answers as
JSON, failures as ChannelProblems in plain words (graph_errors)."""

from __future__ import annotations

import logging
from typing import Any

import httpx

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.social.graph_errors import problem_from_response

log = logging.getLogger(__name__)


class GraphClient:
    """Blocking; one user at a time."""

    def __init__(self, base_url: str, token: str, timeout: float = 30.0) -> None:
        if not token.strip():
            raise ChannelProblem("No Meta access token is stored for this page.", retry=False)
        self._base = httpx.URL(base_url.rstrip("/") + "/")
        self._token = token.strip()
        self._http = httpx.Client(timeout=timeout, headers={"Accept": "application/json"})

    def close(self) -> None:
        self._http.close()

    def get(self, path: str, action: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        return self.request("GET", path, action, params=params)

    def post(
        self,
        path: str,
        action: str,
        data: dict[str, str],
        files: dict[str, tuple[str, bytes, str]] | None = None,
        sending: bool = False,
    ) -> dict[str, Any]:
        return self.request("POST", path, action, data=data, files=files, sending=sending)

    def request(
        self,
        method: str,
        path: str,
        action: str,
        *,
        params: dict[str, str] | None = None,
        data: dict[str, str] | None = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
        sending: bool = False,
    ) -> dict[str, Any]:
        url = self._base.join(path)
        try:
            response = self._http.request(
                method,
                url,
                params=params,
                data=data,
                files=files,
                headers={"Authorization": f"Bearer {self._token}"},
            )
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            log.warning("Meta unreachable (%s): %s", url.host, error)
            raise ChannelProblem(
                f"Cannot reach Meta ({url.host}) to {action}: check the internet connection. "
                "The app will try again.",
                retry=True,
            ) from error
        except httpx.TransportError as error:
            log.warning("Meta connection broke while trying to %s: %r", action, error)
            more = (
                " It may have gone through; the app checks before trying again." if sending else ""
            )
            raise ChannelProblem(
                f"The connection to Meta broke while trying to {action}.{more}", retry=True
            ) from error
        if response.status_code >= 300:
            raise problem_from_response(
                response.status_code, response.content, response.headers, action
            )
        try:
            answer = response.json()
        except ValueError as error:
            raise ChannelProblem(
                f"Meta's answer when trying to {action} was not readable.", retry=True
            ) from error
        if not isinstance(answer, dict):
            raise ChannelProblem(f"Meta's answer when trying to {action} was not readable.", True)
        return answer
