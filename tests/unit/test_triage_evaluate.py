"""The evaluation report: reading labelled JSONL strictly, the figures, the JSON last line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from gastro_hub_desktop.brain.triage.evaluate import (
    DatasetError,
    evaluate,
    format_report,
    load_examples,
    run,
)
from gastro_hub_desktop.domain.messages import Urgency
from gastro_hub_desktop.domain.triage import Intent, Triage


def line(ident: str, **overrides: object) -> str:
    row: dict[str, object] = {
        "id": ident,
        "channel": "email",
        "sender": "a@b.cz",
        "subject": None,
        "text": "Dobrý den",
        "language": "cs",
        "urgency": "normal",
        "intent": "question",
        "automated": False,
    }
    row.update(overrides)
    return json.dumps(row, ensure_ascii=False)


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('{"id": "x-2", "channel": ', "line 2: not valid JSON"),
        ("[1, 2, 3]", "line 2: expected a JSON object"),
        (json.dumps({"id": "x-2"}), "line 2: missing field(s): channel"),
        (line("x-2", urgency="panic"), "line 2: unknown urgency 'panic'"),
        (line("x-2", intent="gossip"), "line 2: unknown intent 'gossip'"),
        (line("x-2", automated="true"), "line 2: field 'automated' must be true or false"),
        (line("x-2", text=None), "line 2: field 'text' must be a string"),
        (line("x-1"), "line 2: duplicate id 'x-1'"),
    ],
)
def test_a_bad_line_is_named(tmp_path: Path, bad: str, message: str) -> None:
    path = write(tmp_path, line("x-1"), bad, line("x-3"))
    with pytest.raises(DatasetError) as caught:
        load_examples(path)
    assert str(caught.value).startswith(message)
    assert caught.value.line == 2


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, line("x-1"), "", "   ", line("x-2", subject="Re: x"))
    examples = load_examples(path)
    assert [e.id for e in examples] == ["x-1", "x-2"]
    assert examples[1].item.subject == "Re: x"


def test_an_empty_or_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no examples"):
        load_examples(write(tmp_path, ""))
    with pytest.raises(DatasetError, match="cannot read"):
        load_examples(tmp_path / "missing.jsonl")


def verdict(language: str, urgency: Urgency, intent: Intent, automated: bool = False) -> Triage:
    return Triage(language, urgency, intent, automated)


def test_the_figures(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        line("a", urgency="crisis", intent="service_request"),
        line("b", urgency="urgent", intent="order"),
        line("c", urgency="normal", intent="question", language="en"),
        line("d", urgency="financial", intent="invoice", automated=True),
    )
    examples = load_examples(path)
    verdicts = [
        verdict("cs", Urgency.URGENT, Intent.SERVICE_REQUEST),  # pressing, right
        verdict("cs", Urgency.NORMAL, Intent.ORDER),  # pressing missed
        verdict("cs", Urgency.URGENT, Intent.QUESTION),  # false alarm, wrong language
        verdict("cs", Urgency.FINANCIAL, Intent.ORDER, automated=True),
    ]
    report = evaluate(examples, verdicts)
    summary = report.summary
    assert summary["n"] == 4
    assert summary["language_accuracy"] == 0.75
    assert summary["urgent_recall"] == 0.5
    assert summary["urgent_precision"] == 0.5
    assert summary["urgency_accuracy"] == 0.25
    assert summary["automated_accuracy"] == 1.0
    # intent F1: service_request 1, order 2/3 (P 1/2, R 1), question 1, invoice 0
    assert summary["intent_macro_f1"] == pytest.approx((1 + 2 / 3 + 1 + 0) / 4, abs=1e-4)
    assert report.urgency_confusion["crisis"]["urgent"] == 1
    assert report.urgency_confusion["urgent"]["normal"] == 1
    assert ("c", "language", "en", "cs") in report.errors
    lines = format_report(report, max_errors=2)
    assert json.loads(lines[-1]) == summary
    assert sum(1 for text in lines if text.startswith("  a  ") or text.startswith("  b  ")) == 2


def test_run_prints_the_report_and_exits_cleanly(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        line("a", text="Kdy přijde technik?", urgency="scheduling", intent="service_request"),
        line("b", text="Dobrý den, máte otevřeno i v sobotu?", intent="question"),
    )
    out, err = io.StringIO(), io.StringIO()
    assert run(path, out=out, err=err) == 0
    last = json.loads(out.getvalue().strip().splitlines()[-1])
    assert last["n"] == 2
    assert last["language_accuracy"] == 1.0
    assert err.getvalue() == ""


def test_run_refuses_a_malformed_file_with_exit_code_2(tmp_path: Path) -> None:
    path = write(tmp_path, line("a"), "not json at all")
    out, err = io.StringIO(), io.StringIO()
    assert run(path, out=out, err=err) == 2
    assert "line 2" in err.getvalue()
    assert out.getvalue() == ""
