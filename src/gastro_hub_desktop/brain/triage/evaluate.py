"""Measure triage against a labelled JSONL file (the dev-set format of shared/data/README.md).

`run(path)` prints per-field accuracy, per-label precision/recall, the urgency confusion
matrix and misclassified ids, and ends with one JSON line of the headline figures.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from gastro_hub_desktop.domain.messages import Urgency
from gastro_hub_desktop.domain.triage import Intent, Triage, TriageInput

FIELDS = (
    "id",
    "channel",
    "sender",
    "subject",
    "text",
    "language",
    "urgency",
    "intent",
    "automated",
)
PRESSING = {str(Urgency.CRISIS), str(Urgency.URGENT)}


class DatasetError(ValueError):
    """A line of the labelled file cannot be used; says which line and why."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass(frozen=True)
class Example:
    id: str
    item: TriageInput
    language: str | None
    urgency: str
    intent: str
    automated: bool


def _check(line_no: int, data: Any) -> Example:
    if not isinstance(data, dict):
        raise DatasetError(line_no, "expected a JSON object")
    missing = [name for name in FIELDS if name not in data]
    if missing:
        raise DatasetError(line_no, "missing field(s): " + ", ".join(missing))
    for name in ("id", "channel", "sender", "text"):
        if not isinstance(data[name], str):
            raise DatasetError(line_no, f"field {name!r} must be a string")
    for name in ("subject", "language"):
        if data[name] is not None and not isinstance(data[name], str):
            raise DatasetError(line_no, f"field {name!r} must be a string or null")
    if data["urgency"] not in {str(u) for u in Urgency}:
        raise DatasetError(line_no, f"unknown urgency {data['urgency']!r}")
    if data["intent"] not in {str(i) for i in Intent}:
        raise DatasetError(line_no, f"unknown intent {data['intent']!r}")
    if not isinstance(data["automated"], bool):
        raise DatasetError(line_no, "field 'automated' must be true or false")
    item = TriageInput(data["channel"], data["sender"], data["subject"], data["text"])
    return Example(
        data["id"], item, data["language"], data["urgency"], data["intent"], data["automated"]
    )


def load_examples(path: Path) -> list[Example]:
    """All examples of a JSONL file; blank lines are skipped, anything else must be valid."""
    examples: list[Example] = []
    seen: set[str] = set()
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise DatasetError(0, f"cannot read {path}: {exc.strerror or exc}") from exc
    with handle:
        try:
            for line_no, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DatasetError(line_no, f"not valid JSON ({exc.msg})") from exc
                example = _check(line_no, data)
                if example.id in seen:
                    raise DatasetError(line_no, f"duplicate id {example.id!r}")
                seen.add(example.id)
                examples.append(example)
        except UnicodeDecodeError as exc:
            raise DatasetError(len(examples) + 1, "the file is not UTF-8") from exc
    if not examples:
        raise DatasetError(0, f"{path} holds no examples")
    return examples


@dataclass
class Report:
    n: int
    accuracy: dict[str, float]
    per_label: dict[str, dict[str, tuple[float, float, int]]]  # field → label → (P, R, support)
    urgency_confusion: dict[str, Counter[str]]
    errors: list[tuple[str, str, str, str]]  # id, field, expected, predicted
    summary: dict[str, float | int] = field(default_factory=dict)


def _precision_recall(gold: Sequence[str], pred: Sequence[str], label: str) -> tuple[float, float]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
    predicted = sum(1 for p in pred if p == label)
    actual = sum(1 for g in gold if g == label)
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    return precision, recall


def _macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    labels = sorted(set(gold) | set(pred))
    scores = []
    for label in labels:
        p, r = _precision_recall(gold, pred, label)
        scores.append(2 * p * r / (p + r) if p + r else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def evaluate(examples: Sequence[Example], verdicts: Sequence[Triage]) -> Report:
    gold: dict[str, list[str]] = {
        "language": [str(e.language) for e in examples],
        "urgency": [e.urgency for e in examples],
        "intent": [e.intent for e in examples],
        "automated": [str(e.automated).lower() for e in examples],
    }
    pred: dict[str, list[str]] = {
        "language": [str(v.language) for v in verdicts],
        "urgency": [str(v.urgency) for v in verdicts],
        "intent": [str(v.intent) for v in verdicts],
        "automated": [str(v.automated).lower() for v in verdicts],
    }
    n = len(examples)
    accuracy = {
        name: sum(1 for g, p in zip(gold[name], pred[name], strict=True) if g == p) / n
        for name in gold
    }
    per_label: dict[str, dict[str, tuple[float, float, int]]] = {}
    for name in ("language", "urgency", "intent", "automated"):
        per_label[name] = {}
        for label in sorted(set(gold[name]) | set(pred[name])):
            p, r = _precision_recall(gold[name], pred[name], label)
            per_label[name][label] = (p, r, gold[name].count(label))
    confusion: dict[str, Counter[str]] = {str(u): Counter() for u in Urgency}
    for g, p in zip(gold["urgency"], pred["urgency"], strict=True):
        confusion.setdefault(g, Counter())[p] += 1
    errors = [
        (e.id, name, gold[name][i], pred[name][i])
        for i, e in enumerate(examples)
        for name in gold
        if gold[name][i] != pred[name][i]
    ]
    gold_pressing = ["y" if u in PRESSING else "n" for u in gold["urgency"]]
    pred_pressing = ["y" if u in PRESSING else "n" for u in pred["urgency"]]
    urgent_precision, urgent_recall = _precision_recall(gold_pressing, pred_pressing, "y")
    summary: dict[str, float | int] = {
        "n": n,
        "language_accuracy": round(accuracy["language"], 4),
        "urgent_recall": round(urgent_recall, 4),
        "urgent_precision": round(urgent_precision, 4),
        "urgency_accuracy": round(accuracy["urgency"], 4),
        "intent_accuracy": round(accuracy["intent"], 4),
        "intent_macro_f1": round(_macro_f1(gold["intent"], pred["intent"]), 4),
        "automated_accuracy": round(accuracy["automated"], 4),
    }
    return Report(n, accuracy, per_label, confusion, errors, summary)


def format_report(report: Report, *, max_errors: int = 30) -> list[str]:
    """The report as lines; the last line is the JSON summary."""
    lines = [f"Triage evaluation on {report.n} messages", ""]
    lines.append("Accuracy: " + ", ".join(f"{k} {v:.3f}" for k, v in report.accuracy.items()))
    for name, labels in report.per_label.items():
        lines.append("")
        lines.append(f"{name:<16} precision  recall  support")
        for label, (p, r, support) in labels.items():
            lines.append(f"  {label:<14} {p:9.3f} {r:7.3f} {support:8d}")
    lines.append("")
    order = [str(u) for u in Urgency]
    lines.append("Urgency confusion (rows: expected, columns: predicted)")
    lines.append(" " * 12 + "".join(f"{label[:10]:>11}" for label in order))
    for expected in order:
        row = report.urgency_confusion.get(expected, Counter())
        lines.append(f"{expected:<12}" + "".join(f"{row[p]:>11d}" for p in order))
    lines.append("")
    shown = report.errors[:max_errors]
    lines.append(f"Misclassified ({len(report.errors)} field errors, first {len(shown)}):")
    for ident, name, expected, predicted in shown:
        lines.append(f"  {ident}  {name}: expected {expected}, got {predicted}")
    lines.append("")
    lines.append(json.dumps(report.summary, sort_keys=True))
    return lines


def run(path: Path, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """The `gastro-hub triage-eval FILE` command: 0 when it ran, 2 for an unusable file."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        examples = load_examples(path)
    except DatasetError as exc:
        where = f"{path}: " if exc.line == 0 else f"{path}, "
        message = str(exc) if exc.line else str(exc).removeprefix("line 0: ")
        print(f"triage-eval: {where}{message}", file=err)
        return 2
    from gastro_hub_desktop.brain.triage.triager import Triager

    triager = Triager()
    triager.triage(examples[0].item)  # load the language model before timing
    started = time.perf_counter()
    verdicts = triager.triage_many(e.item for e in examples)
    elapsed = time.perf_counter() - started
    report = evaluate(examples, verdicts)
    report.summary["messages_per_second"] = round(len(examples) / elapsed, 1) if elapsed else 0
    for line in format_report(report):
        print(line, file=out)
    return 0
