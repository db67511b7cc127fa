"""A loopback stand-in for an OpenAI-compatible server, following the Chat Completions API
(https://platform.openai.com/docs/api-reference/chat/create): POST {prefix}/chat/completions
validates the request (`model` a string, `messages` a non-empty array of {role in system / user
/ assistant / tool, content}, `temperature` 0..2, `max_tokens` a positive integer) and answers
{id, object "chat.completion", created, model, choices[{index, message{role, content},
finish_reason}], usage{prompt_tokens, completion_tokens, total_tokens}}; GET {prefix}/models
lists the models ({"object": "list", "data": [{id, object "model", created, owned_by}]});
errors come in OpenAI's shape {"error": {"message", "type", "param", "code"}}: 401 for a
missing or wrong key (when the stand-in has one), 404 model_not_found, 400 for a malformed
request; tests script 429 / 500 / any answer with `fail_next`.

The reply is decided by the test's `answer(request_json)`: a string (the content), or a dict
overriding `content`, `finish_reason`, `model`, `usage` or the whole `body`. Every request is
recorded (method, path, headers, JSON)."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from typing import Any

from tests.standins.http import bearer, serve

ROLES = {"system", "user", "assistant", "tool", "developer"}
Reply = tuple[int, Any, dict[str, str]]


def openai_error(
    status: int, message: str, kind: str, code: str | None = None, param: str | None = None
) -> Reply:
    return status, {"error": {"message": message, "type": kind, "param": param, "code": code}}, {}


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    json: Any


def _words(text: str) -> int:
    return max(len(text.split()), 1)


class OpenAIChatStandIn:
    def __init__(
        self,
        api_key: str | None = None,
        models: tuple[str, ...] = ("gpt-4o-mini",),
        prefix: str = "/v1",
        models_endpoint: bool = True,
        accept_any_model: bool = False,  # like llama.cpp's server: any name gets the one model
    ) -> None:
        self.api_key = api_key
        self.models = list(models)
        self.prefix = prefix
        self.models_endpoint = models_endpoint
        self.accept_any_model = accept_any_model
        self.answer: Callable[[dict[str, Any]], str | dict[str, Any]] = lambda _: "Dobrý den."
        self.delay = 0.0
        self.requests: list[Recorded] = []
        self._failures: list[Reply] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.server: ThreadingHTTPServer = serve(self._handle)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def url(self) -> str:
        return self.origin + self.prefix

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fail_next(
        self,
        status: int,
        message: str,
        kind: str = "server_error",
        code: str | None = None,
        headers: dict[str, str] | None = None,
        raw: Any = None,
    ) -> None:
        """The next request is answered with this error (OpenAI's shape, or `raw` as it is)."""
        body = raw if raw is not None else openai_error(status, message, kind, code)[1]
        with self._lock:
            self._failures.append((status, body, dict(headers or {})))

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        return [r.json for r in self.requests if r.path.endswith("/chat/completions")]

    # ------------------------------------------------------------ HTTP

    def _handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Reply:
        try:
            parsed = json.loads(body) if body else None
        except ValueError:
            parsed = None
        with self._lock:
            self.requests.append(Recorded(method, path, headers, parsed))
            failure = self._failures.pop(0) if self._failures else None
        if self.delay:
            time.sleep(self.delay)
        if self.api_key is not None:
            given = bearer(headers)
            if given is None:
                return openai_error(
                    401,
                    "You didn't provide an API key. You need to provide your API key in an "
                    "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                    "invalid_request_error",
                )
            if given != self.api_key:
                return openai_error(
                    401,
                    f"Incorrect API key provided: {given[:3]}***{given[-4:]}. You can find your "
                    "API key at https://platform.openai.com/account/api-keys.",
                    "invalid_request_error",
                    "invalid_api_key",
                )
        if failure is not None:
            return failure
        route = path.split("?")[0]
        if method == "GET" and route == f"{self.prefix}/models" and self.models_endpoint:
            return (
                200,
                {
                    "object": "list",
                    "data": [
                        {
                            "id": m,
                            "object": "model",
                            "created": 1_700_000_000,
                            "owned_by": "standin",
                        }
                        for m in self.models
                    ],
                },
                {},
            )
        if method == "POST" and route == f"{self.prefix}/chat/completions":
            return self._chat(parsed)
        return openai_error(404, f"Invalid URL ({method} {route})", "invalid_request_error")

    def _chat(self, request: Any) -> Reply:
        invalid = self._invalid(request)
        if invalid:
            return openai_error(400, invalid, "invalid_request_error")
        model = request["model"]
        if model not in self.models and not self.accept_any_model:
            return openai_error(
                404,
                f"The model `{model}` does not exist or you do not have access to it.",
                "invalid_request_error",
                "model_not_found",
            )
        scripted = self.answer(request)
        spec = {"content": scripted} if isinstance(scripted, str) else dict(scripted)
        if "body" in spec:
            return 200, spec["body"], {}
        content = spec.get("content", "")
        prompt_tokens = sum(_words(str(m.get("content") or "")) for m in request["messages"])
        completion_tokens = _words(content) if content else 0
        usage = spec.get(
            "usage",
            {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        )
        return (
            200,
            {
                "id": f"chatcmpl-standin{next(self._ids)}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": spec.get("model", model),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content},
                        "logprobs": None,
                        "finish_reason": spec.get("finish_reason", "stop"),
                    }
                ],
                "usage": usage,
            },
            {},
        )

    @staticmethod
    def _invalid(request: Any) -> str | None:
        if not isinstance(request, dict):
            return "We could not parse the JSON body of your request."
        if not isinstance(request.get("model"), str) or not request["model"]:
            return "you must provide a model parameter"
        messages = request.get("messages")
        if not isinstance(messages, list) or not messages:
            return "'messages' must be a non-empty array"
        for i, message in enumerate(messages):
            if not isinstance(message, dict) or message.get("role") not in ROLES:
                return f"Invalid value for 'messages[{i}].role'"
            content = message.get("content")
            if not isinstance(content, str | list) and not (
                content is None and message["role"] == "assistant"
            ):
                return f"Invalid type for 'messages[{i}].content'"
            if message["role"] == "tool" and not message.get("tool_call_id"):
                return f"Missing required parameter: 'messages[{i}].tool_call_id'"
        temperature = request.get("temperature", 1)
        if not isinstance(temperature, int | float) or not 0 <= temperature <= 2:
            return "Invalid 'temperature': must be between 0 and 2"
        max_tokens = request.get("max_tokens", 1)
        if not isinstance(max_tokens, int) or isinstance(max_tokens, bool) or max_tokens < 1:
            return "Invalid 'max_tokens': must be a positive integer"
        return None
