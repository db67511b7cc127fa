"""A publishing target's settings: which kind of page, its id at the provider, and the API
addresses (overridable for tests). Never its secret: that lives in the keyring under the name
`SECRET_OF[kind]` (`<account key>:<name>`)."""

from __future__ import annotations

import enum
import re
from dataclasses import asdict, dataclass
from typing import Any

from gastro_hub_desktop.domain.messages import Channel

GRAPH_API = "https://graph.facebook.com/v21.0"
LINKEDIN_API = "https://api.linkedin.com/rest"
# LinkedIn serves each monthly version for about a year; the setting lets a user move on.
LINKEDIN_VERSION = "202510"
TARGET_ID = re.compile(r"[0-9]{1,30}")


class TargetKind(enum.StrEnum):
    FACEBOOK_PAGE = "facebook_page"
    INSTAGRAM = "instagram"
    LINKEDIN_ORG = "linkedin_org"

    @property
    def channel(self) -> Channel:
        return {
            TargetKind.FACEBOOK_PAGE: Channel.FACEBOOK,
            TargetKind.INSTAGRAM: Channel.INSTAGRAM,
            TargetKind.LINKEDIN_ORG: Channel.LINKEDIN,
        }[self]

    @property
    def label(self) -> str:
        return {
            TargetKind.FACEBOOK_PAGE: "Facebook Page",
            TargetKind.INSTAGRAM: "Instagram account",
            TargetKind.LINKEDIN_ORG: "LinkedIn page",
        }[self]


# The one secret each kind needs, by its keyring name.
SECRET_OF: dict[TargetKind, str] = {
    TargetKind.FACEBOOK_PAGE: "page_token",  # a Page access token
    TargetKind.INSTAGRAM: "page_token",  # the token of the Facebook Page linked to the account
    TargetKind.LINKEDIN_ORG: "access_token",  # a member token of a page admin (3-legged OAuth)
}

ID_HINT = {
    TargetKind.FACEBOOK_PAGE: "the Page ID (Page → About → Page transparency, or Meta Business "
    "Suite → Settings)",
    TargetKind.INSTAGRAM: "the Instagram account's ID (Graph API: GET /{page-id}?fields="
    "instagram_business_account)",
    TargetKind.LINKEDIN_ORG: "the organisation ID (the number in the page admin address "
    "linkedin.com/company/<number>/admin)",
}


@dataclass
class SocialTargetSettings:
    kind: TargetKind
    target_id: str  # Facebook Page id, Instagram user id, LinkedIn organisation id
    display_name: str = ""  # filled in by the connection test (the page's own name)
    graph_url: str = ""  # empty: Meta's public Graph API
    linkedin_url: str = ""  # empty: LinkedIn's public REST API
    linkedin_version: str = LINKEDIN_VERSION
    poll_seconds: int = 120  # how often comments are fetched (Facebook)

    def __post_init__(self) -> None:
        self.kind = TargetKind(self.kind)
        self.target_id = self.target_id.strip()
        if self.target_id.startswith("urn:li:organization:"):
            self.target_id = self.target_id.removeprefix("urn:li:organization:")

    def check(self) -> None:
        """Raise ValueError in plain words when the id cannot be right."""
        if not TARGET_ID.fullmatch(self.target_id):
            raise ValueError(
                f"{self.target_id!r} is not a valid ID for the {self.kind.label}: enter "
                f"{ID_HINT[self.kind]}."
            )
        if not re.fullmatch(r"20[0-9]{2}(0[1-9]|1[0-2])", self.linkedin_version):
            raise ValueError("The LinkedIn API version is a month written YYYYMM, e.g. 202510.")

    @property
    def account_key(self) -> str:
        return f"social:{self.kind.value}:{self.target_id}"

    @property
    def secret_name(self) -> str:
        return SECRET_OF[self.kind]

    @property
    def graph_base(self) -> str:
        return (self.graph_url or GRAPH_API).rstrip("/")

    @property
    def linkedin_base(self) -> str:
        return (self.linkedin_url or LINKEDIN_API).rstrip("/")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SocialTargetSettings:
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**values)
