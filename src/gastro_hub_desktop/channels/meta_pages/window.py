"""Meta's messaging rules for pages: a free reply (messaging_type RESPONSE) within 24 hours of
the customer's last message; after that, only a message tagged HUMAN_AGENT within 7 days, and
only when the page has that permission; beyond 7 days nothing until the customer writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

STANDARD = timedelta(hours=24)
HUMAN_AGENT = timedelta(days=7)


@dataclass(frozen=True)
class Permission:
    """How a reply may be sent now: `messaging_type` and `tag` for the Send API, or `refusal`
    (plain words for the user) when Meta would refuse it."""

    messaging_type: str = "RESPONSE"
    tag: str | None = None
    refusal: str | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def _ago(delta: timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    return f"{hours} hours" if hours < 48 else f"{hours // 24} days"


def may_reply(
    last_inbound: datetime | None, now: datetime, human_agent: bool, where: str = "Messenger"
) -> Permission:
    """What Meta allows for a reply sent at `now`, the customer having last written at
    `last_inbound` (None: never)."""
    if last_inbound is None:
        return Permission(
            refusal=f"The customer has not written to the page on {where}, and a page may "
            "only answer people who wrote first. Wait until they send a message."
        )
    silent = now - last_inbound
    if silent < STANDARD:
        return Permission("RESPONSE")
    if silent < HUMAN_AGENT and human_agent:
        return Permission("MESSAGE_TAG", "HUMAN_AGENT")
    if silent < HUMAN_AGENT:
        return Permission(
            refusal=f"The customer last wrote {_ago(silent)} ago. {where} allows free replies "
            "only within 24 hours; up to 7 days only for pages with Meta's Human Agent "
            "permission, which this page's settings say it does not have. Turn on "
            '"Human agent" in the account settings if Meta granted it, or wait until the '
            "customer writes again."
        )
    return Permission(
        refusal=f"The customer last wrote {_ago(silent)} ago. {where} allows no reply more "
        "than 7 days after the customer's last message; nothing was sent. Wait until the "
        "customer writes again, or contact them another way."
    )


def describe(last_inbound: datetime | None, now: datetime, human_agent: bool) -> str:
    """What a conversation shows about the window, in the user's words."""
    permission = may_reply(last_inbound, now, human_agent)
    if permission.refusal:
        return permission.refusal
    assert last_inbound is not None
    if permission.tag is None:
        left = last_inbound + STANDARD - now
        return f"Free reply possible for another {_hours_minutes(left)} (24-hour window)."
    left = last_inbound + HUMAN_AGENT - now
    return (
        f"Outside the 24-hour window: replies go out as a human agent's answer (HUMAN_AGENT "
        f"tag) for another {_hours_minutes(left)}."
    )


def _hours_minutes(left: timedelta) -> str:
    hours, minutes = divmod(int(left.total_seconds()) // 60, 60)
    return f"{hours} h {minutes:02d} min"
