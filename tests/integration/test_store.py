"""The store on SQLite and on a real PostgreSQL: ingest once, inbox filters, done/snooze, drafts,
search, counts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from gastro_hub_desktop.domain.conversations import (
    ConversationStatus,
    DraftState,
    InboxFilter,
    StatusFilter,
)
from gastro_hub_desktop.domain.messages import (
    Channel,
    ChannelTab,
    Direction,
    IncomingMessage,
    Urgency,
)
from gastro_hub_desktop.store.repository import NotFound, Store

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def msg(
    pid: str,
    *,
    channel: Channel = Channel.EMAIL,
    account: str = "acc-email",
    thread: str = "t1",
    who: str = "jana@bistro.example.cz",
    name: str = "Jana Dvořáková",
    body: str = "Dobrý den, myčka nefunguje.",
    minutes_ago: int = 0,
    direction: Direction = Direction.INBOUND,
    urgency: Urgency | None = None,
    subject: str | None = "Myčka",
) -> IncomingMessage:
    return IncomingMessage(
        channel=channel,
        account_key=account,
        provider_message_id=pid,
        direction=direction,
        counterpart_address=who,
        counterpart_name=name,
        text=body,
        sent_at=NOW - timedelta(minutes=minutes_ago),
        thread_key=thread,
        subject=subject,
        urgency=urgency,
    )


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    s = Store.open(database_url)
    yield s
    s.close()


def test_ingest_stores_each_message_once(store: Store) -> None:
    batch = [msg("a", minutes_ago=5), msg("b", minutes_ago=3), msg("a", minutes_ago=5)]
    first = store.ingest(batch)
    assert (first.new, first.duplicates) == (2, 1)
    again = store.ingest(batch)
    assert (again.new, again.duplicates) == (0, 3)
    assert store.stats().messages == 2
    # the same provider id on another account is another message
    other = store.ingest([msg("a", account="acc-other")])
    assert other.new == 1


def test_conversation_aggregates_follow_new_messages(store: Store) -> None:
    store.ingest([msg("1", minutes_ago=30, body="first")])
    store.ingest(
        [
            msg("2", minutes_ago=10, body="latest news", urgency=Urgency.URGENT),
            msg("3", minutes_ago=20, body="middle", direction=Direction.OUTBOUND),
        ]
    )
    [row] = store.inbox_page(InboxFilter(), 0, 10, now=NOW)
    assert row.message_count == 3
    assert row.unread == 2  # our own outbound reply is not unread
    assert row.snippet == "latest news"
    assert row.urgency is Urgency.URGENT
    assert row.last_message_at == NOW - timedelta(minutes=10)
    detail = store.conversation(row.id)
    assert [m.text for m in detail.messages] == ["first", "middle", "latest news"]
    store.mark_read(row.id)
    assert store.inbox_page(InboxFilter(), 0, 10, now=NOW)[0].unread == 0


def test_same_person_on_email_and_whatsapp_is_one_contact(store: Store) -> None:
    store.ingest(
        [
            msg("m1", channel=Channel.WHATSAPP, account="wa", who="+420 777 123 456"),
            msg("m2", channel=Channel.WHATSAPP, account="wa2", who="00420777123456", thread="x"),
        ]
    )
    assert store.stats().contacts == 1


def test_inbox_is_newest_first_and_pages(store: Store) -> None:
    store.ingest(
        [msg(f"p{i}", thread=f"t{i}", who=f"c{i}@x.example", minutes_ago=i) for i in range(25)]
    )
    f = InboxFilter()
    assert store.inbox_count(f, now=NOW) == 25
    page1 = store.inbox_page(f, 0, 10, now=NOW)
    page3 = store.inbox_page(f, 20, 10, now=NOW)
    assert [r.contact_address for r in page1][:2] == ["c0@x.example", "c1@x.example"]
    assert len(page3) == 5
    times = [r.last_message_at for r in page1]
    assert times == sorted(times, reverse=True)


def test_filters_by_tab_channel_urgency_vip_and_status(store: Store) -> None:
    store.ingest(
        [
            msg("e1", thread="e1", who="vip@hotel.example.at", urgency=Urgency.CRISIS),
            msg("e2", thread="e2", who="other@x.example", urgency=Urgency.FINANCIAL),
            msg("w1", channel=Channel.WHATSAPP, account="wa", thread="w1", who="+420777000111"),
            msg("i1", channel=Channel.INSTAGRAM, account="ig", thread="i1", who="@kavarna"),
        ]
    )
    assert store.mark_vip([(Channel.EMAIL, "VIP@hotel.example.at")]) == 1
    count = store.inbox_count
    assert count(InboxFilter(), now=NOW) == 4
    assert count(InboxFilter(tab=ChannelTab.EMAIL), now=NOW) == 2
    assert count(InboxFilter(tab=ChannelTab.SOCIAL), now=NOW) == 1
    assert count(InboxFilter(channel=Channel.WHATSAPP), now=NOW) == 1
    assert count(InboxFilter(urgencies=(Urgency.CRISIS, Urgency.URGENT)), now=NOW) == 1
    assert count(InboxFilter(urgencies=(Urgency.FINANCIAL,)), now=NOW) == 1
    assert count(InboxFilter(vip_only=True), now=NOW) == 1
    [vip] = store.inbox_page(InboxFilter(vip_only=True), 0, 5, now=NOW)
    assert vip.is_vip and vip.contact_address == "vip@hotel.example.at"
    assert store.tab_counts(now=NOW) == {
        ChannelTab.EMAIL: 2,
        ChannelTab.WHATSAPP: 1,
        ChannelTab.CHATS: 0,
        ChannelTab.SOCIAL: 1,
    }


def test_done_and_snooze_persist_and_customer_reply_reopens(database_url: str) -> None:
    store = Store.open(database_url)
    store.ingest([msg("a", thread="a"), msg("b", thread="b", who="b@x.example", minutes_ago=1)])
    a, b = (r.id for r in store.inbox_page(InboxFilter(), 0, 5, now=NOW))
    store.set_done(a, True)
    store.snooze(b, NOW + timedelta(hours=2))
    store.close()

    store = Store.open(database_url)  # a restart keeps both
    assert store.inbox_count(InboxFilter(), now=NOW) == 0
    assert store.inbox_count(InboxFilter(status=StatusFilter.DONE), now=NOW) == 1
    assert store.inbox_count(InboxFilter(status=StatusFilter.SNOOZED), now=NOW) == 1
    assert store.inbox_count(InboxFilter(status=StatusFilter.ALL), now=NOW) == 2
    # the snooze ends by itself
    later = NOW + timedelta(hours=3)
    assert [r.id for r in store.inbox_page(InboxFilter(), 0, 5, now=later)] == [b]
    # the customer writes again: the finished conversation is open again
    store.ingest([msg("a2", thread="a", minutes_ago=-5)])
    assert store.conversation(a).row.status is ConversationStatus.OPEN
    store.set_done(a, False)
    with pytest.raises(NotFound):
        store.set_done(999_999, True)
    actions = [entry[2] for entry in store.audit_entries()]
    assert "conversation.done" in actions and "conversation.snooze" in actions
    store.close()


def test_draft_is_kept_and_updated_in_place(database_url: str) -> None:
    store = Store.open(database_url)
    store.ingest([msg("a")])
    [row] = store.inbox_page(InboxFilter(), 0, 1, now=NOW)
    first = store.save_draft(row.id, "Dobrý den, technik přijede zítra.")
    second = store.save_draft(row.id, "Dobrý den, technik přijede dnes v 15:00.")
    assert first.id == second.id and second.state is DraftState.EDITED
    store.close()
    store = Store.open(database_url)
    draft = store.conversation(row.id).draft
    assert draft is not None and draft.text == "Dobrý den, technik přijede dnes v 15:00."
    store.close()


def test_search_finds_words_without_diacritics_and_by_prefix(store: Store) -> None:
    store.ingest(
        [
            msg("1", thread="1", body="Chladicí box v kuchyni nechladí, máme tam maso."),
            msg("2", thread="2", who="k@x.example", body="Die Spülmaschine ist kaputt."),
            msg("3", thread="3", who="z@x.example", body="Please send the invoice for the oven."),
        ]
    )
    hits = store.search("invoice")
    assert [h.contact_name for h in hits] == ["Jana Dvořáková"]
    assert "invoice" in hits[0].snippet
    assert len(store.search("spülmasch")) == 1  # prefix of the last word
    assert store.search("") == [] and store.search("   ...  ") == []
    assert store.search('"; DROP TABLE messages; --') == []  # syntax is never passed through
    if store.engine.dialect.name == "sqlite":
        assert len(store.search("chladici nechladi")) == 1  # typed without diacritics


def test_a_failed_batch_stores_nothing_and_the_next_one_works(store: Store) -> None:
    bad = msg("x", account="brand-new")
    bad.text = None  # type: ignore[assignment]  # violates NOT NULL in the database
    with pytest.raises(Exception):  # noqa: B017 - the driver's integrity error
        store.ingest([msg("ok1", account="brand-new"), bad])
    assert store.stats().messages == 0
    assert store.ingest([msg("ok1", account="brand-new")]).new == 1


def test_sqlite_runs_in_wal_with_full_sync_and_foreign_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    store.close()


def test_pages_read_from_the_old_end_match_the_newest_first_order(store: Store) -> None:
    store.ingest(
        [msg(f"p{i}", thread=f"t{i}", who=f"c{i}@x.example", minutes_ago=i % 7) for i in range(57)]
    )
    f = InboxFilter()
    forward = [r.id for off in range(0, 57, 10) for r in store.inbox_page(f, off, 10, now=NOW)]
    from_end = [
        r.id for off in range(0, 57, 10) for r in store.inbox_page(f, off, 10, now=NOW, total=57)
    ]
    assert forward == from_end and len(forward) == 57


def test_html_is_stored_sanitized(store: Store) -> None:
    m = msg("h1")
    m.html = '<p onclick="steal()">Dobrý den<script>alert(1)</script><a href="https://x.example">x</a></p>'
    store.ingest([m])
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT html FROM messages")).scalar_one()
    assert "script" not in stored and "onclick" not in stored
    assert "Dobrý den" in stored and 'rel="noopener noreferrer nofollow"' in stored


def test_automated_mail_is_kept_apart_and_never_unread(store: Store) -> None:
    news = msg("n1", thread="news", who="newsletter@expo.example.com", urgency=Urgency.URGENT)
    news.automated = True
    store.ingest([news, msg("c1", thread="customer")])
    assert store.inbox_count(InboxFilter(), now=NOW) == 1  # the customer only
    [row] = store.inbox_page(InboxFilter(status=StatusFilter.AUTOMATED), 0, 5, now=NOW)
    assert row.unread == 0 and row.urgency is None  # no alarm from a newsletter
    assert store.inbox_count(InboxFilter(status=StatusFilter.ALL), now=NOW) == 2
    assert store.tab_counts(now=NOW)[ChannelTab.EMAIL] == 1
    # a real person answering in that thread brings it back to the inbox
    store.ingest([msg("n2", thread="news", who="newsletter@expo.example.com", minutes_ago=-1)])
    assert store.inbox_count(InboxFilter(), now=NOW) == 2
