"""The Graph API for one Facebook Page over httpx: check the Page access token (the page, its
linked Instagram account, that its conversations may be read), send a reply with the Send API
(our outbox key travels as `metadata` and comes back on the message echo), read recent messages
from the Conversations API (polling, and finding a send cut off by a crash) and download a
customer's attachment from Meta's CDN."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import httpx

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.graph_http import graph_call
from gastro_hub_desktop.channels.meta_pages.errors import problem_from_response
from gastro_hub_desktop.channels.meta_pages.settings import MetaPageSettings
from gastro_hub_desktop.channels.meta_pages.types import PageInfo, PageMessage, Platform, Sent

log = logging.getLogger(__name__)

MAX_TEXT = 2000  # the Send API's limit for message.text (UTF-8 characters)
MAX_METADATA = 1000  # "must be less than 1000 characters"
MAX_DOWNLOAD = 25 * 1024 * 1024  # Messenger's attachment limit
GRAPH_ID = re.compile(r"[0-9A-Za-z_-]{1,128}")  # one path segment, nothing else
MESSAGE_FIELDS = "messages{id,created_time,from,to,message}"
MAX_PAGES = 20  # conversations pages read per poll; the rest waits for the next one
CDN_HOSTS = (".fbcdn.net", ".fbsbx.com", ".facebook.com", ".cdninstagram.com", ".instagram.com")


class MetaPages:
    """One Facebook Page (and its Instagram account) at the Graph API. Blocking calls; one
    worker uses it at a time."""

    def __init__(self, settings: MetaPageSettings, page_token: str, timeout: float = 30.0) -> None:
        if not GRAPH_ID.fullmatch(settings.page_id or ""):
            raise ChannelProblem(
                "The account has no valid Facebook Page id. Copy it from the page's About → "
                "Page transparency section, or from Meta Business Suite → Settings.",
                retry=False,
            )
        if settings.instagram_account_id and not GRAPH_ID.fullmatch(settings.instagram_account_id):
            raise ChannelProblem("The Instagram account id is not a valid id.", retry=False)
        if not page_token.strip():
            raise ChannelProblem("No Page access token is stored for this account.", False)
        self.settings = settings
        self._token = page_token.strip()
        self._base = httpx.URL(settings.base_url + "/")
        self._http = httpx.Client(timeout=timeout, headers={"Accept": "application/json"})

    def close(self) -> None:
        self._http.close()

    # ------------------------------------------------------------ check

    def check(self) -> PageInfo:
        """The page behind the token, its linked Instagram account, and proof that the token
        may read the page's conversations (pages_messaging; instagram_manage_messages)."""
        page_id = self.settings.page_id
        info = self._json(
            "GET",
            page_id,
            "read the Facebook Page",
            params={"fields": "id,name,instagram_business_account{id,username}"},
        )
        if str(info.get("id") or "") != page_id:
            raise ChannelProblem(
                f"The token answers for page {info.get('id')!r}, not {page_id}. Use the "
                "Page access token of this page.",
                retry=False,
            )
        linked = info.get("instagram_business_account")
        linked = linked if isinstance(linked, dict) else {}
        instagram_id = str(linked.get("id") or "")
        wanted = self.settings.instagram_account_id
        if wanted and wanted != instagram_id:
            raise ChannelProblem(
                f"The Instagram account {wanted} is not linked to this page"
                + (f" (the linked one is {instagram_id})" if instagram_id else "")
                + ". Link it in the page's settings (Linked accounts) or correct the id.",
                retry=False,
            )
        self._json(
            "GET",
            f"{page_id}/conversations",
            "read the page's Messenger conversations",
            params={"platform": "messenger", "fields": "id", "limit": "1"},
        )
        if wanted:
            self._json(
                "GET",
                f"{page_id}/conversations",
                "read the page's Instagram conversations",
                params={"platform": "instagram", "fields": "id", "limit": "1"},
            )
        return PageInfo(
            page_id=page_id,
            name=str(info.get("name") or ""),
            instagram_id=instagram_id,
            instagram_username=str(linked.get("username") or ""),
        )

    # ------------------------------------------------------------ send

    def message_body(
        self, recipient: str, text: str, key: str, tag: str | None = None
    ) -> dict[str, Any]:
        """The Send API request Meta documents, checked before anything is sent."""
        if not GRAPH_ID.fullmatch(recipient or ""):
            raise ChannelProblem(f"{recipient!r} is not a Messenger/Instagram user id.", False)
        if not text.strip():
            raise ChannelProblem("The message is empty.", retry=False)
        if len(text) > MAX_TEXT:
            raise ChannelProblem(
                f"The message is {len(text)} characters long; Messenger and Instagram allow "
                f"at most {MAX_TEXT}. Shorten it or split it.",
                retry=False,
            )
        if len(key) >= MAX_METADATA:
            raise ValueError("the outbox key is longer than the Send API's metadata allows")
        message: dict[str, Any] = {"text": text}
        if key:
            message["metadata"] = key
        body: dict[str, Any] = {
            "recipient": {"id": recipient},
            "messaging_type": "MESSAGE_TAG" if tag else "RESPONSE",
            "message": message,
        }
        if tag:
            body["tag"] = tag
        return body

    def send(
        self, recipient: str, text: str, key: str, tag: str | None = None, where: str = ""
    ) -> Sent:
        """POST /{page-id}/messages; Meta answers recipient_id and message_id (the mid)."""
        body = self.message_body(recipient, text, key, tag)
        answer = self._json(
            "POST",
            f"{self.settings.page_id}/messages",
            f"send the {where or 'page'} message",
            json=body,
            sending=True,
            tagged=tag is not None,
        )
        mid = str(answer.get("message_id") or "")
        if not mid:
            raise ChannelProblem(
                "Meta accepted the message but gave no message id; its echo will show it.",
                retry=False,
            )
        return Sent(message_id=mid, recipient_id=str(answer.get("recipient_id") or recipient))

    # ------------------------------------------------------------ conversations

    def recent(self, platform: Platform, since: datetime) -> list[PageMessage]:
        """Messages of the page's conversations on `platform` since `since`, oldest first.
        Conversations come newest first; reading stops at the first one not updated since."""
        params: dict[str, str] | None = {
            "platform": platform.value,
            "fields": f"updated_time,{MESSAGE_FIELDS}",
            "limit": "25",
        }
        found: list[PageMessage] = []
        url: httpx.URL | str | None = self._base.join(f"{self.settings.page_id}/conversations")
        for _ in range(MAX_PAGES):
            assert url is not None
            answer = self._json("GET", url, "read the page's conversations", params=params)
            done = False
            for conversation in _items(answer):
                updated = conversation.get("updated_time")
                if updated and _graph_time(str(updated)) < since:
                    done = True
                    break
                found.extend(self._messages(platform, conversation.get("messages"), since))
            url = self._next(answer)
            params = None  # the paging link carries the query (httpx would drop it for {})
            if done or not url:
                break
        found.sort(key=lambda m: (m.sent_at, m.mid))
        return found

    def find_sent(
        self, platform: Platform, recipient: str, since: datetime, text: str
    ) -> str | None:
        """After a crash mid-send: the mid of a message of ours with this text to `recipient`
        since `since`, as the Conversations API lists it; None when it lists none (which, as
        the list may lag, does not prove the message was not sent)."""
        answer = self._json(
            "GET",
            f"{self.settings.page_id}/conversations",
            "look for the reply in the conversation",
            params={"platform": platform.value, "user_id": recipient, "fields": MESSAGE_FIELDS},
        )
        for conversation in _items(answer):
            for message in self._messages(platform, conversation.get("messages"), since):
                if message.outbound and message.customer == recipient and message.text == text:
                    return message.mid
        return None

    def _messages(self, platform: Platform, block: Any, since: datetime) -> list[PageMessage]:
        ours = {self.settings.page_id, self.settings.instagram_account_id} - {""}
        found: list[PageMessage] = []
        pages = 0
        while isinstance(block, dict) and pages < MAX_PAGES:
            pages += 1
            oldest: datetime | None = None
            for raw in _items(block):
                message = _conversation_message(platform, raw, ours)
                if message is None:
                    continue
                oldest = message.sent_at if oldest is None else min(oldest, message.sent_at)
                if message.sent_at >= since:
                    found.append(message)
            url = self._next(block)
            if not url or (oldest is not None and oldest < since):
                break
            block = self._json("GET", url, "read the conversation's messages")
        return found

    def _next(self, answer: dict[str, Any]) -> str | None:
        paging = answer.get("paging")
        url = paging.get("next") if isinstance(paging, dict) else None
        if not isinstance(url, str) or not url:
            return None
        if httpx.URL(url).host != self._base.host:
            log.warning("paging link to %s not followed", httpx.URL(url).host)
            return None
        return url

    # ------------------------------------------------------------ attachments

    def download(self, url: str) -> tuple[bytes, str]:
        """A customer's attachment from Meta's CDN (no token is sent with it)."""
        target = httpx.URL(url)
        allowed = target.host == self._base.host or (
            target.scheme == "https" and target.host.endswith(CDN_HOSTS)
        )
        if not allowed:
            raise ChannelProblem(
                f"The attachment's address points to {target.host}, which is not a Meta "
                "server; it was not downloaded.",
                retry=False,
            )
        try:
            with self._http.stream("GET", target) as response:
                if response.status_code in (403, 404, 410):
                    raise ChannelProblem(
                        "Meta no longer offers this attachment (its link expired). Ask the "
                        "customer to send it again.",
                        retry=False,
                    )
                if response.status_code >= 300:
                    raise ChannelProblem(
                        f"Meta's server could not hand out the attachment (HTTP "
                        f"{response.status_code}). Try again later.",
                        retry=True,
                    )
                chunks: list[bytes] = []
                total = 0
                for chunk in response.iter_bytes():
                    total += len(chunk)
                    if total > MAX_DOWNLOAD:
                        raise ChannelProblem("The attachment is larger than 25 MB.", False)
                    chunks.append(chunk)
                kind = response.headers.get("Content-Type", "").split(";")[0].strip()
                return b"".join(chunks), kind
        except httpx.TransportError as error:
            raise ChannelProblem(
                "The connection to Meta broke while downloading the attachment. Try again.",
                retry=True,
            ) from error

    # ------------------------------------------------------------ HTTP

    def _json(
        self,
        method: str,
        path: httpx.URL | str,
        action: str,
        *,
        params: dict[str, str] | None = None,
        json: dict[str, Any] | None = None,
        sending: bool = False,
        tagged: bool = False,
    ) -> dict[str, Any]:
        url = path if isinstance(path, httpx.URL) or "://" in path else self._base.join(path)
        url = httpx.URL(url)

        def explain(
            status: int, body: bytes, headers: Mapping[str, str], doing: str
        ) -> ChannelProblem:
            return problem_from_response(status, body, headers, doing, tagged)

        return graph_call(
            self._http,
            method,
            url,
            action,
            explain,
            if_sent="The message may have been sent anyway." if sending else "",
            params=params,
            json=json,
            headers={"Authorization": f"Bearer {self._token}"},
        )


def _items(block: Any) -> list[dict[str, Any]]:
    data = block.get("data") if isinstance(block, dict) else None
    return [item for item in data if isinstance(item, dict)] if isinstance(data, list) else []


def _graph_time(value: str) -> datetime:
    """The Graph API's times, e.g. 2026-11-03T09:15:02+0000."""
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")


def _conversation_message(
    platform: Platform, raw: dict[str, Any], ours: set[str]
) -> PageMessage | None:
    """One message as the Conversations API lists it, or None when it is not readable."""
    try:
        mid = str(raw["id"])
        sent_at = _graph_time(str(raw["created_time"]))
        sender = raw.get("from") if isinstance(raw.get("from"), dict) else {}
        to = [p for p in _items(raw.get("to")) if isinstance(p, dict)]
    except (KeyError, ValueError) as error:
        log.warning("conversation message not understood: %r", error)
        return None
    sender_id = str(sender.get("id") or "")
    outbound = sender_id in ours
    if outbound:
        other = next((p for p in to if str(p.get("id") or "") not in ours), {})
        customer, name = str(other.get("id") or ""), ""
    else:
        customer = sender_id
        name = str(sender.get("name") or sender.get("username") or "")
    if not customer:
        return None
    text = raw.get("message")
    return PageMessage(
        mid=mid,
        platform=platform,
        customer=customer,
        text=text if isinstance(text, str) else "",
        sent_at=sent_at,
        outbound=outbound,
        customer_name=name,
    )
