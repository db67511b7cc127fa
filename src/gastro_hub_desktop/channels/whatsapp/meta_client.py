"""The Meta WhatsApp Cloud API (Graph API) over httpx for one business phone number: check the
access token and number, send free text or an approved template (our outbox key travels as
biz_opaque_callback_data and comes back on status webhooks), download customers' media."""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import re
from datetime import datetime
from typing import Any

import httpx

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.graph_http import graph_call
from gastro_hub_desktop.channels.whatsapp.meta_errors import problem_from_response
from gastro_hub_desktop.channels.whatsapp.settings import WhatsAppSettings
from gastro_hub_desktop.channels.whatsapp.types import (
    DeliveryStatus,
    Inbound,
    Media,
    Sent,
    Template,
)
from gastro_hub_desktop.domain.phones import to_e164

log = logging.getLogger(__name__)

MAX_TEXT = 4096  # WhatsApp's limit for a text message body
MAX_CALLBACK_DATA = 512  # Meta's limit for biz_opaque_callback_data
MAX_MEDIA_BYTES = 100 * 1024 * 1024  # the largest document WhatsApp carries
# Hosts Meta serves media from; the access token is sent to no one else.
MEDIA_HOSTS = (".fbsbx.com", ".facebook.com", ".fbcdn.net", ".whatsapp.net")
GRAPH_ID = re.compile(r"[0-9A-Za-z_-]{1,128}")  # a media id: one path segment, nothing else
QUALITY = {
    "YELLOW": "quality rating YELLOW: customers have been blocking or reporting messages",
    "RED": "quality rating RED: WhatsApp may soon limit this number",
}


class MetaWhatsApp:
    """One business phone number at the WhatsApp Cloud API (implements WhatsAppProvider).

    Blocking calls; not thread-safe (one worker uses it at a time)."""

    def __init__(
        self,
        settings: WhatsAppSettings,
        access_token: str,
        timeout: float = 30.0,
    ) -> None:
        if not GRAPH_ID.fullmatch(settings.phone_number_id):
            raise ChannelProblem(
                "The Meta WhatsApp account has no valid phone number id. Copy it from WhatsApp "
                "Manager → Phone numbers (or the app's WhatsApp → API Setup page).",
                retry=False,
            )
        if not access_token:
            raise ChannelProblem("No Meta access token is stored for this account.", False)
        self._settings = settings
        self._token = access_token
        self._base = httpx.URL(settings.base_url + "/")
        self._http = httpx.Client(timeout=timeout, headers={"Accept": "application/json"})

    def close(self) -> None:
        self._http.close()

    # ------------------------------------------------------------ WhatsAppProvider

    def check(self) -> str:
        """GET /{phone-number-id}: the verified business name and number behind the token."""
        info = self._json(
            "GET",
            self._settings.phone_number_id,
            "check the WhatsApp number",
            params={"fields": "display_phone_number,verified_name,quality_rating"},
        )
        shown = str(info.get("display_phone_number") or "")
        number = _e164(shown) or shown
        name = str(info.get("verified_name") or "") or "(no verified name)"
        wanted = self._settings.number
        if wanted and number.startswith("+") and number != _e164(wanted):
            raise ChannelProblem(
                f"The phone number id {self._settings.phone_number_id} belongs to {number} "
                f"({name}), not to {wanted}. Check the phone number id in WhatsApp Manager.",
                retry=False,
            )
        summary = f"Meta WhatsApp OK: {name} ({number})"
        warning = QUALITY.get(str(info.get("quality_rating") or "").upper())
        return f"{summary}; {warning}" if warning else summary

    def send(self, to: str, text: str | None, template: Template | None, key: str) -> Sent:
        """POST /{phone-number-id}/messages. Meta answers with the message's wamid before
        delivery; delivery and failures after that arrive as status webhooks carrying `key`."""
        body = self.message_body(to, text, template, key)
        answer = self._json(
            "POST",
            f"{self._settings.phone_number_id}/messages",
            "send the WhatsApp message",
            json=body,
            sending=True,
        )
        messages = answer.get("messages")
        first = messages[0] if isinstance(messages, list) and messages else None
        if not isinstance(first, dict) or not first.get("id"):
            raise ChannelProblem(
                "Meta accepted the message but gave no message id; its status will arrive by "
                "webhook.",
                retry=False,
            )
        if first.get("message_status"):
            log.info("Meta took %s as %s", first["id"], first["message_status"])
        return Sent(provider_message_id=str(first["id"]), status=DeliveryStatus.QUEUED)

    def message_body(
        self, to: str, text: str | None, template: Template | None, key: str
    ) -> dict[str, Any]:
        """The JSON Meta documents for a text or template message (checked before sending)."""
        if (text is None) == (template is None):
            raise ValueError("send either text or a template")
        number = _e164(to)
        if number is None:
            raise ChannelProblem(f"{to!r} is not a valid phone number for WhatsApp.", False)
        body: dict[str, Any] = {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": number.lstrip("+"),
        }
        if text is not None:
            if not text.strip():
                raise ChannelProblem("The message is empty.", retry=False)
            if len(text) > MAX_TEXT:
                raise ChannelProblem(
                    f"The message is {len(text)} characters long; WhatsApp allows at most "
                    f"{MAX_TEXT}. Shorten it or split it.",
                    retry=False,
                )
            body["type"] = "text"
            body["text"] = {"body": text}
        else:
            assert template is not None
            if not template.ref or not template.language:
                raise ChannelProblem(
                    "A Meta template needs its name and language code (e.g. cs or en_US).",
                    retry=False,
                )
            spec: dict[str, Any] = {"name": template.ref, "language": {"code": template.language}}
            values = _ordered(template.variables)
            if values:
                spec["components"] = [
                    {
                        "type": "body",
                        "parameters": [{"type": "text", "text": value} for value in values],
                    }
                ]
            body["type"] = "template"
            body["template"] = spec
        if key:
            if len(key) > MAX_CALLBACK_DATA:
                raise ValueError("the outbox key is longer than Meta's 512 characters")
            body["biz_opaque_callback_data"] = key
        return body

    def find_sent(self, to: str, since: datetime, key: str, text: str | None) -> str | None:
        """Meta keeps no list of sent messages that could be searched, so after a crash
        mid-send it cannot tell whether the message went out. This always raises
        ChannelProblem(retry=False); the engine then waits for the status webhooks, which carry
        the outbox key back as biz_opaque_callback_data, instead of resending blindly."""
        raise ChannelProblem(
            "Meta's WhatsApp Cloud API keeps no list of sent messages, so it cannot tell "
            "whether this message was already sent. Its delivery status (which carries this "
            "reply's key) will show it; send it again only if no status arrives.",
            retry=False,
        )

    def recent(self, since: datetime) -> list[Inbound]:
        """Meta has no message list to poll: messages arrive only by webhook."""
        return []

    def download(self, media: Media) -> tuple[bytes, str]:
        """GET /{media-id} for a short-lived URL, then GET that URL with the token; the bytes
        are checked against Meta's sha256 and file size when given."""
        if not GRAPH_ID.fullmatch(media.ref):
            raise ChannelProblem(f"{media.ref!r} is not a Meta media id.", retry=False)
        info = self._json(
            "GET",
            media.ref,
            "find the media file",
            params={"phone_number_id": self._settings.phone_number_id},
        )
        url = str(info.get("url") or "")
        if not url:
            raise ChannelProblem("Meta gave no download address for the media file.", True)
        if not self._may_get_token(url):
            raise ChannelProblem(
                f"Meta's media address points to {httpx.URL(url).host}, which is not a Meta "
                "server; the file was not downloaded.",
                retry=False,
            )
        data, header_type = self._download(url)
        size = info.get("file_size")
        if size not in (None, "") and str(size).isdigit() and int(size) != len(data):
            raise ChannelProblem(
                f"The media file arrived incomplete ({len(data)} of {size} bytes). The app "
                "will try again.",
                retry=True,
            )
        expected = str(info.get("sha256") or "")
        if expected and not _sha256_matches(data, expected):
            raise ChannelProblem(
                "The media file arrived damaged (its checksum does not match Meta's). The app "
                "will try again.",
                retry=True,
            )
        kind = str(info.get("mime_type") or "") or header_type or media.content_type
        return data, kind

    # ------------------------------------------------------------ HTTP

    def _json(
        self,
        method: str,
        path: str,
        action: str,
        *,
        params: dict[str, str] | None = None,
        json: dict[str, Any] | None = None,
        sending: bool = False,
    ) -> dict[str, Any]:
        return graph_call(
            self._http,
            method,
            self._base.join(path),
            action,
            problem_from_response,
            if_sent="The message may have been sent anyway; its delivery status will tell."
            if sending
            else "",
            params=params,
            json=json,
            headers=self._auth(),
        )

    def _download(self, url: str) -> tuple[bytes, str]:
        try:
            with self._http.stream("GET", url, headers=self._auth()) as response:
                if response.status_code >= 300:
                    response.read()
                    raise problem_from_response(
                        response.status_code,
                        response.content,
                        response.headers,
                        "download the media file",
                    )
                chunks: list[bytes] = []
                total = 0
                for chunk in response.iter_bytes():
                    total += len(chunk)
                    if total > MAX_MEDIA_BYTES:
                        raise ChannelProblem(
                            "The media file is larger than WhatsApp's 100 MB limit; it was not "
                            "downloaded.",
                            retry=False,
                        )
                    chunks.append(chunk)
                kind = response.headers.get("Content-Type", "").split(";")[0].strip()
                return b"".join(chunks), kind
        except httpx.TransportError as error:
            log.warning("media download from Meta failed: %r", error)
            raise ChannelProblem(
                "The connection to Meta broke while downloading the media file. The app will "
                "try again.",
                retry=True,
            ) from error

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}"}

    def _may_get_token(self, url: str) -> bool:
        target = httpx.URL(url)
        if target.host == self._base.host:
            return True
        return target.scheme == "https" and target.host.endswith(MEDIA_HOSTS)


def _e164(raw: str) -> str | None:
    """Meta writes numbers as digits ("420601234567") or formatted ("+420 601 234 567")."""
    text = raw.strip()
    if not text:
        return None
    if not text.startswith(("+", "00")):
        text = "+" + text
    return to_e164(text)


def _ordered(variables: dict[str, str]) -> list[str]:
    """Template body values in placeholder order ("1", "2", … sorted as numbers)."""

    def order(key: str) -> tuple[int, str]:
        return (int(key), "") if key.isdigit() else (1_000_000, key)

    return [variables[k] for k in sorted(variables, key=order)]


def _sha256_matches(data: bytes, expected: str) -> bool:
    """Meta gives the hash as hex; base64 is accepted too."""
    digest = hashlib.sha256(data).digest()
    text = expected.strip()
    if len(text) == 64:
        try:
            return bytes.fromhex(text) == digest
        except ValueError:
            pass
    try:
        return base64.b64decode(text, validate=True) == digest
    except (binascii.Error, ValueError):
        return False
