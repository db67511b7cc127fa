"""The OAuth2 token refresher against the loopback authorization server: tokens kept until a
little before they expire, one request for concurrent renewals, RFC 6749 errors in words the
user can act on and never asked again, rotated refresh tokens stored; the presets; the
refuse-renew-retry-once rule for logins; settings saved before OAuth2 refresh still load."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from tests.servers import free_port
from tests.standins.oauth import CLIENT_ID, CLIENT_SECRET, OAuthStandIn

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.email.oauth import (
    MemorySecrets,
    TokenRefresher,
    scope,
    token_endpoint,
    with_fresh_token,
)
from gastro_hub_desktop.channels.email.settings import Auth, EmailSettings

ALICE = "alice@example.test"
OUTLOOK_SCOPE = (
    "https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send "
    "offline_access"
)


@pytest.fixture
def oauth() -> Iterator[OAuthStandIn]:
    standin = OAuthStandIn().start()
    yield standin
    standin.stop()


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def account(endpoint: str, **changes: object) -> EmailSettings:
    values: dict[str, object] = {
        "address": ALICE,
        "imap_host": "127.0.0.1",
        "smtp_host": "127.0.0.1",
        "auth": Auth.OAUTH2_REFRESH,
        "oauth_client_id": CLIENT_ID,
        "oauth_token_endpoint": endpoint,
    }
    values.update(changes)
    return EmailSettings(**values)  # type: ignore[arg-type]


def refresher(
    oauth: OAuthStandIn,
    refresh_token: str,
    client_secret: str | None = CLIENT_SECRET,
    clock: Clock | None = None,
    **changes: object,
) -> tuple[TokenRefresher, MemorySecrets]:
    s = account(oauth.token_url, **changes)
    secrets = MemorySecrets({s.secret_name: refresh_token})
    if client_secret:
        secrets.set(s.client_secret_name, client_secret)
    return TokenRefresher(s, secrets, clock=clock or Clock()), secrets


def test_token_is_kept_until_shortly_before_it_expires(oauth: OAuthStandIn) -> None:
    oauth.expires_in = 600
    clock = Clock()
    tokens, _ = refresher(oauth, oauth.grant(ALICE), clock=clock)
    first = tokens.access_token()
    assert oauth.is_valid(first, ALICE)
    clock.now += 500
    assert tokens.access_token() == first  # still 100 s left
    clock.now += 50  # 50 s left: renewed ahead of expiry (60 s early)
    second = tokens.access_token()
    assert second != first and oauth.is_valid(second, ALICE)
    assert len(oauth.token_requests) == 2
    assert oauth.token_requests[0] == {
        "grant_type": "refresh_token",
        "refresh_token": oauth.token_requests[0]["refresh_token"],
        "client_id": CLIENT_ID,
        "client_secret": "…",
    }


def test_a_refused_token_is_renewed_once_for_everyone(oauth: OAuthStandIn) -> None:
    tokens, _ = refresher(oauth, oauth.grant(ALICE))
    refused = tokens.access_token()
    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(tokens.renew(refused))) for _ in range(5)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1 and results[0] != refused
    assert len(oauth.token_requests) == 2  # the first token, then one renewal


def test_revoked_sign_in_is_explained_and_not_asked_again(oauth: OAuthStandIn) -> None:
    refresh = oauth.grant(ALICE)
    oauth.revoke(refresh)
    tokens, _ = refresher(oauth, refresh)
    for _ in range(3):
        with pytest.raises(ChannelProblem) as caught:
            tokens.access_token()
        assert not caught.value.retry
        assert f"Your sign-in for {ALICE} has expired or was revoked" in str(caught.value)
        assert "paste the new refresh token" in str(caught.value)
    assert len(oauth.token_requests) == 1


def test_a_new_refresh_token_in_the_keyring_is_tried(oauth: OAuthStandIn) -> None:
    old = oauth.grant(ALICE)
    oauth.revoke(old)
    tokens, secrets = refresher(oauth, old)
    with pytest.raises(ChannelProblem):
        tokens.access_token()
    secrets.set(tokens.settings.secret_name, oauth.grant(ALICE))  # the user signed in again
    assert oauth.is_valid(tokens.access_token(), ALICE)


@pytest.mark.parametrize(
    ("client_secret", "words"),
    [("wrong", "did not accept the client id or client secret"), (None, "client secret")],
)
def test_client_refused(oauth: OAuthStandIn, client_secret: str | None, words: str) -> None:
    tokens, _ = refresher(oauth, oauth.grant(ALICE), client_secret=client_secret)
    with pytest.raises(ChannelProblem, match=words) as caught:
        tokens.access_token()
    assert not caught.value.retry


def test_public_client_needs_no_secret(oauth: OAuthStandIn) -> None:
    oauth.clients["desktop-app"] = None  # e.g. a Microsoft "mobile and desktop" app
    refresh = oauth.grant(ALICE, client_id="desktop-app")
    tokens, _ = refresher(oauth, refresh, client_secret=None, oauth_client_id="desktop-app")
    assert oauth.is_valid(tokens.access_token(), ALICE)
    assert "client_secret" not in oauth.token_requests[0]


def test_scope_beyond_the_grant_is_explained(oauth: OAuthStandIn) -> None:
    tokens, _ = refresher(oauth, oauth.grant(ALICE, scope="mail"), oauth_scope="mail calendar")
    with pytest.raises(ChannelProblem, match="refused the mail access asked for"):
        tokens.access_token()
    assert oauth.token_requests[0]["scope"] == "mail calendar"


def test_sign_in_server_trouble_is_retried(oauth: OAuthStandIn) -> None:
    oauth.fail_with = 503
    tokens, _ = refresher(oauth, oauth.grant(ALICE))
    with pytest.raises(ChannelProblem, match="having trouble") as caught:
        tokens.access_token()
    assert caught.value.retry
    oauth.fail_with = None
    assert tokens.access_token()  # a passing failure is not remembered


def test_unreachable_sign_in_server_is_retried() -> None:
    s = account(f"http://127.0.0.1:{free_port()}/token")
    tokens = TokenRefresher(s, MemorySecrets({s.secret_name: "rt"}))
    with pytest.raises(ChannelProblem, match="Cannot reach the sign-in server") as caught:
        tokens.access_token()
    assert caught.value.retry


def test_rotated_refresh_token_is_stored(oauth: OAuthStandIn) -> None:
    oauth.rotate = True
    first = oauth.grant(ALICE)
    tokens, secrets = refresher(oauth, first)
    tokens.access_token()
    second = secrets.get(tokens.settings.secret_name)
    assert second not in (None, first)
    tokens.renew(tokens.access_token())
    assert secrets.get(tokens.settings.secret_name) not in (first, second)


def test_rotated_refresh_token_is_kept_in_memory_when_the_keyring_fails(
    oauth: OAuthStandIn,
) -> None:
    class LockedKeyring(MemorySecrets):
        def set(self, name: str, secret: str) -> None:
            raise RuntimeError("keyring unavailable: the keyring is locked")

    oauth.rotate = True
    s = account(oauth.token_url)
    tokens = TokenRefresher(
        s, LockedKeyring({s.secret_name: oauth.grant(ALICE), s.client_secret_name: CLIENT_SECRET})
    )
    first = tokens.access_token()
    assert oauth.is_valid(tokens.renew(first), ALICE)  # the rotated one from memory worked


def test_refresh_token_and_client_secret_move_to_the_keyring(oauth: OAuthStandIn) -> None:
    oauth.rotate = True
    tokens, _ = refresher(oauth, oauth.grant(ALICE))
    tokens.access_token()
    keyring = MemorySecrets()
    tokens.keep_in(keyring)
    s = tokens.settings
    assert keyring.get(s.client_secret_name) == CLIENT_SECRET
    rotated = keyring.get(s.secret_name)
    assert rotated is not None and not oauth.grants[rotated].revoked


def test_token_endpoint_must_be_encrypted_unless_on_this_pc() -> None:
    s = account("http://login.example.com/token")
    tokens = TokenRefresher(s, MemorySecrets({s.secret_name: "rt"}))
    with pytest.raises(ChannelProblem, match="not an https:// address"):
        tokens.access_token()


def test_presets_give_endpoint_and_scope() -> None:
    gmail = account("", imap_host="imap.gmail.com", smtp_host="smtp.gmail.com")
    assert token_endpoint(gmail) == "https://oauth2.googleapis.com/token"
    assert scope(gmail) == ""  # Google keeps the scope granted at sign-in
    outlook = account("", imap_host="outlook.office365.com", smtp_host="smtp.office365.com")
    assert token_endpoint(outlook) == "https://login.microsoftonline.com/common/oauth2/v2.0/token"
    assert scope(outlook) == OUTLOOK_SCOPE
    custom = account("https://login.microsoftonline.com/common/oauth2/v2.0/token")
    assert scope(custom) == OUTLOOK_SCOPE
    assert token_endpoint(account("", imap_host="mail.example.cz")) == ""


class LoginError(Exception):
    """Named like IMAPClient's: what `explain` recognises as a refused login."""


def refusal() -> ChannelProblem:
    try:
        raise LoginError("[AUTHENTICATIONFAILED] Authentication failed.")
    except LoginError as exc:
        try:
            raise ChannelProblem("IMAP login refused by 127.0.0.1", retry=False) from exc
        except ChannelProblem as problem:
            return problem


def test_refused_login_is_renewed_and_tried_once_more(oauth: OAuthStandIn) -> None:
    tokens, _ = refresher(oauth, oauth.grant(ALICE))
    tried: list[str] = []

    def attempt(token: str) -> str:
        tried.append(token)
        if len(tried) == 1:
            raise refusal()
        return "logged in"

    assert with_fresh_token(tokens, attempt, what="IMAP") == "logged in"
    assert len(tried) == 2 and tried[0] != tried[1]


def test_refused_twice_is_reported_not_looped(oauth: OAuthStandIn) -> None:
    tokens, _ = refresher(oauth, oauth.grant(ALICE))
    tried: list[str] = []

    def attempt(token: str) -> None:
        tried.append(token)
        raise refusal()

    with pytest.raises(ChannelProblem, match="even with a newly renewed") as caught:
        with_fresh_token(tokens, attempt, what="IMAP")
    assert not caught.value.retry
    assert len(tried) == 2 and len(oauth.token_requests) == 2


def test_other_failures_are_not_renewed(oauth: OAuthStandIn) -> None:
    tokens, _ = refresher(oauth, oauth.grant(ALICE))

    def attempt(token: str) -> None:
        raise ChannelProblem("127.0.0.1:993 refused the connection", retry=True)

    with pytest.raises(ChannelProblem, match="refused the connection"):
        with_fresh_token(tokens, attempt, what="IMAP")
    assert len(oauth.token_requests) == 1


def test_settings_saved_before_oauth2_refresh_still_load() -> None:
    old = {
        "address": ALICE,
        "imap_host": "imap.gmail.com",
        "smtp_host": "smtp.gmail.com",
        "imap_port": 993,
        "imap_security": "ssl",
        "smtp_port": 587,
        "smtp_security": "starttls",
        "username": "",
        "auth": "xoauth2",
        "display_name": "",
        "history_days": 90,
        "sent_folder": None,
        "extra": {},
    }
    s = EmailSettings.from_dict(old)
    assert s.auth is Auth.XOAUTH2 and s.oauth_client_id == "" and s.oauth_token_endpoint == ""
    refresh = account("https://oauth2.googleapis.com/token")
    again = EmailSettings.from_dict(refresh.to_dict())
    assert again == refresh
    assert refresh.secret_name == f"email:{ALICE}:oauth2_refresh"
    assert refresh.client_secret_name == f"email:{ALICE}:oauth2_client_secret"
