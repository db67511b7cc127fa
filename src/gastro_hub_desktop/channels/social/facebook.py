"""A Facebook Page through the Graph API: check the Page token, publish to the Page's feed (text
and link, or a photo with its text), find a post again after a crash, and read the Page's recent
posts and their comments."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.social.graph import GraphClient
from gastro_hub_desktop.channels.social.images import is_web_address, read_local
from gastro_hub_desktop.channels.social.settings import SocialTargetSettings
from gastro_hub_desktop.channels.social.types import (
    CLOCK_SLACK,
    PostContent,
    Published,
    same_text,
)

log = logging.getLogger(__name__)

MAX_TEXT = 63206  # Facebook's limit for a post's text
PHOTO_BYTES = 4 * 1024 * 1024  # Page photos: "4 MB or smaller"
COMMENT_FIELDS = "id,from{id,name},message,created_time,parent{id}"


@dataclass(frozen=True)
class PagePost:
    id: str
    message: str
    created_time: datetime


@dataclass(frozen=True)
class Comment:
    id: str
    post_id: str
    author_id: str
    author_name: str
    message: str
    created_time: datetime
    parent_id: str | None = None


class FacebookPage:
    """One Facebook Page, with its Page access token (implements Publisher)."""

    def __init__(self, settings: SocialTargetSettings, page_token: str) -> None:
        self.settings = settings
        self.page_id = settings.target_id
        self._graph = GraphClient(settings.graph_base, page_token)

    def close(self) -> None:
        self._graph.close()

    def check(self) -> str:
        """GET /{page-id}?fields=name."""
        info = self._graph.get(self.page_id, "check the Facebook Page", {"fields": "id,name"})
        return str(info.get("name") or self.page_id)

    @staticmethod
    def message(content: PostContent) -> str:
        """The post's text as the Page shows it: a photo has no link field, so the link goes
        at the end of its text."""
        if content.image and content.link:
            return f"{content.text}\n\n{content.link}".strip()
        return content.text

    def publish(self, content: PostContent) -> Published:
        """POST /{page-id}/feed (message, link) or, with a picture, POST /{page-id}/photos (url
        or the file as `source`, with the text as message)."""
        message = self.message(content)
        if len(message) > MAX_TEXT:
            raise ChannelProblem(
                f"The post is {len(message)} characters long; Facebook allows {MAX_TEXT}.", False
            )
        action = "publish the post on the Facebook Page"
        if content.image:
            data = {"message": message, "published": "true"}
            files = None
            if is_web_address(content.image):
                data["url"] = content.image
            else:
                files = {"source": read_local(content.image, PHOTO_BYTES)}
            answer = self._graph.post(
                f"{self.page_id}/photos", action, data, files=files, sending=True
            )
            post_id = str(answer.get("post_id") or answer.get("id") or "")
        else:
            data = {"message": message}
            if content.link:
                data["link"] = content.link
            answer = self._graph.post(f"{self.page_id}/feed", action, data, sending=True)
            post_id = str(answer.get("id") or "")
        if not post_id:
            raise ChannelProblem(
                "Facebook accepted the post but gave no post id; check the Page before trying "
                "again.",
                retry=False,
            )
        return Published(post_id, post_url(post_id))

    def find(self, content: PostContent, since: datetime) -> Published | None:
        """GET /{page-id}/feed?fields=id,message,created_time: our post, if it is there."""
        wanted = self.message(content)
        for post in self.posts(since - CLOCK_SLACK, edge="feed"):
            if same_text(post.message, wanted) and post.created_time >= since - CLOCK_SLACK:
                return Published(post.id, post_url(post.id))
        return None

    def posts(self, since: datetime, edge: str = "posts", limit: int = 25) -> list[PagePost]:
        """The Page's posts since then, newest first (`posts`: by the Page itself)."""
        answer = self._graph.get(
            f"{self.page_id}/{edge}",
            "read the Facebook Page's posts",
            {
                "fields": "id,message,created_time",
                "since": str(int(since.timestamp())),
                "limit": str(limit),
            },
        )
        found = []
        for item in graph_items(answer):
            when = parse_time(item.get("created_time"))
            if item.get("id") and when is not None:
                found.append(PagePost(str(item["id"]), str(item.get("message") or ""), when))
        return found

    def comments(self, post_id: str, limit: int = 100) -> list[Comment]:
        """GET /{post-id}/comments (replies too: filter=stream), oldest first."""
        answer = self._graph.get(
            f"{post_id}/comments",
            "read the comments on the Page's post",
            {
                "fields": COMMENT_FIELDS,
                "filter": "stream",
                "order": "reverse_chronological",
                "limit": str(limit),
            },
        )
        found = []
        for item in graph_items(answer):
            when = parse_time(item.get("created_time"))
            if not item.get("id") or when is None:
                continue
            author = item.get("from") if isinstance(item.get("from"), dict) else {}
            parent = item.get("parent") if isinstance(item.get("parent"), dict) else {}
            found.append(
                Comment(
                    id=str(item["id"]),
                    post_id=post_id,
                    # without pages_read_user_content Meta leaves `from` out
                    author_id=str(author.get("id") or ""),
                    author_name=str(author.get("name") or ""),
                    message=str(item.get("message") or ""),
                    created_time=when,
                    parent_id=str(parent["id"]) if parent.get("id") else None,
                )
            )
        found.sort(key=lambda c: (c.created_time, c.id))
        return found


def post_url(post_id: str) -> str:
    return f"https://www.facebook.com/{post_id}"


def parse_time(value: Any) -> datetime | None:
    """Graph API times look like 2026-11-26T09:30:00+0000."""
    if not isinstance(value, str):
        return None
    try:
        when = datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            log.warning("unreadable Graph API time %r", value)
            return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def graph_items(answer: dict[str, Any]) -> list[dict[str, Any]]:
    data = answer.get("data")
    return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []
