"""The `openai` generator: renders through an OpenAI-compatible Images API with the `openai` package.

Text-to-image goes to `images.generate`, image-to-image (a spec with an `init_image`) to `images.edit`.
The endpoint is OpenAI itself or anything that speaks its Images API: a `limner.openai_endpoint.Endpoint`
(`Endpoint.for_images`: `LIMNER_OPENAI_*` before the `OPENAI_*` names the SDK itself uses), which also
builds the client and explains failures.

What the API cannot do, and how we bridge it:
- Size: hosted models draw a few fixed sizes. We ask for the one closest in aspect to the spec, then
  crop-and-scale the result to exactly `spec.width` x `spec.height`, because everything downstream
  (lineage rows, the preview, an init image for the next refinement, the Scene's boxes) assumes the
  size that was asked for. Cropping, not stretching, keeps shapes true; `api_size` in the settings
  records what the API actually drew.
- Negative prompt: there is no field for it. These models follow instructions written in words, so
  the exclusions go at the end of the prompt as "Avoid: ...", the one channel the model reads.
- Seed and strength: no API takes them. Both are recorded for provenance, flagged as not honoured, so
  nobody expects the same seed to give the same picture.

`openai` (and the HTTP client it brings) is imported only when a render runs, so importing this module
is cheap and works without it installed.
"""

from __future__ import annotations

import base64
import binascii
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from limner.generators.base import RenderControl, Rendered, RenderSpec
from PIL import Image, ImageOps, UnidentifiedImageError

from limner.errors import BackendFailed, Cancelled, InvalidRequest
from limner.openai_endpoint import IMAGES, Endpoint, import_openai
from limner.settings import Settings

if TYPE_CHECKING:
    from types import ModuleType

    import openai
    from openai.types import ImagesResponse

# Bigger than any image these APIs return, small enough that a misbehaving server cannot fill memory.
MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024

Size = tuple[int, int]

_GPT_IMAGE_1_SIZES: tuple[Size, ...] = ((1024, 1024), (1536, 1024), (1024, 1536))
_DALL_E_3_SIZES: tuple[Size, ...] = ((1024, 1024), (1792, 1024), (1024, 1792))
_DALL_E_2_SIZES: tuple[Size, ...] = ((256, 256), (512, 512), (1024, 1024))

# The DALL-E models answer with a URL unless told otherwise; GPT image models always send base64 and
# reject the parameter, and compatible servers vary, so only the DALL-E models are asked.
_MODELS_TAKING_RESPONSE_FORMAT = frozenset({"dall-e-2", "dall-e-3"})


@dataclass(frozen=True)
class ImageRequest:
    """One call to the Images API, decided before anything is sent."""

    model: str
    prompt: str
    size: str
    quality: str | None
    response_format: str | None
    init_png: bytes | None  # set: an edit (image-to-image); None: a generation
    mask_png: bytes | None = None  # an edit confined to the mask's transparent part (the API's convention)

    @property
    def mode(self) -> str:
        return "edit" if self.init_png is not None else "generate"


class OpenAIImageGenerator:
    name: ClassVar[str] = "openai"
    description: ClassVar[str] = (
        "OpenAI-compatible Images API (gpt-image-2, DALL-E and compatible servers) through the openai package; "
        "needs LIMNER_OPENAI_API_KEY or OPENAI_API_KEY."
    )
    supports_image_to_image: ClassVar[bool] = True  # the init image goes to the Images API's edit endpoint
    supports_inpainting: ClassVar[bool] = True  # with the mask, as the edit endpoint takes it
    takes_model: ClassVar[bool] = True
    supports_layout_control: ClassVar[bool] = False  # one prompt goes to the API; nothing steers its attention
    supports_preload: ClassVar[bool] = False  # a remote API: nothing to load here

    def __init__(self, endpoint: Endpoint | None = None, *, quality: str | None = None) -> None:
        """`endpoint` default: OpenAI's API, gpt-image-2, 120 s, one retry; `IMAGES.endpoint(model=...,
        base_url=..., api_key=...)` for another. `quality` goes with every request when set."""
        self.endpoint = endpoint or IMAGES.endpoint()
        self.quality = quality

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAIImageGenerator:
        return cls(Endpoint.for_images(settings))

    def __repr__(self) -> str:  # never the key
        return f"OpenAIImageGenerator(base_url={self.endpoint.where!r}, model={self.model!r})"

    @property
    def model(self) -> str:
        return self.endpoint.model

    def prompt_tokens(self, model: str | None = None) -> int:
        return 1000  # the Images API takes thousands of characters; a long prompt still dilutes what matters

    def preload(self, model: str | None = None) -> None:
        raise InvalidRequest("the openai generator calls a remote API: there is no model to load ahead")

    def render(self, spec: RenderSpec, control: RenderControl | None = None) -> Rendered:
        control = control or RenderControl()
        request = self._request(spec)
        client = self.endpoint.client()
        # One blocking request: it cannot be stopped once sent, so this is the only place to cancel.
        if control.cancelled:
            raise Cancelled("cancelled before the request was sent to the image API; nothing was generated")
        control.step(0, 1)
        with client:
            image, revised_prompt = self._call(client, request)
        control.step(1, 1)
        settings = self._settings(spec, request, image, revised_prompt)
        return Rendered(image=_fit(image, (spec.width, spec.height)), generator=self.name, settings=settings)

    def _request(self, spec: RenderSpec) -> ImageRequest:
        model = spec.model or self.model
        size = api_size(model, spec.width, spec.height)
        return ImageRequest(
            model=model,
            prompt=prompt_with_exclusions(spec.prompt, spec.negative_prompt),
            size=size,
            quality=self.quality,
            response_format="b64_json" if model.lower() in _MODELS_TAKING_RESPONSE_FORMAT else None,
            init_png=_png_bytes(spec.init_image, _parse_size(size)) if spec.init_image is not None else None,
            mask_png=_mask_png(spec.mask, _parse_size(size)) if spec.init_image is not None and spec.mask else None,
        )

    def _call(self, client: openai.OpenAI, request: ImageRequest) -> tuple[Image.Image, str | None]:
        """Send the request and read the first image, with every failure turned into a Limner error."""
        openai = import_openai(IMAGES.what)
        try:
            response = _send(client, request)
            return _first_image(response, timeout=self.endpoint.timeout)
        except (openai.OpenAIError, ValueError) as exc:  # ValueError: a body that is not JSON
            # `from None`: the SDK's exception carries the raw body and request; the message says it all.
            raise self.endpoint.explain(exc, model=request.model) from None

    def _settings(
        self, spec: RenderSpec, request: ImageRequest, produced: Image.Image, revised_prompt: str | None
    ) -> dict[str, str | int | float | None]:
        settings: dict[str, str | int | float | None] = {
            "model": request.model,
            "mode": request.mode,
            "size": request.size,
            "api_size": f"{produced.width}x{produced.height}",
            "resized": produced.size != (spec.width, spec.height),
            "quality": request.quality,
            "base_url_host": self.endpoint.host,
            "prompt_sent": request.prompt,
            "seed": spec.seed,
            "seed_honoured": False,  # the Images API takes no seed
        }
        if revised_prompt:
            settings["revised_prompt"] = revised_prompt
        if request.mode == "edit":
            settings["strength"] = spec.strength
            settings["strength_honoured"] = False  # nor a strength: the prompt alone says how much to change
        return settings


# What to ask for ----------------------------------------------------------------------------------


def api_size(model: str, width: int, height: int) -> str:
    """The size to request: one the model can draw, closest in aspect to width x height."""
    name = model.lower()
    if name == "dall-e-2":
        # Squares only: the smallest that covers the request, so nothing is scaled up needlessly.
        side = next((w for w, _ in _DALL_E_2_SIZES if w >= max(width, height)), 1024)
        return f"{side}x{side}"
    if name.startswith("gpt-image-") and not name.startswith("gpt-image-1"):
        # gpt-image-2 and later draw any size whose sides are multiples of 16.
        return f"{_multiple_of_16(width)}x{_multiple_of_16(height)}"
    sizes = _fixed_sizes(name)
    if sizes is None:
        return f"{width}x{height}"  # a model we do not know: ask for exactly what the caller wants
    best = min(sizes, key=lambda size: _aspect_distance(size, (width, height)))
    return f"{best[0]}x{best[1]}"


def _multiple_of_16(side: int) -> int:
    return max(16, (side + 8) // 16 * 16)


def _fixed_sizes(name: str) -> tuple[Size, ...] | None:
    if name.startswith("gpt-image-1"):  # gpt-image-1, -1-mini and 1.5 draw the same three sizes
        return _GPT_IMAGE_1_SIZES
    if name == "dall-e-3":
        return _DALL_E_3_SIZES
    return None


def _aspect_distance(a: Size, b: Size) -> float:
    # Ratio of ratios, so 2:1 and 1:2 are equally far from square.
    ratio = (a[0] / a[1]) / (b[0] / b[1])
    return max(ratio, 1 / ratio)


def prompt_with_exclusions(prompt: str, negative_prompt: str) -> str:
    """The prompt with the negative prompt appended in words: the Images API has no field for it."""
    negative = negative_prompt.strip()
    return f"{prompt.rstrip()}\nAvoid: {negative}" if negative else prompt


def _png_bytes(image: Image.Image, size: Size) -> bytes:
    # The init image is shaped to the size we ask for, so the model edits the composition it will draw.
    fitted = _fit(image if image.mode in ("RGB", "RGBA") else image.convert("RGB"), size)
    buffer = io.BytesIO()
    fitted.save(buffer, format="PNG")
    return buffer.getvalue()


def _mask_png(mask: Image.Image, size: Size) -> bytes:
    """Limner's mask (white: paint here) as the Images API wants it: an RGBA PNG, transparent where to edit."""
    alpha = Image.eval(_fit(mask.convert("L"), size), lambda v: 255 - v)
    shaped = Image.new("RGBA", alpha.size, (0, 0, 0, 255))
    shaped.putalpha(alpha)
    buffer = io.BytesIO()
    shaped.save(buffer, format="PNG")
    return buffer.getvalue()


# Sending and reading ------------------------------------------------------------------------------


def _send(client: openai.OpenAI, request: ImageRequest) -> ImagesResponse:
    options: dict[str, Any] = {}
    if request.quality:
        options["quality"] = request.quality
    if request.response_format:
        options["response_format"] = request.response_format
    if request.init_png is not None:
        image = ("init.png", request.init_png, "image/png")
        if request.mask_png is not None:
            options["mask"] = ("mask.png", request.mask_png, "image/png")
        return client.images.edit(
            model=request.model, image=image, prompt=request.prompt, size=request.size, n=1, **options
        )
    return client.images.generate(model=request.model, prompt=request.prompt, size=request.size, n=1, **options)


def _first_image(response: ImagesResponse, *, timeout: float) -> tuple[Image.Image, str | None]:
    """The first image of a response, whichever shape it came in (base64 or a URL), and any revised prompt."""
    if not response.data:
        raise BackendFailed("the image API answered without an image; try again or try another model")
    item = response.data[0]
    if item.b64_json:
        raw = _decode_base64(item.b64_json)
    elif item.url:
        raw = _download(item.url, timeout=timeout)
    else:
        raise BackendFailed("the image API answered with neither base64 data nor a URL; is it an Images API?")
    return _open_rgb(raw), item.revised_prompt


def _decode_base64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise BackendFailed("the image API's b64_json is not valid base64") from None


def _download(url: str, *, timeout: float) -> bytes:
    """Fetch an image the API answered with by URL; only http(s), and without the API key."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        scheme = parts.scheme or "relative"
        raise BackendFailed(f"the image API answered with a {scheme} URL; only http and https are fetched")
    http = _import_http()
    # Say the host only: these URLs are often signed, and the signature is a credential.
    where = parts.netloc.rpartition("@")[2]
    try:
        with http.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
            if response.status_code != 200:
                raise BackendFailed(f"downloading the image from {where} failed with HTTP {response.status_code}")
            return _read_capped(response.iter_bytes(), where)
    except http.TimeoutException:
        raise BackendFailed(f"downloading the image from {where} timed out after {timeout:g} s") from None
    except http.HTTPError as exc:
        raise BackendFailed(f"could not download the image from {where}: {type(exc).__name__}") from None


def _read_capped(chunks: Iterable[bytes], where: str) -> bytes:
    buffer = bytearray()
    for chunk in chunks:
        buffer += chunk
        if len(buffer) > MAX_DOWNLOAD_BYTES:
            raise BackendFailed(f"the image at {where} is larger than {MAX_DOWNLOAD_BYTES // 2**20} MB; refusing it")
    return bytes(buffer)


def _open_rgb(raw: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(raw))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise BackendFailed("the image API returned data that is not a readable image") from None
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        # A transparent background becomes white, not the black that a bare convert("RGB") would show.
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


def _fit(image: Image.Image, size: Size) -> Image.Image:
    """`image` at exactly `size`: cropped to the aspect from the centre, then scaled; never stretched."""
    if image.size == size:
        return image
    return ImageOps.fit(image, size, method=Image.Resampling.LANCZOS)


# Small helpers ------------------------------------------------------------------------------------


def _parse_size(size: str) -> Size:
    width, _, height = size.partition("x")
    return int(width), int(height)


def _import_http() -> ModuleType:
    # The HTTP client `openai` already depends on: httpx2 from openai 3, httpx before that.
    try:
        import httpx2 as http
    except ImportError:
        import httpx as http
    return http
