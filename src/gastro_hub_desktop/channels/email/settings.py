"""An email account's settings (never its password: that lives in the keyring) and the
presets for the providers most customers use."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any


class Security(enum.StrEnum):
    SSL = "ssl"  # TLS from the first byte (IMAPS 993, SMTPS 465)
    STARTTLS = "starttls"  # plain connection upgraded to TLS (IMAP 143, SMTP 587)
    NONE = "none"  # no encryption: only for servers on this PC or a trusted LAN


class Auth(enum.StrEnum):
    PASSWORD = "password"  # also app passwords (Gmail, Microsoft 365 with MFA)
    XOAUTH2 = "xoauth2"  # an OAuth2 access token the user pastes
    OAUTH2_REFRESH = "oauth2_refresh"  # a refresh token the app trades for access tokens


@dataclass
class EmailSettings:
    address: str
    imap_host: str
    smtp_host: str
    imap_port: int = 993
    imap_security: Security = Security.SSL
    smtp_port: int = 587
    smtp_security: Security = Security.STARTTLS
    username: str = ""
    auth: Auth = Auth.PASSWORD
    display_name: str = ""
    history_days: int = 90
    sent_folder: str | None = None  # found automatically (SPECIAL-USE \Sent) when empty
    extra: dict[str, Any] = field(default_factory=dict)
    # OAUTH2_REFRESH only; the refresh token and the client secret live in the keyring
    oauth_client_id: str = ""
    oauth_token_endpoint: str = ""  # empty: the preset's for the account's servers
    oauth_scope: str = ""  # empty: the preset's for the token endpoint, if any

    @property
    def login(self) -> str:
        return self.username or self.address

    @property
    def account_key(self) -> str:
        return f"email:{self.address.lower()}"

    @property
    def secret_name(self) -> str:
        """The keyring entry holding the password or token (the refresh token for
        OAUTH2_REFRESH)."""
        return f"{self.account_key}:{self.auth.value}"

    @property
    def client_secret_name(self) -> str:
        """The keyring entry holding the OAuth2 client secret (OAUTH2_REFRESH)."""
        return f"{self.account_key}:oauth2_client_secret"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["imap_security"] = self.imap_security.value
        data["smtp_security"] = self.smtp_security.value
        data["auth"] = self.auth.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EmailSettings:
        values = dict(data)  # settings saved before OAuth2 refresh lack its fields: defaults
        values["imap_security"] = Security(values.get("imap_security", "ssl"))
        values["smtp_security"] = Security(values.get("smtp_security", "starttls"))
        values["auth"] = Auth(values.get("auth", "password"))
        return cls(**values)


@dataclass(frozen=True)
class Preset:
    name: str
    imap_host: str
    imap_port: int
    imap_security: Security
    smtp_host: str
    smtp_port: int
    smtp_security: Security
    login_hint: str
    # OAuth2 refresh (RFC 6749 §6): where tokens are renewed, and the scope asked for then
    # (empty: the one granted at sign-in stays)
    oauth_token_endpoint: str = ""
    oauth_scope: str = ""


PRESETS = {
    "gmail": Preset(
        "Gmail / Google Workspace", "imap.gmail.com", 993, Security.SSL,
        "smtp.gmail.com", 587, Security.STARTTLS,
        "Google refuses your normal password here: create an app password "
        "(Google account → Security → 2-Step Verification → App passwords) or use OAuth2.",
        oauth_token_endpoint="https://oauth2.googleapis.com/token",
    ),
    "outlook": Preset(
        "Outlook / Microsoft 365", "outlook.office365.com", 993, Security.SSL,
        "smtp.office365.com", 587, Security.STARTTLS,
        "Microsoft 365 may have basic sign-in turned off: ask your admin to allow IMAP/SMTP "
        "AUTH for this mailbox, or use an app password or an OAuth2 token.",
        oauth_token_endpoint="https://login.microsoftonline.com/common/oauth2/v2.0/token",
        oauth_scope="https://outlook.office.com/IMAP.AccessAsUser.All "
        "https://outlook.office.com/SMTP.Send offline_access",
    ),
}  # fmt: skip


def preset_for_host(host: str) -> Preset | None:
    host = host.lower()
    for preset in PRESETS.values():
        if host in (preset.imap_host, preset.smtp_host):
            return preset
    return None
