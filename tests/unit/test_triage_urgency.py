"""Urgency rules: the README's decision list, negations, misleading subjects, editable keywords."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gastro_hub_desktop.brain.triage.matching import Phrase, fold
from gastro_hub_desktop.brain.triage.urgency import UrgencyClassifier, UrgencyKeywords
from gastro_hub_desktop.domain.messages import Urgency
from gastro_hub_desktop.domain.triage import Intent


@pytest.fixture(scope="module")
def classifier() -> UrgencyClassifier:
    return UrgencyClassifier()


CASES: list[tuple[str | None, str, Intent | None, Urgency]] = [
    # crisis: operation stopped, safety at risk, emergency now
    (
        None,
        "V kuchyni je cítit plyn od sporáku, zavřeli jsme ventil. Co máme dělat?",
        None,
        Urgency.CRISIS,
    ),
    (
        None,
        "citime plyn u sporaku, zavreli jsme hlavni uzaver, kuchari stoji venku",
        None,
        Urgency.CRISIS,
    ),
    (
        "Walk-in cooler failure",
        "Our walk-in cooler stopped cooling overnight, 11°C inside and rising, 1.5 tons of stock. Please send a technician immediately.",
        None,
        Urgency.CRISIS,
    ),
    (
        None,
        "Unsere Kühlzelle ist ausgefallen, drinnen 12 Grad, die ganze Ware fürs Wochenende. Bitte sofort einen Techniker!",
        None,
        Urgency.CRISIS,
    ),
    (
        None,
        "Unsere Kuehlzelle ist ausgefallen, drinnen 12 Grad, die ganze Ware fuers Wochenende. Bitte sofort einen Techniker!",
        None,
        Urgency.CRISIS,
    ),
    (
        None,
        "our espresso machine just died in the middle of the morning rush, we had to close the bar. can anyone come??",
        None,
        Urgency.CRISIS,
    ),
    (
        None,
        "Technik byl včera, vyměnil termostat a dnes ráno zase to samé, pec nehřeje. Máme zavřeno a nemůžeme otevřít.",
        None,
        Urgency.CRISIS,
    ),
    # urgent: today / hard deadline, no-shows, degraded equipment that still works
    (
        "Angebot bis heute 15 Uhr",
        "Ich brauche bis heute 15 Uhr ein Angebot für zwei Kühltische, morgen früh ist Budgetsitzung.",
        None,
        Urgency.URGENT,
    ),
    (
        None,
        "Technik měl přijet v 10, je 11:30 a nikdo nikde. Od 12 máme otevřeno.",
        None,
        Urgency.URGENT,
    ),
    (
        None,
        "We have a health inspection tomorrow at 9am and need the last service report of the dishwasher. Could you email it today please?",
        None,
        Urgency.URGENT,
    ),
    (
        None,
        "One of our two fridges is at 8°C and slowly climbing. Still holding for now. Can a tech come by today?",
        None,
        Urgency.URGENT,
    ),
    (
        None,
        "Jeden ze dvou konvektomatů hází chybu, jedeme na jeden. Zvládáme to, ale večer máme plno. Dalo by se to ještě dnes?",
        None,
        Urgency.URGENT,
    ),
    # financial
    (
        "Dobropis",
        "Prosíme o vystavení dobropisu za vrácené GN nádoby, dodací list 4471.",
        None,
        Urgency.FINANCIAL,
    ),
    (
        "Second reminder",
        "Invoice INV-88213 is now 30 days overdue. Please arrange payment within 7 days.",
        None,
        Urgency.FINANCIAL,
    ),
    (
        "Proforma heute",
        "Wir benötigen heute noch die Proformarechnung, unser Zahlungslauf startet morgen früh um 7 Uhr.",
        Intent.INVOICE,
        Urgency.URGENT,
    ),
    # scheduling
    (None, "Kdy přijde technik?", None, Urgency.SCHEDULING),
    (None, "Wann kommt der Techniker?", None, Urgency.SCHEDULING),
    (
        "Reschedule descaling",
        "Can we move the descaling of the coffee machine from Wednesday to Friday?",
        None,
        Urgency.SCHEDULING,
    ),
    (
        None,
        "Potvrzuji termín revize plynových spotřebičů 12. 4. od 8:00.",
        None,
        Urgency.SCHEDULING,
    ),
    # normal: misleading words, negations, pre-sales money questions
    (
        "URGENT: quote for buffet equipment",
        "(well, not really urgent) we'd like a quote for chafing dishes. Sometime in the next couple of weeks is perfect.",
        None,
        Urgency.NORMAL,
    ),
    (
        "URGENT - order for next month",
        "Please note our order for next month: 20 GN containers. Delivery any time before the end of the month is fine.",
        Intent.ORDER,
        Urgency.NORMAL,
    ),
    (
        None,
        "Myčka trochu kape, není to spěchá, podívejte se na to při příštím servisu.",
        None,
        Urgency.NORMAL,
    ),
    (
        None,
        "Dobry den, u mycky kape hadice. Neni to hori, ale poslali byste nekoho na kontrolu?",
        None,
        Urgency.NORMAL,
    ),
    (
        None,
        "Kein Stress, aber könnten Sie uns bei Gelegenheit ein Angebot für neue Pfannen schicken?",
        None,
        Urgency.NORMAL,
    ),
    (None, "Do you take cards when we pick up in the shop?", Intent.QUESTION, Urgency.NORMAL),
    (None, "glasses arrived, all good, thanks!", None, Urgency.NORMAL),
]


@pytest.mark.parametrize(("subject", "text", "intent", "expected"), CASES)
def test_decision_list(
    classifier: UrgencyClassifier,
    subject: str | None,
    text: str,
    intent: Intent | None,
    expected: Urgency,
) -> None:
    verdict = classifier.classify(text, subject, intent=intent)
    assert verdict.urgency is expected, verdict.reasons
    assert 0.0 <= verdict.confidence <= 1.0


def test_a_negation_turns_the_same_request_down(classifier: UrgencyClassifier) -> None:
    pressing = "Potřebujeme dnes opravit myčku, spěchá to."
    assert classifier.classify(pressing).urgency is Urgency.URGENT
    calm = "Potřebujeme opravit myčku, ale není to spěchá."
    assert classifier.classify(calm).urgency is Urgency.NORMAL


def test_urgent_in_the_subject_alone_is_not_enough(classifier: UrgencyClassifier) -> None:
    body = "Could you send us your new catalogue?"
    assert classifier.classify(body, "URGENT").urgency is Urgency.NORMAL
    assert classifier.classify(body, "NALÉHAVÉ!!").urgency is Urgency.NORMAL
    deadline = "Could you send us the catalogue today? The buyer decides at 3pm."
    assert classifier.classify(deadline, "URGENT").urgency is Urgency.URGENT


def test_automated_mail_is_never_pressing(classifier: UrgencyClassifier) -> None:
    text = "Zahlungserinnerung: bitte heute noch überweisen, sonst Mahngebühren. Dringend!"
    assert classifier.classify(text).urgency is Urgency.URGENT
    assert classifier.classify(text, automated=True).urgency is not Urgency.URGENT


def test_money_words_in_an_order_do_not_make_it_financial(classifier: UrgencyClassifier) -> None:
    text = "Beru ten kávovar, pošlete prosím fakturu."
    assert classifier.classify(text, intent=Intent.INVOICE).urgency is Urgency.FINANCIAL
    assert classifier.classify(text, intent=Intent.ORDER).urgency is Urgency.NORMAL


def test_reasons_name_the_phrases_that_fired(classifier: UrgencyClassifier) -> None:
    verdict = classifier.classify("Z fritézy se kouří a jiskří to v zásuvce!!")
    assert verdict.urgency is Urgency.CRISIS
    assert any("kouř" in reason for reason in verdict.reasons)


# -- keyword tables: shipped file, editing, saving, merging, re-weighting ----------------


def small_table() -> UrgencyKeywords:
    return UrgencyKeywords.from_json(
        {
            "settings": {"threshold": 1.0, "min_weight": -2.0, "max_weight": 1.5},
            "labels": {
                "crisis": {"cs": [{"phrase": "hoří", "weight": 1.2}]},
                "urgent": {
                    "cs": [
                        {"phrase": "dnes", "weight": 0.6},
                        {"phrase": "kontrol*", "weight": 0.6},
                        {"phrase": "není to spěchá", "weight": -1.0},
                    ],
                    "de": [{"phrase": "dringend", "weight": 1.0}],
                },
                "financial": {"any": [{"regex": r"\bfaktur\w*", "weight": 1.0}]},
                "scheduling": {"cs": [{"phrase": "termín*", "weight": 1.0}]},
            },
        }
    )


def weight_of(table: UrgencyKeywords, label: str, language: str, pattern: str) -> float:
    return next(p.weight for p in table.labels[label][language] if p.pattern == pattern)


def test_shipped_keywords_load_from_the_package() -> None:
    table = UrgencyKeywords.default()
    assert set(table.labels) == {"crisis", "urgent", "financial", "scheduling"}
    assert {"cs", "en", "de"} <= set(table.labels["crisis"])
    assert table.phrase_count() > 300
    assert table.setting("threshold", 0) == 1.0


def test_phrases_match_without_diacritics_and_with_umlaut_spellings() -> None:
    table = small_table()
    hits = table.hits(fold("Dneska máme KONTROLU z hygieny"))
    assert {h.phrase.pattern for h in hits} == {"kontrol*"}  # "dnes" is a whole word
    table = table.with_phrase("urgent", "de", Phrase("Lebensmittelprüfung", 1.0))
    for spelling in ("Lebensmittelprüfung", "lebensmittelpruefung", "LEBENSMITTELPRUFUNG"):
        found = {h.phrase.pattern for h in table.hits(fold(spelling))}
        assert "Lebensmittelprüfung" in found, spelling


def test_editing_keywords_changes_the_verdict() -> None:
    table = small_table()
    text = "Zítra audit HACCP, pošlete protokol."
    assert UrgencyClassifier(table).classify(text).urgency is Urgency.NORMAL
    edited = table.with_phrase("urgent", "cs", Phrase("audit haccp", 1.0))
    assert UrgencyClassifier(edited).classify(text).urgency is Urgency.URGENT
    removed = edited.without_phrase("urgent", "cs", "audit haccp")
    assert UrgencyClassifier(removed).classify(text).urgency is Urgency.NORMAL
    assert table.phrase_count() == removed.phrase_count() == edited.phrase_count() - 1


def test_keywords_save_load_and_merge_with_a_user_file(tmp_path: Path) -> None:
    table = small_table()
    path = tmp_path / "keywords.json"
    table.save(path)
    assert UrgencyKeywords.load(path).to_json() == table.to_json()

    user = tmp_path / "user.json"
    user.write_text(
        json.dumps(
            {
                "labels": {
                    "urgent": {"cs": [{"phrase": "dnes", "weight": 1.0}]},
                    "crisis": {"en": [{"phrase": "kitchen on fire", "weight": 2.0}]},
                }
            }
        ),
        encoding="utf-8",
    )
    merged = UrgencyKeywords.with_user_file(user)
    default = UrgencyKeywords.default()
    assert merged.phrase_count() == default.phrase_count() + 1  # "dnes" replaced, one new
    assert weight_of(merged, "urgent", "cs", "dnes") == 1.0
    assert weight_of(merged, "crisis", "en", "kitchen on fire") == 2.0
    assert UrgencyKeywords.with_user_file(tmp_path / "missing.json").to_json() == default.to_json()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"labels": {"urgent": ["dnes"]}},
        {"labels": {"urgent": {"cs": [{"weight": 1.0}]}}},
        {"labels": {"urgent": {"cs": [{"regex": "(unclosed", "weight": 1.0}]}}},
    ],
)
def test_broken_keyword_files_are_refused(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        UrgencyKeywords.from_json(data)


def test_reweighting_moves_the_phrases_that_fired() -> None:
    table = small_table()
    text = "Dnes máme kontrolu, ale s fakturou."
    updated = table.reweighted([(text, "urgent", "financial")], step=0.1)
    assert weight_of(updated, "urgent", "cs", "dnes") == pytest.approx(0.5)
    assert weight_of(updated, "urgent", "cs", "kontrol*") == pytest.approx(0.5)
    assert weight_of(updated, "financial", "any", r"\bfaktur\w*") == pytest.approx(1.1)
    # phrases that did not fire keep their weight, and the original table is unchanged
    assert weight_of(updated, "crisis", "cs", "hoří") == 1.2
    assert weight_of(updated, "urgent", "de", "dringend") == 1.0
    assert weight_of(table, "urgent", "cs", "dnes") == 0.6


def test_a_confirmed_verdict_raises_its_phrases_by_half_a_step() -> None:
    updated = small_table().reweighted([("Dnes kontrola.", Urgency.URGENT, Urgency.URGENT)])
    assert weight_of(updated, "urgent", "cs", "dnes") == pytest.approx(0.65)


def test_reweighting_is_bounded_and_can_flip_a_verdict() -> None:
    table = small_table()
    text = "Dnes kontrola."
    assert UrgencyClassifier(table).classify(text).urgency is Urgency.URGENT
    corrections = [(text, "urgent", "normal")] * 40
    updated = table.reweighted(corrections)
    assert weight_of(updated, "urgent", "cs", "dnes") == -2.0  # min_weight
    assert UrgencyClassifier(updated).classify(text).urgency is Urgency.NORMAL
    raised = table.reweighted([("Hoří!", "normal", "crisis")] * 40)
    assert weight_of(raised, "crisis", "cs", "hoří") == 1.5  # max_weight
