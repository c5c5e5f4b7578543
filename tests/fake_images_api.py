"""A real HTTP server on 127.0.0.1 that answers the way the OpenAI Images API does, for tests.

It speaks the wire format the `openai` package reads (openai/types/images_response.py, image.py, and
the `{"error": {...}}` bodies `_client._make_status_error` parses): POST /v1/images/generations with a
JSON body, POST /v1/images/edits as multipart/form-data, answers `{"created": ..., "data": [...]}` with
`b64_json` or a `url` it then serves on GET. It checks what the real API checks and a generator could
get wrong: the bearer key, which sizes each model draws, `response_format` refused by GPT image
models, the image part of an edit.

Each test picks a behaviour with `api.mode` (see MODES) and reads back `api.requests`, what it was sent.

    with FakeImagesAPI() as api:
        api.mode = "rate_limit"
        ...  # point a client at api.base_url with api.api_key
"""

from __future__ import annotations

import base64
import io
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from PIL import Image

MODES = (
    "ok",  # answer as the real API does for the model asked for
    "url",  # answer with a URL to the image instead of base64, whatever was asked
    "file_url",  # answer with a file:// URL, which a client must not fetch
    "unauthorized",  # 401 whatever key is sent
    "forbidden",  # 403: the key may not use this model
    "rate_limit",  # 429 with a retry-after header
    "content_policy",  # 400 content_policy_violation, as DALL-E answers
    "moderation_blocked",  # 400 moderation_blocked, as GPT image models answer
    "invalid_size",  # 400 invalid size, whatever size was sent
    "model_not_found",  # 404 model_not_found
    "server_error",  # 500
    "slow",  # wait `delay` seconds before answering, to outlast a client's timeout
)

GPT_IMAGE_SIZES = ("1024x1024", "1536x1024", "1024x1536", "auto")
DALL_E_3_SIZES = ("1024x1024", "1792x1024", "1024x1792")
DALL_E_2_SIZES = ("256x256", "512x512", "1024x1024")


@dataclass(frozen=True)
class UploadedFile:
    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class ReceivedRequest:
    """One request as the server saw it: the parameters whether they came as JSON or as form fields."""

    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    params: dict[str, Any] = field(default_factory=dict)
    files: dict[str, UploadedFile] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


class ApiError(Exception):
    """An error answer: HTTP status, the `error` object's fields, and extra headers."""

    def __init__(
        self, status: int, message: str, *, type: str, param: str | None = None, code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": {"message": message, "type": type, "param": param, "code": code}}
        self.headers = headers or {}


class FakeImagesAPI:
    """The server; `base_url` is what a client is given (it ends in /v1, like the real one)."""

    def __init__(self, *, api_key: str = "sk-test-fake-4f9a2c7e1b", colour: tuple[int, int, int] = (200, 40, 40)):
        self.api_key = api_key
        self.colour = colour  # every image it draws is this colour, so a test can tell its pixels arrived
        self.picture: Image.Image | None = None  # when set, the image it answers with instead, as given
        self.mode = "ok"
        self.delay = 3.0  # seconds, for "slow"
        self.requests: list[ReceivedRequest] = []
        self.files: dict[str, bytes] = {}  # what /files/ serves, by name
        self._release = threading.Event()  # ends a "slow" wait early when the server stops
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        # A short poll interval: `shutdown` waits for the next poll, and tests stop a server each.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, name="fake-images-api", daemon=True
        )

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def api_requests(self) -> list[ReceivedRequest]:
        """The requests to the API itself, leaving out downloads of /files/."""
        return [r for r in self.requests if r.path.startswith("/v1/")]

    def start(self) -> FakeImagesAPI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeImagesAPI:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # What it answers ------------------------------------------------------------------------------

    def answer(self, request: ReceivedRequest) -> dict[str, Any]:
        """The JSON answer to an images request, or an ApiError."""
        self._check_key(request)
        self._check_mode_errors(request)
        params = request.params
        model = str(params.get("model") or "dall-e-2")  # the real API's default model
        if not params.get("prompt"):
            raise ApiError(400, "Missing required parameter: 'prompt'.", type="invalid_request_error",
                           param="prompt", code="missing_required_parameter")
        if request.path.endswith("/edits") and not ({"image", "image[]"} & set(request.files)):
            raise ApiError(400, "Missing required parameter: 'image'.", type="invalid_request_error",
                           param="image", code="missing_required_parameter")
        size = _check_size(model, params.get("size"))
        response_format = _check_response_format(model, params.get("response_format"))
        if self.mode == "slow":
            self._release.wait(self.delay)
        return self._images_response(model, str(params["prompt"]), size, response_format)

    def _check_key(self, request: ReceivedRequest) -> None:
        sent = request.headers.get("authorization", "")
        if not sent:
            raise ApiError(401, "You didn't provide an API key. You need to provide your API key in an Authorization "
                           "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                           type="invalid_request_error")
        key = sent.removeprefix("Bearer ")
        if key != self.api_key or self.mode == "unauthorized":
            # The real message quotes the key's ends; a client must not pass it on.
            raise ApiError(401, f"Incorrect API key provided: {masked(key)}. You can find your API key at "
                           "https://platform.openai.com/account/api-keys.",
                           type="invalid_request_error", code="invalid_api_key")

    def _check_mode_errors(self, request: ReceivedRequest) -> None:
        model = str(request.params.get("model") or "dall-e-2")
        errors = {
            "forbidden": ApiError(403, f"Your organization must be verified to use the model `{model}`.",
                                  type="invalid_request_error"),
            "rate_limit": ApiError(429, f"Rate limit reached for {model} in organization org-fake on images per "
                                   "minute (IPM): Limit 5, Used 5, Requested 1. Please try again in 12s.",
                                   type="requests", code="rate_limit_exceeded", headers={"retry-after": "12"}),
            "content_policy": ApiError(400, "Your request was rejected as a result of our safety system. Your prompt "
                                       "may contain text that is not allowed by our safety system.",
                                       type="image_generation_user_error", code="content_policy_violation"),
            "moderation_blocked": ApiError(400, "Your request was rejected by the safety system.",
                                           type="image_generation_user_error", code="moderation_blocked"),
            "invalid_size": ApiError(400, f"Invalid value: '{request.params.get('size')}'. Supported values are: "
                                     "'1024x1024', '1024x1536', '1536x1024', and 'auto'.",
                                     type="invalid_request_error", param="size", code="invalid_value"),
            "model_not_found": ApiError(404, f"The model `{model}` does not exist or you do not have access to it.",
                                        type="invalid_request_error", code="model_not_found"),
            "server_error": ApiError(500, "The server had an error while processing your request. Sorry about that!",
                                     type="server_error"),
        }
        if self.mode in errors:
            raise errors[self.mode]

    def _images_response(self, model: str, prompt: str, size: str, response_format: str) -> dict[str, Any]:
        png = self._draw(size)
        if self.mode == "file_url":
            item: dict[str, Any] = {"url": "file:///etc/passwd"}
        elif self.mode == "url" or response_format == "url":
            name = f"{uuid.uuid4().hex}.png"
            self.files[name] = png
            # Real URLs are signed blob links; the query string stands in for the signature.
            item = {"url": f"http://127.0.0.1:{self.port}/files/{name}?se=2030-01-01&sig=fake-signature"}
        else:
            item = {"b64_json": base64.b64encode(png).decode("ascii")}
        if model == "dall-e-3":
            item["revised_prompt"] = f"A detailed picture: {prompt}"
        answer: dict[str, Any] = {"created": int(time.time()), "data": [item]}
        if model.startswith("gpt-image"):
            answer.update(background="opaque", output_format="png", quality="medium", size=size,
                          usage={"input_tokens": 12, "input_tokens_details": {"image_tokens": 0, "text_tokens": 12},
                                 "output_tokens": 1056, "total_tokens": 1068})
        return answer

    def _draw(self, size: str) -> bytes:
        width, height = (1024, 1024) if size == "auto" else map(int, size.split("x"))
        picture = self.picture or Image.new("RGB", (width, height), self.colour)
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG")
        return buffer.getvalue()


def masked(key: str) -> str:
    """A key as the real API quotes it in a 401: its first and last characters, starred between."""
    return f"{key[:3]}{'*' * max(0, len(key) - 7)}{key[-4:]}" if len(key) > 7 else "***"


def _check_size(model: str, size: object) -> str:
    allowed = _sizes_for(model)
    if size is None:
        return allowed[0] if allowed else "1024x1024"
    text = str(size)
    if allowed is not None and text not in allowed:
        listed = ", ".join(f"'{s}'" for s in allowed)
        raise ApiError(400, f"Invalid value: '{text}'. Supported values are: {listed}.",
                       type="invalid_request_error", param="size", code="invalid_value")
    if model.startswith("gpt-image-") and not model.startswith("gpt-image-1"):
        sides = [int(v) for v in text.split("x")] if re.fullmatch(r"\d+x\d+", text) else []
        if len(sides) != 2 or any(side % 16 for side in sides):
            raise ApiError(400, f"Invalid size '{text}': width and height must be multiples of 16.",
                           type="invalid_request_error", param="size", code="invalid_value")
    if allowed is None and not re.fullmatch(r"[1-9]\d{1,4}x[1-9]\d{1,4}", text):
        raise ApiError(400, f"Invalid size '{text}': expected WIDTHxHEIGHT.", type="invalid_request_error",
                       param="size", code="invalid_value")
    return text


def _sizes_for(model: str) -> tuple[str, ...] | None:
    if model.startswith("gpt-image-1"):
        return GPT_IMAGE_SIZES
    return {"dall-e-3": DALL_E_3_SIZES, "dall-e-2": DALL_E_2_SIZES}.get(model)


def _check_response_format(model: str, response_format: object) -> str:
    if model.startswith("gpt-image"):
        if response_format is not None:
            raise ApiError(400, "Unknown parameter: 'response_format'.", type="invalid_request_error",
                           param="response_format", code="unknown_parameter")
        return "b64_json"  # GPT image models always answer in base64
    if model.startswith("dall-e"):
        return str(response_format or "url")  # DALL-E answers with a URL unless asked otherwise
    return str(response_format or "b64_json")


# HTTP plumbing ------------------------------------------------------------------------------------


def _handler_for(api: FakeImagesAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            request = self._read_request()
            api.requests.append(request)
            if request.path not in ("/v1/images/generations", "/v1/images/edits"):
                self._send_json(404, {"error": {"message": f"Invalid URL (POST {request.path})",
                                                "type": "invalid_request_error", "param": None, "code": None}})
                return
            try:
                self._send_json(200, api.answer(request))
            except ApiError as error:
                self._send_json(error.status, error.body, error.headers)

        def do_GET(self) -> None:
            path = self.path.partition("?")[0]
            api.requests.append(ReceivedRequest("GET", path, _lower(self.headers)))
            data = api.files.get(path.removeprefix("/files/")) if path.startswith("/files/") else None
            if data is None:
                self._send(404, b"not found", "text/plain")
            else:
                self._send(200, data, "image/png")

        def _read_request(self) -> ReceivedRequest:
            headers = _lower(self.headers)
            body = self.rfile.read(int(headers.get("content-length", "0")))
            request = ReceivedRequest("POST", self.path.partition("?")[0], headers)
            if headers.get("content-type", "").startswith("multipart/form-data"):
                request.params, request.files = parse_multipart(headers["content-type"], body)
            elif body:
                request.params = json.loads(body)
            return request

        def _send_json(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            extra = {"x-request-id": f"req_{uuid.uuid4().hex[:16]}", **(headers or {})}
            self._send(status, json.dumps(body).encode(), "application/json", extra)

        def _send(self, status: int, data: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test); nothing to tell it

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    return Handler


def _lower(headers: Message) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def parse_multipart(content_type: str, body: bytes) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    """Form fields and files of a multipart/form-data body (the stdlib's `cgi` is gone in 3.13)."""
    boundary = _header_param(content_type, "content-type", "boundary")
    if not boundary:
        return {}, {}
    fields: dict[str, Any] = {}
    files: dict[str, UploadedFile] = {}
    for part in body.split(b"--" + boundary.encode())[1:]:
        if part.startswith(b"--"):
            break  # the closing delimiter
        head, _, data = part.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        data = data.removesuffix(b"\r\n")
        part_headers = dict(
            (name.strip().lower(), value.strip())
            for name, _, value in (line.partition(":") for line in head.decode("utf-8").split("\r\n"))
        )
        disposition = part_headers.get("content-disposition", "")
        name = _header_param(disposition, "content-disposition", "name")
        filename = _header_param(disposition, "content-disposition", "filename")
        if name is None:
            continue
        if filename is not None:
            files[name] = UploadedFile(filename, part_headers.get("content-type"), data)
        else:
            fields[name] = data.decode("utf-8")
    return fields, files


def _header_param(value: str, header: str, param: str) -> str | None:
    message = Message()
    message[header] = value
    found = message.get_param(param, header=header)
    return found if isinstance(found, str) else None
