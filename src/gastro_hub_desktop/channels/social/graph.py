"""The Graph API over httpx for one Page access token: GET and POST with the token, answers as
JSON, failures as ChannelProblems in plain words (graph_errors)."""

from __future__ import annotations

import logging
from typing import Any

import httpx

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.graph_http import graph_call
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
        return graph_call(
            self._http,
            method,
            self._base.join(path),
            action,
            problem_from_response,
            if_sent="It may have gone through; the app checks before trying again."
            if sending
            else "",
            params=params,
            data=data,
            files=files,
            headers={"Authorization": f"Bearer {self._token}"},
        )
