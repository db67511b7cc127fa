"""The tables, as typed SQLAlchemy models. Changes to these go with an Alembic migration."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# how SQLAlchemy's SQLite DATETIME stores a timestamp (its default storage format)
_SQLITE_DATETIME = (
    "%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d.%(microsecond)06d"
)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC, hands back aware datetimes, on SQLite and PostgreSQL alike."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware one")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def bind_processor(self, dialect: Dialect) -> Any:
        """On SQLite, the text SQLAlchemy's DATETIME would write, made in one step: this runs
        for every timestamp stored (several a message) and the generic chain (aware → UTC →
        naive → text) cost about 3 µs a value, a good part of an ingest's Python time."""
        generic = super().bind_processor(dialect)
        storage = getattr(self.impl_instance.dialect_impl(dialect), "_storage_format", None)
        if dialect.name != "sqlite" or storage != _SQLITE_DATETIME:
            return generic

        def process(value: datetime | None) -> str | None:
            if value is None:
                return None
            if value.tzinfo is None:
                raise ValueError("naive datetime given to the store; use an aware one")
            if value.utcoffset():
                value = value.astimezone(UTC)
            # %-formatting: half again as fast as the same f-string here
            return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (  # noqa: UP031
                value.year, value.month, value.day,
                value.hour, value.minute, value.second, value.microsecond,
            )  # fmt: skip

        return process

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ChannelAccount(Base):
    """A connected account on a channel (settings only; its secrets live in the keyring)."""

    __tablename__ = "channel_accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    channel: Mapped[str] = mapped_column(String(20))
    display_name: Mapped[str] = mapped_column(String(200))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Contact(Base):
    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(300))
    company: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str | None] = mapped_column(String(8))
    vip_score: Mapped[float] = mapped_column(Float, default=0.0)
    vip_manual: Mapped[bool | None] = mapped_column(Boolean)
    is_vip: Mapped[bool] = mapped_column(Boolean, default=False)
    # from the CRM import: its id, whether the CRM marks the customer VIP, their value
    crm_id: Mapped[str | None] = mapped_column(String(100))
    crm_vip: Mapped[bool | None] = mapped_column(Boolean)
    crm_value: Mapped[float | None] = mapped_column(Float)
    merged_into: Mapped[int | None] = mapped_column(Integer)  # merged with that contact
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ContactHandle(Base):
    """One way to reach a contact: an email address, an E.164 phone or a channel handle."""

    __tablename__ = "contact_handles"
    __table_args__ = (UniqueConstraint("kind", "value"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(320))


class Conversation(Base):
    __tablename__ = "conversations"
    __table_args__ = (
        UniqueConstraint("account_id", "thread_key"),
        Index("ix_conversations_inbox", "status", "automated", "last_message_at", "id"),
        Index(
            "ix_conversations_channel_inbox",
            "channel",
            "status",
            "automated",
            "last_message_at",
            "id",
        ),
        # covers the unread counts per tab and the inbox count without reading the rows
        Index(
            "ix_conversations_counts", "status", "automated", "channel", "unread", "snoozed_until"
        ),
        Index("ix_conversations_subject", "account_id", "counterpart", "subject_key"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("channel_accounts.id"))
    channel: Mapped[str] = mapped_column(String(20))
    thread_key: Mapped[str] = mapped_column(String(500))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), index=True)
    counterpart: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(String(500))
    # the subject without Re:/AW:/Fwd: and case, for threading replies that lost References
    subject_key: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_message_at: Mapped[datetime] = mapped_column(UTCDateTime)
    snippet: Mapped[str] = mapped_column(String(300), default="")
    urgency_rank: Mapped[int | None] = mapped_column(Integer)
    unread: Mapped[int] = mapped_column(Integer, default=0)
    # only newsletters / notifications / auto-replies so far: listed apart, never counted unread
    automated: Mapped[bool] = mapped_column(Boolean, default=False)
    message_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("account_id", "provider_message_id"),
        Index("ix_messages_conversation", "conversation_id", "sent_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("channel_accounts.id"))
    provider_message_id: Mapped[str] = mapped_column(String(500))
    direction: Mapped[str] = mapped_column(String(10))
    author: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str | None] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    attachments: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime)
    language: Mapped[str | None] = mapped_column(String(8))
    urgency: Mapped[str | None] = mapped_column(String(12))
    problem: Mapped[str | None] = mapped_column(Text)  # why it could only be kept raw
    automated: Mapped[bool] = mapped_column(Boolean, default=False)
    intent: Mapped[str | None] = mapped_column(String(20))  # set by triage (inbound only)


class SyncPosition(Base):
    """How far a channel account has read a folder (IMAP: UIDVALIDITY and the last UID)."""

    __tablename__ = "sync_positions"
    __table_args__ = (UniqueConstraint("account_id", "folder"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("channel_accounts.id", ondelete="CASCADE"))
    folder: Mapped[str] = mapped_column(String(300))
    validity: Mapped[int] = mapped_column(Integer)
    last_uid: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Draft(Base):
    """A reply being written: typed by a person ("manual") or proposed by an AI provider for
    one incoming message (`message_id`, unique: one proposal per message however often the
    message arrives). Its outcome (approved unchanged, edited, rejected) and how much the
    person changed (`edit_distance` between `original_text` and `final_text`) are what the
    learning job and the AI panel read."""

    __tablename__ = "drafts"
    __table_args__ = (
        Index("uq_drafts_message_id", "message_id", unique=True),
        Index("ix_drafts_decided", "decided_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    provider: Mapped[str] = mapped_column(String(40))
    confidence: Mapped[float | None] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    message_id: Mapped[int | None] = mapped_column(Integer)
    intent: Mapped[str | None] = mapped_column(String(20))
    language: Mapped[str | None] = mapped_column(String(8))
    original_text: Mapped[str | None] = mapped_column(Text)
    final_text: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(10))  # approved / edited / rejected
    edit_distance: Mapped[int | None] = mapped_column(Integer)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    template_key: Mapped[str | None] = mapped_column(String(100))
    basis: Mapped[list[str] | None] = mapped_column(JSON)
    model: Mapped[str | None] = mapped_column(String(100))
    prompt_tokens: Mapped[int | None] = mapped_column(Integer)
    completion_tokens: Mapped[int | None] = mapped_column(Integer)
    auto_sent: Mapped[bool] = mapped_column(Boolean, default=False)


class OutboxItem(Base):
    """A reply waiting to be sent; the idempotency key makes a send happen exactly once."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    draft_id: Mapped[int | None] = mapped_column(ForeignKey("drafts.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("channel_accounts.id"))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(10), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    provider_message_id: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DeliveryStatus(Base):
    """How far one of our sent messages got at the provider (queued → sent → delivered → read,
    or failed). Kept by the provider's message id, so a status that arrives before the message
    itself is stored is not lost; it only ever moves forward (`rank`)."""

    __tablename__ = "delivery_statuses"
    __table_args__ = (UniqueConstraint("account_id", "provider_message_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("channel_accounts.id", ondelete="CASCADE"))
    provider_message_id: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(12))
    rank: Mapped[int] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class WebhookReceipt(Base):
    """A digest of each authenticated webhook request taken in: the same signed request
    arriving again is a replay and is not processed twice."""

    __tablename__ = "webhook_receipts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(100))
    subject_type: Mapped[str | None] = mapped_column(String(50))
    subject_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class SocialPost(Base):
    """A post composed once for several business pages (Facebook, Instagram, LinkedIn) and the
    time it is to go out; what happened at each page is in `social_post_targets`."""

    __tablename__ = "social_posts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(String(2000))
    image: Mapped[str | None] = mapped_column(String(2000))  # https address or a local file
    targets: Mapped[list[str]] = mapped_column(JSON)  # the account keys, in the order chosen
    scheduled_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SocialPostTarget(Base):
    """One page a post goes to: scheduled → publishing (committed before the request leaves,
    so a crash is reconciled with the provider, not published twice) → published (with the
    provider's post id and address) or failed (why, in plain words)."""

    __tablename__ = "social_post_targets"
    __table_args__ = (
        UniqueConstraint("post_id", "target_key"),
        Index("ix_social_post_targets_state", "state", "target_key"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("social_posts.id", ondelete="CASCADE"))
    target_key: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(12))
    provider_post_id: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    reason: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    publishing_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AppSetting(Base):
    """One setting the user changed in the app (AI provider, knowledge base, auto-reply
    policy, urgency keywords...), as JSON under a dotted key. Never a secret: those live in
    the keyring."""

    __tablename__ = "app_settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LearningReport(Base):
    """What the daily learning job found on one day (acceptance per intent and provider,
    templates, re-weighted keywords, VIP changes), shown and exported by the AI panel."""

    __tablename__ = "learning_reports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[str] = mapped_column(String(10), unique=True)  # ISO date, local
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)


class Presence(Base):
    """Someone at one PC (a "member": user, host and process) is answering a conversation; the
    row is renewed while they write and counts only while `seen_at` is recent."""

    __tablename__ = "presence"
    __table_args__ = (UniqueConstraint("conversation_id", "member", name="uq_presence_member"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    member: Mapped[str] = mapped_column(String(200))
    person: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
