"""Retention: which sets stay, in the user's time zone (Europe/Prague here, with its DST
changes), over 400 simulated days of backups with gaps, several sets a day, sets dated in the
future and damaged sets, pruning after every backup as the app does."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from gastro_hub_desktop.backup.errors import PolicyRefused
from gastro_hub_desktop.backup.retention import RetentionPolicy, plan

PRAGUE = ZoneInfo("Europe/Prague")


@dataclass(frozen=True)
class Problem:
    problem: str | None = None


@dataclass(frozen=True)
class FakeSet:
    """A set as retention sees it (name, time, verification): test data, not a stand-in."""

    name: str
    created_at: datetime
    verified: bool = True
    state: Problem = field(default_factory=Problem)


def at(text: str) -> FakeSet:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return FakeSet(text, moment)


def kept(sets: list[FakeSet], now: str, **policy: int) -> list[str]:
    moment = datetime.fromisoformat(now.replace("Z", "+00:00"))
    return plan(sets, moment, RetentionPolicy(**policy), PRAGUE).keep


# ---------------------------------------------------------------- table cases


@pytest.mark.parametrize(
    ("case", "sets", "now", "policy", "expected"),
    [
        (
            "spring DST night: local days, not UTC days",
            # 00:30 CET on 29 March is 28 March in UTC; 02:00 CET jumps to 03:00 CEST
            ["2026-03-28T23:30Z", "2026-03-29T00:59Z", "2026-03-29T01:00Z", "2026-03-29T22:30Z"],
            "2026-03-30T06:00Z",
            {"daily": 2, "weekly": 0, "monthly": 0},
            ["2026-03-29T22:30Z", "2026-03-29T01:00Z"],
        ),
        (
            "autumn DST night: 02:30 happens twice, one local day",
            ["2026-10-24T21:30Z", "2026-10-24T22:30Z", "2026-10-25T00:30Z", "2026-10-25T01:30Z"],
            "2026-10-25T12:00Z",
            {"daily": 2, "weekly": 0, "monthly": 0},
            ["2026-10-25T01:30Z", "2026-10-24T21:30Z"],
        ),
        (
            "ISO week ends on Sunday night local time",
            # Sunday 2026-03-08 23:30 CET and Monday 00:30 CET (still Sunday in UTC)
            ["2026-03-08T21:00Z", "2026-03-08T22:30Z", "2026-03-08T23:30Z"],
            "2026-03-09T08:00Z",
            {"daily": 0, "weekly": 2, "monthly": 0},
            ["2026-03-08T23:30Z", "2026-03-08T22:30Z"],
        ),
        (
            "a month starts at local midnight",
            # 1 April 00:30 CEST is 31 March in UTC
            ["2026-03-31T20:00Z", "2026-03-31T21:30Z", "2026-03-31T22:30Z"],
            "2026-04-01T10:00Z",
            {"daily": 0, "weekly": 0, "monthly": 2},
            ["2026-03-31T22:30Z", "2026-03-31T21:30Z"],
        ),
        (
            "gaps: the last 3 days that have sets, however far apart",
            ["2026-01-01T10:00Z", "2026-01-20T10:00Z", "2026-02-15T10:00Z", "2026-02-16T10:00Z"],
            "2026-03-01T10:00Z",
            {"daily": 3, "weekly": 0, "monthly": 0},
            ["2026-02-16T10:00Z", "2026-02-15T10:00Z", "2026-01-20T10:00Z"],
        ),
        (
            "several a day: the newest of each day",
            [
                "2026-05-01T04:00Z",
                "2026-05-01T10:00Z",
                "2026-05-01T16:00Z",
                "2026-05-02T04:00Z",
                "2026-05-02T10:00Z",
            ],
            "2026-05-02T12:00Z",
            {"daily": 2, "weekly": 0, "monthly": 0},
            ["2026-05-02T10:00Z", "2026-05-01T16:00Z"],
        ),
        (
            "future-dated sets are kept and not counted",
            ["2026-06-01T10:00Z", "2026-06-02T10:00Z", "2027-01-01T10:00Z"],
            "2026-06-02T12:00Z",
            {"daily": 1, "weekly": 0, "monthly": 0},
            ["2027-01-01T10:00Z", "2026-06-02T10:00Z"],
        ),
        (
            "one set can satisfy daily, weekly and monthly at once",
            ["2026-07-01T10:00Z", "2026-07-02T10:00Z"],
            "2026-07-02T12:00Z",
            {"daily": 1, "weekly": 1, "monthly": 1},
            ["2026-07-02T10:00Z"],
        ),
    ],
)
def test_table(case: str, sets: list[str], now: str, policy: dict[str, int],
               expected: list[str]) -> None:  # fmt: skip
    assert kept([at(s) for s in sets], now, **policy) == expected, case


def test_reasons_are_given_for_every_set() -> None:
    sets = [at("2026-05-01T10:00Z"), at("2026-05-02T10:00Z"), at("2026-05-02T11:00Z")]
    result = plan(sets, datetime(2026, 5, 3, tzinfo=UTC), RetentionPolicy(1, 0, 0), PRAGUE)
    assert result.reasons["2026-05-02T11:00Z"].startswith("newest verified set; daily, 2026-05-02")
    assert "not needed by the policy (1 daily, 0 weekly, 0 monthly)" in result.reasons[
        "2026-05-02T10:00Z"]  # fmt: skip
    assert set(result.reasons) == {s.name for s in sets}
    assert result.prune == ["2026-05-02T10:00Z", "2026-05-01T10:00Z"]
    assert any(line.startswith("prune 2026-05-01T10:00Z") for line in result.describe())


@pytest.mark.parametrize("policy", [RetentionPolicy(0, 0, 0), RetentionPolicy(-1, 4, 12)])
def test_a_policy_that_keeps_nothing_is_refused(policy: RetentionPolicy) -> None:
    with pytest.raises(PolicyRefused, match="keep"):
        plan([at("2026-05-01T10:00Z")], datetime(2026, 5, 2, tzinfo=UTC), policy, PRAGUE)


def test_the_newest_verified_set_is_never_pruned() -> None:
    damaged = FakeSet("2026-05-03T10:00Z", datetime(2026, 5, 3, 10, tzinfo=UTC), False,
                      Problem("manifest.json is damaged"))  # fmt: skip
    unverified = FakeSet("2026-05-04T10:00Z", datetime(2026, 5, 4, 10, tzinfo=UTC), False)
    old_good = at("2026-01-01T10:00Z")
    result = plan([damaged, unverified, old_good], datetime(2026, 5, 5, tzinfo=UTC),
                  RetentionPolicy(1, 0, 0), PRAGUE)  # fmt: skip
    # the only verified set is months old and no rule would keep it: it still stays
    assert old_good.name in result.keep
    assert result.reasons[old_good.name].startswith("newest verified set")
    assert unverified.name in result.keep  # kept until verified
    assert result.prune == [damaged.name]
    assert result.reasons[damaged.name] == "damaged: manifest.json is damaged"


# ---------------------------------------------------------------- 400 days


def _newest_per_bucket(sets: list[FakeSet], key, count: int) -> set[str]:  # type: ignore[no-untyped-def]
    newest: dict[object, FakeSet] = {}
    for s in sets:
        bucket = key(s.created_at.astimezone(PRAGUE))
        if bucket not in newest or s.created_at > newest[bucket].created_at:
            newest[bucket] = s
    latest = sorted(newest, key=lambda b: newest[b].created_at, reverse=True)[:count]
    return {newest[b].name for b in latest}


def test_400_days_of_backups_pruned_after_each_one() -> None:
    rng = random.Random(20261104)
    policy = RetentionPolicy()  # 7 daily, 4 weekly, 12 monthly
    start = datetime(2025, 9, 1, tzinfo=PRAGUE)  # three DST changes in the run
    gaps = set(range(100, 114)) | set(range(250, 281)) | {7, 8, 9}
    existing: list[FakeSet] = []
    ever: list[FakeSet] = []  # every good set made, pruned or not
    counter = 0
    for day in range(400):
        if day in gaps:
            continue
        local_day = start + timedelta(days=day)
        times = sorted(rng.sample(range(0, 24 * 60), rng.choice([1, 1, 2, 4])))
        if day % 30 == 3:
            times = sorted({*times, 23 * 60 + 59, 0})  # both ends of the local day
        for minute in times:
            local = datetime.combine(local_day.date(), datetime.min.time(), PRAGUE) + timedelta(
                minutes=minute
            )  # wall clock: datetime arithmetic on aware values keeps the wall time
            created = local.astimezone(UTC)
            counter += 1
            damaged = rng.random() < 0.03
            new = FakeSet(f"set-{counter:05d}", created, not damaged,
                          Problem("archive damaged" if damaged else None))  # fmt: skip
            existing.append(new)
            if not damaged:
                ever.append(new)
            future = None
            if day in (60, 61, 300):  # a PC whose clock ran ahead made a set "next week"
                future = FakeSet(f"future-{counter:05d}", created + timedelta(days=9))
                existing.append(future)
                ever.append(future)
            now = created
            result = plan(existing, now, policy, PRAGUE)
            keep = set(result.keep)
            assert not keep & set(result.prune)
            assert keep | set(result.prune) == {s.name for s in existing}
            present = [s for s in ever if s.created_at <= now + timedelta(minutes=5)]
            newest_verified = max(present, key=lambda s: s.created_at)
            assert newest_verified.name in keep, f"day {day}: newest verified pruned"
            for key, count in ((lambda t: t.date(), 7),
                               (lambda t: t.isocalendar()[:2], 4),
                               (lambda t: (t.year, t.month), 12)):  # fmt: skip
                missing = _newest_per_bucket(present, key, count) - keep
                assert not missing, f"day {day}: {missing} pruned too early"
            for s in existing:
                if s.created_at > now + timedelta(minutes=5):
                    assert s.name in keep and "future" in result.reasons[s.name]
                if s.state.problem:
                    assert s.name in result.prune
            counted = [n for n in keep if not n.startswith("future")]
            assert len(counted) <= 7 + 4 + 12
            existing = [s for s in existing if s.name in keep]
    survivors = sorted(s.created_at.astimezone(PRAGUE).date() for s in existing
                       if s.name.startswith("set"))  # fmt: skip
    # at the end: about a year of monthly sets, a month of weekly ones and a week of daily ones
    assert survivors[0] < (start + timedelta(days=400 - 300)).date()
    assert 12 <= len(survivors) <= 23
