"""The main purpose of a message (order, quote request, complaint, ...) from cs/en/de rules.

Weighted phrases per intent (intent_keywords.json, same format as the urgency rules) plus a
few structural rules: automated mail by its kind, bare nudges ("?"), short thank-you notes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from gastro_hub_desktop.brain.triage.automated import AutomatedKind
from gastro_hub_desktop.brain.triage.matching import KeywordTable, fold, load_packaged
from gastro_hub_desktop.domain.triage import Intent

DEFAULT_KEYWORDS_FILE = "intent_keywords.json"

# When two intents score the same, the earlier one wins: the more specific purpose first.
PRIORITY: tuple[Intent, ...] = (
    Intent.INVOICE,
    Intent.COMPLAINT,
    Intent.ORDER,
    Intent.QUOTE_REQUEST,
    Intent.DELIVERY,
    Intent.SERVICE_REQUEST,
    Intent.QUESTION,
    Intent.OTHER,
    Intent.NEWSLETTER,
)
_AUTOMATED_INTENT: dict[AutomatedKind, Intent] = {
    AutomatedKind.BOUNCE: Intent.OTHER,
    AutomatedKind.OUT_OF_OFFICE: Intent.OTHER,
    AutomatedKind.CALENDAR: Intent.OTHER,
    AutomatedKind.PLATFORM: Intent.OTHER,
    AutomatedKind.TRACKING: Intent.DELIVERY,
    AutomatedKind.PAYMENT: Intent.INVOICE,
    AutomatedKind.NEWSLETTER: Intent.NEWSLETTER,
}
_THANKS = re.compile(
    r"\b(?:diky|dik|dekuj\w*|dekuji|thanks?|thx|thank you|cheers|danke|dankeschon|passt|super"
    r"|ok|okay|oki|jo|perfekt|perfect|great|alles klar|v poradku|vse ok|funguje)\b"
)
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class IntentVerdict:
    """The intent, how sure (0..1), the score per intent and the rule or phrases behind it."""

    intent: Intent
    confidence: float
    scores: Mapping[str, float]
    reasons: tuple[str, ...]


class IntentKeywords(KeywordTable):
    """Weighted phrases per intent; same JSON format and editing as `UrgencyKeywords`."""

    @classmethod
    def default(cls) -> IntentKeywords:
        """The rules shipped with the app (intent_keywords.json)."""
        return cls.from_json(load_packaged(DEFAULT_KEYWORDS_FILE))

    @classmethod
    def with_user_file(cls, path: Path) -> IntentKeywords:
        """The shipped rules with the user's file laid over them (missing file: defaults)."""
        base = cls.default()
        return base.merged(cls.load(path)) if path.exists() else base


class IntentClassifier:
    """Picks the intent whose phrases weigh most, after the structural rules."""

    def __init__(self, keywords: IntentKeywords | None = None) -> None:
        self.keywords = keywords or IntentKeywords.default()
        self.subject_factor = float(self.keywords.settings.get("subject_factor", 1.0))
        self.min_score = float(self.keywords.settings.get("min_score", 0.5))
        self.decay = float(self.keywords.settings.get("decay", 0.6))

    def classify(
        self,
        text: str,
        subject: str | None = None,
        *,
        automated_kind: AutomatedKind | None = None,
        folded: tuple[str, str] | None = None,
    ) -> IntentVerdict:
        body, subj = folded if folded is not None else (fold(text), fold(subject or ""))
        intent = _AUTOMATED_INTENT.get(automated_kind) if automated_kind else None
        if intent is not None:
            return IntentVerdict(intent, 0.9, {}, (f"intent {intent}: automated {automated_kind}",))
        hits = self.keywords.counted(self.keywords.hits(body, subj))
        scores = self.keywords.scores(hits, self.subject_factor, self.decay)
        scores.pop(str(Intent.NEWSLETTER), None)  # only automated mail is a newsletter
        words = _WORDS.findall(body)
        if not words:
            return IntentVerdict(Intent.QUESTION, 0.6, scores, ("intent question: bare nudge",))
        best = max(PRIORITY, key=lambda i: (scores.get(str(i), 0.0), -PRIORITY.index(i)))
        best_score = scores.get(str(best), 0.0)
        thanks_only = len(words) <= 6 and _THANKS.search(body) and "?" not in body
        if thanks_only and best in (Intent.OTHER, Intent.QUESTION, Intent.SERVICE_REQUEST):
            return IntentVerdict(Intent.OTHER, 0.7, scores, ("intent other: short thank-you",))
        weak_other = best is Intent.OTHER and best_score < 2 * self.min_score
        if best_score < self.min_score or (weak_other and "?" in body):
            fallback = Intent.QUESTION if "?" in body else Intent.OTHER
            return IntentVerdict(fallback, 0.4, scores, (f"intent {fallback}: no rule fired",))
        ranked = sorted(scores.values(), reverse=True)
        runner_up = ranked[1] if len(ranked) > 1 else 0.0
        confidence = min(0.95, 0.5 + 0.5 * (best_score - runner_up) / (best_score + 1e-9))
        fired = [f"“{h.phrase.pattern}”" for h in hits if h.label == str(best)]
        reason = f"intent {best} {best_score:.2f}: " + ", ".join(fired[:8])
        return IntentVerdict(best, round(confidence, 3), scores, (reason,))
