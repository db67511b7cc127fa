"""One WhatsApp account at Twilio, on the official `twilio` SDK: check the credentials, send
text or an approved template (Content SID), find a message already sent after a crash, poll
the message list and download media. Twilio's refusals become ProviderRefusal in plain words."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import requests
from twilio.base.exceptions import TwilioException, TwilioRestException, TwilioServiceException
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.whatsapp.settings import TWILIO_API, Provider, WhatsAppSettings
from gastro_hub_desktop.channels.whatsapp.twilio_errors import explain
from gastro_hub_desktop.channels.whatsapp.twilio_webhook import TWILIO_STATUS, whatsapp_number
from gastro_hub_desktop.channels.whatsapp.types import (
    DeliveryStatus,
    Inbound,
    Media,
    Sent,
    Template,
)
from gastro_hub_desktop.domain.phones import to_e164

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_MEDIA_BYTES = 100 * 1024 * 1024  # WhatsApp documents go up to 100 MB
PAGE_SIZE = 200
CLOCK_SKEW = timedelta(minutes=1)  # our clock against Twilio's, when searching by date


def webhook_url(settings: WhatsAppSettings) -> str:
    """The public address Twilio posts this account's webhooks to ("" without a public URL).
    `public_url` may be the tunnel's origin (the account's path is added) or the full URL."""
    base = settings.public_url.strip().rstrip("/")
    if not base:
        return ""
    return base if base.endswith(settings.webhook_path) else base + settings.webhook_path


class _RedirectedHttpClient(TwilioHttpClient):
    """The SDK's HTTP client, sending to `base_url` instead of https://api.twilio.com (a Twilio
    edge, a proxy or a loopback stand-in), and keeping the last answer's headers per thread
    (Retry-After on a 429)."""

    def __init__(self, base_url: str, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self.base_url = base_url.rstrip("/")
        self._last = threading.local()

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:
        if url.startswith(TWILIO_API):
            url = self.base_url + url[len(TWILIO_API) :]
        self._last.headers = {}
        response = super().request(method, url, *args, **kwargs)
        self._last.headers = dict(response.headers or {})
        return response

    def last_header(self, name: str) -> str | None:
        for key, value in getattr(self._last, "headers", {}).items():
            if key.lower() == name.lower():
                return value
        return None


def _sid_problem(value: str, prefix: str, what: str) -> str | None:
    if re.fullmatch(prefix + r"[0-9a-fA-F]{32}", value or ""):
        return None
    return f"The {what} should start with {prefix} followed by 32 letters and digits (0-9, a-f)."


class TwilioWhatsApp:
    """A Twilio WhatsApp sender (a number, the sandbox or a Messaging Service's pool).

    Credentials: the Account SID with its Auth Token, or an API key SID (SK…) with its secret
    (the Auth Token is then only needed for webhook signatures, which this class does not
    check). All calls block; the engine runs them off the GUI thread."""

    def __init__(
        self,
        settings: WhatsAppSettings,
        *,
        auth_token: str = "",
        api_secret: str = "",
        timeout: float = 20.0,
    ) -> None:
        if settings.provider is not Provider.TWILIO:
            raise ValueError(f"not a Twilio account: {settings.provider}")
        problem = _sid_problem(settings.account_sid, "AC", "Account SID")
        if settings.api_key_sid:
            problem = problem or _sid_problem(settings.api_key_sid, "SK", "API key SID")
            username, password = settings.api_key_sid, api_secret
            missing = "No API key secret is saved for this account: enter it again."
        else:
            username, password = settings.account_sid, auth_token
            missing = "No Auth Token is saved for this account: enter it again."
        if problem:
            raise ChannelProblem(problem, retry=False)
        if not password:
            raise ChannelProblem(missing, retry=False)
        self.settings = settings
        self._timeout = timeout
        self._auth = (username, password)
        self._http = _RedirectedHttpClient(settings.base_url, timeout)
        # environment={}: TWILIO_* variables (edge, region, other credentials) must not leak in
        self._client = Client(
            username, password, settings.account_sid, http_client=self._http, environment={}
        )
        self._account = self._client.api.v2010.accounts(settings.account_sid)
        self._media = requests.Session()

    # ------------------------------------------------------------------ helpers

    @property
    def sender(self) -> str:
        return f"whatsapp:{self.settings.number}"

    def _call(self, action: Callable[[], T], to: str = "") -> T:
        """Run one SDK call; Twilio's refusals and network trouble become ChannelProblem."""
        host = urlsplit(self.settings.base_url).netloc or self.settings.base_url
        try:
            return action()
        except TwilioRestException as exc:
            log.warning(
                "Twilio refused %s %s: HTTP %s, code %s, %s",
                exc.method,
                exc.uri,
                exc.status,
                exc.code,
                exc.msg,
            )
            raise self._refusal(exc.code, exc.status, exc.msg, to) from exc
        except TwilioServiceException as exc:
            log.warning("Twilio refused %s %s: %s %s", exc.method, exc.uri, exc.code, exc.title)
            raise self._refusal(exc.code, exc.status, exc.detail or exc.title, to) from exc
        except (requests.RequestException, OSError) as exc:
            log.warning("Twilio at %s unreachable: %r", host, exc)
            raise ChannelProblem(
                f"Could not reach Twilio at {host} ({type(exc).__name__}); the app tries "
                "again by itself.",
                retry=True,
            ) from exc
        except TwilioException as exc:
            log.warning("Twilio SDK error: %r", exc)
            raise ChannelProblem(f"Twilio answered something unexpected: {exc}") from exc

    def _refusal(self, code: Any, status: int, text: str, to: str) -> ChannelProblem:
        try:
            number = int(code) if code is not None else None
        except (TypeError, ValueError):
            number = None
        retry_after = None
        header = self._http.last_header("Retry-After")
        if header:
            try:
                retry_after = max(0.0, float(header))
            except ValueError:
                retry_after = None
        sender = (
            f"the Messaging Service {self.settings.messaging_service_sid}"
            if self.settings.messaging_service_sid
            else self.sender
        )
        return explain(
            number,
            int(status or 0),
            text,
            to=to,
            sender=sender,
            api_key=bool(self.settings.api_key_sid),
            retry_after=retry_after,
            sandbox=self.settings.sandbox,
        )

    @staticmethod
    def _customer(to: str) -> str:
        raw = to.strip()
        if raw.lower().startswith("whatsapp:"):
            raw = raw[len("whatsapp:") :]
        return to_e164(raw) or raw

    def status_callback_url(self, key: str) -> str:
        """Where Twilio reports this message's delivery status ("" without a public URL); the
        outbox key rides along in the query (signed with the URL) and comes back as
        StatusUpdate.callback_data."""
        base = webhook_url(self.settings)
        if not base:
            return ""
        return f"{base}/status" + (f"?key={quote(key, safe='')}" if key else "")

    # ------------------------------------------------------------------ WhatsAppProvider

    def check(self) -> str:
        account = self._call(self._account.fetch)
        name = account.friendly_name or self.settings.account_sid
        status = str(account.status or "")
        if status == "suspended":
            raise ChannelProblem(
                f"The Twilio account {name} is suspended: Twilio sends and receives nothing for "
                "it until it is reactivated (Twilio Console → Account → billing and status).",
                retry=False,
            )
        if status == "closed":
            raise ChannelProblem(
                f"The Twilio account {name} is closed: connect another account.", retry=False
            )
        if self.settings.messaging_service_sid:
            how = (
                f"sending through Messaging Service {self.settings.messaging_service_sid} "
                f"({self.sender})"
            )
        else:
            how = f"sending as {self.sender}"
        if self.settings.sandbox:
            how += " (sandbox: one message per 3 seconds, only to numbers that joined it)"
        return f"Twilio OK: {name}, {how}"

    def send(self, to: str, text: str | None, template: Template | None, key: str) -> Sent:
        if (text is None) == (template is None):
            raise ValueError("send needs either text or a template, not both")
        customer = self._customer(to)
        fields: dict[str, Any] = {"to": f"whatsapp:{customer}"}
        if self.settings.messaging_service_sid:
            fields["messaging_service_sid"] = self.settings.messaging_service_sid
        else:
            fields["from_"] = self.sender
        if template is not None:
            fields["content_sid"] = template.ref
            if template.variables:
                fields["content_variables"] = json.dumps(template.variables, ensure_ascii=False)
        else:
            fields["body"] = text
        callback = self.status_callback_url(key)
        if callback:
            fields["status_callback"] = callback
        message = self._call(lambda: self._account.messages.create(**fields), to=customer)
        status = TWILIO_STATUS.get(str(message.status or ""), DeliveryStatus.QUEUED)
        log.info("Twilio accepted %s for %s (%s)", message.sid, customer, message.status)
        return Sent(provider_message_id=str(message.sid), status=status)

    def find_sent(self, to: str, since: datetime, key: str, text: str | None) -> str | None:
        """Our message to `to` created since `since` whose body is `text` (for a template,
        `text` is None and any of our messages to `to` in that time counts), oldest first."""
        customer = self._customer(to)
        start = _utc(since) - CLOCK_SKEW
        filters: dict[str, Any] = {"to": f"whatsapp:{customer}"}
        if not self.settings.messaging_service_sid:
            filters["from_"] = self.sender
        listed = self._call(
            lambda: list(
                self._account.messages.stream(date_sent_after=start, page_size=PAGE_SIZE, **filters)
            ),
            to=customer,
        )
        found = self._match(listed, start, text)
        if found is None:
            # A message still queued at Twilio has no date_sent yet and escapes that filter
            # (it may have been sent since): look at the newest ones without a date filter.
            newest = self._call(
                lambda: list(self._account.messages.stream(limit=PAGE_SIZE, **filters)),
                to=customer,
            )
            found = self._match(newest, start, text)
        log.info("Twilio reconciliation for outbox %s to %s: %s", key, customer, found or "none")
        return found

    def _match(self, messages: Iterable[Any], start: datetime, text: str | None) -> str | None:
        wanted = _normal(text) if text is not None else None
        hits = []
        for message in messages:
            if not str(message.direction or "").startswith("outbound"):
                continue
            if not self._ours(message):
                continue
            created = message.date_created or message.date_sent
            if created is not None and _utc(created) < start:
                continue
            if wanted is not None and _normal(message.body or "") != wanted:
                continue
            hits.append(message)
        if not hits:
            return None
        earliest = datetime.max.replace(tzinfo=UTC)
        hits.sort(key=lambda m: _utc(m.date_created or m.date_sent or earliest))
        return str(hits[0].sid)

    def _ours(self, message: Any) -> bool:
        if self.sender in (message.from_, message.to):
            return True
        service = self.settings.messaging_service_sid
        return bool(service) and message.messaging_service_sid == service

    def recent(self, since: datetime) -> list[Inbound]:
        start = _utc(since)
        if self.settings.messaging_service_sid:
            # pool numbers vary: the whole account's list, kept when it is the service's
            listings: list[dict[str, Any]] = [{}]
        else:
            listings = [{"to": self.sender}, {"from_": self.sender}]
        seen: dict[str, Any] = {}
        for filters in listings:
            for message in self._call(
                lambda f=filters: list(
                    self._account.messages.stream(date_sent_after=start, page_size=PAGE_SIZE, **f)
                )
            ):
                seen.setdefault(str(message.sid), message)
        found = []
        for message in seen.values():
            item = self._inbound(message)
            if item is not None:
                found.append(item)
        found.sort(key=lambda m: m.sent_at)
        return found

    def _inbound(self, message: Any) -> Inbound | None:
        sender, receiver = str(message.from_ or ""), str(message.to or "")
        if not (sender.startswith("whatsapp:") and receiver.startswith("whatsapp:")):
            return None  # SMS or another channel of the same account
        if not self._ours(message):
            return None
        outbound = str(message.direction or "").startswith("outbound")
        customer = whatsapp_number(receiver if outbound else sender)
        business = whatsapp_number(sender if outbound else receiver)
        if customer is None or business is None:
            log.warning("Twilio message %s has no usable numbers, skipped", message.sid)
            return None
        media: tuple[Media, ...] = ()
        if int(message.num_media or 0) > 0:
            listed = self._call(lambda: list(self._account.messages(message.sid).media.list()))
            media = tuple(
                Media(
                    ref=TWILIO_API + str(item.uri).removesuffix(".json"),
                    content_type=item.content_type or "application/octet-stream",
                )
                for item in listed
            )
        when = message.date_sent or message.date_created or datetime.now(UTC)
        return Inbound(
            provider_message_id=str(message.sid),
            customer=customer,
            business=business,
            text=message.body or "",
            sent_at=_utc(when),
            media=media,
            outbound=outbound,
        )

    def download(self, media: Media) -> tuple[bytes, str]:
        url = media.ref
        base = self.settings.base_url
        if url.startswith(TWILIO_API + "/"):
            url = base + url[len(TWILIO_API) :]
        elif not url.startswith(base + "/"):
            # the account's credentials go to Twilio only
            raise ChannelProblem(f"Not a Twilio media address: {media.ref}", retry=False)
        try:
            with self._media.get(
                url, auth=self._auth, timeout=self._timeout, allow_redirects=True, stream=True
            ) as response:
                if response.status_code in (401, 403):
                    raise ChannelProblem(
                        f"Twilio refused to hand over the media (HTTP {response.status_code}): "
                        "check the account's credentials.",
                        retry=False,
                    )
                if response.status_code == 404:
                    raise ChannelProblem(
                        "The media is no longer at Twilio (deleted, or older than Twilio keeps "
                        "it).",
                        retry=False,
                    )
                if response.status_code >= 400:
                    raise ChannelProblem(
                        f"Twilio could not hand over the media (HTTP {response.status_code}); "
                        "the app tries again later.",
                        retry=response.status_code >= 500 or response.status_code == 429,
                    )
                chunks, size = [], 0
                for chunk in response.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > MAX_MEDIA_BYTES:
                        raise ChannelProblem(
                            "The media is larger than 100 MB and was not downloaded.",
                            retry=False,
                        )
                    chunks.append(chunk)
                kind = response.headers.get("Content-Type") or media.content_type
        except requests.RequestException as exc:
            log.warning("Twilio media %s not downloaded: %r", media.ref, exc)
            raise ChannelProblem(
                f"Could not reach Twilio for the media ({type(exc).__name__}); the app tries "
                "again by itself.",
                retry=True,
            ) from exc
        return b"".join(chunks), kind.split(";")[0].strip()

    def close(self) -> None:
        self._media.close()
        if self._http.session is not None:
            self._http.session.close()


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _normal(text: str) -> str:
    return text.replace("\r\n", "\n").strip()
