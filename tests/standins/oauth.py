"""A loopback OAuth2 authorization server for the tests, following RFC 6749 and RFC 7662:
POST /token with grant_type=refresh_token (§6), client authentication by HTTP Basic or body
parameters (§2.3.1), success and error responses as in §5.1 / §5.2 (JSON, no-store); POST
/introspect (RFC 7662 §2) so Dovecot's oauth2 passdb and the test SMTP server can check a
bearer token. Tests can expire or revoke tokens, rotate refresh tokens and make it fail."""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote_plus

CLIENT_ID = "gastro-hub-test-client"
CLIENT_SECRET = "test-client-secret"


@dataclass
class Grant:
    """What a refresh token stands for: a user's consent to one client for some scope."""

    user: str
    client_id: str
    scope: str
    revoked: bool = False


@dataclass
class AccessToken:
    user: str
    client_id: str
    scope: str
    expires_at: float  # time.time()
    active: bool = True


class OAuthStandIn:
    def __init__(self) -> None:
        self.clients: dict[str, str | None] = {CLIENT_ID: CLIENT_SECRET}  # None: public client
        self.grants: dict[str, Grant] = {}
        self.tokens: dict[str, AccessToken] = {}
        self.expires_in = 3600
        self.rotate = False  # hand out a new refresh token with every refresh (§6)
        self.fail_with: int | None = None  # answer /token with this status (e.g. 503)
        self.token_requests: list[dict[str, str]] = []  # form fields, client secret blanked
        self.introspections = 0
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self.port = 0

    # ------------------------------------------------------------ test controls

    @property
    def token_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/token"

    @property
    def introspection_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/introspect"

    def grant(self, user: str, client_id: str = CLIENT_ID, scope: str = "mail") -> str:
        """A new refresh token for `user`, as if they had signed in and consented."""
        token = "rt-" + secrets.token_urlsafe(24)
        with self._lock:
            self.grants[token] = Grant(user, client_id, scope)
        return token

    def revoke(self, refresh_token: str) -> None:
        """The user withdrew consent (or the provider expired the grant)."""
        with self._lock:
            self.grants[refresh_token].revoked = True
            for token in self.tokens.values():
                token.active = False

    def expire_access_tokens(self) -> None:
        """Every access token handed out so far stops working, whatever its expires_in said."""
        with self._lock:
            for token in self.tokens.values():
                token.active = False

    def is_valid(self, access_token: str, user: str | None = None) -> bool:
        with self._lock:
            token = self.tokens.get(access_token)
            return bool(
                token
                and token.active
                and token.expires_at > time.time()
                and (user is None or token.user == user)
            )

    # ------------------------------------------------------------ the endpoints

    def token_endpoint(
        self, form: dict[str, str], authorization: str | None
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        with self._lock:
            self.token_requests.append(
                {k: ("…" if k == "client_secret" else v) for k, v in form.items()}
            )
            if self.fail_with is not None:
                return self.fail_with, {"error": "temporarily_unavailable"}, {}
            client_id, secret, basic = self._client_credentials(form, authorization)
            if client_id is None or client_id not in self.clients:
                return self._client_error(basic, "Unknown client.")
            expected = self.clients[client_id]
            if expected is not None and secret != expected:
                return self._client_error(basic, "Client authentication failed.")
            if form.get("grant_type") != "refresh_token":
                return 400, _error("unsupported_grant_type", "Only refresh_token here."), {}
            refresh_token = form.get("refresh_token")
            if not refresh_token:
                return 400, _error("invalid_request", "Missing refresh_token."), {}
            grant = self.grants.get(refresh_token)
            if grant is None or grant.revoked or grant.client_id != client_id:
                return 400, _error("invalid_grant", "Token has been expired or revoked."), {}
            scope = form.get("scope") or grant.scope
            if not set(scope.split()) <= set(grant.scope.split()):
                return 400, _error("invalid_scope", "Scope exceeds what was granted."), {}
            access = "at-" + secrets.token_urlsafe(24)
            self.tokens[access] = AccessToken(
                grant.user, client_id, scope, time.time() + self.expires_in
            )
            answer: dict[str, Any] = {
                "access_token": access,
                "token_type": "Bearer",
                "expires_in": self.expires_in,
                "scope": scope,
            }
            if self.rotate:
                new = "rt-" + secrets.token_urlsafe(24)
                self.grants[new] = Grant(grant.user, grant.client_id, grant.scope)
                grant.revoked = True  # the old one stops working (§6 allows this)
                answer["refresh_token"] = new
            return 200, answer, {}

    def introspect(self, form: dict[str, str]) -> dict[str, Any]:
        with self._lock:
            self.introspections += 1
            token = self.tokens.get(form.get("token", ""))
            if token is None or not token.active or token.expires_at <= time.time():
                return {"active": False}
            return {
                "active": True,
                "username": token.user,
                "email": token.user,
                "client_id": token.client_id,
                "scope": token.scope,
                "token_type": "Bearer",
                "exp": int(token.expires_at),
            }

    @staticmethod
    def _client_credentials(
        form: dict[str, str], authorization: str | None
    ) -> tuple[str | None, str | None, bool]:
        if authorization and authorization.lower().startswith("basic "):
            try:
                decoded = base64.b64decode(authorization[6:].strip()).decode()
            except ValueError:
                return None, None, True
            client_id, _, secret = decoded.partition(":")
            return unquote_plus(client_id), unquote_plus(secret), True
        return form.get("client_id"), form.get("client_secret"), False

    @staticmethod
    def _client_error(basic: bool, text: str) -> tuple[int, dict[str, Any], dict[str, str]]:
        headers = {"WWW-Authenticate": 'Basic realm="token"'} if basic else {}
        return 401, _error("invalid_client", text), headers

    # ------------------------------------------------------------ serving

    def start(self) -> OAuthStandIn:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                form = {k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()}
                if self.path.split("?")[0] == "/token":
                    status, answer, headers = standin.token_endpoint(
                        form, self.headers.get("Authorization")
                    )
                elif self.path.split("?")[0] == "/introspect":
                    status, answer, headers = 200, standin.introspect(form), {}
                else:
                    status, answer, headers = 404, _error("not_found", "No such endpoint."), {}
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=UTF-8")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Pragma", "no-cache")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def _error(code: str, description: str) -> dict[str, Any]:
    return {"error": code, "error_description": description}
