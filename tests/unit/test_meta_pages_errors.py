"""Graph API errors of the Messenger Platform in plain words, with whether retrying helps."""

from __future__ import annotations

import json

import pytest
from tests.standins.meta_pages import error_body

from gastro_hub_desktop.channels.base import ChannelProblem
from gastro_hub_desktop.channels.meta_pages.errors import problem_from_response
from gastro_hub_desktop.channels.whatsapp.types import ProviderRefusal

NO_PERMISSION = "(#10) Application does not have permission for this action"


def problem(code: int, subcode: int | None = None, *, status: int = 400, tagged: bool = False,
            headers: dict[str, str] | None = None, message: str = "") -> ChannelProblem:  # fmt: skip
    body = json.dumps(error_body(code, subcode, message)).encode()
    return problem_from_response(status, body, headers or {}, "send the message", tagged)


@pytest.mark.parametrize(
    ("code", "subcode", "words", "retry"),
    [
        (190, 463, "expired or was revoked", False),
        (190, 460, "Page access token", False),
        (10, 2018278, "outside the allowed messaging window", False),
        (10, 2534022, "outside the allowed messaging window", False),
        (10, 2018108, "outside the allowed messaging window", False),
        (10, None, "pages_messaging", False),
        (200, None, "pages_messaging", False),
        (230, None, "pages_messaging", False),
        (551, 1545041, "isn't available right now", False),
        (200, 1545041, "isn't available right now", False),
        (100, 2018001, "knows no such person", False),
        (100, 33, "check the Page id", False),
        (368, None, "policy violation", False),
        (1200, None, "try again", True),
        (2, None, "try again", True),
    ],
)
def test_codes_in_plain_words(code: int, subcode: int | None, words: str, retry: bool) -> None:
    refused = problem(code, subcode, message=NO_PERMISSION if code == 10 and not subcode else "")
    assert isinstance(refused, ProviderRefusal) and refused.code == str(code)
    assert words in str(refused)
    assert refused.retry is retry


def test_window_refusals_are_flagged() -> None:
    refused = problem(10, 2018278)
    assert isinstance(refused, ProviderRefusal) and refused.outside_window


def test_a_refused_human_agent_tag_points_at_the_setting() -> None:
    for code, subcode in ((10, None), (10, 2018278)):
        assert "Human agent" in str(problem(code, subcode, tagged=True))


def test_rate_limits_wait_as_meta_asks() -> None:
    refused = problem(4, headers={"Retry-After": "30"})
    assert isinstance(refused, ProviderRefusal)
    assert refused.rate_limited and refused.retry and refused.retry_after == 30.0
    default = problem(613)
    assert isinstance(default, ProviderRefusal) and default.retry_after == 60.0


def test_answers_without_an_error_object() -> None:
    assert problem_from_response(502, b"<html>", {}, "send the message").retry is True
    refused = problem_from_response(404, b"", {}, "send the message")
    assert refused.retry is False and "HTTP 404" in str(refused)
