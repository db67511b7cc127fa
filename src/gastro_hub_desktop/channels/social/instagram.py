"""An Instagram professional account through the Graph API (with the token of its linked
Facebook Page): check it, publish a picture post (a media container with image_url and caption,
wait until it is ready, then media_publish) and find a post again after a crash."""

from __future__ import annotations

import logging
import time
from datetime import datetime

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.social.facebook import graph_items, parse_time
from gastro_hub_desktop.channels.social.graph import GraphClient
from gastro_hub_desktop.channels.social.images import is_web_address
from gastro_hub_desktop.channels.social.settings import SocialTargetSettings
from gastro_hub_desktop.channels.social.types import (
    CLOCK_SLACK,
    PostContent,
    Published,
    same_text,
)

log = logging.getLogger(__name__)

MAX_CAPTION = 2200
MAX_HASHTAGS = 30
READY_WAIT = 60.0  # seconds a container may take to process
NO_IMAGE = (
    "Instagram posts need a picture, and this post has none. Add a picture (its public web "
    "address), or leave Instagram out of this post."
)
LOCAL_IMAGE = (
    "Instagram fetches the picture itself from a public web address; a file on this PC cannot "
    "be handed to it. Put the picture online (for example on the shop's website) and give its "
    "https address instead."
)


class InstagramAccount:
    """One Instagram professional account (implements Publisher)."""

    def __init__(
        self, settings: SocialTargetSettings, page_token: str, poll_interval: float = 1.0
    ) -> None:
        self.settings = settings
        self.user_id = settings.target_id
        self._graph = GraphClient(settings.graph_base, page_token)
        self._poll_interval = poll_interval

    def close(self) -> None:
        self._graph.close()

    def check(self) -> str:
        """GET /{ig-user-id}?fields=username."""
        info = self._graph.get(
            self.user_id, "check the Instagram account", {"fields": "id,username"}
        )
        username = str(info.get("username") or "")
        return f"@{username}" if username else self.user_id

    @staticmethod
    def caption(content: PostContent) -> str:
        """Links in Instagram captions are not clickable, but they are still worth showing."""
        if content.link:
            return f"{content.text}\n\n{content.link}".strip()
        return content.text

    def validate(self, content: PostContent) -> None:
        """Plain words for a post Instagram would refuse, before anything is sent."""
        if not content.image:
            raise ChannelProblem(NO_IMAGE, retry=False)
        if not is_web_address(content.image):
            raise ChannelProblem(LOCAL_IMAGE, retry=False)
        caption = self.caption(content)
        if len(caption) > MAX_CAPTION:
            raise ChannelProblem(
                f"The text is {len(caption)} characters long; Instagram allows {MAX_CAPTION}. "
                "Shorten it.",
                retry=False,
            )
        if caption.count("#") > MAX_HASHTAGS:
            raise ChannelProblem(f"Instagram allows at most {MAX_HASHTAGS} hashtags.", False)

    def publish(self, content: PostContent) -> Published:
        self.validate(content)
        assert content.image is not None
        container = self._graph.post(
            f"{self.user_id}/media",
            "prepare the Instagram post",
            {"image_url": content.image, "caption": self.caption(content)},
        )
        creation_id = str(container.get("id") or "")
        if not creation_id:
            raise ChannelProblem("Instagram gave no id for the prepared post.", retry=True)
        self._wait_until_ready(creation_id)
        answer = self._graph.post(
            f"{self.user_id}/media_publish",
            "publish the Instagram post",
            {"creation_id": creation_id},
            sending=True,
        )
        media_id = str(answer.get("id") or "")
        if not media_id:
            raise ChannelProblem(
                "Instagram published the post but gave no id; check the account before "
                "trying again.",
                retry=False,
            )
        return Published(media_id, self._permalink(media_id))

    def find(self, content: PostContent, since: datetime) -> Published | None:
        """GET /{ig-user-id}/media?fields=id,caption,timestamp,permalink: our post, if there."""
        answer = self._graph.get(
            f"{self.user_id}/media",
            "read the Instagram account's posts",
            {"fields": "id,caption,timestamp,permalink", "limit": "25"},
        )
        wanted = self.caption(content)
        for item in graph_items(answer):
            when = parse_time(item.get("timestamp"))
            if (
                item.get("id")
                and when is not None
                and when >= since - CLOCK_SLACK
                and same_text(item.get("caption"), wanted)
            ):
                return Published(str(item["id"]), str(item.get("permalink") or "") or None)
        return None

    def _wait_until_ready(self, creation_id: str) -> None:
        """GET /{container-id}?fields=status_code until FINISHED (images are usually at once)."""
        deadline = time.monotonic() + READY_WAIT
        while True:
            info = self._graph.get(
                creation_id, "check the prepared Instagram post", {"fields": "status_code,status"}
            )
            status = str(info.get("status_code") or "FINISHED")
            if status in ("FINISHED", "PUBLISHED"):
                return
            if status in ("ERROR", "EXPIRED"):
                detail = str(info.get("status") or "").strip()
                raise ChannelProblem(
                    "Instagram could not prepare the picture"
                    + (f" ({detail})" if detail else "")
                    + ". Check that its address shows a JPEG picture, then retry.",
                    retry=False,
                )
            if time.monotonic() > deadline:
                raise ChannelProblem(
                    "Instagram is still processing the picture. The app will try again.", True
                )
            time.sleep(self._poll_interval)

    def _permalink(self, media_id: str) -> str | None:
        try:
            info = self._graph.get(media_id, "read the post's address", {"fields": "permalink"})
        except ChannelProblem as problem:
            log.info("no permalink for Instagram media %s: %s", media_id, problem)
            return None
        return str(info.get("permalink") or "") or None
