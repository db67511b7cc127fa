"""The Triager: one verdict per message with reasons, automated mail, speed, user keywords."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from gastro_hub_desktop.brain.triage.evaluate import load_examples
from gastro_hub_desktop.brain.triage.triager import Triager
from gastro_hub_desktop.domain.messages import Channel, Urgency
from gastro_hub_desktop.domain.triage import Intent, TriageInput

DEV_SET = Path(__file__).resolve().parents[1] / "data" / "triage" / "triage_dev.jsonl"


@pytest.fixture(scope="module")
def triager() -> Triager:
    return Triager()


def test_a_crisis_with_its_reasons(triager: Triager) -> None:
    verdict = triager.triage(
        TriageInput(
            Channel.WHATSAPP,
            "+420602554310",
            None,
            "Dobrý den, v kuchyni je cítit plyn od nového sporáku. Zavřeli jsme ventil. Co máme dělat??",
        )
    )
    assert verdict.language == "cs"
    assert verdict.urgency is Urgency.CRISIS
    assert verdict.is_pressing
    assert verdict.intent is Intent.SERVICE_REQUEST
    assert verdict.automated is False
    assert any("plyn" in reason for reason in verdict.reasons)
    assert 0.5 <= verdict.urgency_confidence <= 1.0
    assert 0.0 <= verdict.intent_confidence <= 1.0


def test_automated_mail_is_labelled_by_its_kind(triager: Triager) -> None:
    newsletter = triager.triage(
        TriageInput(
            "email",
            "marketing@nordchlad.cz",
            "NOVINKA: chladicí stoly – URGENTNĚ objednejte do pátku!",
            "Zaváděcí rabat 8 % jen do pátku, objednejte ještě dnes!\n"
            "Pokud si nepřejete dostávat obchodní sdělení, klikněte zde.",
        )
    )
    assert (newsletter.automated, newsletter.urgency, newsletter.intent) == (
        True,
        Urgency.NORMAL,
        Intent.NEWSLETTER,
    )
    dunning = triager.triage(
        TriageInput(
            "email",
            "no-reply@money-s3-notifikace.cz",
            "Upomínka č. 2 – faktura 2401233 po splatnosti",
            "Faktura č. 2401233 je 14 dní po splatnosti.\nTato zpráva byla vygenerována automaticky.",
        )
    )
    assert (dunning.automated, dunning.urgency, dunning.intent) == (
        True,
        Urgency.FINANCIAL,
        Intent.INVOICE,
    )
    invitation = triager.triage(
        TriageInput(
            "email",
            "noreply@microsoft.com",
            "Microsoft Teams meeting invitation: Kitchen equipment review",
            "Westbridge Hotels has invited you to a Microsoft Teams meeting.\nMeeting ID: 348 221",
        )
    )
    assert (invitation.urgency, invitation.intent) == (Urgency.SCHEDULING, Intent.OTHER)


def test_the_channel_hint_counts(triager: Triager) -> None:
    item = TriageInput("email", "obchod@dodavatel.cz", "Přehled", "Přehled akcí na příští měsíc.")
    assert not triager.triage(item).automated
    hinted = TriageInput(item.channel, item.sender, item.subject, item.text, automated_hint=True)
    assert triager.triage(hinted).automated


def test_nothing_to_read(triager: Triager) -> None:
    verdict = triager.triage(TriageInput("whatsapp", "+420777000000", None, ""))
    assert verdict.language is None
    assert verdict.urgency is Urgency.NORMAL


def test_triage_many_keeps_the_order(triager: Triager) -> None:
    items = [
        TriageInput("whatsapp", "+4915730992014", None, "Und? Gibt's schon was Neues?"),
        TriageInput("email", "ahmed@kebab.cz", "Warranty", "What warranty do you offer?"),
        TriageInput("telegram", "@marek", None, "Kdy přijde technik?"),
    ]
    verdicts = triager.triage_many(items)
    assert [v.language for v in verdicts] == ["de", "en", "cs"]
    assert verdicts[2].urgency is Urgency.SCHEDULING


def test_a_user_keyword_file_changes_the_verdict(tmp_path: Path) -> None:
    text = "Přijede k nám audit HACCP od franšízy, připravte prosím protokol o revizi myčky."
    assert not Triager().triage(TriageInput("email", "a@b.cz", None, text)).is_pressing
    user = tmp_path / "urgency.json"
    user.write_text(
        json.dumps({"labels": {"urgent": {"cs": [{"phrase": "audit haccp", "weight": 1.5}]}}}),
        encoding="utf-8",
    )
    custom = Triager(user_urgency_file=user)
    verdict = custom.triage(TriageInput("email", "a@b.cz", None, text))
    assert verdict.urgency is Urgency.URGENT
    assert any("audit haccp" in reason for reason in verdict.reasons)


def test_fast_enough_for_a_mailbox_import(triager: Triager) -> None:
    items = [example.item for example in load_examples(DEV_SET)]
    triager.triage(items[0])  # the language model loads once
    started = time.perf_counter()
    triager.triage_many(items * 2)
    per_second = 2 * len(items) / (time.perf_counter() - started)
    assert per_second > 300, f"{per_second:.0f} messages/s"  # ~1,300/s on a quiet laptop
