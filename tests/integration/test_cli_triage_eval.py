"""`gastro-hub triage-eval FILE` run as a subprocess: the report, its JSON line, bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DEV_SET = Path(__file__).resolve().parents[1] / "data" / "triage" / "triage_dev.jsonl"
APP = [sys.executable, "-m", "gastro_hub_desktop", "triage-eval"]
KEYS = {
    "language_accuracy",
    "urgent_recall",
    "urgent_precision",
    "intent_macro_f1",
    "automated_accuracy",
    "n",
}


def run(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*APP, str(path)], capture_output=True, text=True, timeout=120, env=dict(os.environ)
    )


def test_the_dev_set_meets_the_targets() -> None:
    result = run(DEV_SET)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    summary = json.loads(lines[-1])
    assert set(summary) >= KEYS
    assert summary["n"] == 360
    assert summary["language_accuracy"] >= 0.97
    assert summary["urgent_recall"] >= 0.9
    assert summary["urgent_precision"] >= 0.8
    assert summary["intent_macro_f1"] >= 0.7
    assert summary["automated_accuracy"] >= 0.95
    report = result.stdout
    assert "Urgency confusion" in report
    assert "precision  recall" in report


def test_the_report_is_about_the_file_given(tmp_path: Path) -> None:
    rows = [json.loads(text) for text in DEV_SET.read_text(encoding="utf-8").splitlines()[:12]]
    subset = tmp_path / "subset.jsonl"
    subset.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = run(subset)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["n"] == 12


def test_a_malformed_line_is_named_without_a_traceback(tmp_path: Path) -> None:
    lines = DEV_SET.read_text(encoding="utf-8").splitlines()[:2]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([*lines, '{"id": "dev-9999", "text": "unterminated']) + "\n")
    result = run(bad)
    assert result.returncode == 2
    assert "line 3" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run(tmp_path / "nowhere.jsonl")
    assert result.returncode == 2
    assert "cannot read" in result.stderr
    assert "Traceback" not in result.stderr
