"""Email threading in the store: what other inboxes get wrong, checked on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage

import pytest

from gastro_hub_desktop.channels.email.parse import parse_message
from gastro_hub_desktop.domain.conversations import InboxFilter, StatusFilter
from gastro_hub_desktop.store.repository import Store

US = "obchod@gastro.example.cz"


def mail(
    mid: str,
    sender: str,
    subject: str,
    date: str = "24 Nov 2026 10:00",
    refs: str = "",
    to: str = US,
) -> bytes:
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = sender, to, subject
    m["Date"], m["Message-ID"] = f"Tue, {date}:00 +0100", mid
    if refs:
        m["References"] = refs
        m["In-Reply-To"] = refs.split()[-1]
    m.set_content("text")
    return m.as_bytes()


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    s = Store.open(database_url)
    yield s
    s.close()


def ingest(store: Store, *raws: bytes) -> None:
    store.ingest([parse_message(r, {US}) for r in raws])


def conversations(store: Store) -> list[tuple[str, int]]:
    rows = store.inbox_page(InboxFilter(status=StatusFilter.ALL), 0, 50)
    return sorted((r.subject or "", r.message_count) for r in rows)


def test_a_normal_reply_chain_is_one_conversation(store: Store) -> None:
    ingest(
        store,
        mail("<a1@x>", "jana@bistro.example.cz", "Objednávka pánví"),
        mail(
            "<a2@x>",
            US,
            "Re: Objednávka pánví",
            "24 Nov 2026 11:00",
            "<a1@x>",
            to="jana@bistro.example.cz",
        ),
    )
    ingest(
        store,
        mail(
            "<a3@x>",
            "jana@bistro.example.cz",
            "Re: Objednávka pánví",
            "24 Nov 2026 12:00",
            "<a1@x> <a2@x>",
        ),
    )
    assert conversations(store) == [("Objednávka pánví", 3)]


def test_a_reply_without_references_finds_its_conversation_by_subject(store: Store) -> None:
    ingest(store, mail("<b1@x>", "petr@hotel.example.cz", "Servis myčky"))
    ingest(
        store, mail("<b2@x>", "petr@hotel.example.cz", "RE: AW: Servis myčky", "25 Nov 2026 09:00")
    )
    assert conversations(store) == [("Servis myčky", 2)]


def test_the_same_subject_from_someone_else_is_another_conversation(store: Store) -> None:
    ingest(store, mail("<c1@x>", "petr@hotel.example.cz", "Nabídka"))
    ingest(store, mail("<c2@x>", "eva@cafe.example.cz", "Nabídka", "24 Nov 2026 10:30"))
    assert conversations(store) == [("Nabídka", 1), ("Nabídka", 1)]


def test_a_reply_with_a_new_subject_starts_a_new_conversation(store: Store) -> None:
    ingest(store, mail("<d1@x>", "jana@bistro.example.cz", "Faktura 2026-118"))
    ingest(
        store,
        mail(
            "<d2@x>",
            "jana@bistro.example.cz",
            "Objednávka na prosinec",
            "25 Nov 2026 09:00",
            "<d1@x>",
        ),
    )
    assert conversations(store) == [("Faktura 2026-118", 1), ("Objednávka na prosinec", 1)]


def test_replies_from_different_people_to_one_newsletter_stay_apart(store: Store) -> None:
    ingest(
        store, mail("<n1@x>", US, "Vánoční akce na konvektomaty", to="zakaznici@gastro.example.cz")
    )
    ingest(
        store,
        mail(
            "<n2@x>",
            "jana@bistro.example.cz",
            "Re: Vánoční akce na konvektomaty",
            "24 Nov 2026 12:00",
            "<n1@x>",
        ),
        mail(
            "<n3@x>",
            "petr@hotel.example.cz",
            "Re: Vánoční akce na konvektomaty",
            "24 Nov 2026 13:00",
            "<n1@x>",
        ),
    )
    ingest(
        store,
        mail(
            "<n4@x>",
            "jana@bistro.example.cz",
            "Re: Vánoční akce na konvektomaty",
            "24 Nov 2026 14:00",
            "<n1@x> <n2@x>",
        ),
    )
    assert sorted(count for _s, count in conversations(store)) == [1, 1, 2]


def test_an_old_subject_does_not_swallow_a_new_enquiry(store: Store) -> None:
    ingest(store, mail("<e1@x>", "jana@bistro.example.cz", "Dotaz", "01 Sep 2026 10:00"))
    ingest(store, mail("<e2@x>", "jana@bistro.example.cz", "Dotaz", "24 Nov 2026 10:00"))
    assert conversations(store) == [("Dotaz", 1), ("Dotaz", 1)]
