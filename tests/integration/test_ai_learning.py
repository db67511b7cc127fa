"""The local provider learns from what people send: a replay of customer questions (six
recurring topics in Czech, English and German) where a simulated person sends the draft
unchanged when it already says what they would say, and otherwise replaces its body with
their own answer. Real store, real triage, the real assistant tick and outbox; the daily
learning job's report must say that acceptance rose, with the numbers."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gastro_hub_desktop.brain.local.provider import reply_body
from gastro_hub_desktop.domain.conversations import InboxFilter
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage
from gastro_hub_desktop.engine.assistant import Assistant
from gastro_hub_desktop.engine.events import EventBus
from gastro_hub_desktop.engine.learning_job import run_learning
from gastro_hub_desktop.store.drafts import Drafts
from gastro_hub_desktop.store.outbox import Outbox
from gastro_hub_desktop.store.repository import Store

ACCOUNT = "email:obchod@gastro.example"

# topic → language → (customer phrasings, the answer the team gives)
TOPICS: dict[str, dict[str, tuple[list[str], str]]] = {
    "showroom": {
        "cs": (
            [
                "Jaká je otevírací doba vašeho showroomu v Praze?",
                "Prosím o otevírací dobu showroomu, chceme se přijet podívat na konvektomaty.",
                "Jakou otevírací dobu má showroom, přijeli bychom se podívat?",
                "Zajímá mě otevírací doba showroomu v Holešovicích.",
            ],
            "Náš showroom v Praze-Holešovicích je otevřený v pondělí až pátek od 8:00 do "
            "17:00, v sobotu po domluvě.",
        ),
        "en": (
            [
                "What are the opening hours of your showroom in Prague?",
                "Could you tell me the showroom opening hours? We would like to visit.",
                "When is your showroom open, what are the opening hours?",
                "Showroom opening hours please, we want to see the combi ovens.",
            ],
            "Our showroom in Prague-Holešovice is open Monday to Friday from 8:00 to 17:00, "
            "and on Saturdays by appointment.",
        ),
    },
    "descaling": {
        "cs": (
            [
                "Jak často máme odvápňovat myčku nádobí? Voda je tu tvrdá.",
                "Odvápnění myčky nádobí – jak často a jakým prostředkem?",
                "Myčka nádobí má vodní kámen, jak ji správně odvápnit?",
            ],
            "Myčku odvápněte jednou měsíčně prostředkem DK-40 podle návodu; při tvrdé vodě "
            "doporučujeme změkčovač, který Vám rádi nabídneme.",
        ),
        "de": (
            [
                "Wie oft sollen wir die Spülmaschine entkalken? Das Wasser ist sehr hart.",
                "Spülmaschine entkalken: wie oft und mit welchem Mittel?",
                "Unsere Spülmaschine hat Kalk, wie entkalken wir sie richtig?",
            ],
            "Bitte entkalken Sie die Spülmaschine einmal im Monat mit DK-40 laut Anleitung; "
            "bei hartem Wasser empfehlen wir einen Enthärter, den wir Ihnen gerne anbieten.",
        ),
    },
    "invoice_copy": {
        "cs": (
            [
                "Prosím o zaslání kopie faktury za poslední dodávku.",
                "Potřebuji kopii faktury za objednávku z minulého týdne.",
                "Můžete mi poslat kopii faktury? Originál se ztratil.",
            ],
            "Kopii faktury Vám posíláme v příloze; faktury najdete také ve svém zákaznickém "
            "účtu v sekci Doklady.",
        ),
        "en": (
            [
                "Please send me a copy of the invoice for the last delivery.",
                "I need a copy of the invoice for last week's order.",
                "Can you send a copy of our invoice again? We lost the original.",
            ],
            "Please find a copy of the invoice attached; all invoices are also in your "
            "customer account under Documents.",
        ),
    },
    "gaskets": {
        "de": (
            [
                "Haben Sie Türdichtungen für den Kombidämpfer Rational SCC 61 auf Lager?",
                "Wir brauchen eine neue Türdichtung für unseren Rational Kombidämpfer.",
                "Türdichtung Rational Kombidämpfer – ist die lieferbar?",
            ],
            "Die Türdichtung für Rational-Kombidämpfer haben wir auf Lager; bei Bestellung "
            "bis 14 Uhr versenden wir sie am selben Tag.",
        ),
        "cs": (
            [
                "Máte skladem těsnění dveří pro konvektomat Rational SCC 61?",
                "Potřebujeme nové těsnění dveří konvektomatu Rational.",
                "Těsnění dveří konvektomat Rational – je skladem?",
            ],
            "Těsnění dveří pro konvektomaty Rational máme skladem; při objednávce do 14:00 "
            "odešleme ještě tentýž den.",
        ),
    },
}


def stream() -> list[tuple[str, str, str]]:
    """Every phrasing once, in a fixed shuffled order: (topic, language, text)."""
    items = [
        (topic, language, text)
        for topic, languages in TOPICS.items()
        for language, (phrasings, _answer) in languages.items()
        for text in phrasings
    ]
    random.Random(7).shuffle(items)
    return items


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(f"sqlite:///{tmp_path / 'learning.sqlite3'}")
    s.save_account(ACCOUNT, Channel.EMAIL, "Obchod", {})
    return s


def never_auto(conversation_id: int, text: str, auto: bool) -> object:
    raise AssertionError("auto-reply is off by default: nothing may be queued automatically")


def test_acceptance_of_the_local_provider_rises_over_the_replay(store: Store) -> None:
    assistant = Assistant(store, EventBus(), never_auto)
    outbox, drafts = Outbox(store), Drafts(store)
    outcomes: list[str] = []
    items = stream()
    for n, (topic, language, text) in enumerate(items):
        store.ingest(
            [
                IncomingMessage(
                    channel=Channel.EMAIL,
                    account_key=ACCOUNT,
                    provider_message_id=f"<q{n}@customer.example>",
                    direction=Direction.INBOUND,
                    counterpart_address=f"chef{n}@restaurant{n}.example",
                    counterpart_name=f"Chef {n}",
                    text=text,
                    sent_at=datetime.now(UTC) - timedelta(minutes=len(items) - n),
                    thread_key=f"<q{n}@customer.example>",
                    subject=None,
                )
            ]
        )
        activity = assistant.tick()
        assert activity.drafted == 1, (n, text)
        [conversation] = store.inbox_page(InboxFilter(), 0, 1)
        draft = store.conversation(conversation.id).draft
        assert draft is not None and draft.proposed
        answer = TOPICS[topic][language][1]
        if reply_body(draft.text) == answer:
            sent = draft.text  # says what the person would say: sent as it is
        else:  # the person keeps greeting and sign-off and writes their own answer
            sent = draft.text.replace(reply_body(draft.text), answer)
        outbox.queue(conversation.id, ACCOUNT, {"text": sent})
        [outcome] = [
            o
            for o, c in (
                ("approved", drafts.outcomes().approved),
                ("edited", drafts.outcomes().edited),
            )
            if c > outcomes.count(o)
        ]
        outcomes.append(outcome)
        if n == len(items) // 2 - 1:
            # the first half becomes last week's decisions (for the weekly comparison)
            with store.engine.begin() as conn:
                conn.exec_driver_sql(
                    "UPDATE drafts SET decided_at = datetime(decided_at, '-7 days')"
                )

    half = len(outcomes) // 2
    first = outcomes[:half].count("approved") / half
    second = outcomes[half:].count("approved") / (len(outcomes) - half)
    assert outcomes[0] == "edited"  # nothing learned yet: a template, changed by the person
    print(f"acceptance first half {first:.2f}, second half {second:.2f}: {outcomes}")
    assert second > first + 0.3, (first, second, outcomes)

    report = run_learning(store)
    assert report["last_week"]["acceptance"] == pytest.approx(first)
    assert report["this_week"]["acceptance"] == pytest.approx(second)
    line = report["summary"][1]
    assert f"{round(second * 100)} % this week" in line
    assert f"{round(first * 100)} % the week before" in line
    assert f"(up {abs(round((second - first) * 100))} points)" in line
    by_provider = report["acceptance"]["by_provider"]["local"]
    assert by_provider["approved"] + by_provider["edited"] == len(outcomes) - half


def test_urgency_corrections_reweight_the_keywords_triage_uses(store: Store) -> None:
    from gastro_hub_desktop.brain.triage.urgency import UrgencyKeywords
    from gastro_hub_desktop.store.learning import LearningRecords
    from gastro_hub_desktop.store.settings import AppSettings

    store.ingest(
        [
            IncomingMessage(
                channel=Channel.EMAIL,
                account_key=ACCOUNT,
                provider_message_id="<invoice@customer.example>",
                direction=Direction.INBOUND,
                counterpart_address="ucetni@bistro.example",
                counterpart_name="Účetní",
                text="Prosím o zaslání kopie faktury.",
                sent_at=datetime.now(UTC),
                thread_key="<invoice@customer.example>",
            )
        ]
    )
    assistant = Assistant(store, EventBus(), never_auto)
    assistant.tick()
    [row] = store.inbox_page(InboxFilter(), 0, 1)
    assert row.urgency is not None and row.urgency.value == "financial"
    before = assistant.triager()

    # the person says it is urgent (their deadline is today)
    LearningRecords(store).record_urgency_correction(row.id, "urgent")
    assert store.inbox_page(InboxFilter(), 0, 1)[0].urgency.value == "urgent"  # type: ignore[union-attr]

    report = run_learning(store)
    changes = report["keywords"]["changes"]
    assert report["keywords"]["corrections"] == 1
    assert any(c.startswith("financial (cs) 'faktur") and "→" in c for c in changes), changes
    saved = UrgencyKeywords.from_json(AppSettings(store).get("ai.urgency_keywords"))
    weight = {p.pattern: p.weight for p in saved.labels["financial"]["cs"]}
    default = {p.pattern: p.weight for p in UrgencyKeywords.default().labels["financial"]["cs"]}
    lowered = [k for k in weight if weight[k] < default[k]]
    assert lowered and all(k.startswith("faktur") for k in lowered)
    assert assistant.triager() is not before  # triage now uses the re-weighted table
