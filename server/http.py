"""Serving the MCP server over streamable HTTP, safely by default.

On loopback (the default) the Host and Origin headers are checked, which stops DNS-rebinding pages
in a browser from reaching the server. Bound beyond loopback, a bearer token is required as well.
"""

from __future__ import annotations

import base64
import hmac
import ipaddress
import json
from dataclasses import dataclass, field

from mcp.server.transport_security import TransportSecuritySettings
from starlette.types import ASGIApp, Receive, Scope, Send

from limner.errors import InvalidRequest

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class HttpOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    allowed_hosts: list[str] = field(default_factory=list)  # extra Host header values, "name:*" for any port
    allowed_origins: list[str] = field(default_factory=list)  # extra Origin values, e.g. "https://app.example"
    path: str = "/mcp"

    @property
    def loopback(self) -> bool:
        if self.host in LOOPBACK_HOSTS:
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{self.path}"


def parse_bind(value: str) -> tuple[str, int]:
    """'8000' -> ('127.0.0.1', 8000); '0.0.0.0:9000' -> ('0.0.0.0', 9000); '[::1]:9000' -> ('::1', 9000)."""
    host, sep, port_text = value.rpartition(":")
    if not sep:
        host, port_text = "127.0.0.1", value
    host = host.strip("[]") or "127.0.0.1"
    if not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
        raise InvalidRequest(f"--http takes [HOST:]PORT with a port from 0 to 65535, not {value!r}")
    return host, int(port_text)


def transport_security(options: HttpOptions) -> TransportSecuritySettings:
    hosts = [f"{options.host}:*" if ":" not in options.host else f"[{options.host}]:*", *options.allowed_hosts]
    origins = list(options.allowed_origins)
    if options.loopback:
        hosts += ["127.0.0.1:*", "localhost:*", "[::1]:*"]
        origins += ["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"]
    wildcard_bind = options.host in ("0.0.0.0", "::")
    if wildcard_bind and not options.allowed_hosts:
        # Bound to every interface, the Host header can be any of the machine's names; the required
        # bearer token is what keeps strangers out, so the Host check would only break real clients.
        return TransportSecuritySettings(enable_dns_rebinding_protection=False)
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True, allowed_hosts=sorted(set(hosts)), allowed_origins=sorted(set(origins))
    )


class BearerTokenMiddleware:
    """Rejects HTTP requests without `Authorization: Bearer <token>` (compared in constant time).

    Under `browser_paths` (the gallery) the token may also come as the password of HTTP Basic auth, which
    a browser asks for itself: a page a person opens cannot send a Bearer header.
    """

    def __init__(self, app: ASGIApp, token: str, *, browser_paths: tuple[str, ...] = ()):
        self.app = app
        self.expected = token.encode()
        self.browser_paths = browser_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(b"authorization", b"")
        scheme, _, credentials = given.strip().partition(b" ")
        path = scope.get("path", "")
        browser = any(path == p or path.startswith(p + "/") for p in self.browser_paths)
        # The scheme is case-insensitive (RFC 9110 11.1); the token is compared in constant time.
        if scheme.lower() == b"bearer" and hmac.compare_digest(credentials.strip(), self.expected):
            await self.app(scope, receive, send)
            return
        if browser and scheme.lower() == b"basic" and hmac.compare_digest(_basic_password(credentials), self.expected):
            await self.app(scope, receive, send)
            return
        body = json.dumps({"error": "unauthorized", "message": "send 'Authorization: Bearer <token>'"}).encode()
        challenge = b'Basic realm="limner gallery", charset="UTF-8"' if browser else b'Bearer realm="limner"'
        await send(
            {
                "type": "http.response.start",
                "status": 401,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"www-authenticate", challenge),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _basic_password(credentials: bytes) -> bytes:
    """The password of HTTP Basic credentials (any user name); b"" when they do not decode."""
    try:
        return base64.b64decode(credentials.strip(), validate=True).partition(b":")[2]
    except ValueError:
        return b""


MIN_TOKEN = 16


def check_exposure(options: HttpOptions) -> None:
    """Refuse, before serving anything, a token too weak to keep strangers out and an exposed server without one."""
    if options.token is not None and len(options.token.strip()) < MIN_TOKEN:
        raise InvalidRequest(
            f"the bearer token is {'blank' if not options.token.strip() else 'too short'}: use at least {MIN_TOKEN} "
            "characters, e.g. `python -c 'import secrets; print(secrets.token_urlsafe(24))'`"
        )
    if not options.loopback and not options.token:
        raise InvalidRequest(
            f"binding to {options.host} makes the server reachable from other machines; "
            "set a bearer token with --token or LIMNER_TOKEN, or bind to 127.0.0.1"
        )


def serve_http(mcp_app_factory, options: HttpOptions, *, browser_paths: tuple[str, ...] = ()) -> None:
    """Run until interrupted. `mcp_app_factory(security)` returns the MCP server's Starlette app; under
    `browser_paths` (the gallery) the token may also be given as a Basic-auth password."""
    import uvicorn

    check_exposure(options)
    app: ASGIApp = mcp_app_factory(transport_security(options))
    if options.token:
        app = BearerTokenMiddleware(app, options.token, browser_paths=browser_paths)
    uvicorn.run(app, host=options.host, port=options.port, log_level="warning")
