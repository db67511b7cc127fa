"""A Beeper Desktop connection's settings (never its access token: that lives in the keyring)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

BASE_URL = "http://localhost:23373"  # where Beeper Desktop's API listens by default


@dataclass
class BeeperSettings:
    base_url: str = BASE_URL
    user_id: str = ""  # the Beeper user the token belongs to (filled in by the connection test)
    display_name: str = ""
    history_days: int = 30  # how far back the first sync reads
    poll_seconds: int = 30  # how often to look for news while the live socket is down
    live: bool = True  # listen on the API's WebSocket for new messages
    live_check_seconds: int = 300  # a safety-net look even while the socket is up

    @property
    def account_key(self) -> str:
        who = self.user_id.strip().lower() or urlsplit(self.base_url).netloc.lower()
        return f"beeper:{who}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = "beeper"
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BeeperSettings:
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**values)


def check_base_url(url: str) -> str:
    """The address as the client needs it, or ValueError saying what is wrong with it."""
    cleaned = url.strip().rstrip("/") or BASE_URL
    parts = urlsplit(cleaned)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(
            f"“{url}” is not an address Beeper Desktop listens on: enter it like {BASE_URL}."
        )
    return cleaned
