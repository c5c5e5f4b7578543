"""A read-only gallery of the stored images, as a small Starlette app at /gallery.

`limner gallery` serves it alone on 127.0.0.1; `limner serve --http` serves it beside /mcp, behind the same
Host/Origin checks and bearer token. Every route only reads: the grid (newest first), the search, an image's
page (`gallery_html.image_page`), and the pictures: the verified PNG, a thumbnail, a masked edit's mask and
the pixel difference from the parent. Studio calls block, so they run in worker threads.
"""

from __future__ import annotations

import base64
import io
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import anyio.to_thread
from limner.agents import Studio
from limner.agents.workflow.requests import HistoryRequest, SearchRequest
from limner.lineage.provenance import read_provenance
from limner.server import gallery_html as views
from limner.server.preview import make_thumbnail
from mcp.server.transport_security import TransportSecurityMiddleware, TransportSecuritySettings
from PIL import Image, ImageChops
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from limner.errors import InvalidRequest, LimnerError, NotFound, StoreBusy, StoreUnavailable

PER_PAGE = 48
MAX_PAGE = 10_000
THUMB_SIDE = 256
THUMB_CACHE = 1024  # thumbnails kept in memory (a few KB each); an id's pixels never change

# What a gallery page may load: only its own pictures, styles and script; it may be framed by nobody.
CSP = (
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
IMAGE_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=3600"}


class GalleryData:
    """What the pages show, read from a Studio (blocking: call from a worker thread)."""

    def __init__(self, studio: Studio):
        self.studio = studio
        self._thumbs: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def newest(self, page: int) -> tuple[list[Any], bool]:
        offset = (page - 1) * PER_PAGE
        images = self.studio.history(HistoryRequest(limit=PER_PAGE + 1, offset=offset))
        return images[:PER_PAGE], len(images) > PER_PAGE

    def search(self, query: str, page: int) -> tuple[Any, bool]:
        # Studio.search caps a page at 100, so ask for one more than a gallery page to know if there is another.
        found = self.studio.search(SearchRequest(query=query, limit=PER_PAGE + 1, offset=(page - 1) * PER_PAGE))
        more = len(found.hits) > PER_PAGE
        return found.model_copy(update={"hits": found.hits[:PER_PAGE]}), more

    def image(self, image_id: str) -> dict[str, Any]:
        details = self.studio.show(image_id)
        _, data = self.studio.image_bytes(details.image_id)
        return {
            "details": details,
            "parent": self.studio.show(details.parent_id) if details.parent_id else None,
            "lineage": self.studio.lineage_of(details.image_id),
            "captions": self.studio.lineage.captions(details.image_id),
            "evaluations": self.studio.lineage.evaluations(details.image_id),
            "parameters": read_provenance(data).parameters,
        }

    def file(self, image_id: str) -> bytes:
        return self.studio.image_bytes(image_id)[1]

    def mask(self, image_id: str) -> bytes:
        return self.studio.mask_bytes(image_id)

    def thumbnail(self, image_id: str) -> bytes:
        record, data = self.studio.image_bytes(image_id)
        with self._lock:
            if record.id in self._thumbs:
                self._thumbs.move_to_end(record.id)
                return self._thumbs[record.id]
        with Image.open(io.BytesIO(data)) as image:
            thumb = base64.b64decode(make_thumbnail(image, side=THUMB_SIDE).data)
        with self._lock:
            self._thumbs[record.id] = thumb
            while len(self._thumbs) > THUMB_CACHE:
                self._thumbs.popitem(last=False)
        return thumb

    def pixel_difference(self, image_id: str) -> bytes:
        """|child - parent| per pixel, brightened four times, as a PNG at the child's size."""
        record, child_bytes = self.studio.image_bytes(image_id)
        if record.parent_id is None:
            raise NotFound(f"image {record.id} has no parent to compare with")
        _, parent_bytes = self.studio.image_bytes(record.parent_id)
        with Image.open(io.BytesIO(child_bytes)) as child, Image.open(io.BytesIO(parent_bytes)) as parent:
            child_rgb = child.convert("RGB")
            parent_rgb = parent.convert("RGB")
            if parent_rgb.size != child_rgb.size:
                parent_rgb = parent_rgb.resize(child_rgb.size, Image.Resampling.LANCZOS)
            difference = ImageChops.difference(child_rgb, parent_rgb).point(lambda v: min(255, v * 4))
        buffer = io.BytesIO()
        difference.save(buffer, format="PNG", compress_level=1)
        return buffer.getvalue()


def _page_number(request: Request) -> int:
    text = request.query_params.get("page", "1")
    if not text.isdigit() or not 1 <= int(text) <= MAX_PAGE:
        raise InvalidRequest(f"page must be a whole number from 1 to {MAX_PAGE}, not {text!r}")
    return int(text)


def _status(exc: LimnerError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, InvalidRequest):
        return 400
    if isinstance(exc, (StoreBusy, StoreUnavailable)):
        return 503
    return 500  # ImageDamaged and the rest: the page says what is wrong


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers=HEADERS)


class Gallery:
    """The routes; each runs its Studio work in a worker thread and turns Limner's errors into pages."""

    def __init__(self, studio: Studio):
        self.data = GalleryData(studio)

    async def _run(self, function: Callable[..., Any], *args: Any) -> Any:
        return await anyio.to_thread.run_sync(function, *args)

    async def grid(self, request: Request) -> Response:
        try:
            page = _page_number(request)
            images, more = await self._run(self.data.newest, page)
        except LimnerError as exc:
            return _html(views.error_page(_status(exc), str(exc)), _status(exc))
        cards = [views.card(i.image_id, i.summary, i.created_at) for i in images]
        return _html(views.grid_page(cards, page_number=page, more=more, title="newest first"))

    async def search(self, request: Request) -> Response:
        query = request.query_params.get("q", "").strip()
        if not query:
            return RedirectResponse(views.PREFIX, status_code=303)
        try:
            page = _page_number(request)
            found, more = await self._run(self.data.search, query, page)
        except LimnerError as exc:
            return _html(views.error_page(_status(exc), str(exc)), _status(exc))
        cards = [views.card(h.image_id, h.summary, h.created_at, f" · {'+'.join(h.matched_by)}") for h in found.hits]
        how = "by words and meaning" if found.semantic else f"by words only ({found.semantic_reason})"
        note = f"{len(cards)} found for “{query}”, best first, {how}" if cards else ""
        return _html(
            views.grid_page(cards, page_number=page, more=more, title=f"search: {query}", note=note, query=query)
        )

    async def image(self, request: Request) -> Response:
        try:
            data = await self._run(self.data.image, request.path_params["image_id"])
        except LimnerError as exc:
            return _html(views.error_page(_status(exc), str(exc)), _status(exc))
        return _html(views.image_page(data))

    def _picture(self, read: Callable[[str], bytes], media_type: str):
        async def endpoint(request: Request) -> Response:
            try:
                body = await self._run(read, request.path_params["image_id"])
            except LimnerError as exc:
                return Response(str(exc), status_code=_status(exc), media_type="text/plain", headers=HEADERS)
            return Response(body, media_type=media_type, headers=IMAGE_HEADERS)

        return endpoint

    async def script(self, request: Request) -> Response:
        return Response(views.SCRIPT, media_type="text/javascript", headers={**HEADERS, "Cache-Control": "no-cache"})

    def routes(self) -> list[Route]:
        p = views.PREFIX
        return [
            Route(p, self.grid, methods=["GET", "HEAD"]),
            Route(f"{p}/", self.grid, methods=["GET", "HEAD"]),
            Route(f"{p}/search", self.search, methods=["GET", "HEAD"]),
            Route(f"{p}/image/{{image_id}}", self.image, methods=["GET", "HEAD"]),
            Route(f"{p}/file/{{image_id}}.png", self._picture(self.data.file, "image/png"), methods=["GET", "HEAD"]),
            Route(
                f"{p}/thumb/{{image_id}}.jpg", self._picture(self.data.thumbnail, "image/jpeg"), methods=["GET", "HEAD"]
            ),
            Route(f"{p}/mask/{{image_id}}.png", self._picture(self.data.mask, "image/png"), methods=["GET", "HEAD"]),
            Route(
                f"{p}/diff/{{image_id}}.png",
                self._picture(self.data.pixel_difference, "image/png"),
                methods=["GET", "HEAD"],
            ),
            Route(f"{p}/gallery.js", self.script, methods=["GET", "HEAD"]),
        ]


class HostOriginGuard:
    """The MCP transport's Host/Origin checks (DNS-rebinding protection), for every request to the gallery."""

    def __init__(self, app: ASGIApp, security: TransportSecuritySettings):
        self.app = app
        self.checker = TransportSecurityMiddleware(security)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refused = await self.checker.validate_request(Request(scope, receive), is_post=False)
            if refused is not None:
                await refused(scope, receive, send)
                return
        await self.app(scope, receive, send)


def gallery_app(studio: Studio, security: TransportSecuritySettings, *, standalone: bool = False) -> ASGIApp:
    """The gallery behind the Host/Origin checks. `standalone` adds '/' (a redirect to /gallery)."""
    routes = Gallery(studio).routes()
    if standalone:
        routes.append(Route("/", lambda request: RedirectResponse(views.PREFIX), methods=["GET", "HEAD"]))
    return HostOriginGuard(Starlette(routes=routes), security)


class WithGallery:
    """Requests for /gallery go to the gallery, everything else (lifespan included) to the MCP app."""

    def __init__(self, gallery: ASGIApp, other: ASGIApp):
        self.gallery = gallery
        self.other = other

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path == views.PREFIX or path.startswith(views.PREFIX + "/"):
            await self.gallery(scope, receive, send)
        else:
            await self.other(scope, receive, send)


def with_gallery(mcp_app: ASGIApp, studio: Studio, security: TransportSecuritySettings) -> ASGIApp:
    return WithGallery(gallery_app(studio, security), mcp_app)


def serve_gallery(studio: Studio, *, port: int, open_browser: bool = True) -> None:
    """`limner gallery`: the gallery alone on 127.0.0.1 until interrupted; opens it in a browser once listening."""
    import webbrowser

    import uvicorn
    from limner.server.http import HttpOptions, transport_security

    if not 0 <= port <= 65535:
        raise InvalidRequest(f"--port takes a port from 0 to 65535, not {port}")
    if studio.lineage.unusable is not None:
        raise studio.lineage.unusable
    options = HttpOptions(host="127.0.0.1", port=port, path=views.PREFIX)
    app = gallery_app(studio, transport_security(options), standalone=True)
    server = uvicorn.Server(uvicorn.Config(app, host=options.host, port=port, log_level="warning"))

    def announce() -> None:  # once the port is open: say where (port 0 picks one), and open the page
        while not server.started and not server.should_exit:
            threading.Event().wait(0.05)
        if not server.started:
            return
        bound = server.servers[0].sockets[0].getsockname()[1] if server.servers else port
        address = f"http://127.0.0.1:{bound}{views.PREFIX}"
        print(f"limner: the gallery is at {address} (Ctrl-C stops it)", file=sys.stderr, flush=True)
        if open_browser:
            webbrowser.open(address)

    threading.Thread(target=announce, name="limner-gallery-announce", daemon=True).start()
    server.run()
