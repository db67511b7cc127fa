"""A Matrix account's settings (never its secrets: the password, the access token and the
device id live in the keyring under the names below)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

# Keyring names, under "<account key>:<name>". The access token and device id are kept after
# the first login, so a restart reuses the same device instead of creating a new one.
PASSWORD = "password"
ACCESS_TOKEN = "access_token"
DEVICE_ID = "device_id"

# Where the worker keeps its sync position (Matrix's `next_batch`, an opaque string) among the
# account's settings: the store's folder positions hold only numbers.
SYNC_TOKEN = "sync_token"
SYNC_TOKEN_AT = "sync_token_at"  # when it was written (Unix seconds): how far back a gap goes

_USER_ID = re.compile(r"^@[^:\s]+:[^\s]+$")


def server_name(user_id: str) -> str:
    """The homeserver part of a user id: "@jana:example.org" → "example.org"."""
    return user_id.split(":", 1)[1] if ":" in user_id else ""


def is_user_id(text: str) -> bool:
    return bool(_USER_ID.match(text.strip()))


@dataclass
class MatrixSettings:
    user_id: str  # "@jana:example.org": names the account
    homeserver: str = ""  # "https://matrix.example.org"; empty: found from the user id
    display_name: str = ""
    device_name: str = "Gastro Hub"  # how the app's session is listed among the user's devices
    history_days: int = 30  # the first sync reads this far back (per room, up to a limit)
    timeline_limit: int = 50  # events per room in one sync; more are paged in afterwards
    poll_seconds: int = 30  # how long one sync waits on the server for something new
    auto_join: bool = True  # accept room invites (a bridge opening a new chat sends one)

    @property
    def account_key(self) -> str:
        return f"matrix:{self.user_id.strip()}"

    @property
    def base_url(self) -> str:
        return (self.homeserver.strip() or f"https://{server_name(self.user_id)}").rstrip("/")

    def secret_name(self, which: str) -> str:
        return f"{self.account_key}:{which}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = "matrix"
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MatrixSettings:
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**values)
