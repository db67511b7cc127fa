"""The daily learning job's reading and writing: acceptance per intent, provider and template,
the urgency corrections people made, VIP scores from activity and the CRM, and the report
kept per day (shown and exported as HTML by the AI panel)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, update

from gastro_hub_desktop.domain.messages import Direction
from gastro_hub_desktop.store.drafts import Drafts, OutcomeCounts
from gastro_hub_desktop.store.repository import Store
from gastro_hub_desktop.store.schema import (
    AuditEntry,
    Contact,
    Conversation,
    LearningReport,
    Message,
    utcnow,
)

_reports = LearningReport.__table__
_contacts = Contact.__table__
_audit = AuditEntry.__table__
_m = Message.__table__
_c = Conversation.__table__
ACTIVITY_DAYS = 90
ACTIVE_CUSTOMER = 30  # messages in ACTIVITY_DAYS that count as fully active
VIP_THRESHOLD = 0.7


@dataclass(frozen=True)
class UrgencyCorrection:
    """A person changed triage's urgency of a message."""

    text: str
    predicted: str
    corrected: str


def _counts_dict(c: OutcomeCounts) -> dict[str, Any]:
    return {
        "approved": c.approved,
        "edited": c.edited,
        "rejected": c.rejected,
        "auto": c.auto,
        "acceptance": c.acceptance,
    }


class LearningRecords:
    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------ corrections

    def record_urgency_correction(
        self, conversation_id: int, corrected: str, actor: str = "user"
    ) -> None:
        """Keep what a person said the urgency of the conversation's newest customer message
        is (the learning job re-weights keywords from these), and show it at once."""
        from gastro_hub_desktop.domain.messages import Urgency

        rank = Urgency(corrected).rank
        with self.store._write() as conn:
            row = conn.execute(
                select(_m.c.id, _m.c.text, _m.c.subject, _m.c.urgency)
                .where(
                    _m.c.conversation_id == conversation_id,
                    _m.c.direction == Direction.INBOUND.value,
                )
                .order_by(_m.c.sent_at.desc(), _m.c.id.desc())
                .limit(1)
            ).one_or_none()
            if row is None:
                return
            conn.execute(update(_m).where(_m.c.id == row.id).values(urgency=corrected))
            conn.execute(update(_c).where(_c.c.id == conversation_id).values(urgency_rank=rank))
            text = f"{row.subject}\n{row.text}" if row.subject else row.text
            self.store._audit(
                conn,
                actor,
                "triage.correct",
                "message",
                row.id,
                {"field": "urgency", "from": row.urgency, "to": corrected, "text": text[:4000]},
            )

    def urgency_corrections(self, since: datetime) -> list[UrgencyCorrection]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(_audit.c.detail).where(
                    _audit.c.action == "triage.correct", _audit.c.at >= since
                )
            ).all()
        return [
            UrgencyCorrection(r.detail["text"], r.detail.get("from") or "normal", r.detail["to"])
            for r in rows
            if r.detail and r.detail.get("field") == "urgency"
        ]

    # ------------------------------------------------------------ VIP scores

    def update_vip_scores(self, now: datetime | None = None) -> dict[str, int]:
        """Score every contact from activity (customer messages in the last 90 days) and the
        CRM (its VIP mark, their value against the best customer's); a manual flag wins."""
        now = now or utcnow()
        since = now - timedelta(days=ACTIVITY_DAYS)
        with self.store._write() as conn:
            activity = dict(
                conn.execute(
                    select(_c.c.contact_id, func.count())
                    .select_from(_m.join(_c, _c.c.id == _m.c.conversation_id))
                    .where(
                        _m.c.direction == Direction.INBOUND.value,
                        _m.c.sent_at >= since,
                        _m.c.automated.is_(False),
                    )
                    .group_by(_c.c.contact_id)
                ).all()
            )
            top_value = conn.execute(select(func.max(_contacts.c.crm_value))).scalar() or 0.0
            rows = conn.execute(
                select(
                    _contacts.c.id,
                    _contacts.c.vip_manual,
                    _contacts.c.crm_vip,
                    _contacts.c.crm_value,
                    _contacts.c.is_vip,
                    _contacts.c.vip_score,
                )
            ).all()
            became = lost = 0
            changes = []
            for r in rows:
                active = min(1.0, activity.get(r.id, 0) / ACTIVE_CUSTOMER)
                value = min(1.0, (r.crm_value or 0.0) / top_value) if top_value > 0 else 0.0
                score = 1.0 if r.crm_vip else round(0.6 * value + 0.4 * active, 3)
                vip = r.vip_manual if r.vip_manual is not None else score >= VIP_THRESHOLD
                if vip != bool(r.is_vip) or abs(score - (r.vip_score or 0.0)) > 1e-9:
                    changes.append({"b_id": r.id, "b_score": score, "b_vip": vip})
                    became += int(vip and not r.is_vip)
                    lost += int(not vip and bool(r.is_vip))
            if changes:
                from sqlalchemy import bindparam

                conn.execute(
                    update(_contacts)
                    .where(_contacts.c.id == bindparam("b_id"))
                    .values(vip_score=bindparam("b_score"), is_vip=bindparam("b_vip")),
                    changes,
                )
        return {"scored": len(rows), "became_vip": became, "no_longer_vip": lost}

    # ------------------------------------------------------------ reports

    def acceptance(self, since: datetime) -> dict[str, Any]:
        drafts = Drafts(self.store)
        return {
            "overall": _counts_dict(drafts.outcomes(since=since)),
            "by_intent": {
                (k or "unknown"): _counts_dict(v)
                for k, v in sorted(drafts.outcomes_by("intent", since).items(), key=_key)
            },
            "by_provider": {
                (k or "unknown"): _counts_dict(v)
                for k, v in sorted(drafts.outcomes_by("provider", since).items(), key=_key)
            },
            "by_template": {
                (k or "(past reply)"): _counts_dict(v)
                for k, v in sorted(drafts.outcomes_by("template_key", since).items(), key=_key)
            },
        }

    def save_report(self, day: date, report: dict[str, Any]) -> None:
        with self.store._write() as conn:
            changed = conn.execute(
                update(_reports)
                .where(_reports.c.day == day.isoformat())
                .values(report=report, created_at=utcnow())
            ).rowcount
            if not changed:
                conn.execute(
                    insert(_reports),
                    {"day": day.isoformat(), "report": report, "created_at": utcnow()},
                )

    def report(self, day: date | None = None) -> tuple[str, dict[str, Any]] | None:
        """The report of `day`, or the newest one."""
        q = select(_reports.c.day, _reports.c.report)
        q = (
            q.where(_reports.c.day == day.isoformat())
            if day
            else q.order_by(_reports.c.day.desc()).limit(1)
        )
        with self.store.engine.connect() as conn:
            row = conn.execute(q).one_or_none()
        return None if row is None else (row.day, row.report)

    def has_report(self, day: date) -> bool:
        return self.report(day) is not None


def _key(item: tuple[str | None, Any]) -> str:
    return item[0] or ""


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


def report_html(day: str, report: dict[str, Any]) -> str:
    """The report as a standalone HTML page (what Export saves)."""

    def table(title: str, rows: dict[str, dict[str, Any]]) -> str:
        body = "".join(
            f"<tr><td>{html.escape(k)}</td><td>{v['approved']}</td><td>{v['edited']}</td>"
            f"<td>{v['rejected']}</td><td>{v['auto']}</td><td>"
            f"{_percent(v['acceptance'])}</td></tr>"
            for k, v in rows.items()
        )
        return (
            f"<h2>{html.escape(title)}</h2><table border='1' cellpadding='4'><tr><th></th>"
            "<th>Sent unchanged</th><th>Edited</th><th>Rejected</th><th>Automatic</th>"
            f"<th>Acceptance</th></tr>{body}</table>"
        )

    acc = report.get("acceptance", {})
    lines = "".join(f"<li>{html.escape(s)}</li>" for s in report.get("summary", []))
    keywords = "".join(
        f"<li>{html.escape(k)}</li>" for k in report.get("keywords", {}).get("changes", [])
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>Gastro Hub learning report {html.escape(day)}</title></head><body>"
        f"<h1>Learning report {html.escape(day)}</h1><ul>{lines}</ul>"
        + table("Acceptance over the last 7 days by intent", acc.get("by_intent", {}))
        + table("By provider", acc.get("by_provider", {}))
        + table("By template", acc.get("by_template", {}))
        + f"<h2>Urgency keywords</h2><ul>{keywords or '<li>No corrections.</li>'}</ul>"
        + f"<h2>VIP</h2><p>{html.escape(str(report.get('vip', {})))}</p></body></html>"
    )


__all__ = ["LearningRecords", "UrgencyCorrection", "report_html"]
