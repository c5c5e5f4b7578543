"""A real HTTP server on 127.0.0.1 that answers POST /v1/chat/completions as the OpenAI API does.

It speaks the wire format the `openai` package reads (openai/types/chat/chat_completion.py and the
`{"error": {...}}` bodies of status errors). Each test queues what the server does for the next
requests, one entry per request, the last repeated:

    with FakeChatAPI() as api:
        api.answers = ["not json", '{"objects": [...]}']   # content of successive answers
        api.behaviour = ["ok"]                             # or "malformed", "server_error", "slow" ...
        ...  # point a client at api.base_url
        api.requests  # the JSON bodies it was sent

`refuse` lists structured-output forms the server rejects with a 400, as servers without them do
('json_schema', 'tools', 'json_object').
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# A Scene as a model would answer for "two red apples on a wooden table, watercolor".
APPLES_ON_A_TABLE = {
    "prompt": "two red apples on a wooden table, watercolor",
    "style": "watercolor",
    "objects": [
        {"name": "apple", "count": 2, "attributes": {"color": "red"}},
        {"name": "table", "count": 1, "attributes": {"material": "wood"}},
    ],
    "relations": [{"subject": 0, "predicate": "on", "object": 1}],
}

BEHAVIOURS = (
    "ok",  # a chat completion whose message content (or tool call) is the next answer
    "malformed",  # 200 with a body that is not JSON
    "no_choices",  # 200 with a completion that has no choices
    "server_error",  # 500 with the API's error body
    "slow",  # wait `delay` seconds first, to outlast a client's timeout
)


class FakeChatAPI:
    def __init__(self) -> None:
        self.answers: list[str] = ["{}"]
        self.behaviour: list[str] = ["ok"]
        self.refuse: set[str] = set()
        self.delay = 3.0
        self.requests: list[dict[str, Any]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._served = 0
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> FakeChatAPI:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next(self, body: dict[str, Any]) -> tuple[str, str]:
        with self._lock:
            self.requests.append(body)
            n = self._served
            self._served += 1
        return self.behaviour[min(n, len(self.behaviour) - 1)], self.answers[min(n, len(self.answers) - 1)]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                if not self.path.endswith("/chat/completions"):
                    return self._send(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
                form = _structured_form(body)
                if form in api.refuse:
                    with api._lock:
                        api.requests.append(body)
                    return self._send(
                        400, {"error": {"message": f"{form} is not supported", "type": "invalid_request_error"}}
                    )
                behaviour, answer = api._next(body)
                if behaviour == "slow":
                    time.sleep(api.delay)
                    behaviour = "ok"
                if behaviour == "malformed":
                    return self._send_raw(200, b"<html>gateway says hello</html>", "application/json")
                if behaviour == "no_choices":
                    return self._send(200, _completion(body, [], form))
                if behaviour == "server_error":
                    return self._send(500, {"error": {"message": "The server had an error", "type": "server_error"}})
                return self._send(200, _completion(body, [answer], form))

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                self._send_raw(status, json.dumps(payload).encode(), "application/json")

            def _send_raw(self, status: int, data: bytes, content_type: str) -> None:
                try:
                    self.send_response(status)
                    self.send_header("content-type", content_type)
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        return Handler


def _structured_form(body: dict[str, Any]) -> str | None:
    if body.get("tools"):
        return "tools"
    response_format = body.get("response_format") or {}
    return response_format.get("type")


def _completion(body: dict[str, Any], answers: list[str], form: str | None) -> dict[str, Any]:
    choices = []
    for i, answer in enumerate(answers):
        if form == "tools":
            name = body["tools"][0]["function"]["name"]
            message = {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {"id": f"call_{i}", "type": "function", "function": {"name": name, "arguments": answer}}
                ],
            }
            finish = "tool_calls"
        else:
            message = {"role": "assistant", "content": answer}
            finish = "stop"
        choices.append({"index": i, "message": message, "finish_reason": finish, "logprobs": None})
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "test-model"),
        "choices": choices,
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }
