"""A WhatsApp account's settings: which provider, our number, how messages come in (webhook
receiver and/or polling) and the approved templates. Never its secrets: those live in the
keyring under the names below."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any

TWILIO_API = "https://api.twilio.com"
META_API = "https://graph.facebook.com/v21.0"


class Provider(enum.StrEnum):
    TWILIO = "twilio"
    META = "meta"


@dataclass
class WhatsAppSettings:
    provider: Provider
    number: str  # our WhatsApp number in E.164 (+420…): names the account
    display_name: str = ""
    # Twilio: the account, optionally an API key (then the keyring holds its secret as
    # `api_secret`), a Messaging Service whose pool sends for us, and the sandbox flag (the
    # sandbox allows one message per 3 seconds and only to numbers that joined it).
    account_sid: str = ""
    api_key_sid: str = ""
    messaging_service_sid: str = ""
    sandbox: bool = False
    # Meta Cloud API: the phone number's id and the WhatsApp Business Account id.
    phone_number_id: str = ""
    business_account_id: str = ""
    api_url: str = ""  # empty: the provider's public API (tests point it at loopback)
    # Receiving: the built-in webhook receiver listens on webhook_host:webhook_port (loopback
    # by default, for a tunnel or the stack's processor); public_url is the address the
    # provider posts to, as it sees it (signatures are computed over it). poll_seconds > 0
    # also polls the provider's message list (Twilio), for a PC with no public address.
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 8765
    public_url: str = ""
    poll_seconds: int = 0
    # Approved templates the user may send outside the 24-hour window:
    # {"label": …, "ref": Content SID or template name, "language": …, "variables": n}
    templates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def account_key(self) -> str:
        return f"whatsapp:{self.number}"

    @property
    def base_url(self) -> str:
        default = TWILIO_API if self.provider is Provider.TWILIO else META_API
        return (self.api_url or default).rstrip("/")

    @property
    def webhook_path(self) -> str:
        """Where this account's webhooks arrive on the receiver (the account is found by the
        path, not by the To number: numbers in a Messaging Service pool vary)."""
        return f"/whatsapp/{self.provider.value}/{self.number.lstrip('+')}"

    def secret_name(self, which: str) -> str:
        """Keyring names: Twilio `auth_token` (REST unless an API key is set, and always the
        webhook signatures), `api_secret`; Meta `access_token`, `app_secret`, `verify_token`."""
        return f"{self.account_key}:{which}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["provider"] = self.provider.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WhatsAppSettings:
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        values["provider"] = Provider(values["provider"])
        return cls(**values)
