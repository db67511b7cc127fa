"""A Missive account's settings (never its API token: that lives in the keyring)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

API_URL = "https://public.missiveapp.com/v1"


@dataclass
class MissiveSettings:
    user_email: str  # the token owner's address in Missive: names the account
    own_addresses: list[str] = field(default_factory=list)  # mail from these is the team's
    display_name: str = ""
    api_url: str = API_URL
    history_days: int = 90
    poll_seconds: int = 60

    @property
    def account_key(self) -> str:
        return f"missive:{self.user_email.lower()}"

    @property
    def ours(self) -> set[str]:
        return {a.strip().lower() for a in [self.user_email, *self.own_addresses] if a.strip()}

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = "missive"
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MissiveSettings:
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**values)
