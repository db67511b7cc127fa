"""A LinkedIn organisation page through LinkedIn's versioned REST API: check the organisation,
publish with the Posts API (the new post's URN comes back in the x-restli-id header; a picture
is uploaded first with the Images API), and find a post again after a crash (posts by author)."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.social.images import MAX_BYTES, is_web_address, read_local
from gastro_hub_desktop.channels.social.linkedin_errors import problem_from_response
from gastro_hub_desktop.channels.social.settings import SocialTargetSettings
from gastro_hub_desktop.channels.social.types import (
    CLOCK_SLACK,
    PostContent,
    Published,
    same_text,
)

log = logging.getLogger(__name__)

MAX_COMMENTARY = 3000
# Characters LinkedIn's "little text" format reserves; unescaped they can cut a post short.
RESERVED = re.compile(r"([\\|{}@\[\]()<>#*_~])")


def little_text(text: str) -> str:
    """Commentary as the Posts API wants it: reserved characters escaped with a backslash."""
    return RESERVED.sub(r"\\\1", text)


class LinkedInPage:
    """One LinkedIn organisation page, with an admin member's access token (a Publisher)."""

    def __init__(
        self, settings: SocialTargetSettings, access_token: str, timeout: float = 30.0
    ) -> None:
        if not access_token.strip():
            raise ChannelProblem("No LinkedIn access token is stored for this page.", False)
        self.settings = settings
        self.author = f"urn:li:organization:{settings.target_id}"
        self._base = settings.linkedin_base
        self._version = settings.linkedin_version
        self._http = httpx.Client(
            timeout=timeout,
            headers={
                "Authorization": f"Bearer {access_token.strip()}",
                "LinkedIn-Version": settings.linkedin_version,
                "X-Restli-Protocol-Version": "2.0.0",
                "Accept": "application/json",
            },
        )

    def close(self) -> None:
        self._http.close()

    def check(self) -> str:
        """GET /rest/organizations/{id}: the page's name."""
        response = self._call(
            "GET", f"/organizations/{self.settings.target_id}", "check the LinkedIn page"
        )
        info = _json(response)
        return str(info.get("localizedName") or self.settings.target_id)

    @staticmethod
    def commentary(content: PostContent) -> str:
        text = f"{content.text}\n\n{content.link}" if content.link else content.text
        return little_text(text.strip())

    def publish(self, content: PostContent) -> Published:
        """POST /rest/posts as the organisation, PUBLIC on the main feed."""
        commentary = self.commentary(content)
        if len(commentary) > MAX_COMMENTARY:
            raise ChannelProblem(
                f"The text is {len(commentary)} characters long; LinkedIn allows "
                f"{MAX_COMMENTARY}. Shorten it.",
                retry=False,
            )
        body: dict[str, Any] = {
            "author": self.author,
            "commentary": commentary,
            "visibility": "PUBLIC",
            "distribution": {
                "feedDistribution": "MAIN_FEED",
                "targetEntities": [],
                "thirdPartyDistributionChannels": [],
            },
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": False,
        }
        if content.image:
            body["content"] = {"media": {"id": self._upload_image(content.image)}}
        response = self._call("POST", "/posts", "publish the post on LinkedIn", json=body)
        urn = response.headers.get("x-restli-id", "").strip()
        if not urn:
            raise ChannelProblem(
                "LinkedIn accepted the post but gave no post id; check the page before trying "
                "again.",
                retry=False,
            )
        return Published(urn, post_url(urn))

    def find(self, content: PostContent, since: datetime) -> Published | None:
        """GET /rest/posts?author=…&q=author: our post among the page's latest, if there."""
        response = self._call(
            "GET",
            f"/posts?author={quote(self.author, safe='')}&q=author&count=20&sortBy=LAST_MODIFIED",
            "read the LinkedIn page's posts",
            headers={"X-RestLi-Method": "FINDER"},
        )
        wanted = self.commentary(content)
        elements = _json(response).get("elements")
        for item in elements if isinstance(elements, list) else []:
            if not isinstance(item, dict) or not item.get("id"):
                continue
            created = item.get("publishedAt") or item.get("createdAt")
            when = (
                datetime.fromtimestamp(int(created) / 1000, UTC)
                if isinstance(created, int | float)
                else None
            )
            if (
                when is not None
                and when >= since - CLOCK_SLACK
                and same_text(item.get("commentary"), wanted)
            ):
                return Published(str(item["id"]), post_url(str(item["id"])))
        return None

    # ------------------------------------------------------------ helpers

    def _upload_image(self, image: str) -> str:
        """Images API: initializeUpload for the organisation, then PUT the bytes to the upload
        address; the image URN goes into the post."""
        if is_web_address(image):
            name, data, kind = self._download(image)
        else:
            name, data, kind = read_local(image)
        started = _json(
            self._call(
                "POST",
                "/images?action=initializeUpload",
                "upload the picture to LinkedIn",
                json={"initializeUploadRequest": {"owner": self.author}},
            )
        )
        value = started.get("value") if isinstance(started.get("value"), dict) else {}
        upload_url, urn = str(value.get("uploadUrl") or ""), str(value.get("image") or "")
        if not upload_url or not urn:
            raise ChannelProblem("LinkedIn gave no address to upload the picture to.", True)
        self._call(
            "PUT",
            upload_url,
            "upload the picture to LinkedIn",
            content=data,
            headers={"Content-Type": kind},
        )
        log.info("uploaded %s (%d bytes) to LinkedIn as %s", name, len(data), urn)
        return urn

    def _download(self, url: str) -> tuple[str, bytes, str]:
        try:
            with httpx.stream("GET", url, timeout=30.0, follow_redirects=True) as response:
                if response.status_code >= 300:
                    raise ChannelProblem(
                        f"The picture's address answered HTTP {response.status_code}; check "
                        "that it is public.",
                        retry=False,
                    )
                data = b""
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > MAX_BYTES:
                        raise ChannelProblem("The picture is larger than 8 MB.", False)
                kind = response.headers.get("Content-Type", "image/jpeg").split(";")[0]
        except httpx.TransportError as error:
            raise ChannelProblem(
                f"The picture could not be fetched from {url}. The app will try again.", True
            ) from error
        return url.rsplit("/", 1)[-1] or "picture", data, kind

    def _call(
        self,
        method: str,
        path: str,
        action: str,
        *,
        json: dict[str, Any] | None = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        url = path if path.startswith(("http://", "https://")) else self._base + path
        try:
            response = self._http.request(method, url, json=json, content=content, headers=headers)
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            log.warning("LinkedIn unreachable: %s", error)
            raise ChannelProblem(
                f"Cannot reach LinkedIn to {action}: check the internet connection. The app "
                "will try again.",
                retry=True,
            ) from error
        except httpx.TransportError as error:
            log.warning("LinkedIn connection broke while trying to %s: %r", action, error)
            raise ChannelProblem(
                f"The connection to LinkedIn broke while trying to {action}. The app checks "
                "before trying again.",
                retry=True,
            ) from error
        if response.status_code >= 300:
            raise problem_from_response(
                response.status_code, response.content, action, self._version
            )
        return response


def post_url(urn: str) -> str:
    return f"https://www.linkedin.com/feed/update/{urn}/"


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        answer = response.json()
    except ValueError as error:
        raise ChannelProblem("LinkedIn's answer was not readable.", retry=True) from error
    return answer if isinstance(answer, dict) else {}
