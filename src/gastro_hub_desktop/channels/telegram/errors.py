"""Telegram's documented error payload ({"ok": false, "error_code", "description",
"parameters": {"retry_after", "migrate_to_chat_id"}}) turned into problems a user can act on:
a refused token needs new settings, flood control means waiting `retry_after` seconds, a
customer who blocked the bot cannot be written to, and a 409 conflict says who else is
taking the bot's updates."""

from __future__ import annotations

from typing import Any

from gastro_hub_desktop.channels.base import ChannelProblem

TOKEN_HELP = (
    "Copy the token again from @BotFather (/mybots → your bot → API Token); it may have been "
    "revoked or replaced."
)


class TelegramRefusal(ChannelProblem):
    """Telegram answered a request with ok=false. `code` is its error_code, `description`
    its own words (kept for the log); the message explains it in plain words."""

    def __init__(
        self,
        message: str,
        code: int,
        description: str,
        *,
        retry: bool = False,
        retry_after: float | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        super().__init__(message, retry=retry)
        self.code = code
        self.description = description
        self.retry_after = retry_after
        self.migrate_to_chat_id = migrate_to_chat_id

    @property
    def rate_limited(self) -> bool:
        return self.code == 429

    @property
    def wrong_token(self) -> bool:
        return self.code in (401, 404)


def refusal(status: int, payload: Any, method: str) -> TelegramRefusal:
    """The problem behind an error answer to `method` (HTTP `status`, parsed JSON `payload`)."""
    body = payload if isinstance(payload, dict) else {}
    code = body.get("error_code") if isinstance(body.get("error_code"), int) else status
    description = str(body.get("description") or f"HTTP {status}")
    parameters = body.get("parameters") if isinstance(body.get("parameters"), dict) else {}
    retry_after = _number(parameters.get("retry_after"))
    migrate = parameters.get("migrate_to_chat_id")
    lowered = description.lower()

    def refuse(message: str, retry: bool = False) -> TelegramRefusal:
        return TelegramRefusal(
            message,
            code,
            description,
            retry=retry,
            retry_after=retry_after,
            migrate_to_chat_id=migrate if isinstance(migrate, int) else None,
        )

    if code in (401, 404) and method != "file":
        return refuse(f"Telegram refused the bot token ({code} {description}). {TOKEN_HELP}")
    if code == 429:
        wait = f"{retry_after:.0f} s" if retry_after is not None else "a moment"
        return refuse(f"Telegram asks the bot to slow down (flood control): waiting {wait}.", True)
    if code == 409:
        if "webhook" in lowered:
            return refuse(
                "Telegram is delivering this bot's messages to a webhook, so the app cannot "
                "fetch them by polling. Switch the account to webhook mode, or connect it again "
                "in polling mode to remove that webhook (another program set it if it was not "
                "this app: only one of them can receive the bot's messages)."
            )
        return refuse(
            "Another program is fetching this bot's messages at the same time (Telegram allows "
            "only one). Stop the other program, or give this app a bot of its own from "
            "@BotFather."
        )
    if code == 403:
        return refuse(_forbidden(lowered, description))
    if code == 400:
        return refuse(_bad_request(lowered, description, method))
    if code >= 500:
        return refuse(f"Telegram is having trouble ({code} {description}); trying again.", True)
    return refuse(f"Telegram refused the request ({code} {description}).")


def _forbidden(lowered: str, description: str) -> str:
    if "blocked by the user" in lowered:
        return (
            "The customer has blocked the bot, so Telegram did not deliver the reply. It can "
            "only reach them after they unblock the bot (or write to it again)."
        )
    if "kicked" in lowered or "not a member" in lowered:
        return (
            "The bot is no longer a member of this chat, so Telegram did not deliver the reply. "
            "Add the bot to the group again to answer there."
        )
    if "deactivated" in lowered:
        return "The customer's Telegram account was deleted; the reply cannot be delivered."
    if "initiate conversation" in lowered:
        return (
            "A bot may only write to people who wrote to it first; this person has not "
            "started a chat with the bot."
        )
    return f"Telegram did not allow the bot to do this ({description})."


def _bad_request(lowered: str, description: str, method: str) -> str:
    if "chat not found" in lowered:
        return "Telegram does not know this chat any more (it may have been deleted)."
    if "message is too long" in lowered:
        return "The reply is longer than Telegram allows (4096 characters): shorten or split it."
    if "text is empty" in lowered or "message text is empty" in lowered:
        return "The reply is empty: write something first."
    if "not enough rights" in lowered or "have no rights" in lowered:
        return "The bot is not allowed to write in this group: a group admin must allow it."
    if "file is too big" in lowered:
        return "Telegram lets bots download files of up to 20 MB; this one is larger."
    if "wrong file_id" in lowered or "invalid file_id" in lowered or "file_id" in lowered:
        return "Telegram no longer has this file (it may have been deleted)."
    if method == "setWebhook" or "webhook" in lowered:
        return (
            f"Telegram refused the webhook address ({description}). It must be a public "
            "https:// address on port 443, 80, 88 or 8443, e.g. your tunnel's URL."
        )
    if "migrated" in lowered or "upgraded to a supergroup" in lowered:
        return "This group became a supergroup; the reply goes to the new group."
    return f"Telegram refused the request ({description})."


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    return float(value) if isinstance(value, int | float) else None
