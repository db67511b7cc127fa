"""The Twilio WhatsApp client on the real `twilio` SDK against the loopback Twilio stand-in:
credentials check, sending text and templates, Twilio's refusals in plain words, polling with
media, media download, reconciliation after a crash, signed webhooks both ways. Every request
and response of the stand-in is checked against Twilio's published OpenAPI document."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import jsonschema
import pytest
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.responses.exceptions import ResponseNotFound
from tests.standins.twilio import (
    ACCOUNT_SID,
    API_KEY_SECRET,
    API_KEY_SID,
    AUTH_TOKEN,
    NUMBER,
    POOL_NUMBER,
    SANDBOX_NUMBER,
    SERVICE_SID,
    Exchange,
    TwilioStandIn,
)
from werkzeug.datastructures import Headers, ImmutableMultiDict

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.whatsapp import twilio_client
from gastro_hub_desktop.channels.whatsapp.settings import Provider, WhatsAppSettings
from gastro_hub_desktop.channels.whatsapp.twilio_client import TwilioWhatsApp
from gastro_hub_desktop.channels.whatsapp.twilio_webhook import parse_twilio_webhook
from gastro_hub_desktop.channels.whatsapp.types import (
    DeliveryStatus,
    Inbound,
    Media,
    ProviderRefusal,
    StatusUpdate,
    Template,
    WebhookRejected,
)

# Twilio's published OpenAPI document for Messages, kept in the repository (see its README)
CONTRACT = Path(__file__).resolve().parents[1] / "data/contracts/twilio_api_v2010_messages.json"
CUSTOMER = "+420777123456"
TEMPLATE_SID = "HX" + "a1" * 16

# Twilio documents its error answers (https://www.twilio.com/docs/usage/twilios-response) but
# the OpenAPI document lists only the success answers; error bodies are checked against this.
TWILIO_ERROR = {
    "type": "object",
    "required": ["code", "message", "more_info", "status"],
    "properties": {
        "code": {"type": "integer"},
        "message": {"type": "string"},
        "more_info": {"type": "string", "pattern": r"^https://www\.twilio\.com/docs/errors/\d+$"},
        "status": {"type": "integer"},
    },
}


# ---------------------------------------------------------------- contract checking


class ContractRequest:
    """An exchange's request as openapi-core reads it (the stand-in stands in for
    https://api.twilio.com, the document's server)."""

    host_url = "https://api.twilio.com"

    def __init__(self, exchange: Exchange) -> None:
        self.exchange = exchange
        parts = urlsplit(exchange.target)
        self.path = parts.path
        self.method = exchange.method.lower()
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(parts.query, keep_blank_values=True)),
            header=Headers(list(exchange.headers.items())),
            cookie=ImmutableMultiDict(),
        )
        self.content_type = (exchange.headers.get("Content-Type") or "").lower()
        self.body = exchange.body or None


class ContractResponse:
    def __init__(self, exchange: Exchange) -> None:
        self.status_code = exchange.status
        self.headers = Headers(list(exchange.response_headers.items()))
        self.content_type = (exchange.response_headers.get("Content-Type") or "").lower()
        self.data = exchange.response_body


@pytest.fixture(scope="session")
def contract() -> OpenAPI:
    # from_file_path trips over the document's unicode escapes; from_dict reads it fine
    with CONTRACT.open(encoding="utf-8") as handle:
        return OpenAPI.from_dict(json.load(handle))


OPERATIONS = {
    "FetchAccount": re.compile(r"^GET /2010-04-01/Accounts/AC\w+\.json$"),
    "CreateMessage": re.compile(r"^POST /2010-04-01/Accounts/AC\w+/Messages\.json$"),
    "ListMessage": re.compile(r"^GET /2010-04-01/Accounts/AC\w+/Messages\.json$"),
    "FetchMessage": re.compile(r"^GET /2010-04-01/Accounts/AC\w+/Messages/(SM|MM)\w+\.json$"),
    "ListMedia": re.compile(r"^GET /2010-04-01/Accounts/AC\w+/Messages/(SM|MM)\w+/Media\.json$"),
}


def check_contract(openapi: OpenAPI, exchanges: list[Exchange]) -> set[str]:
    """Validate every REST exchange against the document; the operations seen."""
    seen = set()
    for exchange in exchanges:
        if not exchange.in_contract:
            continue
        request = ContractRequest(exchange)
        where = f"{exchange.method} {exchange.target} → {exchange.status}"
        try:
            openapi.validate_request(request)
        except Exception as exc:
            if exchange.status == 401 and "security" in type(exc).__name__.lower():
                pass  # a request with wrong credentials is refused for exactly that reason
            else:
                raise AssertionError(
                    f"request does not follow the contract: {where}: {exc!r} {exc.__cause__!r}"
                ) from exc
        if exchange.status >= 400:
            with pytest.raises(ResponseNotFound):  # the document lists success answers only
                openapi.validate_response(request, ContractResponse(exchange))
            jsonschema.validate(json.loads(exchange.response_body), TWILIO_ERROR)
        else:
            try:
                openapi.validate_response(request, ContractResponse(exchange))
            except Exception as exc:
                raise AssertionError(
                    f"response does not follow the contract: {where}: {exc!r} {exc.__cause__!r}"
                ) from exc
        for name, pattern in OPERATIONS.items():
            if pattern.match(f"{exchange.method} {exchange.path}"):
                seen.add(name)
    return seen


# ---------------------------------------------------------------- fixtures


class WebhookReceiver:
    """The app's side of Twilio's webhooks on loopback: each post goes through
    parse_twilio_webhook with the URL as Twilio used it."""

    def __init__(self, auth_token: str = AUTH_TOKEN) -> None:
        self.auth_token = auth_token
        self.messages: list[Inbound] = []
        self.statuses: list[StatusUpdate] = []
        self.rejected: list[WebhookRejected] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                url = f"http://127.0.0.1:{receiver.port}{self.path}"
                try:
                    result = parse_twilio_webhook(
                        url, dict(self.headers), body, receiver.auth_token
                    )
                except WebhookRejected as exc:
                    receiver.rejected.append(exc)
                    self.send_response(exc.status)
                else:
                    receiver.messages.extend(result.messages)
                    receiver.statuses.extend(result.statuses)
                    self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def twilio(contract: OpenAPI) -> Iterator[TwilioStandIn]:
    """A Twilio stand-in for one test; afterwards everything it saw is checked against the
    OpenAPI document."""
    standin = TwilioStandIn().start()
    yield standin
    standin.stop()
    check_contract(contract, standin.exchanges)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    server = WebhookReceiver()
    yield server
    server.stop()


def settings_for(standin: TwilioStandIn, **changes: Any) -> WhatsAppSettings:
    values: dict[str, Any] = {
        "provider": Provider.TWILIO,
        "number": NUMBER,
        "account_sid": ACCOUNT_SID,
        "api_url": standin.url,
    }
    values.update(changes)
    return WhatsAppSettings(**values)


@pytest.fixture
def client(twilio: TwilioStandIn) -> Iterator[TwilioWhatsApp]:
    provider = TwilioWhatsApp(settings_for(twilio), auth_token=AUTH_TOKEN)
    yield provider
    provider.close()


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def last_create(standin: TwilioStandIn) -> dict[str, str]:
    posted = [
        e for e in standin.exchanges if e.method == "POST" and e.path.endswith("Messages.json")
    ]
    return dict(parse_qsl(posted[-1].body.decode()))


# ---------------------------------------------------------------- check()


def test_check_reports_account_and_sender(client: TwilioWhatsApp) -> None:
    assert client.check() == "Twilio OK: Gastro Praha s.r.o., sending as whatsapp:+420601000111"


def test_check_with_an_api_key(twilio: TwilioStandIn) -> None:
    settings = settings_for(twilio, api_key_sid=API_KEY_SID)
    provider = TwilioWhatsApp(settings, api_secret=API_KEY_SECRET)
    assert provider.check().startswith("Twilio OK: Gastro Praha s.r.o.")
    assert twilio.exchanges[-1].headers["Authorization"].startswith("Basic ")
    provider.close()


def test_check_with_a_wrong_token_says_what_to_fix(twilio: TwilioStandIn) -> None:
    provider = TwilioWhatsApp(settings_for(twilio), auth_token="0" * 32)
    with pytest.raises(ChannelProblem) as caught:
        provider.check()
    assert caught.value.retry is False
    assert str(caught.value) == (
        "Twilio refused these credentials (error 20003): check the Account SID and Auth Token."
    )
    provider.close()


def test_check_with_a_wrong_api_secret_names_the_api_key(twilio: TwilioStandIn) -> None:
    provider = TwilioWhatsApp(settings_for(twilio, api_key_sid=API_KEY_SID), api_secret="nope")
    with pytest.raises(ChannelProblem, match="check the API key SID and its secret"):
        provider.check()
    provider.close()


def test_check_refuses_a_suspended_account(twilio: TwilioStandIn, client: TwilioWhatsApp) -> None:
    twilio.account_status = "suspended"
    with pytest.raises(ChannelProblem, match="is suspended") as caught:
        client.check()
    assert caught.value.retry is False


def test_malformed_account_sid_is_explained_before_any_request(twilio: TwilioStandIn) -> None:
    with pytest.raises(ChannelProblem, match="should start with AC"):
        TwilioWhatsApp(settings_for(twilio, account_sid="AC123"), auth_token=AUTH_TOKEN)
    assert twilio.exchanges == []


def test_twilio_unreachable_is_worth_retrying() -> None:
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = closed.server_address[1]
    closed.server_close()
    settings = WhatsAppSettings(
        Provider.TWILIO, NUMBER, account_sid=ACCOUNT_SID, api_url=f"http://127.0.0.1:{port}"
    )
    provider = TwilioWhatsApp(settings, auth_token=AUTH_TOKEN, timeout=2)
    with pytest.raises(ChannelProblem, match="Could not reach Twilio") as caught:
        provider.check()
    assert caught.value.retry is True
    provider.close()


# ---------------------------------------------------------------- send()


def test_send_text_and_follow_its_status_callbacks(
    twilio: TwilioStandIn, receiver: WebhookReceiver
) -> None:
    provider = TwilioWhatsApp(settings_for(twilio, public_url=receiver.url), auth_token=AUTH_TOKEN)
    sent = provider.send(CUSTOMER, "Dobrý den, kávovar dorazí zítra.", None, "outbox-17")
    assert sent.status is DeliveryStatus.QUEUED
    form = last_create(twilio)
    assert form["From"] == "whatsapp:+420601000111"
    assert form["To"] == "whatsapp:+420777123456"
    assert form["Body"] == "Dobrý den, kávovar dorazí zítra."
    assert form["StatusCallback"] == (
        f"{receiver.url}/whatsapp/twilio/420601000111/status?key=outbox-17"
    )
    wait_for(lambda: len(receiver.statuses) == 4)
    assert receiver.rejected == []
    assert [s.status for s in receiver.statuses] == [
        DeliveryStatus.QUEUED,
        DeliveryStatus.SENT,
        DeliveryStatus.DELIVERED,
        DeliveryStatus.READ,
    ]
    assert {s.provider_message_id for s in receiver.statuses} == {sent.provider_message_id}
    assert {s.callback_data for s in receiver.statuses} == {"outbox-17"}
    provider.close()


def test_delivery_failure_arrives_in_plain_words(
    twilio: TwilioStandIn, receiver: WebhookReceiver
) -> None:
    provider = TwilioWhatsApp(settings_for(twilio, public_url=receiver.url), auth_token=AUTH_TOKEN)
    twilio.async_failures.append(63016)
    provider.send(CUSTOMER, "Jste tam?", None, "outbox-18")
    wait_for(lambda: any(s.status is DeliveryStatus.FAILED for s in receiver.statuses))
    failed = receiver.statuses[-1]
    assert failed.error_code == "63016"
    assert "only an approved template" in (failed.error_text or "")
    provider.close()


def test_send_without_public_url_asks_for_no_callback(
    twilio: TwilioStandIn, client: TwilioWhatsApp
) -> None:
    client.send(CUSTOMER, "Ahoj", None, "k")
    assert "StatusCallback" not in last_create(twilio)


def test_send_template_with_content_sid_and_variables(
    twilio: TwilioStandIn, client: TwilioWhatsApp
) -> None:
    template = Template(TEMPLATE_SID, variables={"1": "Jana", "2": "2024-117"})
    sent = client.send(CUSTOMER, None, template, "outbox-19")
    form = last_create(twilio)
    assert form["ContentSid"] == TEMPLATE_SID
    assert json.loads(form["ContentVariables"]) == {"1": "Jana", "2": "2024-117"}
    assert "Body" not in form
    stored = twilio.messages[sent.provider_message_id]
    assert stored.body == "Dobrý den Jana, vaše objednávka 2024-117 je připravena."


def test_send_through_a_messaging_service(twilio: TwilioStandIn) -> None:
    provider = TwilioWhatsApp(
        settings_for(twilio, messaging_service_sid=SERVICE_SID), auth_token=AUTH_TOKEN
    )
    sent = provider.send(CUSTOMER, "Ahoj", None, "k")
    form = last_create(twilio)
    assert form["MessagingServiceSid"] == SERVICE_SID
    assert "From" not in form
    assert twilio.messages[sent.provider_message_id].status in ("accepted", "queued", "sent")
    provider.close()


def test_send_needs_text_or_template(client: TwilioWhatsApp) -> None:
    with pytest.raises(ValueError):
        client.send(CUSTOMER, None, None, "k")


@pytest.mark.parametrize(
    ("code", "status", "words", "flags"),
    [
        (63016, 400, "only an approved template", {"outside_window": True}),
        (63021, 400, "template or its variables are too long", {}),
        (63017, 400, "limiting how fast", {"rate_limited": True}),
        (63018, 429, "limiting how fast", {"rate_limited": True}),
        (20429, 429, "limiting how fast", {"rate_limited": True}),
        (21211, 400, "+420777123456 is not a WhatsApp number", {}),
        (63024, 400, "+420777123456 is not a WhatsApp number", {}),
        (63015, 400, "'join <your sandbox keyword>'", {}),
        (21610, 400, "opted out", {}),
        (63007, 400, "whatsapp:+420601000111 is not a WhatsApp sender in this Twilio account", {}),
        (21606, 400, "is not a WhatsApp sender in this Twilio account", {}),
        (20003, 401, "Twilio refused these credentials (error 20003)", {}),
        (30999, 400, "Twilio refused the request (error 30999)", {}),
        (20500, 500, "Twilio refused the request (error 20500)", {"retry": True}),
    ],
)
def test_twilio_refusals_reach_the_caller_in_plain_words(
    twilio: TwilioStandIn,
    client: TwilioWhatsApp,
    code: int,
    status: int,
    words: str,
    flags: dict[str, bool],
) -> None:
    twilio.fail_next(code, status)
    with pytest.raises(ProviderRefusal) as caught:
        client.send(CUSTOMER, "Ahoj", None, "k")
    refusal = caught.value
    assert words in str(refusal)
    assert refusal.code == str(code)
    assert refusal.outside_window is flags.get("outside_window", False)
    assert refusal.rate_limited is flags.get("rate_limited", False)
    assert refusal.retry is (flags.get("rate_limited", False) or flags.get("retry", False))
    if refusal.rate_limited:
        assert refusal.retry_after == 1.0


def test_rate_limit_passes_on_retry_after(twilio: TwilioStandIn, client: TwilioWhatsApp) -> None:
    twilio.retry_after = "7"
    twilio.fail_next(20429, 429, "Too Many Requests")
    with pytest.raises(ProviderRefusal) as caught:
        client.send(CUSTOMER, "Ahoj", None, "k")
    assert caught.value.rate_limited and caught.value.retry_after == 7.0


def test_refusals_found_by_the_stand_in_itself(
    twilio: TwilioStandIn, client: TwilioWhatsApp
) -> None:
    with pytest.raises(ProviderRefusal, match="error 21211") as caught:
        client.send("+4201", "Ahoj", None, "k")
    assert not caught.value.retry
    twilio.opted_out.add(CUSTOMER)
    with pytest.raises(ProviderRefusal, match="opted out"):
        client.send(CUSTOMER, "Ahoj", None, "k")
    with pytest.raises(ProviderRefusal, match="error 63021"):
        client.send(CUSTOMER + "0", None, Template(TEMPLATE_SID, variables={"1": "x" * 1100}), "k")
    other = TwilioWhatsApp(settings_for(twilio, number="+420601999999"), auth_token=AUTH_TOKEN)
    with pytest.raises(ProviderRefusal, match="whatsapp:\\+420601999999 is not a WhatsApp sender"):
        other.send(CUSTOMER + "0", "Ahoj", None, "k")
    other.close()


def test_sandbox_joining_and_one_message_per_three_seconds(contract: OpenAPI) -> None:
    standin = TwilioStandIn(sandbox=True).start()
    try:
        settings = settings_for(standin, number=SANDBOX_NUMBER, sandbox=True)
        provider = TwilioWhatsApp(settings, auth_token=AUTH_TOKEN)
        assert "sandbox" in provider.check()
        with pytest.raises(ProviderRefusal) as caught:
            provider.send(CUSTOMER, "Ahoj", None, "k1")
        assert caught.value.code == "63015"
        assert "send the message 'join <your sandbox keyword>'" in str(caught.value)
        assert "to whatsapp:+14155238886" in str(caught.value)
        standin.joined.add(CUSTOMER)
        provider.send(CUSTOMER, "Ahoj", None, "k1")
        with pytest.raises(ProviderRefusal) as caught:
            provider.send(CUSTOMER, "Ještě jednou", None, "k2")
        assert caught.value.code == "63018"
        assert caught.value.rate_limited and caught.value.retry
        assert caught.value.retry_after == 3.0
        assert standin.count("POST", "/Messages.json") == 3
        provider.close()
    finally:
        standin.stop()
    check_contract(contract, standin.exchanges)


# ---------------------------------------------------------------- recent() and download()


def test_recent_lists_inbound_and_outbound_with_media(
    twilio: TwilioStandIn, client: TwilioWhatsApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(twilio_client, "PAGE_SIZE", 1)  # several pages through next_page_uri
    since = datetime.now(UTC) - timedelta(minutes=5)
    twilio.add_inbound(CUSTOMER, "Staré", at=since - timedelta(hours=1))
    photo = twilio.add_inbound(
        CUSTOMER,
        "Rozbitý kávovar",
        media=[("image/jpeg", b"\xff\xd8photo"), ("audio/ogg", b"OggS")],
    )
    twilio.add_inbound("+420602000333", "Dobrý den")
    sent = client.send(CUSTOMER, "Posíláme technika.", None, "k")
    wait_for(lambda: twilio.messages[sent.provider_message_id].status == "read")
    found = {m.provider_message_id: m for m in client.recent(since)}
    assert set(found) == {photo.sid, sent.provider_message_id} | {
        m.sid for m in twilio.messages.values() if m.body == "Dobrý den"
    }
    inbound = found[photo.sid]
    assert (inbound.customer, inbound.business, inbound.outbound) == (CUSTOMER, NUMBER, False)
    assert [m.content_type for m in inbound.media] == ["image/jpeg", "audio/ogg"]
    assert inbound.media[0].ref.startswith("https://api.twilio.com/2010-04-01/Accounts/")
    outbound = found[sent.provider_message_id]
    assert (outbound.customer, outbound.business, outbound.outbound) == (CUSTOMER, NUMBER, True)
    assert outbound.text == "Posíláme technika."
    assert all(m.sent_at.tzinfo is not None for m in found.values())
    lists = [e for e in twilio.exchanges if e.method == "GET" and e.path.endswith("Messages.json")]
    assert any("Page=1" in e.target for e in lists)  # the SDK followed next_page_uri


def test_recent_for_a_messaging_service_keeps_pool_numbers(twilio: TwilioStandIn) -> None:
    provider = TwilioWhatsApp(
        settings_for(twilio, messaging_service_sid=SERVICE_SID), auth_token=AUTH_TOKEN
    )
    since = datetime.now(UTC) - timedelta(minutes=1)
    pooled = twilio.add_inbound(CUSTOMER, "Přes pool", to=POOL_NUMBER, service=SERVICE_SID)
    found = provider.recent(since)
    assert [(m.provider_message_id, m.business) for m in found] == [(pooled.sid, POOL_NUMBER)]
    provider.close()


def test_download_media_with_the_accounts_credentials(
    twilio: TwilioStandIn, client: TwilioWhatsApp
) -> None:
    message = twilio.add_inbound(CUSTOMER, "", media=[("application/pdf", b"%PDF-1.7 faktura")])
    media = Media(ref=message.media[0].url(ACCOUNT_SID), content_type="application/pdf")
    assert client.download(media) == (b"%PDF-1.7 faktura", "application/pdf")
    fetched = [e for e in twilio.exchanges if "/Media/ME" in e.path]
    assert fetched[0].headers["Authorization"].startswith("Basic ")
    assert fetched[0].status == 307  # Twilio redirects to the stored file
    twilio.redirect_media = False
    assert client.download(media)[0] == b"%PDF-1.7 faktura"


def test_download_refuses_wrong_credentials_and_foreign_urls(twilio: TwilioStandIn) -> None:
    message = twilio.add_inbound(CUSTOMER, "", media=[("image/png", b"\x89PNG")])
    media = Media(ref=message.media[0].url(ACCOUNT_SID), content_type="image/png")
    provider = TwilioWhatsApp(settings_for(twilio), auth_token="f" * 32)
    with pytest.raises(ChannelProblem, match="refused to hand over the media") as caught:
        provider.download(media)
    assert caught.value.retry is False
    before = len(twilio.exchanges)
    with pytest.raises(ChannelProblem, match="Not a Twilio media address"):
        provider.download(Media(ref="https://evil.example/steal", content_type="image/png"))
    assert len(twilio.exchanges) == before
    provider.close()


# ---------------------------------------------------------------- find_sent()


def test_find_sent_after_a_crash(twilio: TwilioStandIn, client: TwilioWhatsApp) -> None:
    since = datetime.now(UTC)
    assert client.find_sent(CUSTOMER, since, "outbox-1", "Objednávka potvrzena") is None
    sent = client.send(CUSTOMER, "Objednávka potvrzena", None, "outbox-1")
    wait_for(lambda: twilio.messages[sent.provider_message_id].sent is not None)
    found = client.find_sent(CUSTOMER, since, "outbox-1", "Objednávka potvrzena")
    assert found == sent.provider_message_id
    assert client.find_sent(CUSTOMER, since, "outbox-2", "Jiný text") is None
    assert client.find_sent("+420602000333", since, "outbox-1", "Objednávka potvrzena") is None


def test_find_sent_sees_a_message_still_queued(
    twilio: TwilioStandIn, client: TwilioWhatsApp
) -> None:
    twilio.advance = False  # Twilio has not sent it yet: no date_sent
    since = datetime.now(UTC)
    sent = client.send(CUSTOMER, "Čeká ve frontě", None, "outbox-3")
    assert twilio.messages[sent.provider_message_id].sent is None
    assert (
        client.find_sent(CUSTOMER, since, "outbox-3", "Čeká ve frontě") == sent.provider_message_id
    )


def test_find_sent_for_a_template(twilio: TwilioStandIn, client: TwilioWhatsApp) -> None:
    since = datetime.now(UTC)
    sent = client.send(CUSTOMER, None, Template(TEMPLATE_SID, variables={"1": "Jana"}), "o-4")
    assert client.find_sent(CUSTOMER, since, "o-4", None) == sent.provider_message_id


def test_find_sent_through_a_messaging_service(twilio: TwilioStandIn) -> None:
    provider = TwilioWhatsApp(
        settings_for(twilio, messaging_service_sid=SERVICE_SID), auth_token=AUTH_TOKEN
    )
    since = datetime.now(UTC)
    sent = provider.send(CUSTOMER, "Z poolu", None, "o-5")
    assert provider.find_sent(CUSTOMER, since, "o-5", "Z poolu") == sent.provider_message_id
    searches = [e for e in twilio.exchanges if e.method == "GET" and "Messages.json" in e.path]
    assert all("From=" not in e.target for e in searches)
    provider.close()


def test_find_sent_cannot_tell_when_twilio_refuses(twilio: TwilioStandIn) -> None:
    provider = TwilioWhatsApp(settings_for(twilio), auth_token="e" * 32)
    with pytest.raises(ChannelProblem):
        provider.find_sent(CUSTOMER, datetime.now(UTC), "o-6", "x")
    provider.close()


# ---------------------------------------------------------------- webhooks from Twilio


def test_inbound_webhook_signed_by_twilio_is_read(
    twilio: TwilioStandIn, receiver: WebhookReceiver
) -> None:
    url = f"{receiver.url}/whatsapp/twilio/420601000111"
    answer = twilio.deliver(
        url, CUSTOMER, "Nefunguje myčka", profile_name="Jana", media=[("image/jpeg", b"jpg")]
    )
    assert answer.status == 200
    (message,) = receiver.messages
    assert (message.customer, message.business, message.customer_name) == (CUSTOMER, NUMBER, "Jana")
    assert message.text == "Nefunguje myčka"
    assert message.media[0].content_type == "image/jpeg"
    forged = twilio.deliver(url, CUSTOMER, "Podvrh", token="0" * 32)
    assert forged.status == 403
    assert len(receiver.messages) == 1


# ---------------------------------------------------------------- the contract itself


def test_every_operation_used_follows_the_contract(
    contract: OpenAPI, twilio: TwilioStandIn, client: TwilioWhatsApp
) -> None:
    since = datetime.now(UTC) - timedelta(minutes=1)
    client.check()
    message = twilio.add_inbound(CUSTOMER, "Foto", media=[("image/jpeg", b"jpg")])
    sent = client.send(CUSTOMER, "Ahoj", None, "k")
    client.send(CUSTOMER, None, Template(TEMPLATE_SID, variables={"1": "A", "2": "B"}), "k2")
    client.recent(since)
    client.find_sent(CUSTOMER, since, "k", "Ahoj")
    twilio.fail_next(63016)
    with pytest.raises(ProviderRefusal):
        client.send(CUSTOMER, "Ahoj", None, "k3")
    client._account.messages(sent.provider_message_id).fetch()  # the SDK's Message fetch
    client._account.messages(message.sid).media.list()
    seen = check_contract(contract, twilio.exchanges)
    assert seen == set(OPERATIONS)
    assert all(e.status for e in twilio.exchanges)
