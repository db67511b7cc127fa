"""OAuth2 refresh-token accounts end to end: a loopback authorization server (RFC 6749 token
endpoint, RFC 7662 introspection), Dovecot logging users in with XOAUTH2 through its oauth2
passdb asking that server, and an SMTP server checking XOAUTH2 the same way. Refresh, sync and
reply; expired and refused tokens renewed once; a revoked sign-in reported without a storm;
the refresh token and client secret kept in the real keyring, never in the database."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.integration.test_email_reply import bob_inbox
from tests.integration.test_email_sync import ALICE, mail
from tests.servers import MAIL_USERS, MailServer, free_port, wait_until
from tests.standins.oauth import CLIENT_ID, CLIENT_SECRET, OAuthStandIn

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.email.settings import Auth, EmailSettings, Security
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel
from gastro_hub_desktop.engine.events import ChannelHealthChanged, EngineEvent
from gastro_hub_desktop.engine.facade import Engine
from gastro_hub_desktop.store.repository import Store

ACCOUNT = f"email:{ALICE}"


@pytest.fixture
def oauth() -> Iterator[OAuthStandIn]:
    standin = OAuthStandIn().start()
    yield standin
    standin.stop()


class XOAuth2Smtp:
    """The test SMTP server's side: XOAUTH2 checked against the authorization server, the
    way Gmail answers a bad token (a 334 challenge with a JSON error, then 535)."""

    def __init__(self, server: MailServer, oauth: OAuthStandIn) -> None:
        self.server = server
        self.oauth = oauth
        self.logins: list[tuple[str, bool]] = []

    async def handle_DATA(self, _smtp, session, envelope):  # type: ignore[no-untyped-def]
        for rcpt in envelope.rcpt_tos:
            if rcpt.lower() in MAIL_USERS:
                self.server.deliver(rcpt.lower(), envelope.original_content or envelope.content)
        return "250 OK"

    async def auth_XOAUTH2(self, smtp: Any, args: list[str]) -> Any:
        from aiosmtpd.smtp import AuthResult

        if len(args) < 2:
            return AuthResult(success=False, handled=False)  # 535
        fields = dict(
            part.split("=", 1)
            for part in base64.b64decode(args[1]).decode().split("\x01")
            if "=" in part
        )
        user = fields.get("user", "")
        token = fields.get("auth", "").removeprefix("Bearer ")
        ok = self.oauth.is_valid(token, user)
        self.logins.append((user, ok))
        if ok:
            return AuthResult(success=True, auth_data=user)
        await smtp.challenge_auth(json.dumps({"status": "401", "schemes": "bearer"}))
        return AuthResult(success=False, handled=False)  # 535


@pytest.fixture
def oauth_mail(mail_server: MailServer, oauth: OAuthStandIn) -> Iterator[MailServer]:
    """The test mail server with XOAUTH2: Dovecot's oauth2 passdb asks the stand-in's
    introspection endpoint; SMTP is replaced by one that checks tokens the same way."""
    from aiosmtpd.controller import Controller

    folder = mail_server.folder
    (folder / "oauth2.conf.ext").write_text(
        f"introspection_mode = post\n"
        f"introspection_url = {oauth.introspection_url}\n"
        "force_introspection = yes\n"
        "username_attribute = username\n"
        "active_attribute = active\n"
        "active_value = true\n"
    )
    conf = folder / "dovecot.conf"
    text = conf.read_text()
    text = text.replace(
        "auth_mechanisms = plain login", "auth_mechanisms = plain login xoauth2 oauthbearer"
    )
    text = text.replace(
        "passdb {\n  driver = passwd-file",
        "passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n"
        f"  args = {folder}/oauth2.conf.ext\n}}\n"
        "passdb {\n  driver = passwd-file\n  mechanisms = plain login",
    )
    conf.write_text(text)
    subprocess.run([mail_server.dovecot, "-c", str(conf), "reload"], check=True)
    wait_until(lambda: b"AUTH=XOAUTH2" in _capabilities(mail_server), 20, "Dovecot with XOAUTH2")

    handler = XOAuth2Smtp(mail_server, oauth)
    controller = Controller(
        handler, hostname="127.0.0.1", port=free_port(), auth_required=True,
        auth_require_tls=False, auth_exclude_mechanism=["PLAIN", "LOGIN"],
    )  # fmt: skip
    controller.start()
    mail_server.smtp_port = controller.port
    mail_server.smtp_logins = handler.logins  # type: ignore[attr-defined]
    try:
        yield mail_server
    finally:
        controller.stop()


def drop_connections(server: MailServer) -> None:
    """The server ends the user's IMAP sessions (doveadm kick): the worker must log in again."""
    doveadm = shutil.which("doveadm") or "/usr/bin/doveadm"
    subprocess.run(
        [doveadm, "-c", str(server.folder / "dovecot.conf"), "kick", ALICE],
        check=True, capture_output=True,
    )  # fmt: skip


def _capabilities(server: MailServer) -> tuple[bytes, ...]:
    from imapclient import IMAPClient

    try:
        with IMAPClient("127.0.0.1", port=server.imap_port, ssl=False, timeout=5) as client:
            return tuple(client.capabilities())
    except OSError:
        return ()


def settings(server: MailServer, oauth: OAuthStandIn) -> EmailSettings:
    return EmailSettings(
        address=ALICE,
        imap_host="127.0.0.1",
        imap_port=server.imap_port,
        imap_security=Security.NONE,
        smtp_host="127.0.0.1",
        smtp_port=server.smtp_port,
        smtp_security=Security.NONE,
        auth=Auth.OAUTH2_REFRESH,
        oauth_client_id=CLIENT_ID,
        oauth_token_endpoint=oauth.token_url,
    )


@pytest.fixture
def credentials(secret_service: dict[str, str]) -> Credentials:
    from keyring.backends.SecretService import Keyring

    return Credentials(Keyring())


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'oauth.sqlite3'}"


@pytest.fixture
def engine(database: str, credentials: Credentials) -> Iterator[Engine]:
    e = Engine(database, credentials=credentials)
    e.start().result(30)
    yield e
    e.stop()


def dovecot_log(server: MailServer) -> str:
    return (server.folder / "dovecot.log").read_text(errors="replace")


def refused_logins(server: MailServer) -> int:
    return dovecot_log(server).count("auth failed")


def xoauth2_logins(server: MailServer) -> int:
    return len(
        re.findall(rf"Login: user=<{re.escape(ALICE)}>, method=XOAUTH2", dovecot_log(server))
    )


def health(engine: Engine) -> Any:
    return engine.email.health()[ACCOUNT]  # type: ignore[union-attr]


def record_states(engine: Engine) -> list[HealthState]:
    states: list[HealthState] = []

    def on_event(event: EngineEvent) -> None:
        if isinstance(event, ChannelHealthChanged) and event.account_key == ACCOUNT:
            states.append(event.health.state)

    engine.events.subscribe(on_event)
    return states


def test_refresh_token_signs_in_syncs_and_replies(
    oauth_mail: MailServer,
    oauth: OAuthStandIn,
    engine: Engine,
    credentials: Credentials,
    tmp_path: Path,
) -> None:
    oauth_mail.deliver(ALICE, mail(1, subject="Rezervace stolu", message_id="<o1@example.test>"))
    refresh = oauth.grant(ALICE)
    s = settings(oauth_mail, oauth)

    summary = engine.test_email_account(s, refresh, CLIENT_SECRET).result(60)
    assert "IMAP login OK" in summary and "SMTP login OK" in summary
    assert engine.store.accounts() == []  # a test keeps nothing
    with pytest.raises(ChannelProblem, match="did not accept the client id or client secret"):
        engine.test_email_account(s, refresh, "not-the-secret").result(60)

    engine.add_email_account(s, refresh, CLIENT_SECRET).result(60)
    wait_until(lambda: engine.store.stats().messages == 1, 20, "first sync")
    [row] = engine.store.inbox_page(InboxFilter(), 0, 5)
    entry = engine.send_reply(row.id, "Dobrý den, stůl na pátek je rezervován.").result(30)
    wait_until(lambda: len(bob_inbox(oauth_mail)) == 1, 30, "the reply at the customer")
    [received] = bob_inbox(oauth_mail)
    assert received["Message-ID"] == entry.payload["message_id"]
    assert received["In-Reply-To"] == "<o1@example.test>"

    # IMAP and SMTP logged in with XOAUTH2 tokens from the refresh, never refused
    assert xoauth2_logins(oauth_mail) >= 3  # Test connection, Save, the worker
    assert refused_logins(oauth_mail) == 0
    assert oauth_mail.smtp_logins and all(ok for _u, ok in oauth_mail.smtp_logins)  # type: ignore[attr-defined]
    # one refresh per Test connection (one refused), one for Save: the worker reused that token
    assert len(oauth.token_requests) == 3
    assert all(r["grant_type"] == "refresh_token" for r in oauth.token_requests)

    # secrets in the keyring; the database has the settings only
    assert credentials.get(s.secret_name) == refresh
    assert credentials.get(s.client_secret_name) == CLIENT_SECRET
    [(_key, _name, stored)] = engine.store.accounts()
    assert stored["auth"] == "oauth2_refresh"
    assert stored["oauth_client_id"] == CLIENT_ID
    assert stored["oauth_token_endpoint"] == oauth.token_url
    engine.stop()
    database = b"".join(p.read_bytes() for p in tmp_path.glob("oauth.sqlite3*"))
    assert database
    for secret in (refresh, CLIENT_SECRET, *oauth.tokens):
        assert secret.encode() not in database


def test_expired_access_token_is_renewed_before_use(
    oauth_mail: MailServer, oauth: OAuthStandIn, engine: Engine
) -> None:
    oauth.expires_in = 3  # renewed a little before: after 2.25 s
    engine.add_email_account(settings(oauth_mail, oauth), oauth.grant(ALICE), CLIENT_SECRET).result(
        60
    )
    oauth_mail.deliver(ALICE, mail(1))
    wait_until(lambda: engine.store.stats().messages == 1, 20, "first sync")
    requests = len(oauth.token_requests)
    time.sleep(3.5)  # the worker's token has expired meanwhile (it stays logged in)

    drop_connections(oauth_mail)
    oauth_mail.deliver(ALICE, mail(2))
    wait_until(lambda: engine.store.stats().messages == 2, 30, "sync after the reconnect")
    assert len(oauth.token_requests) == requests + 1  # renewed once, before logging in
    assert refused_logins(oauth_mail) == 0  # the expired token was never tried


def test_token_refused_by_the_servers_is_renewed_once_and_work_goes_on(
    oauth_mail: MailServer, oauth: OAuthStandIn, engine: Engine
) -> None:
    states = record_states(engine)
    engine.add_email_account(settings(oauth_mail, oauth), oauth.grant(ALICE), CLIENT_SECRET).result(
        60
    )
    oauth_mail.deliver(ALICE, mail(1))
    wait_until(lambda: engine.store.stats().messages == 1, 20, "first sync")
    requests = len(oauth.token_requests)

    # the provider ends the tokens early (e.g. a password change): the app still thinks its
    # token is good for an hour, IMAP refuses it
    oauth.expire_access_tokens()
    drop_connections(oauth_mail)
    oauth_mail.deliver(ALICE, mail(2))
    wait_until(lambda: engine.store.stats().messages == 2, 30, "sync with the renewed token")
    assert len(oauth.token_requests) == requests + 1
    assert refused_logins(oauth_mail) == 1

    # the same while sending: SMTP refuses the token, one renewal, the reply goes out once
    oauth.expire_access_tokens()
    row = engine.store.inbox_page(InboxFilter(), 0, 5)[0]
    engine.send_reply(row.id, "Děkujeme, objednávku potvrzujeme.").result(30)
    wait_until(lambda: len(bob_inbox(oauth_mail)) == 1, 30, "the reply at the customer")
    assert len(oauth.token_requests) == requests + 2
    assert [ok for _u, ok in oauth_mail.smtp_logins][-2:] == [False, True]  # type: ignore[attr-defined]
    assert HealthState.NEEDS_ATTENTION not in states
    time.sleep(1)
    assert len(bob_inbox(oauth_mail)) == 1


def test_revoked_sign_in_is_explained_and_not_retried_in_a_storm(
    oauth_mail: MailServer, oauth: OAuthStandIn, engine: Engine
) -> None:
    refresh = oauth.grant(ALICE)
    engine.add_email_account(settings(oauth_mail, oauth), refresh, CLIENT_SECRET).result(60)
    wait_until(lambda: health(engine).state is HealthState.CONNECTED, 20, "connected")
    requests, refused = len(oauth.token_requests), refused_logins(oauth_mail)

    oauth.revoke(refresh)  # the user removed the app's access at the provider
    drop_connections(oauth_mail)
    wait_until(lambda: health(engine).state is HealthState.NEEDS_ATTENTION, 30, "the refusal")
    assert f"Your sign-in for {ALICE} has expired or was revoked" in health(engine).message
    assert "paste the new refresh token" in health(engine).message
    shown = engine.email_health().result(10)[ACCOUNT]
    assert shown.state is HealthState.NEEDS_ATTENTION

    for _ in range(3):  # the user presses "check mail" a few times
        engine.email.sync_all_now()  # type: ignore[union-attr]
        time.sleep(0.3)
    time.sleep(2)
    assert health(engine).state is HealthState.NEEDS_ATTENTION
    assert len(oauth.token_requests) == requests + 1  # one refresh, refused, never repeated
    assert refused_logins(oauth_mail) == refused + 1  # the old token, tried once
    assert [r["refresh_token"] for r in oauth.token_requests[requests:]] == [refresh]


def test_rotated_refresh_token_is_kept_in_the_keyring_and_used_after_a_restart(
    oauth_mail: MailServer,
    oauth: OAuthStandIn,
    credentials: Credentials,
    database: str,
) -> None:
    oauth.rotate = True  # every refresh hands out a new refresh token, the old one stops
    first = oauth.grant(ALICE)
    s = settings(oauth_mail, oauth)
    oauth_mail.deliver(ALICE, mail(1))
    engine = Engine(database, credentials=credentials)
    engine.start().result(30)
    try:
        engine.add_email_account(s, first, CLIENT_SECRET).result(60)
        wait_until(lambda: engine.store.stats().messages == 1, 20, "first sync")
    finally:
        engine.stop()
    second = credentials.get(s.secret_name)
    assert second not in (None, first) and not oauth.grants[second].revoked  # type: ignore[index]

    oauth_mail.deliver(ALICE, mail(2))
    engine = Engine(database, credentials=credentials)  # the app starts again
    engine.start().result(30)
    try:
        wait_until(lambda: engine.store.stats().messages == 2, 30, "sync after the restart")
        wait_until(lambda: health(engine).state is HealthState.CONNECTED, 20, "connected")
    finally:
        engine.stop()
    third = credentials.get(s.secret_name)
    assert third not in (first, second) and not oauth.grants[third].revoked  # type: ignore[index]


def test_sign_in_server_outage_is_retried_until_it_answers(
    oauth_mail: MailServer, oauth: OAuthStandIn, credentials: Credentials, database: str
) -> None:
    s = settings(oauth_mail, oauth)
    oauth_mail.deliver(ALICE, mail(1))
    credentials.set(s.secret_name, oauth.grant(ALICE))
    credentials.set(s.client_secret_name, CLIENT_SECRET)
    store = Store.open(database)  # an account saved earlier; the sign-in server is down now
    store.save_account(ACCOUNT, Channel.EMAIL, ALICE, s.to_dict())
    store.close()
    oauth.fail_with = 503
    engine = Engine(database, credentials=credentials)
    engine.start().result(30)
    try:
        wait_until(
            lambda: engine.email is not None and ACCOUNT in engine.email.health(), 20, "start"
        )
        wait_until(lambda: health(engine).state is HealthState.RETRYING, 20, "the outage shown")
        assert "is having trouble (HTTP 503" in health(engine).message
        oauth.fail_with = None
        wait_until(lambda: engine.store.stats().messages == 1, 30, "recovery")
        wait_until(lambda: health(engine).state is HealthState.CONNECTED, 20, "connected")
    finally:
        engine.stop()


def test_pasted_access_token_signs_in_with_xoauth2(
    oauth_mail: MailServer, oauth: OAuthStandIn, engine: Engine, credentials: Credentials
) -> None:
    """The older way, a token the user pastes, against the same XOAUTH2 servers."""
    oauth_mail.deliver(ALICE, mail(1))
    refresh = oauth.grant(ALICE)
    access = str(
        httpx.post(
            oauth.token_url,
            data={"grant_type": "refresh_token", "refresh_token": refresh},
            auth=(CLIENT_ID, CLIENT_SECRET),  # HTTP Basic client authentication (§2.3.1)
        ).json()["access_token"]
    )
    pasted = replace(settings(oauth_mail, oauth), auth=Auth.XOAUTH2)
    summary = engine.add_email_account(pasted, access).result(60)
    assert "IMAP login OK" in summary and "SMTP login OK" in summary
    wait_until(lambda: engine.store.stats().messages == 1, 20, "first sync")
    assert credentials.get(pasted.secret_name) == access
    assert xoauth2_logins(oauth_mail) >= 2
    assert len(oauth.token_requests) == 1  # the app never refreshes a pasted token
