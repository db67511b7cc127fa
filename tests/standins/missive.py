"""A loopback stand-in for Missive's public REST API (v1), following its published docs:
bearer-token auth; GET /users (the token owner marked `me`), GET /organizations;
GET /conversations (a mailbox filter required, newest activity first, `limit` at most 50,
paginated by `until` = the oldest `last_activity_at` of the previous page, inclusive);
GET /conversations/:id/messages and /drafts (newest first, `limit` at most 10, `until` =
`delivered_at`); GET /messages/:id[,:id...] (whole messages with body and attachments);
POST /drafts ({"drafts": {...}}); errors as JSON with an `error` text; 429 with Retry-After
past a request budget.

Tests add conversations and messages directly and can make it fail or throttle."""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.standins.http import bearer, serve

TOKEN = "missive-test-token"


@dataclass
class Conversation:
    id: str
    subject: str
    last_activity_at: int
    messages: list[dict[str, Any]] = field(default_factory=list)
    drafts: list[dict[str, Any]] = field(default_factory=list)

    def listed(self) -> dict[str, Any]:
        latest = self.messages[-1] if self.messages else {}
        authors = [m["from_field"] for m in self.messages[-3:]]
        return {
            "id": self.id,
            "created_at": self.messages[0]["delivered_at"] if self.messages else 0,
            "subject": None,
            "latest_message_subject": latest.get("subject", self.subject),
            "messages_count": len(self.messages),
            "drafts_count": len(self.drafts),
            "attachments_count": sum(len(m["attachments"]) for m in self.messages),
            "authors": authors,
            "assignees": [],
            "users": [],
            "shared_labels": [],
            "last_activity_at": self.last_activity_at,
            "web_url": f"https://mail.missiveapp.com/#inbox/conversations/{self.id}",
            "app_url": f"missive://mail.missiveapp.com/#inbox/conversations/{self.id}",
        }


class MissiveStandIn:
    def __init__(self) -> None:
        self.conversations: dict[str, Conversation] = {}
        self.requests: list[tuple[str, str]] = []  # (method, path) of every request
        self.drafts_posted: list[dict[str, Any]] = []
        self.fail_with: int | None = None  # answer every request with this status
        self.budget: int | None = None  # requests allowed before 429s
        self.retry_after = 1
        self.throttled = 0
        self.files: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self.port = 0

    # ------------------------------------------------------------ test controls

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def add_message(
        self,
        conversation_id: str,
        sender: tuple[str, str],
        text: str,
        at: int,
        subject: str = "Objednávka",
        to: tuple[str, str] = ("Gastro Hub", "info@gastro.example"),
        attachment: tuple[str, bytes] | None = None,
    ) -> dict[str, Any]:
        with self._lock:
            conversation = self.conversations.setdefault(
                conversation_id, Conversation(conversation_id, subject, at)
            )
            files = []
            if attachment is not None:
                name, content = attachment
                file_id = uuid.uuid4().hex
                self.files[file_id] = content
                files.append(
                    {
                        "id": file_id,
                        "filename": name,
                        "extension": name.rsplit(".", 1)[-1],
                        "url": f"http://127.0.0.1:{self.port}/files/{file_id}",
                        "media_type": "application",
                        "sub_type": "pdf",
                        "size": len(content),
                    }
                )
            message = {
                "id": str(uuid.uuid4()),
                "subject": subject,
                "preview": text[:100],
                "type": "email",
                "delivered_at": at,
                "updated_at": at,
                "created_at": at,
                "email_message_id": f"<{uuid.uuid4().hex}@example.test>",
                "in_reply_to": [],
                "references": [],
                "body": f"<div>{text}</div>",
                "from_field": {"name": sender[0], "address": sender[1]},
                "to_fields": [{"name": to[0], "address": to[1]}],
                "cc_fields": [],
                "bcc_fields": [],
                "reply_to_fields": [],
                "attachments": files,
                "author": None,
            }
            conversation.messages.append(message)
            conversation.messages.sort(key=lambda m: m["delivered_at"] or m["created_at"])
            conversation.last_activity_at = max(conversation.last_activity_at, at)
            return message

    # ------------------------------------------------------------ the API

    def handle(
        self, method: str, url: str, token: str | None, body: bytes
    ) -> tuple[int, Any, dict[str, str]]:
        parts = urlsplit(url)
        path = parts.path
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        with self._lock:
            self.requests.append((method, path))
            if path.startswith("/files/"):  # an attachment's storage address: no token
                content = self.files.get(path.removeprefix("/files/"))
                return (
                    (200, content, {}) if content is not None else (404, {"error": "Not found"}, {})
                )
            if self.fail_with is not None:
                return self.fail_with, {"error": "Internal server error"}, {}
            if token != TOKEN:
                return 401, {"error": "Invalid token"}, {}
            if self.budget is not None:
                if self.budget <= 0:
                    self.throttled += 1
                    return (
                        429,
                        {"error": "Too many requests"},
                        {"Retry-After": str(self.retry_after)},
                    )
                self.budget -= 1
            return self._route(method, path, query, body)

    def _route(
        self, method: str, path: str, query: dict[str, str], body: bytes
    ) -> tuple[int, Any, dict[str, str]]:
        segments = [s for s in path.split("/") if s]
        if segments[:1] != ["v1"]:
            return 404, {"error": "Not found"}, {}
        segments = segments[1:]
        if method == "GET" and segments == ["users"]:
            return (
                200,
                {
                    "users": [
                        {
                            "id": "u-other",
                            "name": "Petr Kolega",
                            "email": "petr@gastro.example",
                            "me": False,
                        },
                        {
                            "id": "u-me",
                            "name": "Jana Nováková",
                            "email": "jana@gastro.example",
                            "me": True,
                        },
                    ]
                },
                {},
            )
        if method == "GET" and segments == ["organizations"]:
            return 200, {"organizations": [{"id": "org-1", "name": "Gastro Praha s.r.o."}]}, {}
        if method == "GET" and segments == ["conversations"]:
            return self._conversations(query)
        if method == "GET" and len(segments) == 3 and segments[0] == "conversations":
            conversation = self.conversations.get(segments[1])
            if conversation is None:
                return 404, {"error": "Conversation not found"}, {}
            if segments[2] == "messages":
                return self._page(conversation.messages, "messages", query)
            if segments[2] == "drafts":
                return self._page(conversation.drafts, "drafts", query)
        if method == "GET" and len(segments) == 2 and segments[0] == "messages":
            return self._messages(segments[1].split(","))
        if method == "POST" and segments == ["drafts"]:
            return self._create_draft(body)
        return 404, {"error": "Not found"}, {}

    def _conversations(self, query: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        mailboxes = (
            "inbox",
            "all",
            "assigned",
            "closed",
            "snoozed",
            "flagged",
            "trashed",
            "junked",
            "drafts",
        )
        if not any(query.get(box) == "true" for box in mailboxes) and not any(
            query.get(k) for k in ("shared_label", "team_inbox", "team_closed", "team_all")
        ):
            return 400, {"error": "You need to paginate at least one mailbox"}, {}
        limit = int(query.get("limit", 25))
        if limit > 50:
            return 400, {"error": "limit must be at most 50"}, {}
        until = int(query["until"]) if "until" in query else None
        ordered = sorted(
            self.conversations.values(), key=lambda c: c.last_activity_at, reverse=True
        )
        if until is not None:
            ordered = [c for c in ordered if c.last_activity_at <= until]
        return 200, {"conversations": [c.listed() for c in ordered[:limit]]}, {}

    @staticmethod
    def _page(
        entries: list[dict[str, Any]], key: str, query: dict[str, str]
    ) -> tuple[int, Any, dict[str, str]]:
        limit = int(query.get("limit", 10))
        if limit > 10:
            return 400, {"error": "limit must be at most 10"}, {}
        until = int(query["until"]) if "until" in query else None

        def when(m: dict[str, Any]) -> int:
            return int(m.get("delivered_at") or m.get("created_at") or 0)

        ordered = sorted(entries, key=when, reverse=True)
        if until is not None:
            ordered = [m for m in ordered if when(m) <= until]
        # the list leaves the body out: whole messages come from GET /messages/:id
        return (
            200,
            {key: [{k: v for k, v in m.items() if k != "body"} for m in ordered[:limit]]},
            {},
        )

    def _messages(self, ids: list[str]) -> tuple[int, Any, dict[str, str]]:
        found = []
        for conversation in self.conversations.values():
            for message in conversation.messages + conversation.drafts:
                if message["id"] in ids:
                    found.append({**message, "conversation": conversation.listed()})
        if not found:
            return 404, {"error": "Message not found"}, {}
        return 200, {"messages": found[0] if len(ids) == 1 else found}, {}

    def _create_draft(self, body: bytes) -> tuple[int, Any, dict[str, str]]:
        try:
            draft = json.loads(body)["drafts"]
        except (ValueError, KeyError, TypeError):
            return 400, {"error": "drafts is required"}, {}
        conversation = self.conversations.get(str(draft.get("conversation")))
        if draft.get("conversation") and conversation is None:
            return 404, {"error": "Conversation not found"}, {}
        if not draft.get("body") and not draft.get("subject"):
            return 400, {"error": "body or subject is required"}, {}
        now = int(time.time())
        created = {
            "id": str(uuid.uuid4()),
            "subject": draft.get("subject"),
            "preview": re.sub(r"<[^>]+>", " ", draft.get("body", "")).strip()[:100],
            "body": draft.get("body", ""),
            "delivered_at": now,
            "created_at": now,
            "from_field": draft.get("from_field"),
            "to_fields": draft.get("to_fields", []),
            "attachments": [],
        }
        self.drafts_posted.append(draft)
        if conversation is not None:
            conversation.drafts.append(created)
        return 201, {"drafts": created}, {}

    # ------------------------------------------------------------ serving

    def start(self) -> MissiveStandIn:
        self._server = serve(
            lambda method, path, headers, body: self.handle(method, path, bearer(headers), body),
            self.port,
        )
        self.port = self._server.server_address[1]
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


@pytest.fixture
def missive() -> Iterator[MissiveStandIn]:
    """A Missive stand-in on loopback for one test."""
    standin = MissiveStandIn().start()
    yield standin
    standin.stop()
