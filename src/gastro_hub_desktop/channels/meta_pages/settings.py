"""A Facebook Page account's settings (optionally with its linked Instagram professional
account): which page, how messages come in (webhook receiver and/or polling the Conversations
API) and whether the page may use the HUMAN_AGENT tag. Never its secrets: those live in the
keyring under the names in SECRETS."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

GRAPH_API = "https://graph.facebook.com/v21.0"
PREFIX = "meta-page:"
# Keyring names (under "<account key>:<name>"): the Page access token, the app secret that
# signs webhooks (X-Hub-Signature-256) and the verify token of the webhook handshake.
SECRETS = ("page_token", "app_secret", "verify_token")
REQUIRED = ("page_token", "app_secret")


@dataclass
class MetaPageSettings:
    page_id: str  # the Facebook Page's id (Page → About → Page transparency, or the API)
    page_name: str = ""  # filled in from the API when the account is tested
    instagram_account_id: str = ""  # the linked Instagram professional account, if any
    instagram_username: str = ""  # filled in from the API
    api_url: str = ""  # empty: Meta's Graph API (tests point it at loopback)
    # Receiving: the built-in receiver listens on webhook_host:webhook_port (a tunnel forwards
    # Meta's posts to it); public_url is the address Meta posts to. poll_seconds > 0 also reads
    # the Conversations API, for a PC with no public address.
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 8767  # WhatsApp listens on 8765, Telegram bots on 8766
    public_url: str = ""
    poll_seconds: int = 0
    # The page was granted the Human Agent permission (App Review): replies up to 7 days after
    # the customer's last message, tagged HUMAN_AGENT. Off: only the 24-hour window.
    human_agent: bool = False

    @property
    def account_key(self) -> str:
        return f"{PREFIX}{self.page_id}"

    @property
    def base_url(self) -> str:
        return (self.api_url or GRAPH_API).rstrip("/")

    @property
    def webhook_path(self) -> str:
        """Where Meta posts this page's (and its Instagram account's) webhooks."""
        return f"/meta/page/{self.page_id}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MetaPageSettings:
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**values)
