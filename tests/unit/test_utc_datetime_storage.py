"""UTCDateTime writes SQLite timestamps in one step: exactly the text the generic chain
(aware → UTC → naive → SQLAlchemy's DATETIME) writes, and it refuses naive datetimes."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine
from sqlalchemy.types import TypeDecorator

from gastro_hub_desktop.store.schema import UTCDateTime


class _Generic(UTCDateTime):
    bind_processor = TypeDecorator.bind_processor  # the chain UTCDateTime shortcuts


def test_sqlite_text_is_the_generic_chains() -> None:
    dialect = create_engine("sqlite://").dialect
    fast = UTCDateTime()._cached_bind_processor(dialect)
    generic = _Generic()._cached_bind_processor(dialect)
    assert fast is not None and generic is not None
    zones = [
        UTC,
        timezone(timedelta(0)),
        timezone(timedelta(hours=1)),
        timezone(-timedelta(hours=5, minutes=30)),
        ZoneInfo("Europe/Prague"),
        ZoneInfo("America/New_York"),
    ]
    rng = random.Random(7)
    for _ in range(5000):
        value = datetime(
            rng.randint(2, 9998), rng.randint(1, 12), rng.randint(1, 28),
            rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
            rng.choice([0, rng.randint(0, 999_999)]), tzinfo=rng.choice(zones),
        )  # fmt: skip
        assert fast(value) == generic(value), value
    assert fast(None) is None
    with pytest.raises(ValueError, match="naive"):
        fast(datetime(2026, 11, 24, 10, 0))
