"""Meta's messaging rules for page conversations: a free reply within 24 hours, HUMAN_AGENT up
to 7 days only with that permission, nothing after 7 days or before the customer wrote."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from gastro_hub_desktop.channels.meta_pages.window import describe, may_reply

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def test_inside_24_hours_a_free_reply() -> None:
    p = may_reply(NOW - timedelta(hours=23, minutes=59), NOW, human_agent=False)
    assert p.allowed and (p.messaging_type, p.tag) == ("RESPONSE", None)
    assert "another 0 h 01 min" in describe(NOW - timedelta(hours=23, minutes=59), NOW, False)


def test_between_24_hours_and_7_days_only_with_the_human_agent_permission() -> None:
    last = NOW - timedelta(hours=30)
    tagged = may_reply(last, NOW, human_agent=True)
    assert tagged.allowed and (tagged.messaging_type, tagged.tag) == ("MESSAGE_TAG", "HUMAN_AGENT")
    assert "HUMAN_AGENT" in describe(last, NOW, True)
    refused = may_reply(last, NOW, human_agent=False, where="Instagram")
    assert not refused.allowed and refused.refusal is not None
    assert "30 hours" in refused.refusal and "Human agent" in refused.refusal
    assert "Instagram" in refused.refusal


def test_after_7_days_refused_even_with_the_permission() -> None:
    refused = may_reply(NOW - timedelta(days=7, seconds=1), NOW, human_agent=True)
    assert not refused.allowed and refused.refusal is not None
    assert "7 days" in refused.refusal and "nothing was sent" in refused.refusal


def test_a_customer_who_never_wrote_cannot_be_messaged() -> None:
    refused = may_reply(None, NOW, human_agent=True)
    assert refused.refusal is not None and "wrote first" in refused.refusal
