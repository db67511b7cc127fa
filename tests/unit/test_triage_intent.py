"""Intent rules in Czech, English and German, following the README's definitions."""

from __future__ import annotations

import pytest

from gastro_hub_desktop.brain.triage.automated import AutomatedKind
from gastro_hub_desktop.brain.triage.intent import IntentClassifier, IntentKeywords
from gastro_hub_desktop.brain.triage.matching import Phrase
from gastro_hub_desktop.domain.triage import Intent


@pytest.fixture(scope="module")
def classifier() -> IntentClassifier:
    return IntentClassifier()


CASES: list[tuple[str | None, str, Intent]] = [
    # order: places, changes, cancels, reorders; "I'll take it, send the invoice" is an order
    (
        None,
        "Prosim jeste 2 baleni tablet do mycky a lestidlo 10l, stejne jako minule.",
        Intent.ORDER,
    ),
    (None, "I'll take it, send the invoice please.", Intent.ORDER),
    (
        "Zrušení objednávky 10398",
        "Bohužel musíme zrušit objednávku č. 10398, investor projekt pozastavil.",
        Intent.ORDER,
    ),
    (None, "Bitte wieder 3 Kanister Klarspüler und 2 Reiniger wie immer, danke!", Intent.ORDER),
    (None, "could you add 2 knock boxes to order 10479 if it hasn't shipped yet?", Intent.ORDER),
    # quote_request: price, offer, tender documents, site survey for an offer
    (None, "kolik stojí ten konvektomat co jste dávali včera do příběhu?", Intent.QUOTE_REQUEST),
    (
        "Angebot",
        "Bitte senden Sie uns ein Angebot für eine Gläserspülmaschine mit Enthärter.",
        Intent.QUOTE_REQUEST,
    ),
    (
        None,
        "We are missing the technical annex in the tender documents, could you resend it?",
        Intent.QUOTE_REQUEST,
    ),
    # complaint: damaged or wrong goods, staff behaviour, a failure repeating after a repair
    (None, "Objednávala jsem 3 nože a přišly tupé jak poleno. To je ta kvalita?", Intent.COMPLAINT),
    (
        "Wrong thermometers",
        "We ordered probes with 10 cm and you sent 30 cm ones. Not usable for us.",
        Intent.COMPLAINT,
    ),
    (
        None,
        "Ihr Fahrer hat die Palette im Regen abgestellt, die Kartons sind durchweicht. So geht das nicht.",
        Intent.COMPLAINT,
    ),
    (
        None,
        "Technik byl včera, vyměnil termostat a dnes ráno úplně to samé, pec zase nehřeje. Nepřijatelné.",
        Intent.COMPLAINT,
    ),
    # delivery: status, tracking, address, shipping cost, returns of rented equipment
    (
        None,
        "Dobry den, muzete mi poslat cislo zasilky at to muzu sledovat? Obj. 10447",
        Intent.DELIVERY,
    ),
    (
        None,
        "Posíláte i na Slovensko? Kolik by stála doprava dvou chladicích skříní?",
        Intent.DELIVERY,
    ),
    (None, "Is the driver coming today or not?? We've been waiting since 8.", Intent.DELIVERY),
    # invoice: invoices, payments, credit notes, disputes about the invoice itself
    (
        "Rechnung 2024-1133",
        "Auf Ihrer Rechnung ist unsere USt-IdNr. falsch angegeben. Bitte korrigieren.",
        Intent.INVOICE,
    ),
    (
        None,
        "why did you charge us a call-out fee on invoice 2024-1120? Nothing was fixed.",
        Intent.INVOICE,
    ),
    (None, "posilam fotku dokladu o zaplaceni, platba odesla vcera z Fio", Intent.INVOICE),
    # service_request: repairs, maintenance, training, paperwork, collecting a repaired unit
    (None, "Tiefkühler geht nimma!! bitte dringend anrufen", Intent.SERVICE_REQUEST),
    (None, "Můžu si přijet pro ten opravenej mlýnek zítra po 16?", Intent.SERVICE_REQUEST),
    (
        "Combi oven training",
        "Could we do a combi oven training for 5 new cooks in September?",
        Intent.SERVICE_REQUEST,
    ),
    # question: product, stock, opening hours, a bare nudge
    (None, "Hi, are you open on Saturdays? Want to come look at knives", Intent.QUESTION),
    (None, "Máte skladem indukční wok 5 kW?", Intent.QUESTION),
    (None, "Und? Gibt's schon was Neues?", Intent.QUESTION),
    (None, "?", Intent.QUESTION),
    # other: thanks, meetings, job applications, sales pitches
    (None, "ok díky", Intent.OTHER),
    (None, "passt, danke!", Intent.OTHER),
    (
        "Pozice servisního technika",
        "Hledáte servisního technika? Mám 6 let praxe, v příloze posílám životopis.",
        Intent.OTHER,
    ),
    (
        None,
        "We've helped 40+ B2B suppliers triple organic leads. Open to a quick 15-min call?",
        Intent.OTHER,
    ),
]


@pytest.mark.parametrize(("subject", "text", "expected"), CASES)
def test_intent(
    classifier: IntentClassifier, subject: str | None, text: str, expected: Intent
) -> None:
    verdict = classifier.classify(text, subject)
    assert verdict.intent is expected, verdict.reasons
    assert 0.0 <= verdict.confidence <= 1.0


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (AutomatedKind.NEWSLETTER, Intent.NEWSLETTER),
        (AutomatedKind.TRACKING, Intent.DELIVERY),
        (AutomatedKind.PAYMENT, Intent.INVOICE),
        (AutomatedKind.OUT_OF_OFFICE, Intent.OTHER),
        (AutomatedKind.CALENDAR, Intent.OTHER),
        (AutomatedKind.BOUNCE, Intent.OTHER),
    ],
)
def test_automated_mail_takes_the_intent_of_its_kind(
    classifier: IntentClassifier, kind: AutomatedKind, expected: Intent
) -> None:
    text = "Please send us a quote for two fridges."  # content of a person's mail would win
    assert classifier.classify(text).intent is Intent.QUOTE_REQUEST
    assert classifier.classify(text, automated_kind=kind).intent is expected


def test_a_person_never_writes_a_newsletter(classifier: IntentClassifier) -> None:
    verdict = classifier.classify("Newsletter: 20 % sleva na všechny nože, odhlásit odběr")
    assert verdict.intent is not Intent.NEWSLETTER


def test_intent_keywords_are_editable() -> None:
    text = "Chtěli bychom zapůjčit pivní set na zahradní slavnost."
    assert IntentClassifier().classify(text).intent is not Intent.ORDER
    keywords = IntentKeywords.default().with_phrase("order", "cs", Phrase("zapůjčit", 2.0))
    assert IntentClassifier(keywords).classify(text).intent is Intent.ORDER
