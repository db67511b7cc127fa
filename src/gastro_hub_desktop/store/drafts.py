"""AI drafts in the database: one proposal per incoming message (a unique index, so a message
that arrives twice never gets two), a person's decision on it (approved unchanged, edited
with the edit distance, rejected) and the figures the AI panel and the learning job read."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from gastro_hub_desktop.domain.conversations import DraftState, DraftView
from gastro_hub_desktop.domain.drafting import DraftOutcome, DraftProposal, TurnInConversation
from gastro_hub_desktop.domain.messages import Direction
from gastro_hub_desktop.store.repository import ACTIVE_DRAFT_STATES, NotFound, Store
from gastro_hub_desktop.store.schema import Conversation, Draft, Message, utcnow

_drafts = Draft.__table__
_messages = Message.__table__
_conversations = Conversation.__table__


def edit_distance(a: str, b: str) -> int:
    """Characters changed between the proposal and what was sent (Levenshtein)."""
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(a, b))


def _same_reply(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


@dataclass(frozen=True)
class AnsweredPair:
    """A customer message and the reply the team sent to it (what the local provider learns
    from). `draft_id` is set when the reply came from a decided AI draft."""

    question: str
    answer: str
    language: str | None
    intent: str | None
    draft_id: int | None = None


@dataclass(frozen=True)
class OutcomeCounts:
    approved: int = 0
    edited: int = 0
    rejected: int = 0
    auto: int = 0

    @property
    def decided(self) -> int:
        return self.approved + self.edited + self.rejected

    @property
    def acceptance(self) -> float | None:
        """Share of decided drafts sent unchanged (None before anything was decided)."""
        return self.approved / self.decided if self.decided else None

    @property
    def used(self) -> int:
        """Drafts that saved someone typing a reply: sent unchanged, edited or auto-sent."""
        return self.approved + self.edited + self.auto


def _counts(rows: list[tuple[str, int]]) -> OutcomeCounts:
    c = dict(rows)
    return OutcomeCounts(
        approved=c.get(DraftOutcome.APPROVED.value, 0),
        edited=c.get(DraftOutcome.EDITED.value, 0),
        rejected=c.get(DraftOutcome.REJECTED.value, 0),
        auto=c.get(DraftOutcome.AUTO_SENT.value, 0),
    )


@dataclass(frozen=True)
class NewProposal:
    conversation_id: int
    message_id: int
    proposal: DraftProposal
    intent: str | None
    language: str | None
    template_key: str | None = None


def _row(p: NewProposal, now: datetime) -> dict[str, Any]:
    return {
        "conversation_id": p.conversation_id,
        "message_id": p.message_id,
        "text": p.proposal.text,
        "original_text": p.proposal.text,
        "provider": p.proposal.provider,
        "confidence": p.proposal.confidence,
        "state": DraftState.PROPOSED.value,
        "intent": p.intent,
        "language": p.language,
        "template_key": p.template_key,
        "basis": list(p.proposal.basis),
        "model": p.proposal.model,
        "prompt_tokens": p.proposal.prompt_tokens,
        "completion_tokens": p.proposal.completion_tokens,
        "auto_sent": False,
        "created_at": now,
        "updated_at": now,
    }


class Drafts:
    """Proposals, decisions and acceptance figures."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------ proposing

    def propose(
        self,
        conversation_id: int,
        message_id: int,
        proposal: DraftProposal,
        intent: str | None,
        language: str | None,
        template_key: str | None = None,
    ) -> DraftView | None:
        """Keep an AI proposal answering `message_id`. None when that message already has one
        or a person is writing a reply in this conversation (their text is never replaced).
        An undecided older proposal of the conversation is superseded."""
        now = utcnow()
        try:
            with self.store._write() as conn:
                d = _drafts.c
                writing = conn.execute(
                    select(d.id).where(
                        d.conversation_id == conversation_id,
                        d.state == DraftState.EDITED.value,
                    )
                ).first()
                if writing is not None:
                    return None
                conn.execute(
                    update(_drafts)
                    .where(
                        d.conversation_id == conversation_id,
                        d.state == DraftState.PROPOSED.value,
                    )
                    .values(state=DraftState.SUPERSEDED.value, updated_at=now)
                )
                draft_id = conn.execute(
                    insert(_drafts).returning(d.id),
                    _row(
                        NewProposal(
                            conversation_id, message_id, proposal, intent, language, template_key
                        ),
                        now,
                    ),
                ).scalar_one()
        except IntegrityError:
            return None  # this message got its proposal from a concurrent run
        return DraftView(
            draft_id,
            proposal.text,
            proposal.provider,
            DraftState.PROPOSED,
            now,
            proposal.confidence,
            proposal.basis,
            True,
        )

    def propose_many(self, proposals: list[NewProposal]) -> list[bool]:
        """Keep many proposals in one transaction (what the assistant does each tick); says
        for each whether it was kept. A message that got its proposal elsewhere meanwhile
        (the unique index refuses it) sends the batch down the one-by-one path."""
        if not proposals:
            return []
        now = utcnow()
        d = _drafts.c
        ids = [p.conversation_id for p in proposals]
        try:
            with self.store._write() as conn:
                writing = set(
                    conn.execute(
                        select(d.conversation_id).where(
                            d.conversation_id.in_(ids), d.state == DraftState.EDITED.value
                        )
                    ).scalars()
                )
                kept = [p.conversation_id not in writing for p in proposals]
                rows = [_row(p, now) for p, ok in zip(proposals, kept, strict=True) if ok]
                conn.execute(
                    update(_drafts)
                    .where(d.conversation_id.in_(ids), d.state == DraftState.PROPOSED.value)
                    .values(state=DraftState.SUPERSEDED.value, updated_at=now)
                )
                if rows:
                    conn.execute(insert(_drafts), rows)
            return kept
        except IntegrityError:
            return [
                self.propose(
                    p.conversation_id,
                    p.message_id,
                    p.proposal,
                    p.intent,
                    p.language,
                    p.template_key,
                )
                is not None
                for p in proposals
            ]

    def recent_turns(
        self, conversation_ids: list[int], per: int = 12
    ) -> dict[int, tuple[TurnInConversation, ...]]:
        """The newest `per` messages of each conversation, oldest first, as providers see
        them: one query for all."""
        m = _messages.c
        out: dict[int, list[TurnInConversation]] = defaultdict(list)
        for start in range(0, len(conversation_ids), 500):
            chunk = conversation_ids[start : start + 500]
            ranked = (
                select(
                    m.conversation_id,
                    m.direction,
                    m.author,
                    m.text,
                    m.sent_at,
                    m.subject,
                    func.row_number()
                    .over(partition_by=m.conversation_id, order_by=(m.sent_at.desc(), m.id.desc()))
                    .label("n"),
                )
                .where(m.conversation_id.in_(chunk))
                .subquery()
            )
            with self.store.engine.connect() as conn:
                rows = conn.execute(
                    select(ranked)
                    .where(ranked.c.n <= per)
                    .order_by(ranked.c.conversation_id, ranked.c.n.desc())
                ).all()
            for r in rows:
                out[r.conversation_id].append(
                    TurnInConversation(
                        r.direction == Direction.INBOUND.value,
                        r.author,
                        r.text,
                        r.sent_at,
                        r.subject,
                    )
                )
        return {k: tuple(v) for k, v in out.items()}

    def has_proposal(self, message_id: int) -> bool:
        with self.store.engine.connect() as conn:
            return (
                conn.execute(select(_drafts.c.id).where(_drafts.c.message_id == message_id)).first()
                is not None
            )

    # ------------------------------------------------------------ deciding

    def reject(self, draft_id: int, actor: str = "user") -> None:
        """The person does not want this proposal: it leaves the reply box, counted rejected."""
        now = utcnow()
        with self.store._write() as conn:
            row = self._draft(conn, draft_id)
            if row.state not in ACTIVE_DRAFT_STATES:
                raise NotFound(f"draft {draft_id} was already decided")
            conn.execute(
                update(_drafts)
                .where(_drafts.c.id == draft_id)
                .values(
                    state=DraftState.REJECTED.value,
                    outcome=DraftOutcome.REJECTED.value if row.original_text else None,
                    decided_at=now,
                    updated_at=now,
                )
            )
            self.store._audit(conn, actor, "draft.reject", "draft", draft_id)

    def _draft(self, conn: Connection, draft_id: int) -> Any:
        row = conn.execute(select(_drafts).where(_drafts.c.id == draft_id)).one_or_none()
        if row is None:
            raise NotFound(f"draft {draft_id} does not exist")
        return row

    @staticmethod
    def decide_on_send(
        conn: Connection, conversation_id: int, sent_text: str, now: datetime, auto: bool = False
    ) -> int | None:
        """Called in the transaction that queues a reply: the conversation's active draft
        becomes approved, and an AI draft records what the person did with it. Returns the
        draft's id (None when there was none)."""
        d = _drafts.c
        row = conn.execute(
            select(d.id, d.original_text)
            .where(d.conversation_id == conversation_id, d.state.in_(ACTIVE_DRAFT_STATES))
            .order_by(d.updated_at.desc(), d.id.desc())
            .limit(1)
        ).one_or_none()
        if row is None:
            return None
        values: dict[str, Any] = {
            "state": DraftState.APPROVED.value,
            "updated_at": now,
            "final_text": sent_text,
        }
        if row.original_text is not None:
            distance = 0 if _same_reply(row.original_text, sent_text) else None
            if distance is None:
                distance = edit_distance(row.original_text, sent_text)
            if auto:
                outcome = DraftOutcome.AUTO_SENT
            elif distance == 0:
                outcome = DraftOutcome.APPROVED
            else:
                outcome = DraftOutcome.EDITED
            values |= {
                "outcome": outcome.value,
                "edit_distance": distance,
                "decided_at": now,
                "auto_sent": auto,
            }
        conn.execute(update(_drafts).where(d.id == row.id).values(**values))
        # drafts of the conversation nobody chose are no longer waiting
        conn.execute(
            update(_drafts)
            .where(
                d.conversation_id == conversation_id,
                d.id != row.id,
                d.state.in_(ACTIVE_DRAFT_STATES),
            )
            .values(state=DraftState.SUPERSEDED.value, updated_at=now)
        )
        return int(row.id)

    # ------------------------------------------------------------ figures

    def outcomes(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        provider: str | None = None,
    ) -> OutcomeCounts:
        d = _drafts.c
        where = [d.outcome.is_not(None)]
        if since is not None:
            where.append(d.decided_at >= since)
        if until is not None:
            where.append(d.decided_at < until)
        if provider is not None:
            where.append(d.provider == provider)
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(d.outcome, func.count()).where(and_(*where)).group_by(d.outcome)
            ).all()
        return _counts([(r[0], r[1]) for r in rows])

    def outcomes_by(
        self, column: str, since: datetime | None = None
    ) -> dict[str | None, OutcomeCounts]:
        """Outcome counts per intent, provider or template_key."""
        d = _drafts.c
        key = getattr(d, column)
        where = [d.outcome.is_not(None)]
        if since is not None:
            where.append(d.decided_at >= since)
        grouped: dict[str | None, list[tuple[str, int]]] = defaultdict(list)
        with self.store.engine.connect() as conn:
            for k, outcome, n in conn.execute(
                select(key, d.outcome, func.count()).where(and_(*where)).group_by(key, d.outcome)
            ):
                grouped[k].append((outcome, n))
        return {k: _counts(v) for k, v in grouped.items()}

    def tokens(self, since: datetime | None = None) -> dict[str, tuple[int, int]]:
        """Prompt and completion tokens per model, where the provider reported them."""
        d = _drafts.c
        where = [d.prompt_tokens.is_not(None)]
        if since is not None:
            where.append(d.created_at >= since)
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(d.model, func.sum(d.prompt_tokens), func.sum(d.completion_tokens))
                .where(and_(*where))
                .group_by(d.model)
            ).all()
        return {(r[0] or "?"): (int(r[1] or 0), int(r[2] or 0)) for r in rows}

    def auto_replies_to_contact_since(self, contact_id: int, since: datetime) -> int:
        d, c = _drafts.c, _conversations.c
        with self.store.engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(_drafts.join(_conversations, c.id == d.conversation_id))
                    .where(c.contact_id == contact_id, d.auto_sent.is_(True), d.decided_at >= since)
                ).scalar_one()
            )

    # ------------------------------------------------------------ what the local provider reads

    def answered_pairs(self, limit: int = 5000, days: int = 730) -> list[AnsweredPair]:
        """Replies the team sent, each with the customer message it answered, newest first:
        decided AI drafts (their final text) and, from history, every outgoing message with
        the customer message just before it in its conversation."""
        cutoff = utcnow() - timedelta(days=days)
        d, m = _drafts.c, _messages.c
        pairs: list[AnsweredPair] = []
        seen_answers: set[int] = set()
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(d.id, d.final_text, d.language, d.intent, m.text, m.subject)
                .select_from(_drafts.join(_messages, m.id == d.message_id))
                .where(
                    d.outcome.in_((DraftOutcome.APPROVED.value, DraftOutcome.EDITED.value)),
                    d.final_text.is_not(None),
                    d.decided_at >= cutoff,
                )
                .order_by(d.decided_at.desc())
                .limit(limit)
            ).all()
            for r in rows:
                pairs.append(
                    AnsweredPair(
                        _question(r.subject, r.text), r.final_text, r.language, r.intent, r.id
                    )
                )
                seen_answers.add(hash(" ".join(r.final_text.split())))
            prev = _messages.alias("prev")
            question = (
                select(prev.c.id)
                .where(
                    prev.c.conversation_id == m.conversation_id,
                    prev.c.direction == Direction.INBOUND.value,
                    prev.c.sent_at <= m.sent_at,
                    prev.c.automated.is_(False),
                )
                .order_by(prev.c.sent_at.desc(), prev.c.id.desc())
                .limit(1)
                .scalar_subquery()
            )
            outgoing = (
                select(m.id.label("answer_id"), m.text.label("answer"), question.label("qid"))
                .where(m.direction == Direction.OUTBOUND.value, m.sent_at >= cutoff)
                .order_by(m.sent_at.desc())
                .limit(limit)
                .subquery()
            )
            q = _messages.alias("q")
            history = conn.execute(
                select(outgoing.c.answer, q.c.text, q.c.subject, q.c.language, q.c.intent).join(
                    q, q.c.id == outgoing.c.qid
                )
            ).all()
        for r in history:
            if hash(" ".join(r.answer.split())) in seen_answers or not r.answer.strip():
                continue
            pairs.append(AnsweredPair(_question(r.subject, r.text), r.answer, r.language, r.intent))
        return pairs

    def decided_since(self, since: datetime) -> Counter[str]:
        """Outcomes decided since `since` (for the daily report's 'today')."""
        counts = self.outcomes(since=since)
        return Counter(
            {
                "approved": counts.approved,
                "edited": counts.edited,
                "rejected": counts.rejected,
                "auto": counts.auto,
            }
        )


def _question(subject: str | None, text: str) -> str:
    return f"{subject}\n{text}" if subject else text
