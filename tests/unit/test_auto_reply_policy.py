"""The auto-reply policy: each rule on both sides of its boundary, the order the rules are
checked in, business hours across daylight-saving switches and midnight, and the settings'
JSON round trip with its error messages."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from gastro_hub_desktop.brain.auto_reply import (
    CHECK_ORDER,
    AutoReplyCandidate,
    AutoReplyPolicy,
    AutoReplyRule,
    BusinessHours,
    Check,
    Period,
    PolicyError,
    decide,
)
from gastro_hub_desktop.domain.messages import Channel, Urgency
from gastro_hub_desktop.domain.triage import Intent

PRAGUE = ZoneInfo("Europe/Prague")


def prague(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PRAGUE)


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# Monday 2 June 2025, 10:00 in Prague: inside the default hours.
BASE_POLICY = AutoReplyPolicy(enabled=True).with_rule(Channel.EMAIL, Intent.ORDER)
BASE_CANDIDATE = AutoReplyCandidate(
    channel=Channel.EMAIL,
    intent=Intent.ORDER,
    urgency=Urgency.NORMAL,
    confidence=0.9,
    contact_is_vip=False,
    automated=False,
    message_language="cs",
    draft_language="cs",
    local_time=prague(2025, 6, 2, 10),
    auto_replies_sent_to_contact_today=0,
    human_replied_since=False,
)

SUNDAYS_TOO = BusinessHours.from_dict(
    {"days": {d: [["08:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri", "sun")}}
)
LATE_NIGHT = BusinessHours.from_dict({"days": {"fri": [["22:00", "02:00"]]}})
SUNDAY_NIGHT = BusinessHours.from_dict({"days": {"sun": [["22:00", "02:00"]]}})
OUTSIDE = "Outside business hours (Mon–Fri 08:00–17:00 Europe/Prague)"

# id, policy changes, candidate changes, send, check that decided, words in the reason
ROWS: list[tuple[str, dict[str, Any], dict[str, Any], bool, Check, str]] = [
    ("all checks pass", {}, {}, True, Check.ALLOWED, "Sending automatically: email / order"),
    # off by default, and the kill switch beats everything
    ("default policy is off", {"enabled": False}, {}, False, Check.ENABLED, "Auto-reply is off"),
    ("kill switch", {"kill_switch": True}, {}, False, Check.KILL_SWITCH, "Kill switch is on"),
    (
        "kill switch beats everything",
        {"kill_switch": True, "enabled": False},
        {"automated": True, "contact_is_vip": True, "urgency": Urgency.CRISIS, "confidence": 0.1},
        False,
        Check.KILL_SWITCH,
        "Kill switch is on",
    ),
    # never to machines, never over a person's shoulder
    ("automated message", {}, {"automated": True}, False, Check.AUTOMATED, "newsletter"),
    (
        "a person replied",
        {},
        {"human_replied_since": True},
        False,
        Check.HUMAN_REPLIED,
        "A person has already replied",
    ),
    (
        "draft being edited",
        {},
        {"draft_being_edited": True},
        False,
        Check.DRAFT_EDITED,
        "editing the draft",
    ),
    # urgent and crisis
    ("urgent refused", {}, {"urgency": Urgency.URGENT}, False, Check.URGENT, "marked urgent"),
    ("crisis refused", {}, {"urgency": Urgency.CRISIS}, False, Check.URGENT, "marked crisis"),
    ("financial is not urgent", {}, {"urgency": Urgency.FINANCIAL}, True, Check.ALLOWED, ""),
    (
        "urgent allowed when allow_urgent",
        {"allow_urgent": True},
        {"urgency": Urgency.URGENT},
        True,
        Check.ALLOWED,
        "",
    ),
    # VIP
    (
        "VIP refused",
        {},
        {"contact_is_vip": True},
        False,
        Check.VIP,
        "Customer is a VIP and auto-replies to VIPs are not allowed",
    ),
    (
        "VIP allowed when allow_vip",
        {"allow_vip": True},
        {"contact_is_vip": True},
        True,
        Check.ALLOWED,
        "",
    ),
    # per (channel, intent) rules: no rule means no
    (
        "no rule for the pair",
        {},
        {"intent": Intent.COMPLAINT},
        False,
        Check.CHANNEL_INTENT,
        "No auto-reply rule allows email / complaint",
    ),
    (
        "no rule for the channel",
        {},
        {"channel": Channel.WHATSAPP},
        False,
        Check.CHANNEL_INTENT,
        "No auto-reply rule allows whatsapp / order",
    ),
    (
        "rule says no",
        {"rules": (AutoReplyRule(Channel.EMAIL, Intent.ORDER, allow=False),)},
        {},
        False,
        Check.CHANNEL_INTENT,
        "Auto-replies are not allowed for email / order",
    ),
    # language
    (
        "draft language differs",
        {},
        {"draft_language": "en"},
        False,
        Check.LANGUAGE,
        "The draft is in English but the message is in Czech",
    ),
    ("same language, region differs", {}, {"message_language": "cs-CZ"}, True, Check.ALLOWED, ""),
    (
        "message language unknown",
        {},
        {"message_language": None},
        False,
        Check.LANGUAGE,
        "not known",
    ),
    # confidence: the threshold itself is enough
    ("confidence at threshold", {}, {"confidence": 0.85}, True, Check.ALLOWED, ""),
    # 0.007 * 0.85 / 0.007 is 0.8499999999999999: float noise is not a refusal
    (
        "confidence with float noise",
        {},
        {"confidence": 0.007 * 0.85 / 0.007},
        True,
        Check.ALLOWED,
        "",
    ),
    (
        "confidence just below",
        {},
        {"confidence": 0.849},
        False,
        Check.CONFIDENCE,
        "Confidence 0.849 is below the 0.850 you set for email / order",
    ),
    (
        "confidence well below",
        {},
        {"confidence": 0.72},
        False,
        Check.CONFIDENCE,
        "Confidence 0.72 is below the 0.85 you set for email / order",
    ),
    (
        "rule's own threshold is stricter",
        {"rules": (AutoReplyRule(Channel.EMAIL, Intent.ORDER, min_confidence=0.95),)},
        {"confidence": 0.94},
        False,
        Check.CONFIDENCE,
        "Confidence 0.94 is below the 0.95 you set for email / order",
    ),
    (
        "rule's own threshold is looser",
        {"rules": (AutoReplyRule(Channel.EMAIL, Intent.ORDER, min_confidence=0.6),)},
        {"confidence": 0.6},
        True,
        Check.ALLOWED,
        "",
    ),
    # business hours: opening minute in, closing minute out
    ("opens at 08:00", {}, {"local_time": prague(2025, 6, 2, 8)}, True, Check.ALLOWED, ""),
    (
        "07:59 is before",
        {},
        {"local_time": prague(2025, 6, 2, 7, 59)},
        False,
        Check.BUSINESS_HOURS,
        OUTSIDE,
    ),
    ("16:59 is inside", {}, {"local_time": prague(2025, 6, 6, 16, 59)}, True, Check.ALLOWED, ""),
    (
        "17:00 is after",
        {},
        {"local_time": prague(2025, 6, 6, 17)},
        False,
        Check.BUSINESS_HOURS,
        OUTSIDE,
    ),
    (
        "weekend",
        {},
        {"local_time": prague(2025, 6, 7, 10)},
        False,
        Check.BUSINESS_HOURS,
        f"{OUTSIDE}; it is Sat 10:00 there",
    ),
    # DST: the candidate's time is read in Prague, whatever zone it came in
    (
        "after spring DST: 06:30 UTC is 08:30",
        {},
        {"local_time": utc(2025, 3, 31, 6, 30)},
        True,
        Check.ALLOWED,
        "",
    ),
    (
        "before spring DST: 06:30 UTC is 07:30",
        {},
        {"local_time": utc(2025, 3, 28, 6, 30)},
        False,
        Check.BUSINESS_HOURS,
        "it is Fri 07:30 there",
    ),
    (
        "after autumn DST: 15:30 UTC is 16:30",
        {},
        {"local_time": utc(2025, 10, 27, 15, 30)},
        True,
        Check.ALLOWED,
        "",
    ),
    (
        "before autumn DST: 15:30 UTC is 17:30",
        {},
        {"local_time": utc(2025, 10, 24, 15, 30)},
        False,
        Check.BUSINESS_HOURS,
        "it is Fri 17:30 there",
    ),
    (
        "spring DST switch day (Sunday hours): 06:30 UTC is 08:30 CEST",
        {"business_hours": SUNDAYS_TOO},
        {"local_time": utc(2025, 3, 30, 6, 30)},
        True,
        Check.ALLOWED,
        "",
    ),
    (
        "spring DST switch day: 05:30 UTC is 07:30 CEST",
        {"business_hours": SUNDAYS_TOO},
        {"local_time": utc(2025, 3, 30, 5, 30)},
        False,
        Check.BUSINESS_HOURS,
        "it is Sun 07:30 there",
    ),
    (
        "autumn DST switch day: 15:30 UTC is 16:30 CET",
        {"business_hours": SUNDAYS_TOO},
        {"local_time": utc(2025, 10, 26, 15, 30)},
        True,
        Check.ALLOWED,
        "",
    ),
    (
        "autumn DST switch day: 16:00 UTC is 17:00 CET",
        {"business_hours": SUNDAYS_TOO},
        {"local_time": utc(2025, 10, 26, 16)},
        False,
        Check.BUSINESS_HOURS,
        "it is Sun 17:00 there",
    ),
    (
        "time given in New York",
        {},
        {"local_time": datetime(2025, 6, 2, 4, 30, tzinfo=ZoneInfo("America/New_York"))},
        True,
        Check.ALLOWED,
        "",
    ),
    # a period past midnight: Friday 22:00 to Saturday 02:00
    (
        "late period: Fri 23:00",
        {"business_hours": LATE_NIGHT},
        {"local_time": prague(2025, 6, 6, 23)},
        True,
        Check.ALLOWED,
        "",
    ),
    (
        "late period: Sat 01:59",
        {"business_hours": LATE_NIGHT},
        {"local_time": prague(2025, 6, 7, 1, 59)},
        True,
        Check.ALLOWED,
        "",
    ),
    (
        "late period: Sat 02:00",
        {"business_hours": LATE_NIGHT},
        {"local_time": prague(2025, 6, 7, 2)},
        False,
        Check.BUSINESS_HOURS,
        "Outside business hours (Fri 22:00–02:00 Europe/Prague)",
    ),
    (
        "late period: Fri 21:59",
        {"business_hours": LATE_NIGHT},
        {"local_time": prague(2025, 6, 6, 21, 59)},
        False,
        Check.BUSINESS_HOURS,
        "",
    ),
    (
        "late period: Thu 01:00",
        {"business_hours": LATE_NIGHT},
        {"local_time": prague(2025, 6, 5, 1)},
        False,
        Check.BUSINESS_HOURS,
        "",
    ),
    (
        "Sunday night runs into Monday",
        {"business_hours": SUNDAY_NIGHT},
        {"local_time": prague(2025, 6, 2, 1)},
        True,
        Check.ALLOWED,
        "",
    ),
    # daily limit per contact
    (
        "one before the limit",
        {},
        {"auto_replies_sent_to_contact_today": 1},
        True,
        Check.ALLOWED,
        "reply 2 of 2",
    ),
    (
        "limit reached",
        {},
        {"auto_replies_sent_to_contact_today": 2},
        False,
        Check.DAILY_LIMIT,
        "Already 2 automatic replies to this contact today (limit 2)",
    ),
    (
        "limit of one reached",
        {"max_per_contact_per_day": 1},
        {"auto_replies_sent_to_contact_today": 1},
        False,
        Check.DAILY_LIMIT,
        "Already 1 automatic reply to this contact today (limit 1)",
    ),
    (
        "limit zero",
        {"max_per_contact_per_day": 0},
        {},
        False,
        Check.DAILY_LIMIT,
        "limit of automatic replies per contact is 0",
    ),
]


@pytest.mark.parametrize(
    ("policy_changes", "candidate_changes", "send", "check", "words"),
    [row[1:] for row in ROWS],
    ids=[row[0] for row in ROWS],
)
def test_decide(
    policy_changes: dict[str, Any],
    candidate_changes: dict[str, Any],
    send: bool,
    check: Check,
    words: str,
) -> None:
    policy = replace(BASE_POLICY, **policy_changes)
    candidate = replace(BASE_CANDIDATE, **candidate_changes)

    decision = decide(policy, candidate)

    assert (decision.send, decision.rule) == (send, check.value), decision.reason
    assert words in decision.reason


def test_the_default_policy_is_off_and_allows_nothing() -> None:
    policy = AutoReplyPolicy()
    assert not policy.enabled and not policy.kill_switch
    assert policy.rules == ()
    assert policy.min_confidence == 0.85
    assert not policy.allow_vip and not policy.allow_urgent
    assert policy.max_per_contact_per_day == 2
    assert policy.business_hours.describe() == "Mon–Fri 08:00–17:00 Europe/Prague"
    assert decide(policy, BASE_CANDIDATE).reason == "Auto-reply is off"
    # switched on without any rule: still nothing goes out
    decision = decide(replace(policy, enabled=True), BASE_CANDIDATE)
    assert (decision.send, decision.rule) == (False, Check.CHANNEL_INTENT.value)


def test_the_first_refusal_in_check_order_is_the_one_given() -> None:
    """Start from a candidate every check refuses, then fix one check at a time: the check
    that decides must walk through CHECK_ORDER."""
    policy = AutoReplyPolicy(kill_switch=True, max_per_contact_per_day=1)
    candidate = replace(
        BASE_CANDIDATE,
        automated=True,
        human_replied_since=True,
        draft_being_edited=True,
        urgency=Urgency.CRISIS,
        contact_is_vip=True,
        intent=Intent.QUESTION,
        draft_language="de",
        confidence=0.5,
        local_time=prague(2025, 6, 8, 12),  # Sunday
        auto_replies_sent_to_contact_today=1,
    )
    fixes: list[tuple[dict[str, Any], dict[str, Any]]] = [
        ({"kill_switch": False}, {}),
        ({"enabled": True}, {}),
        ({}, {"automated": False}),
        ({}, {"human_replied_since": False}),
        ({}, {"draft_being_edited": False}),
        ({}, {"urgency": Urgency.NORMAL}),
        ({}, {"contact_is_vip": False}),
        ({"rules": (AutoReplyRule(Channel.EMAIL, Intent.QUESTION),)}, {}),
        ({}, {"draft_language": "cs"}),
        ({}, {"confidence": 0.99}),
        ({}, {"local_time": prague(2025, 6, 9, 12)}),
        ({}, {"auto_replies_sent_to_contact_today": 0}),
    ]
    seen = []
    for policy_fix, candidate_fix in fixes:
        decision = decide(policy, candidate)
        assert not decision.send
        seen.append(decision.rule)
        policy = replace(policy, **policy_fix)
        candidate = replace(candidate, **candidate_fix)

    assert seen == [check.value for check in CHECK_ORDER]
    assert decide(policy, candidate).send


def test_a_candidate_needs_an_aware_time_and_a_sane_confidence() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        replace(BASE_CANDIDATE, local_time=datetime(2025, 6, 2, 10))
    with pytest.raises(ValueError, match="between 0 and 1"):
        replace(BASE_CANDIDATE, confidence=1.2)


def test_hours_are_described_in_groups() -> None:
    hours = BusinessHours.from_dict(
        {
            "timezone": "Europe/Berlin",
            "days": {
                "mon": [["08:00", "12:00"], ["13:00", "17:00"]],
                "tue": [["08:00", "12:00"], ["13:00", "17:00"]],
                "sat": [["09:00", "24:00"]],
                "sun": [["00:00", "00:00"]],
            },
        }
    )
    assert hours.describe() == (
        "Mon–Tue 08:00–12:00 and 13:00–17:00, Sat 09:00–24:00, Sun 00:00–24:00 Europe/Berlin"
    )
    assert hours.is_open(datetime(2025, 6, 8, 3, tzinfo=ZoneInfo("Europe/Berlin")))  # all Sunday
    assert hours.is_open(datetime(2025, 6, 7, 23, 59, tzinfo=ZoneInfo("Europe/Berlin")))
    assert not hours.is_open(datetime(2025, 6, 2, 12, 30, tzinfo=ZoneInfo("Europe/Berlin")))
    closed = BusinessHours(days=((),) * 7)
    assert not closed.is_open(prague(2025, 6, 2, 10))
    assert "no business hours are set" in closed.describe()


# --- JSON round trip and errors ------------------------------------------------------------


def test_default_policy_round_trips_through_json() -> None:
    policy = AutoReplyPolicy()
    assert AutoReplyPolicy.from_dict(json.loads(json.dumps(policy.to_dict()))) == policy
    assert AutoReplyPolicy.from_dict({}) == policy


def test_a_full_policy_round_trips_through_json() -> None:
    policy = AutoReplyPolicy(
        enabled=True,
        kill_switch=True,
        rules=(
            AutoReplyRule(Channel.EMAIL, Intent.ORDER),
            AutoReplyRule(Channel.WHATSAPP, Intent.DELIVERY, min_confidence=0.9),
            AutoReplyRule(Channel.EMAIL, Intent.COMPLAINT, allow=False),
        ),
        min_confidence=0.8,
        allow_vip=True,
        allow_urgent=True,
        business_hours=BusinessHours(
            days=(
                (Period(time(8), time(12)), Period(time(13), time(17))),
                (),
                (),
                (),
                (Period(time(22), time(2)),),
                (Period(time(9), time(0)),),
                (),
            ),
            timezone="Europe/Vienna",
        ),
        max_per_contact_per_day=5,
    )
    text = json.dumps(policy.to_dict())
    assert AutoReplyPolicy.from_dict(json.loads(text)) == policy
    assert json.loads(text)["rules"][1] == {
        "channel": "whatsapp",
        "intent": "delivery",
        "allow": True,
        "min_confidence": 0.9,
    }


def test_with_rule_replaces_the_rule_for_the_same_pair() -> None:
    policy = BASE_POLICY.with_rule("email", "order", allow=False)
    assert policy.rules == (AutoReplyRule(Channel.EMAIL, Intent.ORDER, allow=False),)
    assert policy.threshold_for("email", "order") == 0.85
    assert (
        policy.with_rule("email", "order", min_confidence=0.7).threshold_for("email", "order")
        == 0.7
    )


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ([], "must be a table"),
        ({"enabeld": True}, "Unknown setting 'enabeld'"),
        ({"enabled": "yes"}, "enabled must be true or false"),
        ({"min_confidence": 1.5}, "Minimum confidence must be a number from 0 to 1"),
        ({"min_confidence": "0.9"}, "Minimum confidence must be a number from 0 to 1"),
        ({"max_per_contact_per_day": -1}, "daily limit per contact must be a whole number"),
        ({"max_per_contact_per_day": 1.5}, "daily limit per contact must be a whole number"),
        ({"rules": {"email": "order"}}, "rules must be a list"),
        (
            {"rules": [{"channel": "emial", "intent": "order"}]},
            "In the rule 1: Unknown channel 'emial'",
        ),
        ({"rules": [{"channel": "email", "intent": "orders"}]}, "Unknown intent 'orders'"),
        ({"rules": [{"channel": "email"}]}, "needs both a channel and an intent"),
        (
            {"rules": [{"channel": "email", "intent": "order", "allow": "ano"}]},
            "allow must be true or false",
        ),
        (
            {"rules": [{"channel": "email", "intent": "order", "min_confidence": 2}]},
            "rule 1 must be a number from 0 to 1",
        ),
        (
            {
                "rules": [
                    {"channel": "email", "intent": "order"},
                    {"channel": "email", "intent": "order"},
                ]
            },
            "two rules for email / order",
        ),
        ({"business_hours": {"timezone": "Europe/Prag"}}, "Unknown timezone 'Europe/Prag'"),
        ({"business_hours": {"days": {"monday": []}}}, "Unknown weekday 'monday'"),
        (
            {"business_hours": {"days": {"mon": [["25:00", "17:00"]]}}},
            "'25:00' is not a time of day",
        ),
        ({"business_hours": {"days": {"mon": [["8h", "17:00"]]}}}, "'8h' is not a time of day"),
        ({"business_hours": {"days": {"mon": [["08:00"]]}}}, "is not a pair [start, end]"),
        ({"business_hours": {"days": {"mon": "08:00-17:00"}}}, "must be a list of [start, end]"),
    ],
)
def test_bad_settings_are_refused_in_plain_words(data: Any, words: str) -> None:
    with pytest.raises(PolicyError) as caught:
        AutoReplyPolicy.from_dict(data)
    assert words in str(caught.value)
