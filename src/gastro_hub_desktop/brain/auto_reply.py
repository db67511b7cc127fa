"""When a drafted reply may go out without a person pressing Send.

A pure decision: `decide(policy, candidate)` checks the owner's `AutoReplyPolicy` against one
`AutoReplyCandidate` in the fixed order of `CHECK_ORDER` and gives the first refusal in words.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from gastro_hub_desktop.domain.messages import Channel, Urgency
from gastro_hub_desktop.domain.triage import Intent

DEFAULT_MIN_CONFIDENCE = 0.85
DEFAULT_TIMEZONE = "Europe/Prague"
DEFAULT_MAX_PER_CONTACT_PER_DAY = 2
# a confidence computed as 0.1 + 0.75 is 0.85 for the person who set the threshold
_CONFIDENCE_SLACK = 1e-9

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

LANGUAGE_NAMES = {
    "cs": "Czech",
    "sk": "Slovak",
    "en": "English",
    "de": "German",
    "pl": "Polish",
    "uk": "Ukrainian",
    "ru": "Russian",
    "vi": "Vietnamese",
    "hu": "Hungarian",
    "fr": "French",
    "it": "Italian",
    "es": "Spanish",
}


class PolicyError(ValueError):
    """The saved or entered policy cannot be used; `str(exc)` says what to fix."""


class Check(enum.StrEnum):
    """The checks of `decide`, named in `AutoReplyDecision.rule`."""

    KILL_SWITCH = "kill_switch"
    ENABLED = "enabled"
    AUTOMATED = "automated"
    HUMAN_REPLIED = "human_replied"
    DRAFT_EDITED = "draft_being_edited"
    URGENT = "urgent"
    VIP = "vip"
    CHANNEL_INTENT = "channel_intent_rule"
    LANGUAGE = "language"
    CONFIDENCE = "confidence"
    BUSINESS_HOURS = "business_hours"
    DAILY_LIMIT = "daily_limit"
    ALLOWED = "allowed"  # every check passed


CHECK_ORDER: tuple[Check, ...] = (
    Check.KILL_SWITCH,  # the emergency stop beats everything, even "auto-reply is on"
    Check.ENABLED,
    Check.AUTOMATED,  # never answer newsletters and notifications (mail loops)
    Check.HUMAN_REPLIED,  # a person is already handling the conversation
    Check.DRAFT_EDITED,
    Check.URGENT,  # crisis / urgent messages are for a person
    Check.VIP,
    Check.CHANNEL_INTENT,  # the owner's per (channel, intent) allow list
    Check.LANGUAGE,  # the draft must be in the customer's language
    Check.CONFIDENCE,
    Check.BUSINESS_HOURS,
    Check.DAILY_LIMIT,
)
"""The order `decide` checks in; the first check that refuses gives the reason."""


# --- business hours -------------------------------------------------------------------------


def _parse_clock(value: object, where: str, *, end: bool) -> time:
    if isinstance(value, time):
        return value
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value) if isinstance(value, str) else None
    if match is None:
        raise PolicyError(f"{where}: {value!r} is not a time of day (write it as HH:MM)")
    hour, minute = int(match.group(1)), int(match.group(2))
    if end and (hour, minute) == (24, 0):
        return time(0, 0)  # "until midnight"
    if hour > 23 or minute > 59:
        raise PolicyError(f"{where}: {value!r} is not a time of day (write it as HH:MM)")
    return time(hour, minute)


def _clock_text(value: time, *, end: bool = False) -> str:
    if end and value == time(0, 0):
        return "24:00"
    return f"{value.hour:02d}:{value.minute:02d}"


@dataclass(frozen=True)
class Period:
    """Open from `start` to `end` local time.

    When `end` is not after `start` the period runs past midnight into the next day: 22:00–02:00
    on Friday is open until 02:00 on Saturday, 08:00–00:00 is open until midnight, and
    00:00–00:00 is the whole day.
    """

    start: time
    end: time

    def __post_init__(self) -> None:
        for value in (self.start, self.end):
            if value.tzinfo is not None or value.second or value.microsecond:
                raise PolicyError("Business hours are whole minutes of local time (HH:MM)")

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start

    def __str__(self) -> str:
        return f"{_clock_text(self.start)}–{_clock_text(self.end, end=True)}"


@dataclass(frozen=True)
class BusinessHours:
    """Opening periods per weekday (Monday first) in one timezone."""

    days: tuple[tuple[Period, ...], ...] = ((Period(time(8), time(17)),),) * 5 + ((), ())
    timezone: str = DEFAULT_TIMEZONE

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise PolicyError("Business hours need one entry per weekday, Monday to Sunday")
        _zone(self.timezone)

    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.timezone)

    def is_open(self, moment: datetime) -> bool:
        """Whether `moment` (timezone-aware, any zone) falls in the hours, read in `timezone`.

        The moment is converted to the business's timezone first, so a Prague shop stays
        Mon–Fri 08:00–17:00 on both sides of a daylight-saving switch.
        """
        local = moment.astimezone(self.zone)
        clock = local.time().replace(second=0, microsecond=0, tzinfo=None)
        today = local.weekday()
        for period in self.days[today]:
            if period.crosses_midnight:
                if clock >= period.start:
                    return True
            elif period.start <= clock < period.end:
                return True
        yesterday = (today - 1) % 7
        return any(p.crosses_midnight and clock < p.end for p in self.days[yesterday])

    def describe(self) -> str:
        """The hours in a line, e.g. "Mon–Fri 08:00–17:00 Europe/Prague"."""
        groups: list[str] = []
        day = 0
        while day < 7:
            periods = self.days[day]
            last = day
            while last + 1 < 7 and self.days[last + 1] == periods:
                last += 1
            if periods:
                days = DAY_NAMES[day] if last == day else f"{DAY_NAMES[day]}–{DAY_NAMES[last]}"
                groups.append(f"{days} {' and '.join(str(p) for p in periods)}")
            day = last + 1
        if not groups:
            return f"no business hours are set, {self.timezone}"
        return f"{', '.join(groups)} {self.timezone}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "timezone": self.timezone,
            "days": {
                key: [[_clock_text(p.start), _clock_text(p.end)] for p in periods]
                for key, periods in zip(DAY_KEYS, self.days, strict=True)
            },
        }

    @classmethod
    def from_dict(cls, data: object) -> BusinessHours:
        if not isinstance(data, Mapping):
            raise PolicyError("Business hours must be a table with a timezone and days")
        _reject_unknown(data, {"timezone", "days"}, "business hours")
        timezone = data.get("timezone", DEFAULT_TIMEZONE)
        if not isinstance(timezone, str):
            raise PolicyError(f"Business hours timezone {timezone!r} is not a timezone name")
        days_data = data.get("days", {})
        if not isinstance(days_data, Mapping):
            raise PolicyError("Business hours days must be a table from mon … sun to periods")
        unknown = [str(k) for k in days_data if k not in DAY_KEYS]
        if unknown:
            raise PolicyError(
                f"Unknown weekday {unknown[0]!r} in business hours (use {', '.join(DAY_KEYS)})"
            )
        days: list[tuple[Period, ...]] = []
        for key in DAY_KEYS:
            raw = days_data.get(key, [])
            if not isinstance(raw, list):
                raise PolicyError(f"Business hours for {key} must be a list of [start, end]")
            periods: list[Period] = []
            for item in raw:
                if not isinstance(item, list | tuple) or len(item) != 2:
                    raise PolicyError(
                        f"Business hours for {key}: {item!r} is not a pair [start, end]"
                    )
                start = _parse_clock(item[0], f"Business hours for {key}", end=False)
                end = _parse_clock(item[1], f"Business hours for {key}", end=True)
                periods.append(Period(start, end))
            days.append(tuple(periods))
        return cls(tuple(days), timezone)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise PolicyError(
            f"Unknown timezone {name!r} (use a name such as Europe/Prague or Europe/Berlin)"
        ) from exc


# --- the policy -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AutoReplyRule:
    """Whether replies to `intent` messages on `channel` may go out automatically.

    `min_confidence` overrides the policy's threshold for this pair when given.
    """

    channel: Channel
    intent: Intent
    allow: bool = True
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "channel", _channel(self.channel))
        object.__setattr__(self, "intent", _intent(self.intent))
        if self.min_confidence is not None:
            _check_confidence(self.min_confidence, f"Minimum confidence for {self.label}")

    @property
    def label(self) -> str:
        return f"{self.channel.value} / {self.intent.value}"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "channel": self.channel.value,
            "intent": self.intent.value,
            "allow": self.allow,
        }
        if self.min_confidence is not None:
            data["min_confidence"] = self.min_confidence
        return data

    @classmethod
    def from_dict(cls, data: object, where: str = "rule") -> AutoReplyRule:
        if not isinstance(data, Mapping):
            raise PolicyError(f"The {where} must be a table with channel, intent and allow")
        _reject_unknown(data, {"channel", "intent", "allow", "min_confidence"}, where)
        if "channel" not in data or "intent" not in data:
            raise PolicyError(f"The {where} needs both a channel and an intent")
        allow = data.get("allow", True)
        if not isinstance(allow, bool):
            raise PolicyError(f"In the {where}, allow must be true or false, not {allow!r}")
        minimum = data.get("min_confidence")
        if minimum is not None:
            minimum = _check_confidence(minimum, f"Minimum confidence in the {where}")
        try:
            return cls(data["channel"], data["intent"], allow, minimum)
        except PolicyError as exc:
            raise PolicyError(f"In the {where}: {exc}") from exc


@dataclass(frozen=True)
class AutoReplyPolicy:
    """The owner's settings for automatic replies. Off by default; nothing is allowed until a
    rule allows a (channel, intent) pair."""

    enabled: bool = False
    kill_switch: bool = False
    rules: tuple[AutoReplyRule, ...] = ()
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    allow_vip: bool = False
    allow_urgent: bool = False
    business_hours: BusinessHours = field(default_factory=BusinessHours)
    max_per_contact_per_day: int = DEFAULT_MAX_PER_CONTACT_PER_DAY

    def __post_init__(self) -> None:
        object.__setattr__(self, "rules", tuple(self.rules))
        _check_confidence(self.min_confidence, "Minimum confidence")
        limit = self.max_per_contact_per_day
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise PolicyError(
                f"The daily limit per contact must be a whole number 0 or more, not {limit!r}"
            )
        seen: set[tuple[Channel, Intent]] = set()
        for rule in self.rules:
            if (rule.channel, rule.intent) in seen:
                raise PolicyError(f"There are two rules for {rule.label}; keep one")
            seen.add((rule.channel, rule.intent))

    def rule_for(self, channel: Channel | str, intent: Intent | str) -> AutoReplyRule | None:
        channel, intent = _channel(channel), _intent(intent)
        return next((r for r in self.rules if (r.channel, r.intent) == (channel, intent)), None)

    def threshold_for(self, channel: Channel | str, intent: Intent | str) -> float:
        rule = self.rule_for(channel, intent)
        if rule is not None and rule.min_confidence is not None:
            return rule.min_confidence
        return self.min_confidence

    def with_rule(
        self,
        channel: Channel | str,
        intent: Intent | str,
        allow: bool = True,
        min_confidence: float | None = None,
    ) -> AutoReplyPolicy:
        """A copy with the rule for (channel, intent) set (added or replaced)."""
        new = AutoReplyRule(_channel(channel), _intent(intent), allow, min_confidence)
        others = tuple(r for r in self.rules if (r.channel, r.intent) != (new.channel, new.intent))
        return replace(self, rules=(*others, new))

    def to_dict(self) -> dict[str, Any]:
        return {
            "enabled": self.enabled,
            "kill_switch": self.kill_switch,
            "rules": [rule.to_dict() for rule in self.rules],
            "min_confidence": self.min_confidence,
            "allow_vip": self.allow_vip,
            "allow_urgent": self.allow_urgent,
            "business_hours": self.business_hours.to_dict(),
            "max_per_contact_per_day": self.max_per_contact_per_day,
        }

    @classmethod
    def from_dict(cls, data: object) -> AutoReplyPolicy:
        """Read what `to_dict` wrote (e.g. from JSON); missing settings take their defaults.

        Raises `PolicyError` naming the setting to fix.
        """
        if not isinstance(data, Mapping):
            raise PolicyError("The auto-reply settings must be a table of settings")
        known = {
            "enabled",
            "kill_switch",
            "rules",
            "min_confidence",
            "allow_vip",
            "allow_urgent",
            "business_hours",
            "max_per_contact_per_day",
        }
        _reject_unknown(data, known, "auto-reply settings")
        flags = {}
        for name in ("enabled", "kill_switch", "allow_vip", "allow_urgent"):
            value = data.get(name, False)
            if not isinstance(value, bool):
                raise PolicyError(f"The setting {name} must be true or false, not {value!r}")
            flags[name] = value
        rules_data = data.get("rules", [])
        if not isinstance(rules_data, list):
            raise PolicyError("The setting rules must be a list of rules")
        rules = tuple(
            AutoReplyRule.from_dict(item, f"rule {number}")
            for number, item in enumerate(rules_data, start=1)
        )
        minimum = _check_confidence(
            data.get("min_confidence", DEFAULT_MIN_CONFIDENCE), "Minimum confidence"
        )
        hours_data = data.get("business_hours")
        hours = BusinessHours() if hours_data is None else BusinessHours.from_dict(hours_data)
        return cls(
            rules=rules,
            min_confidence=minimum,
            business_hours=hours,
            max_per_contact_per_day=data.get(
                "max_per_contact_per_day", DEFAULT_MAX_PER_CONTACT_PER_DAY
            ),
            **flags,
        )


# --- one decision ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AutoReplyCandidate:
    """One drafted reply that could go out automatically, with what decides it.

    `local_time` is now (when sending would happen), timezone-aware; it is read in the
    policy's timezone. `human_replied_since` is true when a person sent a message in the
    conversation after the one being answered; `draft_being_edited` when someone has the
    draft open.
    """

    channel: Channel
    intent: Intent
    urgency: Urgency
    confidence: float
    contact_is_vip: bool
    automated: bool
    message_language: str | None
    draft_language: str | None
    local_time: datetime
    auto_replies_sent_to_contact_today: int
    human_replied_since: bool
    draft_being_edited: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "channel", _channel(self.channel))
        object.__setattr__(self, "intent", _intent(self.intent))
        object.__setattr__(self, "urgency", Urgency(self.urgency))
        if self.local_time.tzinfo is None or self.local_time.utcoffset() is None:
            raise ValueError("local_time must be timezone-aware")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be between 0 and 1, got {self.confidence}")
        if self.auto_replies_sent_to_contact_today < 0:
            raise ValueError("auto_replies_sent_to_contact_today cannot be negative")


@dataclass(frozen=True)
class AutoReplyDecision:
    """Whether to send, why (in plain words), and which `Check` decided."""

    send: bool
    reason: str
    rule: str


def decide(policy: AutoReplyPolicy, candidate: AutoReplyCandidate) -> AutoReplyDecision:
    """Check `candidate` against `policy` in `CHECK_ORDER`; the first refusal is the answer."""
    c = candidate
    pair = f"{c.channel.value} / {c.intent.value}"

    def refuse(check: Check, reason: str) -> AutoReplyDecision:
        return AutoReplyDecision(False, reason, check.value)

    if policy.kill_switch:
        return refuse(Check.KILL_SWITCH, "Kill switch is on")
    if not policy.enabled:
        return refuse(Check.ENABLED, "Auto-reply is off")
    if c.automated:
        return refuse(
            Check.AUTOMATED,
            "The message was sent by a machine (newsletter or notification); "
            "those never get automatic replies",
        )
    if c.human_replied_since:
        return refuse(Check.HUMAN_REPLIED, "A person has already replied in this conversation")
    if c.draft_being_edited:
        return refuse(Check.DRAFT_EDITED, "Someone is editing the draft of this conversation")
    if c.urgency.is_pressing and not policy.allow_urgent:
        return refuse(
            Check.URGENT,
            f"The message is marked {c.urgency.value} and auto-replies to urgent messages "
            "are not allowed",
        )
    if c.contact_is_vip and not policy.allow_vip:
        return refuse(Check.VIP, "Customer is a VIP and auto-replies to VIPs are not allowed")
    rule = policy.rule_for(c.channel, c.intent)
    if rule is None:
        return refuse(Check.CHANNEL_INTENT, f"No auto-reply rule allows {pair}")
    if not rule.allow:
        return refuse(Check.CHANNEL_INTENT, f"Auto-replies are not allowed for {pair}")
    message_language = _language_code(c.message_language)
    draft_language = _language_code(c.draft_language)
    if message_language is None:
        return refuse(Check.LANGUAGE, "The message's language is not known")
    if draft_language is None:
        return refuse(Check.LANGUAGE, "The draft's language is not known")
    if message_language != draft_language:
        return refuse(
            Check.LANGUAGE,
            f"The draft is in {_language_name(draft_language)} but the message is in "
            f"{_language_name(message_language)}",
        )
    threshold = policy.threshold_for(c.channel, c.intent)
    if c.confidence + _CONFIDENCE_SLACK < threshold:
        shown, needed = _confidence_texts(c.confidence, threshold)
        return refuse(
            Check.CONFIDENCE, f"Confidence {shown} is below the {needed} you set for {pair}"
        )
    hours = policy.business_hours
    if not hours.is_open(c.local_time):
        there = c.local_time.astimezone(hours.zone)
        return refuse(
            Check.BUSINESS_HOURS,
            f"Outside business hours ({hours.describe()}); "
            f"it is {DAY_NAMES[there.weekday()]} {there:%H:%M} there",
        )
    limit = policy.max_per_contact_per_day
    sent = c.auto_replies_sent_to_contact_today
    if sent >= limit:
        if limit == 0:
            reason = "The daily limit of automatic replies per contact is 0"
        else:
            replies = "reply" if sent == 1 else "replies"
            reason = f"Already {sent} automatic {replies} to this contact today (limit {limit})"
        return refuse(Check.DAILY_LIMIT, reason)
    shown, needed = _confidence_texts(c.confidence, threshold)
    return AutoReplyDecision(
        True,
        f"Sending automatically: {pair} is allowed, confidence {shown} (needs {needed}), "
        f"within business hours, reply {sent + 1} of {limit} to this contact today",
        Check.ALLOWED.value,
    )


# --- helpers --------------------------------------------------------------------------------


def _channel(value: Channel | str) -> Channel:
    try:
        return Channel(value)
    except ValueError:
        choices = ", ".join(c.value for c in Channel)
        raise PolicyError(f"Unknown channel {value!r} (choose from {choices})") from None


def _intent(value: Intent | str) -> Intent:
    try:
        return Intent(value)
    except ValueError:
        choices = ", ".join(i.value for i in Intent)
        raise PolicyError(f"Unknown intent {value!r} (choose from {choices})") from None


def _check_confidence(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise PolicyError(f"{what} must be a number from 0 to 1 (such as 0.85), not {value!r}")
    return float(value)


def _reject_unknown(data: Mapping[Any, Any], known: set[str], where: str) -> None:
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise PolicyError(
            f"Unknown setting {unknown[0]!r} in the {where} (known: {', '.join(sorted(known))})"
        )


def _language_code(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    return re.split(r"[-_]", value.strip().casefold(), maxsplit=1)[0]


def _language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def _confidence_texts(confidence: float, threshold: float) -> tuple[str, str]:
    """Both numbers with two decimals, or more when two would make them look equal."""
    for digits in range(2, 7):
        shown, needed = f"{confidence:.{digits}f}", f"{threshold:.{digits}f}"
        if shown != needed or abs(confidence - threshold) <= _CONFIDENCE_SLACK:
            return shown, needed
    return shown, needed


__all__ = [
    "CHECK_ORDER",
    "AutoReplyCandidate",
    "AutoReplyDecision",
    "AutoReplyPolicy",
    "AutoReplyRule",
    "BusinessHours",
    "Check",
    "Period",
    "PolicyError",
    "decide",
]
