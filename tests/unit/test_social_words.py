"""The pure parts of social posting: LinkedIn's little-text escaping, the plain words for Graph
API and LinkedIn errors (payloads as the providers document them), target settings checks and
Facebook comments turned into inbox messages."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from gastro_hub_desktop.channels.social import graph_errors, linkedin_errors
from gastro_hub_desktop.channels.social.comments import to_message
from gastro_hub_desktop.channels.social.facebook import Comment, PagePost, parse_time
from gastro_hub_desktop.channels.social.linkedin import little_text
from gastro_hub_desktop.channels.social.settings import SocialTargetSettings, TargetKind
from gastro_hub_desktop.channels.social.types import same_text
from gastro_hub_desktop.domain.messages import Channel, Direction


def graph(code: int, subcode: int | None = None, message: str = "x") -> bytes:
    error: dict[str, object] = {"message": message, "type": "OAuthException", "code": code}
    if subcode is not None:
        error["error_subcode"] = subcode
    return json.dumps({"error": error}).encode()


def test_little_text_escapes_linkedin_reserved_characters() -> None:
    assert little_text("Sleva (20 %) #akce @Praha [nové] *hned* _teď_ ~ | {x} <y> \\") == (
        r"Sleva \(20 %\) \#akce \@Praha \[nové\] \*hned\* \_teď\_ \~ \| \{x\} \<y\> \\"
    )


@pytest.mark.parametrize(
    ("code", "subcode", "words", "retry"),
    [
        (190, 463, "expired or was revoked", False),
        (200, None, "pages_manage_posts", False),
        (4, None, "limit on API calls", True),
        (506, None, "same text", False),
        (9004, 2207052, "could not fetch the picture", False),
        (36003, 2207009, "aspect ratio", False),
        (9, 2207042, "limit of posts", False),
        (100, 33, "no such Page", False),
        (1, None, "temporary", True),
    ],
)
def test_graph_errors_in_plain_words(
    code: int, subcode: int | None, words: str, retry: bool
) -> None:
    problem = graph_errors.problem_from_response(400, graph(code, subcode), {}, "publish")
    assert words in str(problem)
    assert problem.retry is retry


def test_an_unknown_graph_error_keeps_metas_own_message() -> None:
    problem = graph_errors.problem_from_response(
        400, graph(12345, message="(#12345) Odd thing"), {}, "publish the post"
    )
    assert "Meta refused to publish the post: (#12345) Odd thing (code 12345)" in str(problem)
    server = graph_errors.problem_from_response(502, b"<html>", {}, "publish the post")
    assert server.retry and "HTTP 502" in str(server)


@pytest.mark.parametrize(
    ("status", "body", "words", "retry"),
    [
        (401, {"status": 401, "serviceErrorCode": 65600, "code": "INVALID_ACCESS_TOKEN"}, "60 days", False),
        (401, {"status": 401, "serviceErrorCode": 65602, "code": "EXPIRED_ACCESS_TOKEN"}, "60 days", False),
        (403, {"status": 403, "serviceErrorCode": 100, "code": "ACCESS_DENIED"}, "w_organization_social", False),
        (426, {"status": 426, "code": "NONEXISTENT_VERSION"}, "version 202301", False),
        (404, {"status": 404, "code": "NOT_FOUND"}, "organisation ID", False),
        (429, {"status": 429, "message": "Resource level throttle limit"}, "daily limit", True),
        (503, {}, "try again", True),
        (422, {"status": 422, "message": "commentary too long"}, "commentary too long", False),
    ],
)  # fmt: skip
def test_linkedin_errors_in_plain_words(
    status: int, body: dict[str, object], words: str, retry: bool
) -> None:
    problem = linkedin_errors.problem_from_response(
        status, json.dumps(body).encode(), "publish the post on LinkedIn", "202301"
    )
    assert words in str(problem)
    assert problem.retry is retry


def test_a_linkedin_duplicate_names_the_existing_post() -> None:
    body = {
        "message": "BadRequestResponseException: Content is a duplicate of urn:li:share:7141138",
        "errorDetails": {"inputErrors": [{"code": "DUPLICATE_POST", "input": {}}]},
        "status": 422,
    }
    problem = linkedin_errors.problem_from_response(
        422, json.dumps(body).encode(), "publish", "202510"
    )
    assert isinstance(problem, linkedin_errors.DuplicatePost)
    assert problem.existing == "urn:li:share:7141138"


def test_target_settings_check_ids_and_versions() -> None:
    org = SocialTargetSettings(TargetKind.LINKEDIN_ORG, "urn:li:organization:123")
    assert org.target_id == "123" and org.account_key == "social:linkedin_org:123"
    org.check()
    with pytest.raises(ValueError, match="not a valid ID for the Instagram account"):
        SocialTargetSettings(TargetKind.INSTAGRAM, "@gastro").check()
    with pytest.raises(ValueError, match="YYYYMM"):
        SocialTargetSettings(TargetKind.LINKEDIN_ORG, "1", linkedin_version="2025-10").check()
    again = SocialTargetSettings.from_dict(org.to_dict())
    assert again == org and again.secret_name == "access_token"
    assert TargetKind("facebook_page").channel is Channel.FACEBOOK


def test_graph_times_and_text_matching() -> None:
    assert parse_time("2026-11-26T09:30:00+0000") == datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    assert parse_time("yesterday") is None
    assert same_text("Ahoj\r\n\r\nsvěte ", "Ahoj\n\nsvěte")
    assert not same_text(None, "x") and not same_text("Ahoj", "Ahoj!")


def test_a_comment_becomes_a_message_in_the_posts_conversation() -> None:
    post = PagePost("1_2", "Nová výloha " * 20, datetime(2026, 11, 26, tzinfo=UTC))
    when = datetime(2026, 11, 26, 10, tzinfo=UTC)
    theirs = to_message(
        "social:facebook_page:1", "1", post, Comment("2_9", "1_2", "77", "Jana", "Hezké!", when)
    )
    assert theirs.direction is Direction.INBOUND and theirs.thread_key == "facebook-post:1_2"
    assert theirs.counterpart_address == "77" and theirs.channel is Channel.FACEBOOK
    assert theirs.subject is not None and theirs.subject.endswith("…")
    assert len(theirs.subject) <= len("Comments on: ") + 80
    ours = to_message(
        "social:facebook_page:1", "1", post, Comment("2_10", "1_2", "1", "Gastro", "Díky", when)
    )
    assert ours.direction is Direction.OUTBOUND
    anonymous = to_message(
        "social:facebook_page:1", "1", post, Comment("2_11", "1_2", "", "", "?", when)
    )
    assert anonymous.counterpart_name == "Facebook user"
