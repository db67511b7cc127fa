"""Triage of incoming messages: language, urgency, intent and automated in one call.

`Triager.triage` combines the detectors of this package into a `Triage` verdict whose
`reasons` list the rules and phrases that fired.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from gastro_hub_desktop.brain.triage.automated import AutomatedKind, classify_automated
from gastro_hub_desktop.brain.triage.intent import IntentClassifier, IntentKeywords
from gastro_hub_desktop.brain.triage.language import (
    LanguageDetector,
    hint_from_sender,
    strip_quoted,
    strip_signature,
)
from gastro_hub_desktop.brain.triage.matching import fold
from gastro_hub_desktop.brain.triage.urgency import UrgencyClassifier, UrgencyKeywords
from gastro_hub_desktop.domain.messages import Urgency
from gastro_hub_desktop.domain.triage import Intent, Triage, TriageInput

# Automated mail that still carries a date or a money matter keeps that label.
_AUTOMATED_URGENCY: dict[AutomatedKind, Urgency] = {
    AutomatedKind.CALENDAR: Urgency.SCHEDULING,
    AutomatedKind.PAYMENT: Urgency.FINANCIAL,
}


class Triager:
    """Decides language, urgency, intent and automated for messages.

    Keyword tables default to the shipped JSON files; pass edited or re-weighted ones (or
    `user_urgency_file` / `user_intent_file` to lay the user's JSON over the defaults).
    """

    def __init__(
        self,
        *,
        urgency_keywords: UrgencyKeywords | None = None,
        intent_keywords: IntentKeywords | None = None,
        languages: LanguageDetector | None = None,
        user_urgency_file: Path | None = None,
        user_intent_file: Path | None = None,
    ) -> None:
        if urgency_keywords is None and user_urgency_file is not None:
            urgency_keywords = UrgencyKeywords.with_user_file(user_urgency_file)
        if intent_keywords is None and user_intent_file is not None:
            intent_keywords = IntentKeywords.with_user_file(user_intent_file)
        self.urgency = UrgencyClassifier(urgency_keywords)
        self.intent = IntentClassifier(intent_keywords)
        self.languages = languages or LanguageDetector()

    def triage(self, item: TriageInput) -> Triage:
        text = item.text or ""
        subject = item.subject or ""
        auto = classify_automated(
            str(item.channel), item.sender or "", subject, text, hint=item.automated_hint
        )
        unquoted = strip_quoted(text) if text.strip() else ""
        hint = hint_from_sender(item.sender)
        language = self.languages.detect_with_confidence(unquoted, hint, quotes_stripped=True)[0]
        if language is None and subject.strip():
            language = self.languages.detect(subject, hint)
        own = strip_signature(unquoted)
        folded = (fold(own), fold(subject))
        intent = self.intent.classify(own, subject, automated_kind=auto.kind, folded=folded)
        reasons: list[str] = []
        if auto.automated:
            reasons.append(f"automated ({auto.kind}): " + "; ".join(auto.reasons[:3]))
        kind_urgency = _AUTOMATED_URGENCY.get(auto.kind) if auto.kind else None
        if kind_urgency is not None:
            urgency, urgency_confidence = kind_urgency, 0.85
            reasons.append(f"{urgency}: automated {auto.kind}")
        elif auto.automated and auto.kind is not AutomatedKind.OTHER:
            urgency, urgency_confidence = Urgency.NORMAL, 0.9
            reasons.append(f"normal: automated {auto.kind}")
        else:
            verdict = self.urgency.classify(
                own, subject, intent=intent.intent, automated=auto.automated, folded=folded
            )
            urgency, urgency_confidence = verdict.urgency, verdict.confidence
            reasons.extend(verdict.reasons)
        chosen_intent = intent.intent
        if urgency is Urgency.CRISIS and chosen_intent in (Intent.OTHER, Intent.QUESTION):
            chosen_intent = Intent.SERVICE_REQUEST  # something broke or is dangerous
            reasons.append("intent service_request: a crisis is about equipment")
        reasons.extend(intent.reasons)
        return Triage(
            language=language,
            urgency=urgency,
            intent=chosen_intent,
            automated=auto.automated,
            urgency_confidence=float(urgency_confidence),
            intent_confidence=float(intent.confidence),
            reasons=tuple(reasons),
        )

    def triage_many(self, items: Iterable[TriageInput]) -> list[Triage]:
        return [self.triage(item) for item in items]
