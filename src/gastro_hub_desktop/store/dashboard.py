"""The dashboard's figures, all counted from the database: unread conversations per channel
split VIP / urgent / normal, and per day over the last 7 or 30 days the customer messages per
channel, the median time to the team's reply and the share of AI drafts sent unchanged."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, select

from gastro_hub_desktop.domain.conversations import InboxFilter, StatusFilter
from gastro_hub_desktop.domain.messages import Direction
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.schema import Contact, Conversation, Draft, Message, utcnow

_c = Conversation.__table__
_m = Message.__table__
_d = Draft.__table__
_contacts = Contact.__table__
ZONE = ZoneInfo("Europe/Prague")


@dataclass(frozen=True)
class UnreadSplit:
    vip: int = 0
    urgent: int = 0  # crisis or urgent, not VIP
    normal: int = 0

    @property
    def total(self) -> int:
        return self.vip + self.urgent + self.normal


@dataclass(frozen=True)
class DayFigures:
    day: str  # ISO date, local
    messages: dict[str, int]  # channel → customer messages
    median_reply_minutes: float | None
    acceptance: float | None  # AI drafts sent unchanged / decided


def unread_by_channel(store: Store, now: datetime | None = None) -> dict[str, UnreadSplit]:
    """Open conversations with unread messages per channel; a VIP's counts as VIP, else a
    crisis or urgent one as urgent, else normal."""
    where = store._inbox_where(InboxFilter(status=StatusFilter.OPEN), now or utcnow())
    urgent = _c.c.urgency_rank.is_not(None) & (_c.c.urgency_rank <= 1)
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(_c.c.channel, _contacts.c.is_vip, urgent.label("pressing"), func.count())
            .join(_contacts, _contacts.c.id == _c.c.contact_id)
            .where(and_(*where), _c.c.unread > 0)
            .group_by(_c.c.channel, _contacts.c.is_vip, "pressing")
        ).all()
    split: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for channel, vip, pressing, n in rows:
        split[channel][0 if vip else 1 if pressing else 2] += n
    return {ch: UnreadSplit(*v) for ch, v in sorted(split.items())}


def daily_figures(store: Store, days: int = 7, zone: tzinfo = ZONE) -> list[DayFigures]:
    """Per local day, oldest first, for the last `days` days (today included)."""
    now = utcnow()
    today = now.astimezone(zone).date()
    first = today - timedelta(days=days - 1)
    since = datetime(first.year, first.month, first.day, tzinfo=zone)
    messages: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    waits: dict[str, list[float]] = defaultdict(list)
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(_m.c.conversation_id, _m.c.direction, _m.c.sent_at, _c.c.channel)
            .join(_c, _c.c.id == _m.c.conversation_id)
            .where(_m.c.sent_at >= since, _m.c.automated.is_(False))
            .order_by(_m.c.conversation_id, _m.c.sent_at)
        ).all()
        decided = conn.execute(
            select(_d.c.decided_at, _d.c.outcome).where(
                _d.c.decided_at >= since, _d.c.outcome.in_(("approved", "edited", "rejected"))
            )
        ).all()
    waiting_since: dict[int, datetime] = {}
    for r in rows:
        day = r.sent_at.astimezone(zone).date().isoformat()
        if r.direction == Direction.INBOUND.value:
            messages[day][r.channel] += 1
            waiting_since.setdefault(r.conversation_id, r.sent_at)
        elif r.conversation_id in waiting_since:
            asked = waiting_since.pop(r.conversation_id)
            waits[asked.astimezone(zone).date().isoformat()].append(
                (r.sent_at - asked).total_seconds() / 60
            )
    accepted: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for decided_at, outcome in decided:
        day = decided_at.astimezone(zone).date().isoformat()
        accepted[day][1] += 1
        accepted[day][0] += outcome == "approved"
    out = []
    for n in range(days):
        day = (first + timedelta(days=n)).isoformat()
        a, total = accepted.get(day, (0, 0))
        out.append(
            DayFigures(
                day,
                dict(messages.get(day, {})),
                statistics.median(waits[day]) if waits.get(day) else None,
                a / total if total else None,
            )
        )
    return out
