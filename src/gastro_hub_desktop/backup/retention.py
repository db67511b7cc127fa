"""Which sets to keep: the newest verified set of each of the last N days, ISO weeks and months
that have one (7/4/12), in the user's zoneinfo time zone (DST safe); `plan()` gives the reasons
before anything goes, never prunes the newest verified set and refuses an empty policy."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

from gastro_hub_desktop.backup.errors import PolicyRefused

FUTURE_TOLERANCE = timedelta(minutes=5)  # clocks of two PCs sharing a folder may differ a bit


class RetainedSet(Protocol):
    """What retention needs of a set."""

    @property
    def name(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def verified(self) -> bool: ...


@dataclass(frozen=True)
class RetentionPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    def check(self) -> None:
        counts = (self.daily, self.weekly, self.monthly)
        if any(n < 0 for n in counts):
            raise PolicyRefused("A retention policy cannot keep a negative number of sets.")
        if not any(counts):
            raise PolicyRefused(
                "This retention policy keeps no daily, weekly or monthly sets, so every backup "
                "but the newest would be deleted. Keep at least one (e.g. 7 daily)."
            )

    def describe(self) -> str:
        return f"{self.daily} daily, {self.weekly} weekly, {self.monthly} monthly"


@dataclass(frozen=True)
class RetentionPlan:
    """Names to keep and to prune (newest first) and, for every set, the reason."""

    keep: list[str]
    prune: list[str]
    reasons: dict[str, str] = field(default_factory=dict)

    def describe(self) -> list[str]:
        return [f"{'keep ' if n in self.keep else 'prune'} {n}: {self.reasons[n]}"
                for n in sorted(self.reasons, reverse=True)]  # fmt: skip


def local_zone() -> tzinfo:
    """The user's time zone as a zoneinfo zone (DST rules included)."""
    try:
        import tzlocal

        zone = tzlocal.get_localzone()
        if isinstance(zone, ZoneInfo):
            return zone
        return ZoneInfo(str(zone))
    except Exception:
        return ZoneInfo("UTC")


def _day(moment: datetime) -> Hashable:
    return moment.date()


def _week(moment: datetime) -> Hashable:
    year, week, _ = moment.isocalendar()
    return (year, week)


def _month(moment: datetime) -> Hashable:
    return (moment.year, moment.month)


def _label(rule: str, moment: datetime) -> str:
    if rule == "daily":
        return f"daily, {moment:%Y-%m-%d}"
    if rule == "weekly":
        year, week, _ = moment.isocalendar()
        return f"weekly, {year}-W{week:02d}"
    return f"monthly, {moment:%Y-%m}"


def plan(
    sets: Sequence[RetainedSet],
    now: datetime,
    policy: RetentionPolicy | None = None,
    zone: tzinfo | None = None,
) -> RetentionPlan:
    """What `policy` keeps of `sets` at `now`. Sets dated in the future (a clock put right) are
    kept and not counted; damaged sets go; unverified ones are kept until verified."""
    policy = policy or RetentionPolicy()
    policy.check()
    zone = zone or local_zone()
    ordered = sorted(sets, key=lambda s: (s.created_at, s.name), reverse=True)
    reasons: dict[str, list[str]] = {s.name: [] for s in ordered}
    prune_reason: dict[str, str] = {}
    counted = []
    for s in ordered:
        if s.created_at > now + FUTURE_TOLERANCE:
            reasons[s.name].append("dated in the future (clock changed?): kept, not counted")
        elif getattr(getattr(s, "state", None), "problem", None):
            prune_reason[s.name] = "damaged: " + str(s.state.problem)  # type: ignore[attr-defined]
        elif not s.verified:
            reasons[s.name].append("not verified yet: kept until it is")
        else:
            counted.append(s)
    newest_verified = next((s for s in ordered if s.verified), None)
    if newest_verified is not None:
        reasons[newest_verified.name].insert(0, "newest verified set")
    rules: list[tuple[str, int, Callable[[datetime], Hashable]]] = [
        ("daily", policy.daily, _day),
        ("weekly", policy.weekly, _week),
        ("monthly", policy.monthly, _month),
    ]
    for rule, wanted, period_of in rules:
        seen: set[Hashable] = set()
        for s in counted:
            if len(seen) >= wanted:
                break
            local = s.created_at.astimezone(zone)
            period = period_of(local)
            if period not in seen:
                seen.add(period)
                reasons[s.name].append(_label(rule, local))
    keep = [s.name for s in ordered if reasons[s.name] and s.name not in prune_reason]
    prune = [s.name for s in ordered if s.name not in keep]
    final = {name: "; ".join(why) for name, why in reasons.items() if name in keep}
    for name in prune:
        final[name] = prune_reason.get(name, f"not needed by the policy ({policy.describe()})")
    return RetentionPlan(keep, prune, final)
