"""Loopback stand-ins for publishing to social pages, following the providers' published APIs.

Meta Graph API (v21.0), bearer Page token: GET /{page-id}?fields=name; POST /{page-id}/feed
(message, link → {"id": "<page>_<post>"}); POST /{page-id}/photos (url or multipart `source`,
message → {"id", "post_id"}); GET /{page-id}/feed|posts?fields=id,message,created_time&since=;
GET /{post-id}/comments (from{id,name}, message, created_time); Instagram GET
/{ig-user-id}?fields=username, POST /{ig-user-id}/media (image_url + caption → container id),
GET /{container-id}?fields=status_code, POST /{ig-user-id}/media_publish (creation_id → media
id), GET /{media-id}?fields=permalink, GET /{ig-user-id}/media. Errors as {"error": {message,
type, code, error_subcode, fbtrace_id}}.

LinkedIn REST API with LinkedIn-Version (YYYYMM, active versions only) and
X-Restli-Protocol-Version 2.0.0: GET /rest/organizations/{id}; POST /rest/posts (201, the new
URN in x-restli-id; a second post with the same commentary is refused 422 DUPLICATE_POST);
GET /rest/posts?author=…&q=author; Images API initializeUpload + PUT upload. Errors as
{"status", "serviceErrorCode", "code", "message"}.

Tests make the next call of an operation fail, expire tokens, deny access and count posts."""

from __future__ import annotations

import email.parser
import itertools
import json
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.standins.http import bearer, serve

GRAPH_VERSION = "v21.0"
PAGE_ID = "104830201234567"
PAGE_NAME = "Gastro Praha s.r.o."
PAGE_TOKEN = "fb-test-page-token"
IG_USER_ID = "17841400000000001"
IG_USERNAME = "gastropraha"
ORG_ID = "98765432"
ORG_NAME = "Gastro Praha"
LINKEDIN_TOKEN = "li-test-access-token"
LINKEDIN_VERSIONS = {"202505", "202506", "202507", "202508", "202509", "202510", "202511"}


def graph_error(code: int, message: str, subcode: int | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {
        "message": message,
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": "A" + secrets.token_hex(10),
    }
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": error}


EXPIRED = graph_error(
    190,
    "Error validating access token: Session has expired on Tuesday, 25-Nov-26 10:00:00 PST.",
    463,
)
BAD_TOKEN = graph_error(190, "Invalid OAuth access token - Cannot parse access token")


def linkedin_error(status: int, code: str, message: str, service: int) -> dict[str, Any]:
    return {"status": status, "serviceErrorCode": service, "code": code, "message": message}


def graph_time(when: float) -> str:
    return datetime.fromtimestamp(when, UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


@dataclass
class SocialStandIn:
    """Facebook Page, Instagram account and LinkedIn page of one business."""

    page_token: str = PAGE_TOKEN
    linkedin_token: str = LINKEDIN_TOKEN
    fb_posts: list[dict[str, Any]] = field(default_factory=list)
    ig_media: list[dict[str, Any]] = field(default_factory=list)
    li_posts: list[dict[str, Any]] = field(default_factory=list)
    comments: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    containers: dict[str, dict[str, Any]] = field(default_factory=dict)
    uploads: dict[str, bytes] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)
    # operation → (status, answer) for its next call
    failures: dict[str, tuple[int, Any]] = field(default_factory=dict)
    token_expired: bool = False  # the Page token (Graph API)
    linkedin_token_expired: bool = False
    linkedin_denied: bool = False
    container_polls_before_ready: int = 1

    def __post_init__(self) -> None:
        self._server: ThreadingHTTPServer | None = None
        self._ids = itertools.count(int(time.time()) * 1000)
        self._lock = threading.Lock()

    # ------------------------------------------------------------ lifecycle

    def start(self) -> SocialStandIn:
        self._server = serve(self.handle)
        # the Images API uploads with PUT
        handler = self._server.RequestHandlerClass
        handler.do_PUT = handler.do_POST  # type: ignore[attr-defined]
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def root(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def graph_url(self) -> str:
        return f"{self.root}/{GRAPH_VERSION}"

    @property
    def linkedin_url(self) -> str:
        return f"{self.root}/rest"

    # ------------------------------------------------------------ test controls

    def fail_next(self, operation: str, status: int, answer: Any) -> None:
        """Operations: fb.feed, fb.photos, ig.media, ig.publish, li.posts, li.find, fb.find."""
        self.failures[operation] = (status, answer)

    def add_comment(
        self, post_id: str, author_id: str, author_name: str, message: str
    ) -> dict[str, Any]:
        comment = {
            "id": f"{post_id.split('_')[-1]}_{next(self._ids)}",
            "from": {"id": author_id, "name": author_name},
            "message": message,
            "created_time": graph_time(time.time()),
        }
        self.comments.setdefault(post_id, []).append(comment)
        return comment

    # ------------------------------------------------------------ HTTP

    def handle(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, Any, dict[str, str]]:
        parts = urlsplit(target)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        path = unquote(parts.path)
        with self._lock:
            self.requests.append((method, path))
            if path.startswith(f"/{GRAPH_VERSION}/"):
                return self._graph(method, path.split("/")[2:], query, headers, body)
            if path.startswith("/rest/"):
                return self._linkedin(method, path.split("/")[2:], query, headers, body)
            if path.startswith("/upload/") and method == "PUT":
                if bearer(headers) != self.linkedin_token:
                    return (
                        401,
                        linkedin_error(401, "INVALID_ACCESS_TOKEN", "Invalid token", 65600),
                        {},
                    )
                self.uploads[path.rsplit("/", 1)[1]] = body
                return 201, b"", {}
            if path.startswith("/images/"):
                return 200, b"\xff\xd8\xff\xe0fake-jpeg", {"Content-Type": "image/jpeg"}
        return 404, {"error": "no such route"}, {}

    def _failure(self, operation: str) -> tuple[int, Any, dict[str, str]] | None:
        found = self.failures.pop(operation, None)
        return (found[0], found[1], {}) if found is not None else None

    # ------------------------------------------------------------ Graph API

    def _graph(
        self,
        method: str,
        parts: list[str],
        query: dict[str, str],
        headers: dict[str, str],
        body: bytes,
    ) -> tuple[int, Any, dict[str, str]]:
        token = bearer(headers) or query.get("access_token")
        if token != self.page_token:
            return 400, BAD_TOKEN, {}
        if self.token_expired:
            return 400, EXPIRED, {}
        form = self._form(headers, body) if method == "POST" else {}
        node, edge = parts[0], (parts[1] if len(parts) > 1 else "")
        if node == PAGE_ID:
            return self._page(method, edge, query, form)
        if node == IG_USER_ID:
            return self._instagram(method, edge, query, form)
        if node in self.containers and method == "GET":
            container = self.containers[node]
            container["polls"] += 1
            ready = container["polls"] > self.container_polls_before_ready
            return 200, {"id": node, "status_code": "FINISHED" if ready else "IN_PROGRESS"}, {}
        for media in self.ig_media:
            if media["id"] == node and method == "GET":
                return 200, {"id": node, "permalink": media["permalink"]}, {}
        if edge == "comments" and method == "GET":
            if not any(p["id"] == node for p in self.fb_posts):
                return 400, graph_error(100, "Unsupported get request.", 33), {}
            items = sorted(
                self.comments.get(node, []), key=lambda c: c["created_time"], reverse=True
            )
            return 200, {"data": items[: int(query.get("limit", "25"))], "paging": {}}, {}
        return 400, graph_error(100, "Unsupported get request.", 33), {}

    def _page(
        self, method: str, edge: str, query: dict[str, str], form: dict[str, Any]
    ) -> tuple[int, Any, dict[str, str]]:
        if method == "GET" and edge == "":
            return 200, {"id": PAGE_ID, "name": PAGE_NAME}, {}
        if method == "GET" and edge in ("feed", "posts"):
            failed = self._failure("fb.find") if edge == "feed" else None
            if failed:
                return failed
            since = float(query.get("since", "0"))
            items = [
                {"id": p["id"], "message": p["message"], "created_time": p["created_time"]}
                for p in reversed(self.fb_posts)
                if p["at"] >= since
            ]
            return 200, {"data": items[: int(query.get("limit", "25"))], "paging": {}}, {}
        if method == "POST" and edge in ("feed", "photos"):
            failed = self._failure(f"fb.{edge}")
            if failed:
                return failed
            message = str(form.get("message") or "")
            if edge == "feed" and not message and not form.get("link"):
                return 400, graph_error(100, "(#100) Missing message or attachment"), {}
            if edge == "photos" and not form.get("url") and not form.get("source"):
                return 400, graph_error(324, "(#324) Requires upload file"), {}
            if any(p["message"] == message and time.time() - p["at"] < 60 for p in self.fb_posts):
                return 400, graph_error(506, "(#506) Duplicate status message"), {}
            post_id = f"{PAGE_ID}_{next(self._ids)}"
            now = time.time()
            self.fb_posts.append(
                {
                    "id": post_id,
                    "message": message,
                    "link": form.get("link"),
                    "photo": form.get("url") or (len(form["source"]) if "source" in form else None),
                    "created_time": graph_time(now),
                    "at": now,
                }
            )
            if edge == "photos":
                return 200, {"id": str(next(self._ids)), "post_id": post_id}, {}
            return 200, {"id": post_id}, {}
        return 400, graph_error(100, "Unsupported request."), {}

    def _instagram(
        self, method: str, edge: str, query: dict[str, str], form: dict[str, Any]
    ) -> tuple[int, Any, dict[str, str]]:
        if method == "GET" and edge == "":
            return 200, {"id": IG_USER_ID, "username": IG_USERNAME}, {}
        if method == "GET" and edge == "media":
            items = [
                {k: m[k] for k in ("id", "caption", "timestamp", "permalink")}
                for m in reversed(self.ig_media)
            ]
            return 200, {"data": items[: int(query.get("limit", "25"))], "paging": {}}, {}
        if method == "POST" and edge == "media":
            failed = self._failure("ig.media")
            if failed:
                return failed
            if not form.get("image_url"):
                return 400, graph_error(100, "(#100) The parameter image_url is required"), {}
            container_id = str(next(self._ids))
            self.containers[container_id] = {**form, "polls": 0, "published": False}
            return 200, {"id": container_id}, {}
        if method == "POST" and edge == "media_publish":
            failed = self._failure("ig.publish")
            if failed:
                return failed
            container = self.containers.get(str(form.get("creation_id")))
            if container is None or container["published"]:
                return 400, graph_error(100, "(#100) Invalid creation_id", 2207006), {}
            if container["polls"] <= self.container_polls_before_ready:
                return 400, graph_error(9007, "Media ID is not available", 2207027), {}
            container["published"] = True
            media_id = str(next(self._ids))
            self.ig_media.append(
                {
                    "id": media_id,
                    "caption": container.get("caption", ""),
                    "image_url": container["image_url"],
                    "timestamp": graph_time(time.time()),
                    "permalink": f"https://www.instagram.com/p/{media_id}/",
                }
            )
            return 200, {"id": media_id}, {}
        return 400, graph_error(100, "Unsupported request."), {}

    @staticmethod
    def _form(headers: dict[str, str], body: bytes) -> dict[str, Any]:
        kind = headers.get("Content-Type", "")
        if kind.startswith("multipart/form-data"):
            message = email.parser.BytesParser().parsebytes(
                f"Content-Type: {kind}\r\n\r\n".encode() + body
            )
            form: dict[str, Any] = {}
            for part in message.get_payload():  # type: ignore[union-attr]
                name = part.get_param("name", header="content-disposition")
                data = part.get_payload(decode=True)
                form[str(name)] = data if part.get_filename() else data.decode()
            return form
        return {k: v[-1] for k, v in parse_qs(body.decode()).items()}

    # ------------------------------------------------------------ LinkedIn

    def _linkedin(
        self,
        method: str,
        parts: list[str],
        query: dict[str, str],
        headers: dict[str, str],
        body: bytes,
    ) -> tuple[int, Any, dict[str, str]]:
        lowered = {k.lower(): v for k, v in headers.items()}
        version = lowered.get("linkedin-version", "")
        if version not in LINKEDIN_VERSIONS:
            return (
                426,
                linkedin_error(
                    426, "NONEXISTENT_VERSION", f"Requested version {version} is not active", 0
                ),
                {},
            )
        if lowered.get("x-restli-protocol-version") != "2.0.0":
            return 400, linkedin_error(400, "ILLEGAL_ARGUMENT", "Protocol version required", 0), {}
        token = bearer(headers)
        if token != self.linkedin_token:
            return (
                401,
                linkedin_error(401, "INVALID_ACCESS_TOKEN", "Invalid access token", 65600),
                {},
            )
        if self.linkedin_token_expired:
            return (
                401,
                linkedin_error(
                    401, "EXPIRED_ACCESS_TOKEN", "The token used in the request has expired", 65602
                ),
                {},
            )
        if self.linkedin_denied:
            return (
                403,
                linkedin_error(
                    403,
                    "ACCESS_DENIED",
                    f"Not enough permissions to access: partnerApiPostsExternal.CREATE.{version}01",
                    100,
                ),
                {},
            )
        resource = parts[0]
        if resource == "organizations" and method == "GET" and len(parts) == 2:
            if parts[1] != ORG_ID:
                return 404, linkedin_error(404, "NOT_FOUND", "Organization not found", 0), {}
            return 200, {"id": int(ORG_ID), "localizedName": ORG_NAME, "vanityName": "gastro"}, {}
        if resource == "images" and method == "POST" and query.get("action") == "initializeUpload":
            request = json.loads(body or b"{}").get("initializeUploadRequest", {})
            if request.get("owner") != f"urn:li:organization:{ORG_ID}":
                return 403, linkedin_error(403, "ACCESS_DENIED", "Owner not allowed", 100), {}
            n = str(next(self._ids))
            return (
                200,
                {
                    "value": {
                        "uploadUrlExpiresAt": int(time.time() * 1000) + 3600_000,
                        "uploadUrl": f"{self.root}/upload/{n}",
                        "image": f"urn:li:image:C4E10AQ{n}",
                    }
                },
                {},
            )
        if resource == "posts" and method == "GET":
            failed = self._failure("li.find")
            if failed:
                return failed
            if query.get("q") != "author" or lowered.get("x-restli-method") != "FINDER":
                return 400, linkedin_error(400, "ILLEGAL_ARGUMENT", "Unknown finder", 0), {}
            items = [p for p in reversed(self.li_posts) if p["author"] == query.get("author")]
            count = int(query.get("count", "10"))
            return (
                200,
                {
                    "elements": items[:count],
                    "paging": {"start": 0, "count": count, "links": [], "total": len(items)},
                },
                {},
            )
        if resource == "posts" and method == "POST":
            failed = self._failure("li.posts")
            if failed:
                return failed
            return self._create_post(json.loads(body or b"{}"))
        return 404, linkedin_error(404, "NOT_FOUND", "No such resource", 0), {}

    def _create_post(self, post: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        problems = []
        if post.get("author") != f"urn:li:organization:{ORG_ID}":
            problems.append("author")
        if post.get("visibility") != "PUBLIC":
            problems.append("visibility")
        if (post.get("distribution") or {}).get("feedDistribution") != "MAIN_FEED":
            problems.append("distribution/feedDistribution")
        if post.get("lifecycleState") != "PUBLISHED":
            problems.append("lifecycleState")
        media = ((post.get("content") or {}).get("media") or {}).get("id")
        if media is not None and not str(media).startswith("urn:li:image:"):
            problems.append("content/media/id")
        if problems:
            return (
                422,
                linkedin_error(
                    422, "UNPROCESSABLE_ENTITY", f"Field value invalid: {', '.join(problems)}", 0
                ),
                {},
            )
        for existing in self.li_posts:
            if existing["commentary"] == post.get("commentary"):
                return (
                    422,
                    {
                        "errorDetailType": "com.linkedin.common.error.BadRequest",
                        "message": "com.linkedin.content.common.exception.BadRequestResponseException:"
                        f" Content is a duplicate of {existing['id']}",
                        "errorDetails": {
                            "inputErrors": [
                                {
                                    "description": "Duplicate post is detected",
                                    "input": {},
                                    "code": "DUPLICATE_POST",
                                }
                            ]
                        },
                        "status": 422,
                    },
                    {},
                )
        urn = f"urn:li:share:{next(self._ids)}"
        now = int(time.time() * 1000)
        self.li_posts.append(
            {**post, "id": urn, "createdAt": now, "publishedAt": now, "lastModifiedAt": now}
        )
        return 201, b"", {"x-restli-id": urn}


@pytest.fixture
def social() -> Iterator[SocialStandIn]:
    standin = SocialStandIn().start()
    yield standin
    standin.stop()
