"""Social posting end to end against loopback stand-ins of Meta's Graph API and LinkedIn's Posts
API, with a real keyring and a real database: pages connected (tested for real, tokens to the
keyring), a post published to all three at once, a scheduled post kept across a restart and
published once, a publish cut off by kill -9 found again instead of repeated, failures in plain
words that can be retried, and Facebook comments arriving once as conversations."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tests.servers import wait_until
from tests.standins.social import (
    IG_USER_ID,
    LINKEDIN_TOKEN,
    ORG_ID,
    PAGE_ID,
    PAGE_TOKEN,
    SocialStandIn,
)

from gastro_hub_desktop.channels.base import ChannelProblem, HealthState
from gastro_hub_desktop.channels.social.settings import SocialTargetSettings, TargetKind
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.social_accounts import SocialAccounts
from gastro_hub_desktop.engine.social_scheduler import SocialScheduler
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.social_posts import SocialPosts, SocialPostView, TargetState

FB = f"social:facebook_page:{PAGE_ID}"
IG = f"social:instagram:{IG_USER_ID}"
LI = f"social:linkedin_org:{ORG_ID}"
ALL = (FB, IG, LI)


@pytest.fixture
def social() -> Iterator[SocialStandIn]:
    standin = SocialStandIn().start()
    yield standin
    standin.stop()


@pytest.fixture
def credentials(secret_service: dict[str, str]) -> Credentials:
    from keyring.backends.SecretService import Keyring

    return Credentials(Keyring())


def settings(social: SocialStandIn, kind: TargetKind, target_id: str) -> SocialTargetSettings:
    return SocialTargetSettings(
        kind=kind,
        target_id=target_id,
        graph_url=social.graph_url,
        linkedin_url=social.linkedin_url,
        poll_seconds=3600,
    )


def connect_all(accounts: SocialAccounts, social: SocialStandIn) -> list[str]:
    return [
        accounts.add(
            settings(social, TargetKind.FACEBOOK_PAGE, PAGE_ID), {"page_token": PAGE_TOKEN}
        ),
        accounts.add(
            settings(social, TargetKind.INSTAGRAM, IG_USER_ID), {"page_token": PAGE_TOKEN}
        ),
        accounts.add(
            settings(social, TargetKind.LINKEDIN_ORG, ORG_ID), {"access_token": LINKEDIN_TOKEN}
        ),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(f"sqlite:///{tmp_path / 'social.sqlite3'}")
    yield opened
    opened.close()


@pytest.fixture
def accounts(
    store: Store, credentials: Credentials, social: SocialStandIn
) -> Iterator[SocialAccounts]:
    kind = SocialAccounts(store, EventBus(), credentials)
    connect_all(kind, social)
    yield kind
    kind.stop()


def scheduler_for(accounts: SocialAccounts, **options: object) -> SocialScheduler:
    scheduler = SocialScheduler(accounts.store, accounts, accounts.events, **options)  # type: ignore[arg-type]
    scheduler.start()
    return scheduler


def settled(scheduler: SocialScheduler, post_id: int) -> SocialPostView:
    def done() -> bool:
        states = {t.state for t in scheduler.posts.get(post_id).targets}
        return states <= {TargetState.PUBLISHED, TargetState.FAILED}

    wait_until(done, 20, f"post {post_id} settled")
    return scheduler.posts.get(post_id)


# ------------------------------------------------------------------ connecting


def test_connecting_tests_each_page_for_real_and_keeps_tokens_in_the_keyring(
    database_url: str, credentials: Credentials, social: SocialStandIn
) -> None:
    store = Store.open(database_url)
    kind = SocialAccounts(store, EventBus(), credentials)
    try:
        summaries = connect_all(kind, social)
        assert summaries == [
            "Facebook Page OK: Gastro Praha s.r.o.",
            "Instagram account OK: @gastropraha",
            "LinkedIn page OK: Gastro Praha",
        ]
        assert credentials.get(f"{FB}:page_token") == PAGE_TOKEN
        assert credentials.get(f"{LI}:access_token") == LINKEDIN_TOKEN
        listed = {key: kind for key, _name, kind in kind.targets()}
        assert listed == {
            FB: TargetKind.FACEBOOK_PAGE,
            IG: TargetKind.INSTAGRAM,
            LI: TargetKind.LINKEDIN_ORG,
        }
        for _key, _name, data in store.accounts():
            assert PAGE_TOKEN not in str(data) and LINKEDIN_TOKEN not in str(data)
        wait_until(
            lambda: (
                all(h.state is HealthState.CONNECTED for h in kind.health().values())
                and len(kind.health()) == 3
            ),
            10,
            "pages connected",
        )
        with pytest.raises(ChannelProblem, match="expired"):
            kind.test(settings(social, TargetKind.FACEBOOK_PAGE, PAGE_ID), {"page_token": "x"})
        wrong_version = settings(social, TargetKind.LINKEDIN_ORG, ORG_ID)
        wrong_version.linkedin_version = "202301"
        with pytest.raises(ChannelProblem, match="no longer serves API version 202301"):
            kind.test(wrong_version, {"access_token": LINKEDIN_TOKEN})
        with pytest.raises(ChannelProblem, match="no such organisation"):
            kind.test(
                settings(social, TargetKind.LINKEDIN_ORG, "111"), {"access_token": LINKEDIN_TOKEN}
            )
        with pytest.raises(ValueError, match="not a valid ID for the Facebook Page"):
            kind.test(
                settings(social, TargetKind.FACEBOOK_PAGE, "gastro"), {"page_token": PAGE_TOKEN}
            )
        with pytest.raises(ChannelProblem, match="Enter the LinkedIn page's access token"):
            kind.test(settings(social, TargetKind.LINKEDIN_ORG, ORG_ID), {})
    finally:
        kind.stop()
        store.close()


# ------------------------------------------------------------------ publishing


def test_publish_now_to_facebook_instagram_and_linkedin(
    accounts: SocialAccounts, social: SocialStandIn
) -> None:
    scheduler = scheduler_for(accounts)
    try:
        image = f"{social.root}/images/kolace.jpg"
        post = scheduler.compose(
            "Nové konvektomaty Rational v showroomu (Praha 7) #gastro",
            ALL,
            link="https://gastro.example/konvektomaty",
            image=image,
        )
        done = settled(scheduler, post.id)
    finally:
        scheduler.stop()
    assert [t.state for t in done.targets] == [TargetState.PUBLISHED] * 3, done.targets
    [fb] = social.fb_posts
    assert fb["photo"] == image
    assert fb["message"].endswith("\n\nhttps://gastro.example/konvektomaty")
    assert done.target(FB).provider_post_id == fb["id"]
    assert done.target(FB).url == f"https://www.facebook.com/{fb['id']}"
    [ig] = social.ig_media
    assert ig["image_url"] == image and ig["caption"].startswith("Nové konvektomaty")
    assert done.target(IG).url == ig["permalink"]
    [li] = social.li_posts
    assert li["author"] == f"urn:li:organization:{ORG_ID}"
    assert li["commentary"].startswith(
        r"Nové konvektomaty Rational v showroomu \(Praha 7\) \#gastro"
    )
    assert li["content"]["media"]["id"].startswith("urn:li:image:")
    assert list(social.uploads.values()) == [b"\xff\xd8\xff\xe0fake-jpeg"]
    assert done.target(LI).provider_post_id == li["id"]
    assert done.target(LI).url == f"https://www.linkedin.com/feed/update/{li['id']}/"


def test_a_text_post_goes_to_the_facebook_feed_with_its_link(
    accounts: SocialAccounts, social: SocialStandIn
) -> None:
    scheduler = scheduler_for(accounts)
    try:
        post = scheduler.compose("Servis myček i o víkendu.", (FB, LI), link="https://g.example/s")
        done = settled(scheduler, post.id)
    finally:
        scheduler.stop()
    assert {t.state for t in done.targets} == {TargetState.PUBLISHED}
    [fb] = social.fb_posts
    assert fb["message"] == "Servis myček i o víkendu." and fb["link"] == "https://g.example/s"
    assert social.li_posts[0]["commentary"] == "Servis myček i o víkendu.\n\nhttps://g.example/s"
    assert "content" not in social.li_posts[0]


def test_a_scheduled_post_survives_a_restart_and_is_published_once(
    accounts: SocialAccounts, social: SocialStandIn, tmp_path: Path
) -> None:
    first = scheduler_for(accounts)
    at = datetime.now(UTC) + timedelta(seconds=2)
    post = first.compose("Degustace kávy ve čtvrtek.", (FB, LI), at=at)
    first.stop()  # the app closes before the post is due
    time.sleep(2.5)
    assert social.fb_posts == [] and social.li_posts == []
    # the app starts again (a new store on the same database): the missed post goes out
    store = Store.open(str(accounts.store.engine.url))
    again = SocialAccounts(store, EventBus(), accounts.secrets)
    second = scheduler_for(again)
    try:
        done = settled(second, post.id)
        assert {t.state for t in done.targets} == {TargetState.PUBLISHED}
        third = scheduler_for(again)  # another start, or another PC on the same database
        third.sweep()
        time.sleep(0.5)
        third.stop()
    finally:
        second.stop()
        store.close()
    assert len(social.fb_posts) == 1 and len(social.li_posts) == 1


def test_a_future_post_waits_for_its_time(accounts: SocialAccounts, social: SocialStandIn) -> None:
    scheduler = scheduler_for(accounts)
    try:
        at = datetime.now(UTC) + timedelta(seconds=1.5)
        post = scheduler.compose("Za chvíli.", (FB,), at=at)
        time.sleep(0.5)
        assert social.fb_posts == []
        assert scheduler.posts.get(post.id).target(FB).state is TargetState.SCHEDULED
        done = settled(scheduler, post.id)
    finally:
        scheduler.stop()
    assert done.target(FB).state is TargetState.PUBLISHED
    assert len(social.fb_posts) == 1


CRASHING_APP = """
import sys
from datetime import timedelta
from gastro_hub_desktop.credentials import Credentials
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.social_accounts import SocialAccounts
from gastro_hub_desktop.engine.social_scheduler import SocialScheduler
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.social_posts import TargetState
from keyring.backends.SecretService import Keyring
import time

store = Store.open(sys.argv[1])
accounts = SocialAccounts(store, EventBus(), Credentials(Keyring()))
scheduler = SocialScheduler(store, accounts, accounts.events, stale_after=timedelta(0))
scheduler.start()
deadline = time.time() + 30
while time.time() < deadline:
    states = {t.state for t in scheduler.posts.get(int(sys.argv[2])).targets}
    if states <= {TargetState.PUBLISHED, TargetState.FAILED}:
        break
    time.sleep(0.1)
print(sorted(states), flush=True)
scheduler.stop()
"""


def test_a_publish_cut_off_by_kill_9_is_found_again_not_repeated(
    accounts: SocialAccounts, social: SocialStandIn, tmp_path: Path
) -> None:
    posts = SocialPosts(accounts.store)
    post = posts.create(
        "Akce: 10 % na fritézy do neděle.",
        ALL,
        datetime.now(UTC),
        image=f"{social.root}/images/friteza.jpg",
    )
    script = tmp_path / "app.py"
    script.write_text(CRASHING_APP)
    args = [sys.executable, str(script), str(accounts.store.engine.url), str(post.id)]
    for crash in range(3):  # each run dies right after one page's publish request
        env = {**os.environ, "GASTRO_HUB_FAILPOINT": "after-social-publish"}
        crashed = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
        assert crashed.returncode == -9, crashed.stderr[-2000:]
        published = len(social.fb_posts) + len(social.ig_media) + len(social.li_posts)
        assert published == crash + 1
    states = {t.target_key: t.state for t in posts.get(post.id).targets}
    assert TargetState.PUBLISHING in states.values()
    again = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr[-2000:]
    done = posts.get(post.id)
    assert {t.state for t in done.targets} == {TargetState.PUBLISHED}, done.targets
    assert (len(social.fb_posts), len(social.ig_media), len(social.li_posts)) == (1, 1, 1)
    assert done.target(FB).provider_post_id == social.fb_posts[0]["id"]
    assert done.target(IG).provider_post_id == social.ig_media[0]["id"]
    assert done.target(LI).provider_post_id == social.li_posts[0]["id"]


def test_a_claim_whose_request_never_left_is_published_after_the_check(
    accounts: SocialAccounts, social: SocialStandIn
) -> None:
    posts = SocialPosts(accounts.store)
    post = posts.create("Nový katalog 2027.", (FB, LI), datetime.now(UTC))
    assert posts.claim(post.id, FB) is not None  # the app died before sending
    assert posts.claim(post.id, FB) is None  # a claim is taken once
    scheduler = scheduler_for(accounts, stale_after=timedelta(0))
    try:
        done = settled(scheduler, post.id)
    finally:
        scheduler.stop()
    assert {t.state for t in done.targets} == {TargetState.PUBLISHED}
    assert ("GET", f"/v21.0/{PAGE_ID}/feed") in social.requests  # looked up before publishing
    assert len(social.fb_posts) == 1 and len(social.li_posts) == 1
    assert done.target(FB).attempts == 2


# ------------------------------------------------------------------ failures


def test_failures_are_explained_in_plain_words_and_can_be_retried(
    accounts: SocialAccounts, social: SocialStandIn
) -> None:
    scheduler = scheduler_for(accounts)
    try:
        with pytest.raises(ValueError, match="Instagram posts need a picture"):
            scheduler.compose("Bez obrázku.", (FB, IG))
        assert scheduler.list_posts() == []  # nothing kept from a refused compose
        with pytest.raises(ValueError, match="at least one page"):
            scheduler.compose("Nikam.", ())

        social.token_expired = True
        social.linkedin_denied = True
        post = scheduler.compose("Školení obsluhy pecí.", (FB, LI))
        done = settled(scheduler, post.id)
        assert done.target(FB).state is TargetState.FAILED
        assert "expired" in (done.target(FB).reason or "")
        assert "Meta Business Settings" in (done.target(FB).reason or "")
        assert done.target(LI).state is TargetState.FAILED
        assert "administrator" in (done.target(LI).reason or "")
        assert social.fb_posts == [] and social.li_posts == []

        social.token_expired = False
        social.linkedin_denied = False
        scheduler.retry(post.id)
        done = settled(scheduler, post.id)
        assert {t.state for t in done.targets} == {TargetState.PUBLISHED}
        assert done.target(FB).reason is None

        social.linkedin_token_expired = True
        expired = scheduler.compose("Token vypršel.", (LI,))
        done = settled(scheduler, expired.id)
        assert "LinkedIn tokens last 60 days" in (done.target(LI).reason or "")
        social.linkedin_token_expired = False

        # LinkedIn refuses the same text twice; Instagram cannot fetch the picture
        social.fail_next(
            "ig.media",
            400,
            {
                "error": {
                    "message": "Only photo or video can be accepted as media type.",
                    "type": "OAuthException",
                    "code": 9004,
                    "error_subcode": 2207052,
                    "fbtrace_id": "AbC",
                }
            },
        )
        twice = scheduler.compose(
            "Školení obsluhy pecí.", (IG, LI), image=f"{social.root}/images/x.jpg"
        )
        done = settled(scheduler, twice.id)
        assert "already has a post with exactly this text" in (done.target(LI).reason or "")
        assert "could not fetch the picture" in (done.target(IG).reason or "")
        assert len(social.li_posts) == 1 and social.ig_media == []
        scheduler.retry(twice.id, [IG])
        done = settled(scheduler, twice.id)
        assert done.target(IG).state is TargetState.PUBLISHED
        assert done.target(LI).state is TargetState.FAILED
    finally:
        scheduler.stop()


def test_a_local_picture_is_uploaded_to_facebook_and_refused_for_instagram_in_words(
    accounts: SocialAccounts, social: SocialStandIn, tmp_path: Path
) -> None:
    picture = tmp_path / "showroom.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 2048)
    scheduler = scheduler_for(accounts)
    try:
        post = scheduler.compose("Showroom.", (FB, IG, LI), image=str(picture))
        done = settled(scheduler, post.id)
    finally:
        scheduler.stop()
    assert done.target(FB).state is TargetState.PUBLISHED
    assert social.fb_posts[0]["photo"] == 2052  # the file went up as `source`
    assert done.target(LI).state is TargetState.PUBLISHED
    assert done.target(IG).state is TargetState.FAILED
    assert "public web address" in (done.target(IG).reason or "")


def test_a_lost_answer_is_checked_before_trying_again(
    accounts: SocialAccounts, social: SocialStandIn
) -> None:
    social.fail_next("fb.feed", 500, {"error": {"message": "An unknown error occurred", "code": 1}})
    scheduler = scheduler_for(accounts, stale_after=timedelta(0), sweep_seconds=0.5)
    try:
        post = scheduler.compose("Otevíráme v 8:00.", (FB,))
        done = settled(scheduler, post.id)
    finally:
        scheduler.stop()
    assert done.target(FB).state is TargetState.PUBLISHED
    assert len(social.fb_posts) == 1
    assert done.target(FB).attempts == 2


# ------------------------------------------------------------------ comments


def test_facebook_comments_arrive_once_as_conversations(
    accounts: SocialAccounts, social: SocialStandIn
) -> None:
    scheduler = scheduler_for(accounts)
    try:
        post = scheduler.compose("Jak se vám líbí nová výloha?", (FB,))
        done = settled(scheduler, post.id)
    finally:
        scheduler.stop()
    post_id = done.target(FB).provider_post_id
    assert post_id
    social.add_comment(post_id, "5550001", "Jana Nováková", "Krásná! Máte i menší pece?")
    social.add_comment(post_id, PAGE_ID, "Gastro Praha s.r.o.", "Ano, od 4 plechů.")
    store = accounts.store
    worker = accounts.worker(FB)
    worker.sync_now()
    wait_until(lambda: store.stats().messages == 2, 10, "comments stored")
    worker.sync_now()
    time.sleep(0.5)
    worker.sync_now()
    time.sleep(0.5)
    assert store.stats().messages == 2
    [row] = store.inbox_page(InboxFilter(), 0, 10)
    assert row.channel is Channel.FACEBOOK or row.channel == Channel.FACEBOOK.value
    assert row.subject == "Comments on: Jak se vám líbí nová výloha?"
    detail = store.conversation(row.id)
    assert [m.direction for m in detail.messages] == [Direction.INBOUND, Direction.OUTBOUND]
    assert detail.messages[0].text == "Krásná! Máte i menší pece?"
    social.add_comment(post_id, "5550002", "Petr Svoboda", "Cena?")
    worker.sync_now()
    wait_until(lambda: store.stats().messages == 3, 10, "new comment stored")
    assert len(store.inbox_page(InboxFilter(), 0, 10)) == 1  # one conversation per post


# ------------------------------------------------------------------ the store on both databases


def test_each_page_is_claimed_once_and_states_move_as_told(database_url: str) -> None:
    store = Store.open(database_url)
    posts = SocialPosts(store)
    try:
        at = datetime.now(UTC) + timedelta(hours=1)
        post = posts.create("  Text  ", [FB, LI, FB], at, link=" ", image=None)
        assert post.text == "Text" and post.link is None
        assert [t.target_key for t in post.targets] == [FB, LI]
        assert posts.waiting() == [(post.id, post.scheduled_at)]
        since = posts.claim(post.id, FB)
        assert since is not None and posts.claim(post.id, FB) is None
        again = posts.reclaim(post.id, FB, since)
        assert again is not None and posts.reclaim(post.id, FB, since) is None
        assert posts.get(post.id).target(FB).attempts == 2
        posts.mark_published(post.id, FB, "1_2", "https://www.facebook.com/1_2")
        posts.mark_failed(post.id, LI, "LinkedIn refused.")
        assert posts.waiting() == []
        assert posts.published_on(FB, at - timedelta(days=1)) == [("1_2", "Text")]
        retried = posts.retry(post.id)
        assert retried.target(LI).state is TargetState.SCHEDULED
        assert retried.target(FB).state is TargetState.PUBLISHED
        cancelled = posts.cancel(post.id)
        assert cancelled.target(LI).reason == "Cancelled before it was published."
        assert [p.id for p in posts.posts()] == [post.id]
        for bad in (
            lambda: posts.create(" ", [FB], at),
            lambda: posts.create("x", [], at),
            lambda: posts.create("x", [FB], at.replace(tzinfo=None)),
        ):
            with pytest.raises(ValueError):
                bad()
    finally:
        store.close()
