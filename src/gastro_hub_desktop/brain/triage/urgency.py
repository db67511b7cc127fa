"""How pressing a message is, from weighted keyword rules the user can edit and re-weight.

Follows the ordered decision list of shared/data/README.md: crisis > urgent > financial >
scheduling > normal; negations ("není to spěchá", "no rush") carry negative weights.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from gastro_hub_desktop.brain.triage.matching import Hit, KeywordTable, Phrase, fold, load_packaged
from gastro_hub_desktop.domain.messages import Urgency
from gastro_hub_desktop.domain.triage import Intent

DEFAULT_KEYWORDS_FILE = "urgency_keywords.json"
ORDER: tuple[Urgency, ...] = (
    Urgency.CRISIS,
    Urgency.URGENT,
    Urgency.FINANCIAL,
    Urgency.SCHEDULING,
)


class UrgencyKeywords(KeywordTable):
    """Weighted phrases per urgency label ("crisis", "urgent", "financial", "scheduling").

    Each label maps language ("cs", "en", "de", "any") → phrases. A label fires when the
    weights of its phrases that occur add up to its threshold (`settings["threshold"]`);
    negative weights are negations. `settings` also holds "subject_factor" (how much a
    phrase found only in the subject counts), "scheduling_threshold" (raised by
    "scheduling_extra_off_topic" for orders, complaints and invoices),
    "financial_threshold_with_invoice"/"..._without_invoice" (when the intent is known),
    "crisis_gate" (crisis needs at least one phrase this strong: a failure or a hazard, not
    only high stakes) and the weight bounds "min_weight"/"max_weight".
    """

    @classmethod
    def default(cls) -> UrgencyKeywords:
        """The rules shipped with the app (urgency_keywords.json)."""
        return cls.from_json(load_packaged(DEFAULT_KEYWORDS_FILE))

    @classmethod
    def with_user_file(cls, path: Path) -> UrgencyKeywords:
        """The shipped rules with the user's file laid over them (missing file: defaults)."""
        base = cls.default()
        if not path.exists():
            return base
        return base.merged(cls.load(path))

    def setting(self, name: str, default: float) -> float:
        return float(self.settings.get(name, default))

    def reweighted(
        self,
        corrections: Iterable[tuple[str, Urgency | str, Urgency | str]],
        *,
        step: float = 0.1,
    ) -> UrgencyKeywords:
        """Weights nudged by what the user corrected: (text, predicted, corrected) triples.

        For a wrong prediction, phrases that fired for the predicted label are lowered and
        phrases that fired for the corrected label are raised, by `step` per correction,
        bounded by the "min_weight"/"max_weight" settings. A confirmed prediction raises
        the phrases that fired for it by half a step. Returns a new table.
        """
        low = self.setting("min_weight", -3.0)
        high = self.setting("max_weight", 3.0)
        delta: dict[tuple[str, str, str, bool], float] = {}
        for text, predicted, corrected in corrections:
            predicted_label, corrected_label = str(Urgency(predicted)), str(Urgency(corrected))
            fired = {
                (hit.label, hit.language, hit.phrase.pattern, hit.phrase.regex)
                for hit in self.hits(fold(text))
            }
            for key in fired:
                label = key[0]
                if predicted_label == corrected_label:
                    if label == corrected_label:
                        delta[key] = delta.get(key, 0.0) + step / 2
                elif label == predicted_label:
                    delta[key] = delta.get(key, 0.0) - step
                elif label == corrected_label:
                    delta[key] = delta.get(key, 0.0) + step
        labels: dict[str, dict[str, tuple[Phrase, ...]]] = {}
        for label, per_language in self.labels.items():
            labels[label] = {}
            for language, phrases in per_language.items():
                updated = []
                for phrase in phrases:
                    change = delta.get((label, language, phrase.pattern, phrase.regex), 0.0)
                    weight = min(high, max(low, phrase.weight + change))
                    updated.append(Phrase(phrase.pattern, weight, phrase.regex))
                labels[label][language] = tuple(updated)
        return UrgencyKeywords(labels, dict(self.settings))


@dataclass(frozen=True)
class UrgencyVerdict:
    """The label, how sure (0..1), the score per label and the phrases that fired."""

    urgency: Urgency
    confidence: float
    scores: Mapping[str, float]
    reasons: tuple[str, ...]


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _describe(hits: Iterable[Hit], label: str) -> list[str]:
    shown = []
    for hit in hits:
        if hit.label == label:
            sign = "+" if hit.phrase.weight >= 0 else "−"
            where = " (subject)" if hit.in_subject else ""
            shown.append(f"{sign}“{hit.phrase.pattern}”{where}")
    return shown


class UrgencyClassifier:
    """Applies `UrgencyKeywords` in the README's order and explains what fired."""

    def __init__(self, keywords: UrgencyKeywords | None = None) -> None:
        self.keywords = keywords or UrgencyKeywords.default()
        self.threshold = self.keywords.setting("threshold", 1.0)
        self.subject_factor = self.keywords.setting("subject_factor", 0.5)
        self.decay = self.keywords.setting("decay", 1.0)
        self.scheduling_threshold = self.keywords.setting("scheduling_threshold", self.threshold)
        self.financial_strict = self.keywords.setting("financial_threshold_without_invoice", 2.0)
        self.financial_loose = self.keywords.setting("financial_threshold_with_invoice", 0.6)
        self.scheduling_extra = self.keywords.setting("scheduling_extra_off_topic", 1.0)
        self.crisis_gate = self.keywords.setting("crisis_gate", 0.0)

    def classify(
        self,
        text: str,
        subject: str | None = None,
        *,
        intent: Intent | None = None,
        automated: bool = False,
        folded: tuple[str, str] | None = None,
    ) -> UrgencyVerdict:
        """The first label (crisis, urgent, financial, scheduling) whose rules add up.

        `intent`, when known, steadies the money and date labels: money words in an order
        ("send the invoice with it") do not make it financial. Automated mail is never
        crisis or urgent. `folded` passes (body, subject) already folded, to save work.
        """
        body, subj = folded if folded is not None else (fold(text), fold(subject or ""))
        hits = self.keywords.counted(self.keywords.hits(body, subj))
        scores = self.keywords.scores(hits, self.subject_factor, self.decay)
        thresholds = {
            Urgency.CRISIS: self.threshold,
            Urgency.URGENT: self.threshold,
            Urgency.FINANCIAL: self.threshold,
            Urgency.SCHEDULING: self.scheduling_threshold,
        }
        if intent is not None:
            if intent is not Intent.INVOICE:
                thresholds[Urgency.FINANCIAL] = self.financial_strict
            if intent in (Intent.INVOICE, Intent.NEWSLETTER, Intent.ORDER, Intent.COMPLAINT):
                thresholds[Urgency.SCHEDULING] += self.scheduling_extra
            if intent is Intent.INVOICE:
                thresholds[Urgency.FINANCIAL] = self.financial_loose
        strongest = max(
            (h.phrase.weight for h in hits if h.label == str(Urgency.CRISIS)), default=0.0
        )
        if strongest < self.crisis_gate:  # crisis needs a failure or a hazard, not just stakes
            thresholds[Urgency.CRISIS] = math.inf
        if automated:
            thresholds[Urgency.CRISIS] = thresholds[Urgency.URGENT] = math.inf
        chosen = Urgency.NORMAL
        for label in ORDER:
            if scores.get(str(label), 0.0) >= thresholds[label]:
                chosen = label
                break
        reasons = []
        for label in ORDER:
            described = _describe(hits, str(label))
            if described:
                total = scores.get(str(label), 0.0)
                reasons.append(f"{label} {total:.2f}: " + ", ".join(described[:8]))
        if chosen is Urgency.NORMAL:
            margins = [
                scores.get(str(label), 0.0) - thresholds[label]
                for label in ORDER
                if math.isfinite(thresholds[label])
            ]
            confidence = 1.0 - _sigmoid(3.0 * (max(margins) + 0.3)) if margins else 0.9
        else:
            confidence = _sigmoid(3.0 * (scores[str(chosen)] - thresholds[chosen] + 0.3))
        return UrgencyVerdict(chosen, round(confidence, 3), scores, tuple(reasons))
