"""OAuth2 sign-in for mail accounts whose provider allows it: a refresh token is traded at the
provider's token endpoint (RFC 6749 §6) for short-lived access tokens, kept in memory until
shortly before they expire, and a refresh token the provider rotates goes back to the keyring.
IMAP and SMTP then log in with SASL XOAUTH2; a refused token is renewed once and tried once."""

from __future__ import annotations

import ipaddress
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from email.message import EmailMessage
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

import httpx

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.email.imap import ImapMailbox
from gastro_hub_desktop.channels.email.outgoing import send_smtp, smtp_login_check
from gastro_hub_desktop.channels.email.problems import is_login_refusal
from gastro_hub_desktop.channels.email.settings import (
    PRESETS,
    Auth,
    EmailSettings,
    preset_for_host,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_LIFETIME = 3600.0  # seconds, when the provider leaves out expires_in (RFC 6749 §5.1)
EARLY = 60.0  # refresh this long before the token expires (at most a quarter of its life)


def token_endpoint(settings: EmailSettings) -> str:
    """The account's token endpoint, or its provider's (Gmail, Microsoft 365) when not set."""
    if settings.oauth_token_endpoint.strip():
        return settings.oauth_token_endpoint.strip()
    preset = preset_for_host(settings.imap_host) or preset_for_host(settings.smtp_host)
    return preset.oauth_token_endpoint if preset else ""


def scope(settings: EmailSettings) -> str:
    """The scope sent with a refresh: the account's, else its token endpoint's preset's."""
    if settings.oauth_scope.strip():
        return settings.oauth_scope.strip()
    endpoint = token_endpoint(settings).rstrip("/")
    for preset in PRESETS.values():
        if preset.oauth_token_endpoint and preset.oauth_token_endpoint == endpoint:
            return preset.oauth_scope
    return ""


class SecretStore(Protocol):
    """Where the refresh token and client secret are kept: the keyring (`Credentials`), or
    memory while an account is only being tested."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, secret: str) -> None: ...

    def delete(self, name: str) -> None: ...


class MemorySecrets:
    def __init__(self, secrets: dict[str, str] | None = None) -> None:
        self._secrets = dict(secrets or {})

    def get(self, name: str) -> str | None:
        return self._secrets.get(name)

    def set(self, name: str, secret: str) -> None:
        self._secrets[name] = secret

    def delete(self, name: str) -> None:
        self._secrets.pop(name, None)


class TokenRefresher:
    """Access tokens for one account. Thread-safe: the sync worker and the engine's requests
    (Test connection, attachments) share one, so a token is refreshed once, not by each."""

    def __init__(
        self,
        settings: EmailSettings,
        secrets: SecretStore,
        timeout: float = 20.0,
        clock: Callable[[], float] = time.time,  # wall time: it goes on while the PC sleeps
    ) -> None:
        self.settings = settings
        self._secrets = secrets
        self._timeout = timeout
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._renew_at = 0.0
        self._unsaved_refresh_token: str | None = None  # rotated, the keyring refused it
        self._refused: tuple[tuple[str, ...], str] | None = None  # (request, message)
        self.requests = 0  # made to the token endpoint (the log and the tests count them)

    @property
    def endpoint(self) -> str:
        return token_endpoint(self.settings)

    def access_token(self) -> str:
        """A token that is not about to expire: the one in memory, or a new one."""
        with self._lock:
            if self._token is not None and self._clock() < self._renew_at:
                return self._token
            return self._refresh()

    def renew(self, refused: str) -> str:
        """A new token after a server refused `refused`; if another caller has replaced that
        token meanwhile, the newer one is returned without asking the provider again."""
        with self._lock:
            if (
                self._token is not None
                and self._token != refused
                and self._clock() < self._renew_at
            ):
                return self._token
            self._token = None
            return self._refresh()

    def keep_in(self, store: SecretStore) -> None:
        """Move the refresh token (as rotated meanwhile) and client secret to `store` (the
        keyring, once the account is saved) and read them from there from now on."""
        s = self.settings
        with self._lock:
            refresh_token = self._unsaved_refresh_token or self._secrets.get(s.secret_name)
            client_secret = self._secrets.get(s.client_secret_name)
            if refresh_token:
                store.set(s.secret_name, refresh_token)
            if client_secret:
                store.set(s.client_secret_name, client_secret)
            else:
                store.delete(s.client_secret_name)
            self._secrets = store
            self._unsaved_refresh_token = None

    # ------------------------------------------------------------ the request (RFC 6749 §6)

    def _refresh(self) -> str:
        s = self.settings
        endpoint = self.endpoint
        host = urlsplit(endpoint).hostname or endpoint
        _check_endpoint(endpoint, s.address)
        if self._unsaved_refresh_token:  # the keyring may work again by now
            self._keep_rotated(self._unsaved_refresh_token)
        refresh_token = self._unsaved_refresh_token or self._read(s.secret_name)
        if not refresh_token:
            raise ChannelProblem(
                f"No refresh token is stored for {s.address}: open the account, choose "
                "“OAuth2 refresh token” and paste it again.",
                retry=False,
            )
        if not s.oauth_client_id:
            raise ChannelProblem(
                f"No OAuth2 client id is set for {s.address}: enter the client id the refresh "
                "token was issued to.",
                retry=False,
            )
        form = {
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": s.oauth_client_id,
        }
        client_secret = self._read(s.client_secret_name)
        if client_secret:  # public clients (e.g. Microsoft desktop apps) have none
            form["client_secret"] = client_secret
        if scope(s):
            form["scope"] = scope(s)
        request_key = (endpoint, *sorted(f"{k}={v}" for k, v in form.items()))
        if self._refused is not None and self._refused[0] == request_key:
            # refused for good before: asking again would only repeat it (no retry storm)
            raise ChannelProblem(self._refused[1], retry=False)
        started = self._clock()
        try:
            with httpx.Client(timeout=self._timeout) as client:
                response = client.post(endpoint, data=form, headers={"Accept": "application/json"})
        except httpx.HTTPError as exc:
            log.warning("token refresh for %s at %s failed", s.address, endpoint, exc_info=True)
            raise ChannelProblem(
                f"Cannot reach the sign-in server {host} to renew the access for {s.address} "
                f"({_transport_words(exc)}). Trying again by itself.",
                retry=True,
            ) from exc
        finally:
            self.requests += 1
        try:
            answer = _token_answer(response, host, s.address)
        except ChannelProblem as problem:
            if not problem.retry:
                self._refused = (request_key, str(problem))
            raise
        self._token = answer["access_token"]
        lifetime = _lifetime(answer.get("expires_in"))
        self._renew_at = started + lifetime - min(EARLY, lifetime / 4)
        rotated = answer.get("refresh_token")
        if isinstance(rotated, str) and rotated and rotated != refresh_token:
            self._keep_rotated(rotated)
        log.info(
            "OAuth2 access token for %s renewed at %s (valid %.0f s)", s.address, host, lifetime
        )
        return self._token

    def _keep_rotated(self, refresh_token: str) -> None:
        """The provider replaced the refresh token (§6): the old one may stop working, so the
        new one must reach the keyring; until it does, it is kept in memory."""
        try:
            self._secrets.set(self.settings.secret_name, refresh_token)
        except Exception:
            log.warning(
                "the rotated refresh token for %s could not be stored; kept in memory",
                self.settings.address,
                exc_info=True,
            )
            self._unsaved_refresh_token = refresh_token
        else:
            self._unsaved_refresh_token = None

    def _read(self, name: str) -> str | None:
        try:
            return self._secrets.get(name)
        except Exception as exc:  # keyring unavailable: say so, try again later
            raise ChannelProblem(str(exc), retry=True) from exc


def _check_endpoint(endpoint: str, address: str) -> None:
    parts = urlsplit(endpoint)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname and _is_loopback(parts.hostname):
        return  # a sign-in server on this PC (and the tests' stand-in)
    if not endpoint:
        text = (
            f"No token endpoint is set for {address}: enter the provider's OAuth2 token "
            "address (e.g. https://oauth2.googleapis.com/token)."
        )
    else:
        text = (
            f"The token endpoint {endpoint!r} is not an https:// address: the refresh token "
            "and client secret must not travel unencrypted. Check it in the account."
        )
    raise ChannelProblem(text, retry=False)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _lifetime(expires_in: Any) -> float:
    try:
        seconds = float(expires_in)
    except (TypeError, ValueError):
        return DEFAULT_LIFETIME
    return seconds if seconds > 0 else DEFAULT_LIFETIME


def _token_answer(response: httpx.Response, host: str, address: str) -> dict[str, Any]:
    """The §5.1 answer, or the §5.2 error turned into words the user can act on."""
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        body = {}
    if status == 200:
        token = body.get("access_token")
        token_type = str(body.get("token_type") or "bearer")
        if isinstance(token, str) and token and token_type.lower() == "bearer":
            return body
        log.warning("token endpoint %s answered 200 without a bearer token: %r", host, list(body))
        raise ChannelProblem(
            f"The sign-in server {host} answered without a usable access token. Trying again "
            "by itself.",
            retry=True,
        )
    error = str(body.get("error") or "")
    detail = _words(body.get("error_description"))
    said = f" ({detail})" if detail else ""
    log.warning(
        "token refresh for %s refused by %s: HTTP %s %s%s", address, host, status, error, said
    )
    if error == "invalid_grant":
        return _raise(
            f"Your sign-in for {address} has expired or was revoked{said}. Sign in to the "
            "provider again and paste the new refresh token in the account.",
        )
    if error == "invalid_client":
        return _raise(
            f"{host} did not accept the client id or client secret for {address}{said}. Check "
            "both in the account: they must be those of the app the refresh token was issued to.",
        )
    if error == "unauthorized_client":
        return _raise(
            f"{host} does not let this client id renew tokens with a refresh token{said}. Check "
            "the app's settings at the provider.",
        )
    if error == "invalid_scope":
        return _raise(
            f"{host} refused the mail access asked for{said}. Sign in again and allow access to "
            "mail (IMAP and SMTP), or check the scope.",
        )
    if error in ("temporarily_unavailable", "server_error") or status == 429 or status >= 500:
        reason = f"HTTP {status}, {error}" if error else f"HTTP {status}"
        raise ChannelProblem(
            f"The sign-in server {host} is having trouble ({reason}). Trying again by itself.",
            retry=True,
        )
    if error:
        return _raise(
            f"{host} refused to renew the access for {address}: {error}{said}. Check the token "
            "endpoint and the client id in the account.",
        )
    return _raise(
        f"{host} did not answer like an OAuth2 token endpoint (HTTP {status}). Check the token "
        "endpoint address in the account.",
    )


def _raise(text: str) -> dict[str, Any]:
    raise ChannelProblem(text, retry=False)


def _words(value: Any) -> str:
    return " ".join(str(value).split())[:200].rstrip(".") if value else ""


def _transport_words(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "no answer in time"
    if isinstance(exc, httpx.ConnectError):
        return "connection failed"
    return type(exc).__name__


# ------------------------------------------------------------ logging in with the token


def login_settings(settings: EmailSettings) -> EmailSettings:
    """How a refresh-token account logs in: XOAUTH2 with the access token it was given."""
    return replace(settings, auth=Auth.XOAUTH2)


def with_fresh_token(
    tokens: TokenRefresher, attempt: Callable[[str], T], token: str | None = None, what: str = ""
) -> T:
    """Run `attempt` with an access token; if the server refuses that login, renew the token
    once and try once more, then report (never a loop)."""
    token = token or tokens.access_token()
    try:
        return attempt(token)
    except ChannelProblem as problem:
        if not is_login_refusal(problem):
            raise
        log.info(
            "%s refused the access token of %s; renewing it once", what, tokens.settings.address
        )
    fresh = tokens.renew(token)
    try:
        return attempt(fresh)
    except ChannelProblem as problem:
        if not is_login_refusal(problem):
            raise
        s = tokens.settings
        raise ChannelProblem(
            f"{what} login refused for {s.login} even with a newly renewed OAuth2 access token. "
            f"Check that the sign-in was made as {s.login} and allowed mail access (IMAP and "
            "SMTP), or sign in again.",
            retry=False,
        ) from problem.__cause__


class RefreshingImapMailbox(ImapMailbox):
    """An IMAP connection of a refresh-token account: logs in with a current access token and,
    when the server refuses it, with one renewed token."""

    def __init__(
        self, settings: EmailSettings, tokens: TokenRefresher, token: str = "", timeout: float = 30
    ) -> None:
        super().__init__(login_settings(settings), token, timeout)
        self._tokens = tokens

    def connect(self) -> None:
        def attempt(token: str) -> None:
            self._secret = token
            super(RefreshingImapMailbox, self).connect()

        with_fresh_token(self._tokens, attempt, self._secret or None, what="IMAP")


def send_refreshing(
    tokens: TokenRefresher, settings: EmailSettings, token: str, message: EmailMessage
) -> None:
    """`send_smtp` for a refresh-token account. A refused login is retried with one renewed
    token: SMTP AUTH comes before the message, so nothing can be sent twice."""
    with_fresh_token(
        tokens,
        lambda fresh: send_smtp(login_settings(settings), fresh, message),
        token or None,
        what="SMTP",
    )


def smtp_check_refreshing(tokens: TokenRefresher, settings: EmailSettings) -> None:
    """SMTP login without sending ("Test connection") for a refresh-token account."""
    with_fresh_token(
        tokens, lambda fresh: smtp_login_check(login_settings(settings), fresh), what="SMTP"
    )
