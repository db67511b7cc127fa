"""Scheduled social posts: compose once, publish to each chosen page at its time, exactly once,
and say why a page failed (plain words) so it can be retried.

APScheduler 3 runs the jobs (a BackgroundScheduler, one date job per post, misfire grace
unlimited so a post due while the app was closed goes out at the next start), but its job store
is the in-memory one, rebuilt from the social_posts table at start and every minute after. Not
the SQLAlchemyJobStore on the app's database, because:
- it creates its own table outside the Alembic migrations (the schema test would see a table no
  model describes, and backups would carry pickled Python objects);
- with several PCs sharing one PostgreSQL database, every PC's scheduler would run the same
  stored job: exactly-once has to come from the database anyway (a page is claimed with a
  conditional update before its request leaves), so the table is the one truth and a pickled
  copy of it could only disagree.

A page left "publishing" (the app died mid-request, or the answer was lost) is reconciled after
`stale_after`: the provider's own list of posts is searched for it (text and time) before it is
ever published again."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.date import DateTrigger

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.social.instagram import NO_IMAGE
from gastro_hub_desktop.channels.social.linkedin_errors import DuplicatePost
from gastro_hub_desktop.channels.social.settings import TargetKind
from gastro_hub_desktop.channels.social.types import PostContent, Publisher
from gastro_hub_desktop.engine import failpoints
from gastro_hub_desktop.engine.events import EngineEvent, EventBus
from gastro_hub_desktop.engine.social_accounts import SocialAccounts
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.social_posts import (
    SocialPosts,
    SocialPostView,
    TargetOutcome,
    TargetState,
)

log = logging.getLogger(__name__)

SWEEP_SECONDS = 60.0
STALE_AFTER = timedelta(minutes=5)  # longer than any publish request may take
MAX_ATTEMPTS = 5
FAILPOINT = "after-social-publish"


@dataclass(frozen=True)
class SocialPostChanged(EngineEvent):
    """A post's state at one of its pages changed (or the post was composed/retried)."""

    post_id: int


class SocialScheduler:
    def __init__(
        self,
        store: Store,
        accounts: SocialAccounts,
        events: EventBus,
        *,
        stale_after: timedelta = STALE_AFTER,
        sweep_seconds: float = SWEEP_SECONDS,
    ) -> None:
        self.posts = SocialPosts(store)
        self.accounts = accounts
        self.events = events
        self._stale_after = stale_after
        self._sweep_seconds = sweep_seconds
        self._scheduler: BackgroundScheduler | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Start the scheduler and plan every post still waiting (due ones go out at once)."""
        scheduler = BackgroundScheduler(
            timezone=UTC,
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )
        scheduler.start()
        self._scheduler = scheduler
        scheduler.add_job(self.sweep, "interval", seconds=self._sweep_seconds, id="social-sweep")
        self.sweep()

    def stop(self) -> None:
        """Stop planning; a publish in progress is finished first."""
        scheduler, self._scheduler = self._scheduler, None
        if scheduler is not None:
            scheduler.shutdown(wait=True)

    def sweep(self) -> None:
        """Plan every waiting post: new ones from another PC, retries, reconciliations."""
        for post_id, at in self.posts.waiting():
            self._plan(post_id, at)

    # ------------------------------------------------------------ what the UI asks

    def compose(
        self,
        text: str,
        targets: Sequence[str],
        at: datetime | None = None,
        link: str | None = None,
        image: str | None = None,
    ) -> SocialPostView:
        """Keep a post for these pages (account keys) at `at` (None: now) and plan it.
        ValueError in plain words when it cannot go out as composed; nothing is kept then."""
        kinds = {key: self.accounts.settings_of(key).kind for key in targets}
        if TargetKind.INSTAGRAM in kinds.values() and not (image or "").strip():
            raise ValueError(NO_IMAGE)
        if link and not link.strip().lower().startswith(("https://", "http://")):
            raise ValueError("The link must be a web address starting with https://.")
        post = self.posts.create(text, targets, at or datetime.now(UTC), link, image)
        self._plan(post.id, post.scheduled_at)
        self.events.publish(SocialPostChanged(post.id))
        return post

    def retry(self, post_id: int, targets: Sequence[str] | None = None) -> SocialPostView:
        """Failed pages of a post (all, or those named) are published again (now, if the
        post's time has passed)."""
        post = self.posts.retry(post_id, targets)
        self._plan(post.id, post.scheduled_at)
        self.events.publish(SocialPostChanged(post.id))
        return post

    def reschedule(self, post_id: int, at: datetime) -> SocialPostView:
        post = self.posts.reschedule(post_id, at)
        self._plan(post.id, post.scheduled_at)
        self.events.publish(SocialPostChanged(post.id))
        return post

    def cancel(self, post_id: int) -> SocialPostView:
        post = self.posts.cancel(post_id)
        self.events.publish(SocialPostChanged(post.id))
        return post

    def list_posts(self, limit: int = 200) -> list[SocialPostView]:
        return self.posts.posts(limit)

    # ------------------------------------------------------------ publishing

    def publish_post(self, post_id: int) -> SocialPostView:
        """Publish every page of the post that is due, and reconcile stale ones. Safe to run
        in several threads or processes at once: each page is claimed before it is sent."""
        post = self.posts.get(post_id)
        now = datetime.now(UTC)
        for target in post.targets:
            if target.state is TargetState.SCHEDULED and post.scheduled_at <= now:
                since = self.posts.claim(post.id, target.target_key)
                if since is not None:
                    self._publish(post, target.target_key, since, reconciling=False)
            elif (
                target.state is TargetState.PUBLISHING
                and target.publishing_since is not None
                and now - target.publishing_since >= self._stale_after
            ):
                self._reconcile(post, target)
        return self.posts.get(post_id)

    def _reconcile(self, post: SocialPostView, target: TargetOutcome) -> None:
        assert target.publishing_since is not None
        key = target.target_key
        since = self.posts.reclaim(post.id, key, target.publishing_since)
        if since is None:
            return  # another thread or PC took it
        try:
            publisher = self.accounts.publisher(key)
        except ChannelProblem as problem:
            self._failed(post.id, key, str(problem), maybe_out=True)
            return
        try:
            found = publisher.find(_content(post), target.publishing_since)
        except ChannelProblem as problem:
            publisher.close()
            if problem.retry and target.attempts < MAX_ATTEMPTS:
                self.posts.note(post.id, key, f"Checking whether it was published: {problem}")
                self.events.publish(SocialPostChanged(post.id))
            else:
                self._failed(post.id, key, str(problem), maybe_out=True)
            return
        if found is not None:
            publisher.close()
            log.info("post %s was already on %s as %s", post.id, key, found.provider_post_id)
            self.posts.mark_published(post.id, key, found.provider_post_id, found.url)
            self.events.publish(SocialPostChanged(post.id))
            return
        if target.attempts >= MAX_ATTEMPTS:
            publisher.close()
            self._failed(post.id, key, f"Gave up after {target.attempts} tries.")
            return
        self._publish(post, key, since, reconciling=True, publisher=publisher)

    def _publish(
        self,
        post: SocialPostView,
        key: str,
        since: datetime,
        *,
        reconciling: bool,
        publisher: Publisher | None = None,
    ) -> None:
        try:
            if publisher is None:
                publisher = self.accounts.publisher(key)
            published = publisher.publish(_content(post))
            failpoints.reach(FAILPOINT)
        except DuplicatePost as duplicate:
            if reconciling and duplicate.existing:
                self.posts.mark_published(post.id, key, duplicate.existing, None)
            else:
                self._failed(post.id, key, str(duplicate))
            return
        except ChannelProblem as problem:
            if problem.retry:
                # the request may have reached the provider: checked before any new attempt
                self.posts.note(post.id, key, f"{problem}")
                log.info("post %s to %s will be checked and retried: %s", post.id, key, problem)
                self.events.publish(SocialPostChanged(post.id))
            else:
                self._failed(post.id, key, str(problem))
            return
        except Exception as exc:  # a bug must not leave the user without an answer
            log.exception("publishing post %s to %s failed", post.id, key)
            self._failed(post.id, key, f"Unexpected error ({type(exc).__name__}).")
            return
        finally:
            if publisher is not None:
                publisher.close()
        log.info("post %s published on %s as %s", post.id, key, published.provider_post_id)
        self.posts.mark_published(post.id, key, published.provider_post_id, published.url)
        self.events.publish(SocialPostChanged(post.id))

    def _failed(self, post_id: int, key: str, reason: str, maybe_out: bool = False) -> None:
        if maybe_out:
            reason += " It may have been published already: check the page before retrying."
        self.posts.mark_failed(post_id, key, reason)
        self.events.publish(SocialPostChanged(post_id))

    def _plan(self, post_id: int, at: datetime) -> None:
        with self._lock:
            scheduler = self._scheduler
            if scheduler is None:
                return
            scheduler.add_job(
                self.publish_post,
                DateTrigger(run_date=at, timezone=UTC),
                args=(post_id,),
                id=f"social-post-{post_id}",
                replace_existing=True,
            )


def _content(post: SocialPostView) -> PostContent:
    return PostContent(post.text, post.link, post.image)
