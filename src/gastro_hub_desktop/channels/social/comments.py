"""Comments on the business's Facebook posts as messages for the inbox: one conversation per
post (its text as the subject), each comment a message from its author; the Page's own replies
are ours (outbound)."""

from __future__ import annotations

from gastro_hub_desktop.channels.social.facebook import Comment, PagePost
from gastro_hub_desktop.domain.messages import Channel, Direction, IncomingMessage

SUBJECT_LENGTH = 80


def thread_key(post_id: str) -> str:
    return f"facebook-post:{post_id}"


def subject_of(post: PagePost) -> str:
    text = " ".join(post.message.split())
    if not text:
        return "Comments on a Facebook post"
    short = text if len(text) <= SUBJECT_LENGTH else text[: SUBJECT_LENGTH - 1] + "…"
    return f"Comments on: {short}"


def to_message(account_key: str, page_id: str, post: PagePost, comment: Comment) -> IncomingMessage:
    ours = comment.author_id == page_id
    name = comment.author_name or "Facebook user"
    return IncomingMessage(
        channel=Channel.FACEBOOK,
        account_key=account_key,
        provider_message_id=comment.id,
        direction=Direction.OUTBOUND if ours else Direction.INBOUND,
        counterpart_address=comment.author_id or f"facebook-comment:{comment.id}",
        counterpart_name=name,
        text=comment.message,
        sent_at=comment.created_time,
        thread_key=thread_key(post.id),
        subject=subject_of(post),
        author_name=name,
    )
