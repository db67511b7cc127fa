"""Social posts in the database: compose once for several pages, then each page's state moves
scheduled → publishing → published / failed. A page is claimed ("publishing") in a committed
transaction before its request leaves, and only by one process (a conditional update), so a
crash leaves it to be reconciled with the provider, never published twice."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, insert, select, update

from gastro_hub_desktop.store.repository import NotFound, Store
from gastro_hub_desktop.store.schema import SocialPost, SocialPostTarget, utcnow

_posts = SocialPost.__table__
_targets = SocialPostTarget.__table__

MAX_TEXT = 63206  # Facebook's limit is the largest; each publisher checks its own


class TargetState(enum.StrEnum):
    SCHEDULED = "scheduled"
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    FAILED = "failed"


@dataclass(frozen=True)
class TargetOutcome:
    """Where a post stands at one page."""

    target_key: str
    state: TargetState
    provider_post_id: str | None
    url: str | None
    reason: str | None  # why it failed, in plain words
    attempts: int
    publishing_since: datetime | None
    updated_at: datetime


@dataclass(frozen=True)
class SocialPostView:
    id: int
    text: str
    link: str | None
    image: str | None
    scheduled_at: datetime
    created_at: datetime
    targets: tuple[TargetOutcome, ...]

    def target(self, key: str) -> TargetOutcome:
        for outcome in self.targets:
            if outcome.target_key == key:
                return outcome
        raise NotFound(f"post {self.id} does not go to {key}")


class SocialPosts:
    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------ compose

    def create(
        self,
        text: str,
        targets: Sequence[str],
        scheduled_at: datetime,
        link: str | None = None,
        image: str | None = None,
    ) -> SocialPostView:
        """Keep a new post for these pages (account keys) at `scheduled_at` (aware; a time in
        the past means "now"). Raises ValueError with words for the user."""
        text = text.strip()
        keys = list(dict.fromkeys(k.strip() for k in targets if k.strip()))
        if not text and not image:
            raise ValueError("The post is empty: write some text (or add a picture).")
        if len(text) > MAX_TEXT:
            raise ValueError(f"The post is {len(text)} characters long; at most {MAX_TEXT}.")
        if not keys:
            raise ValueError("Choose at least one page to publish on.")
        if scheduled_at.tzinfo is None:
            raise ValueError("The publishing time needs a time zone.")
        now = utcnow()
        with self.store._write() as conn:
            post_id = conn.execute(
                insert(_posts).returning(_posts.c.id),
                {
                    "text": text,
                    "link": (link or "").strip() or None,
                    "image": (image or "").strip() or None,
                    "targets": keys,
                    "scheduled_at": scheduled_at,
                    "created_at": now,
                },
            ).scalar_one()
            conn.execute(
                insert(_targets),
                [
                    {
                        "post_id": post_id,
                        "target_key": key,
                        "state": TargetState.SCHEDULED.value,
                        "attempts": 0,
                        "updated_at": now,
                    }
                    for key in keys
                ],
            )
            self.store._audit(conn, "user", "social_post.create", "social_post", post_id, None)
        return self.get(post_id)

    # ------------------------------------------------------------ read

    def get(self, post_id: int) -> SocialPostView:
        found = self._views(_posts.c.id == post_id)
        if not found:
            raise NotFound(f"social post {post_id} does not exist")
        return found[0]

    def posts(self, limit: int = 200) -> list[SocialPostView]:
        """The newest posts first (by publishing time)."""
        return self._views(None, limit)

    def waiting(self) -> list[tuple[int, datetime]]:
        """(post id, publishing time) of posts with a page still to publish or to reconcile."""
        t, p = _targets.c, _posts.c
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(p.id, p.scheduled_at)
                .where(
                    p.id.in_(
                        select(t.post_id).where(
                            t.state.in_((TargetState.SCHEDULED.value, TargetState.PUBLISHING.value))
                        )
                    )
                )
                .order_by(p.scheduled_at, p.id)
            ).all()
        return [(r.id, r.scheduled_at) for r in rows]

    def published_on(self, target_key: str, since: datetime) -> list[tuple[str, str]]:
        """(provider post id, text) of posts published on this page since then."""
        t, p = _targets.c, _posts.c
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(t.provider_post_id, p.text)
                .join(_posts, p.id == t.post_id)
                .where(
                    t.target_key == target_key,
                    t.state == TargetState.PUBLISHED.value,
                    t.updated_at >= since,
                )
            ).all()
        return [(r.provider_post_id, r.text) for r in rows if r.provider_post_id]

    # ------------------------------------------------------------ state changes

    def claim(self, post_id: int, target_key: str) -> datetime | None:
        """scheduled → publishing, committed before anything is sent. Returns the claim's time,
        or None when the page is not scheduled (another process or an earlier run has it)."""
        now = utcnow()
        with self.store._write() as conn:
            done = conn.execute(
                update(_targets)
                .where(
                    _targets.c.post_id == post_id,
                    _targets.c.target_key == target_key,
                    _targets.c.state == TargetState.SCHEDULED.value,
                )
                .values(
                    state=TargetState.PUBLISHING.value,
                    attempts=_targets.c.attempts + 1,
                    publishing_since=now,
                    reason=None,
                    updated_at=now,
                )
            ).rowcount
        return now if done == 1 else None

    def reclaim(self, post_id: int, target_key: str, since: datetime) -> datetime | None:
        """A page left "publishing" since `since` (a crash, or a request whose fate is unknown)
        is taken over for a check and maybe a new attempt; None when someone else took it."""
        now = utcnow()
        with self.store._write() as conn:
            done = conn.execute(
                update(_targets)
                .where(
                    _targets.c.post_id == post_id,
                    _targets.c.target_key == target_key,
                    _targets.c.state == TargetState.PUBLISHING.value,
                    _targets.c.publishing_since == since,
                )
                .values(attempts=_targets.c.attempts + 1, publishing_since=now, updated_at=now)
            ).rowcount
        return now if done == 1 else None

    def mark_published(
        self, post_id: int, target_key: str, provider_post_id: str, url: str | None
    ) -> None:
        self._finish(post_id, target_key, TargetState.PUBLISHED, provider_post_id, url, None)

    def mark_failed(self, post_id: int, target_key: str, reason: str) -> None:
        self._finish(post_id, target_key, TargetState.FAILED, None, None, reason)

    def note(self, post_id: int, target_key: str, reason: str) -> None:
        """Say why a page is still waiting (e.g. the provider is unreachable) without changing
        its state."""
        with self.store._write() as conn:
            conn.execute(
                update(_targets)
                .where(_targets.c.post_id == post_id, _targets.c.target_key == target_key)
                .values(reason=reason, updated_at=utcnow())
            )

    def retry(self, post_id: int, target_keys: Sequence[str] | None = None) -> SocialPostView:
        """Failed pages (all, or those named) back to scheduled; they go out at once when the
        post's time has passed."""
        where = [_targets.c.post_id == post_id, _targets.c.state == TargetState.FAILED.value]
        if target_keys is not None:
            where.append(_targets.c.target_key.in_(list(target_keys)))
        with self.store._write() as conn:
            self._require(conn, post_id)
            conn.execute(
                update(_targets)
                .where(and_(*where))
                .values(state=TargetState.SCHEDULED.value, updated_at=utcnow())
            )
            self.store._audit(conn, "user", "social_post.retry", "social_post", post_id, None)
        return self.get(post_id)

    def reschedule(self, post_id: int, scheduled_at: datetime) -> SocialPostView:
        """Move a post's time; only pages not yet published or being published are affected."""
        if scheduled_at.tzinfo is None:
            raise ValueError("The publishing time needs a time zone.")
        with self.store._write() as conn:
            self._require(conn, post_id)
            conn.execute(
                update(_posts).where(_posts.c.id == post_id).values(scheduled_at=scheduled_at)
            )
        return self.get(post_id)

    def cancel(self, post_id: int) -> SocialPostView:
        """Pages still only scheduled are marked failed ("cancelled"); the others stay."""
        with self.store._write() as conn:
            self._require(conn, post_id)
            conn.execute(
                update(_targets)
                .where(
                    _targets.c.post_id == post_id,
                    _targets.c.state == TargetState.SCHEDULED.value,
                )
                .values(
                    state=TargetState.FAILED.value,
                    reason="Cancelled before it was published.",
                    updated_at=utcnow(),
                )
            )
            self.store._audit(conn, "user", "social_post.cancel", "social_post", post_id, None)
        return self.get(post_id)

    # ------------------------------------------------------------ helpers

    def _finish(
        self,
        post_id: int,
        target_key: str,
        state: TargetState,
        provider_post_id: str | None,
        url: str | None,
        reason: str | None,
    ) -> None:
        with self.store._write() as conn:
            conn.execute(
                update(_targets)
                .where(_targets.c.post_id == post_id, _targets.c.target_key == target_key)
                .values(
                    state=state.value,
                    provider_post_id=provider_post_id,
                    url=url,
                    reason=reason,
                    updated_at=utcnow(),
                )
            )

    def _require(self, conn: Connection, post_id: int) -> None:
        if conn.execute(select(_posts.c.id).where(_posts.c.id == post_id)).first() is None:
            raise NotFound(f"social post {post_id} does not exist")

    def _views(self, where: object, limit: int | None = None) -> list[SocialPostView]:
        p, t = _posts.c, _targets.c
        query = select(_posts).order_by(p.scheduled_at.desc(), p.id.desc())
        if where is not None:
            query = query.where(where)  # type: ignore[arg-type]
        if limit is not None:
            query = query.limit(limit)
        with self.store.engine.connect() as conn:
            posts = conn.execute(query).all()
            ids = [r.id for r in posts]
            outcomes: dict[int, dict[str, TargetOutcome]] = {i: {} for i in ids}
            if ids:
                for r in conn.execute(select(_targets).where(t.post_id.in_(ids))):
                    outcomes[r.post_id][r.target_key] = TargetOutcome(
                        r.target_key,
                        TargetState(r.state),
                        r.provider_post_id,
                        r.url,
                        r.reason,
                        r.attempts,
                        r.publishing_since,
                        r.updated_at,
                    )
        views = []
        for r in posts:
            by_key = outcomes[r.id]
            ordered = [by_key[k] for k in r.targets if k in by_key]
            views.append(
                SocialPostView(
                    r.id, r.text, r.link, r.image, r.scheduled_at, r.created_at, tuple(ordered)
                )
            )
        return views
