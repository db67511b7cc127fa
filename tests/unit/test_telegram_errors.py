"""Telegram's error payloads in plain words: which can be retried, which need new settings, and
flood control's retry_after."""

from __future__ import annotations

from gastro_hub_desktop.channels.telegram.errors import refusal


def payload(code: int, description: str, **parameters: object) -> dict:
    body: dict = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return body


def test_a_wrong_token_needs_new_settings() -> None:
    problem = refusal(401, payload(401, "Unauthorized"), "getMe")
    assert not problem.retry and problem.wrong_token
    assert "refused the bot token" in str(problem) and "@BotFather" in str(problem)
    assert refusal(404, payload(404, "Not Found"), "getMe").wrong_token


def test_flood_control_says_how_long_to_wait() -> None:
    problem = refusal(429, payload(429, "Too Many Requests: retry after 7", retry_after=7), "x")
    assert problem.retry and problem.rate_limited and problem.retry_after == 7
    assert "waiting 7 s" in str(problem)


def test_a_blocked_bot_and_other_refusals_are_explained() -> None:
    blocked = refusal(403, payload(403, "Forbidden: bot was blocked by the user"), "sendMessage")
    assert not blocked.retry and "blocked the bot" in str(blocked)
    kicked = refusal(
        403, payload(403, "Forbidden: bot was kicked from the supergroup chat"), "sendMessage"
    )
    assert "no longer a member" in str(kicked)
    missing = refusal(400, payload(400, "Bad Request: chat not found"), "sendMessage")
    assert "does not know this chat" in str(missing)
    hook = refusal(
        400, payload(400, "Bad Request: bad webhook: An HTTPS URL must be provided"), "setWebhook"
    )
    assert "https://" in str(hook) and "8443" in str(hook)
    migrated = refusal(
        400,
        payload(
            400,
            "Bad Request: group chat was upgraded to a supergroup chat",
            migrate_to_chat_id=-1009,
        ),
        "sendMessage",
    )
    assert migrated.migrate_to_chat_id == -1009


def test_conflicts_say_who_else_takes_the_updates() -> None:
    webhook = refusal(
        409,
        payload(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use "
            "deleteWebhook to delete the webhook first",
        ),
        "getUpdates",
    )
    assert not webhook.retry and "webhook mode" in str(webhook)
    other = refusal(
        409, payload(409, "Conflict: terminated by other getUpdates request"), "getUpdates"
    )
    assert not other.retry and "Another program" in str(other)


def test_server_trouble_is_retried() -> None:
    problem = refusal(502, payload(502, "Bad Gateway"), "getUpdates")
    assert problem.retry and "having trouble" in str(problem)
