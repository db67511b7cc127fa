"""The daily learning job: acceptance per intent, provider and template compared with the week
before, urgency keywords re-weighted from people's corrections, VIP scores updated, and the
day's report saved. APScheduler runs it every evening; a missed day is made up at start."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from gastro_hub_desktop.store.drafts import Drafts
from gastro_hub_desktop.store.learning import LearningRecords, UrgencyCorrection
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.settings import AppSettings

log = logging.getLogger(__name__)
ZONE = ZoneInfo("Europe/Prague")
RUN_AT = (22, 30)  # local time
KEYWORDS_KEY = "ai.urgency_keywords"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


def reweight_keywords(store: Store, corrections: list[UrgencyCorrection]) -> list[str]:
    """Let the people's urgency corrections move the keyword weights; saved for triage.
    Returns each change in words."""
    if not corrections:
        return []
    from gastro_hub_desktop.engine.assistant import effective_keywords

    settings = AppSettings(store)
    saved = settings.get(KEYWORDS_KEY)
    keywords = effective_keywords(saved)
    updated = keywords.reweighted([(c.text, c.predicted, c.corrected) for c in corrections])
    changes: list[str] = []
    for label, per_language in updated.labels.items():
        for language, phrases in per_language.items():
            before = {p.pattern: p.weight for p in keywords.labels[label][language]}
            for phrase in phrases:
                old = before.get(phrase.pattern)
                if old is not None and abs(old - phrase.weight) > 1e-9:
                    changes.append(
                        f"{label} ({language}) '{phrase.pattern}': {old:.2f} → {phrase.weight:.2f}"
                    )
    if changes:
        settings.put(KEYWORDS_KEY, updated.to_json(), actor="learning")
    return changes


def run_learning(
    store: Store,
    now: datetime | None = None,
    reweight: Callable[[Store, list[UrgencyCorrection]], list[str]] = reweight_keywords,
) -> dict[str, Any]:
    """Learn from the last day and keep the report under today's date."""
    now = now or datetime.now(UTC)
    today = now.astimezone(ZONE).date()
    records = LearningRecords(store)
    week = now - timedelta(days=7)
    acceptance = records.acceptance(week)
    drafts = Drafts(store)
    this_week = drafts.outcomes(since=week, until=now)
    last_week = drafts.outcomes(since=week - timedelta(days=7), until=week)
    corrections = records.urgency_corrections(now - timedelta(days=1))
    try:
        keyword_changes = reweight(store, corrections)
    except Exception:  # a bad keyword file must not cost the rest of the report
        log.exception("urgency keywords not re-weighted")
        keyword_changes = ["Keywords could not be re-weighted (see the log)."]
    vip = records.update_vip_scores(now)
    summary = [
        f"Drafts decided in the last 7 days: {this_week.decided} "
        f"({this_week.approved} sent unchanged, {this_week.edited} edited, "
        f"{this_week.rejected} rejected); {this_week.auto} sent automatically.",
        f"Acceptance (sent unchanged): {_share(this_week.acceptance)} this week, "
        f"{_share(last_week.acceptance)} the week before"
        + (
            f" ({'up' if this_week.acceptance > last_week.acceptance else 'down'} "
            f"{abs(round((this_week.acceptance - last_week.acceptance) * 100))} points)."
            if this_week.acceptance is not None
            and last_week.acceptance is not None
            and this_week.acceptance != last_week.acceptance
            else "."
        ),
    ]
    templates = acceptance["by_template"]
    weak = [
        k
        for k, v in templates.items()
        if v["acceptance"] is not None
        and v["approved"] + v["edited"] + v["rejected"] >= 3
        and v["acceptance"] < 0.3
    ]
    if weak:
        summary.append("Templates people mostly change: " + ", ".join(sorted(weak)) + ".")
    summary.append(
        f"Urgency corrections today: {len(corrections)}; keyword changes: {len(keyword_changes)}."
    )
    summary.append(
        f"VIP: {vip['became_vip']} customers became VIP, {vip['no_longer_vip']} no longer are."
    )
    report = {
        "day": today.isoformat(),
        "generated_at": now.isoformat(),
        "acceptance": acceptance,
        "this_week": {"acceptance": this_week.acceptance, "decided": this_week.decided},
        "last_week": {"acceptance": last_week.acceptance, "decided": last_week.decided},
        "keywords": {"corrections": len(corrections), "changes": keyword_changes},
        "vip": vip,
        "summary": summary,
    }
    records.save_report(today, report)
    log.info("learning report for %s: %s", today, " ".join(summary))
    return report


class LearningSchedule:
    """Runs the learning job every evening (and once at start when yesterday's is missing)."""

    def __init__(self, store: Store, on_report: Callable[[dict[str, Any]], None]) -> None:
        self.store = store
        self.on_report = on_report
        self._scheduler: Any = None

    def start(self) -> None:
        from apscheduler.schedulers.background import BackgroundScheduler
        from apscheduler.triggers.cron import CronTrigger

        self._scheduler = BackgroundScheduler(timezone=ZONE)
        self._scheduler.add_job(
            self.run,
            CronTrigger(hour=RUN_AT[0], minute=RUN_AT[1], timezone=ZONE),
            id="learning",
            misfire_grace_time=None,
            coalesce=True,
        )
        yesterday = datetime.now(ZONE).date() - timedelta(days=1)
        if not LearningRecords(self.store).has_report(yesterday) and not LearningRecords(
            self.store
        ).has_report(datetime.now(ZONE).date()):
            self._scheduler.add_job(self.run, id="catch-up")
        self._scheduler.start()

    def run(self) -> dict[str, Any]:
        report = run_learning(self.store)
        self.on_report(report)
        return report

    def stop(self) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=True)  # a running job finishes its transaction first


def today_local() -> date:
    return datetime.now(ZONE).date()
