"""Region control: each object's words act inside its box, without training and without extra UNet passes.

A Scene gives every object a box. Text-to-image models ignore boxes: in a UNet's cross-attention every
pixel reads every prompt word, so "a red ball left of a blue box" may put the ball anywhere, or paint it
blue. This module makes the boxes count, the way Dense Diffusion (Kim et al., 2023) and BoxDiff do:

1. Words to tokens. Each RenderItem's label words ("teddy bear"), and its colour and material words
   when they stand just before the label in the prompt ("red ball"), are found among the prompt's token
   positions with the pipeline's own tokenizer (SDXL's two tokenizers each; their positions are joined).
2. Boxes to masks. At every resolution the UNet attends at (the latent grid, halved per level), each box
   becomes a mask of the latent pixels whose centres it covers (at least one pixel, however small).
3. A cross-attention processor (set with `unet.set_attn_processor` on the `attn2` layers only, put back
   when the render ends) adds a bias to the attention logits before the softmax: for an object's tokens,
   `+INSIDE_BIAS` at the pixels inside its box and `OUTSIDE_BIAS` (negative) outside it. Other tokens,
   self-attention and the unconditional half of a classifier-free-guidance batch are left as they are.
4. The bias is scaled by `(t / T) ** DECAY_POWER`, t the UNet's timestep (read by a forward pre-hook) and
   T the scheduler's training steps: full strength at pure noise, where layout is decided, fading as
   the details are drawn. Image-to-image, which starts part-way down, gets the weaker bias it should.

Why attention modulation and not region-wise denoising (MultiDiffusion): MultiDiffusion denoises every
region with its own prompt and blends the predictions, so N objects cost N+1 UNet passes per step, and
its regions only agree after many steps; the one-step turbo models Limner favours have no steps over
which they could. Modulating attention costs one addition per cross-attention call (measured by
`bench/layout_control.py`), works in a single step, and keeps the image coherent, because the whole
latent is still denoised once with the whole prompt. Nothing is random here, so seeds still reproduce.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from limner.generators.base import RenderItem

from limner.errors import InvalidRequest

LAYOUT_CONTROLS = ("none", "init", "attention")
# Families whose pipelines denoise with a UNet2DConditionModel reading CLIP tokens.
REGION_FAMILIES = frozenset({"sd1", "sd2", "sd-turbo", "sdxl", "sdxl-turbo"})
MIN_BOXED = 2  # by default, attention control needs at least this many objects with boxes
INSIDE_BIAS = 3.0  # added to an object token's logits inside its box, at full weight ...
OUTSIDE_BIAS = -3.0  # ... and outside it
DECAY_POWER = 3.0  # weight (t / T) ** 3: 1 at pure noise, 0.51 at t = 0.8 T, 0.13 at t = T / 2
_ATTRIBUTE_WINDOW = 4  # how many words before a label its colour or material may stand
_FILLER = frozenset({"a", "an", "the", "of", "and", "with", "on", "in", "at", "to", "for"})
# Word-like pieces, as CLIP's tokenizer splits text (its pieces never merge across these boundaries).
_PIECES = re.compile(r"'s|'t|'re|'ve|'m|'ll|'d|[^\W\d_]+|\d|[^\s\w]+|_")


def resolve_layout_control(requested: str | None, items: Sequence[RenderItem], family: str) -> str:
    """What a render does: the control asked for, or by default `attention` where the family has a UNet
    this works with and two or more objects have boxes, else `none`."""
    if requested is None:
        boxed = sum(1 for item in items if item.box is not None)
        return "attention" if family in REGION_FAMILIES and boxed >= MIN_BOXED else "none"
    if requested not in LAYOUT_CONTROLS:
        raise InvalidRequest(f"unknown layout_control {requested!r}; one of: {', '.join(LAYOUT_CONTROLS)}")
    if requested == "attention" and family not in REGION_FAMILIES:
        raise InvalidRequest(
            f"layout_control='attention' works with SD 1.x/2.x and SDXL models, not {family}; "
            "use 'init' (start from the drawn layout) or 'none'"
        )
    return requested


@dataclass(frozen=True)
class Region:
    """One object's box and the prompt token positions (counting the start token) that name it."""

    box: tuple[float, float, float, float]
    tokens: frozenset[int]


def regions_for(tokenizers: Sequence[Any], prompt: str, items: Sequence[RenderItem]) -> list[Region]:
    """The boxed items whose words are in the prompt, each with its token positions under every tokenizer."""
    spans = [_word_spans(tokenizer, prompt) for tokenizer in tokenizers]
    found = []
    for item in items:
        if item.box is None:
            continue
        tokens = frozenset().union(*(_item_positions(s, item) for s in spans))
        if tokens:
            found.append(Region(tuple(item.box), tokens))  # type: ignore[arg-type]
    return found


def _word_spans(tokenizer: Any, prompt: str) -> list[tuple[str, int, int]]:
    """Each word-like piece of the prompt that the text encoder reads, with its token positions [start, end)."""
    full = tokenizer(prompt, add_special_tokens=False).input_ids
    limit = min(len(full), int(tokenizer.model_max_length) - 2)  # the pipeline keeps the start, 75 and the end
    spans, cursor = [], 0
    for piece in _PIECES.findall(prompt):
        ids = tokenizer(piece, add_special_tokens=False).input_ids
        at = _find(full, ids, cursor)
        if at is None or not ids:
            continue  # the tokenizer read this piece differently in context: it is not bound, the rest is
        if at + len(ids) > limit:
            break
        spans.append((piece.lower(), at + 1, at + 1 + len(ids)))  # +1: the start token comes first
        cursor = at + len(ids)
    return spans


def _find(sequence: list[int], part: list[int], start: int) -> int | None:
    for at in range(start, len(sequence) - len(part) + 1):
        if sequence[at : at + len(part)] == part:
            return at
    return None


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+", text)]


def _same_word(a: str, b: str) -> bool:
    """The same word, or one the plural of the other ("apple", "apples"; "box", "boxes"; "cherry", "cherries")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es") or (short.endswith("y") and long == short[:-1] + "ies")


def _item_positions(spans: list[tuple[str, int, int]], item: RenderItem) -> set[int]:
    """Where the item's label words are, with its colour and material words just before them. Where the
    label occurs more than once, occurrences preceded by the item's own colour or material win, so "a red
    ball and a blue ball" binds each ball to its own box."""
    labels = [w for w in _words(item.label) if w not in _FILLER] or _words(item.label)
    attributes = [w for text in (item.color, item.material) if text for w in _words(text) if w not in _FILLER]
    hits = [i for i, (word, _, _) in enumerate(spans) if any(_same_word(word, w) for w in labels)]

    def described_by(i: int) -> list[int]:
        before = range(max(0, i - _ATTRIBUTE_WINDOW), i)
        return [j for j in before if any(_same_word(spans[j][0], a) for a in attributes)]

    described = [i for i in hits if described_by(i)]
    positions: set[int] = set()
    for i in described or hits:
        for j in (*described_by(i), i):
            positions.update(range(spans[j][1], spans[j][2]))
    return positions


class AttentionShare:
    """How much of the object tokens' cross-attention falls inside their boxes, summed over every call."""

    def __init__(self) -> None:
        self.inside = 0.0
        self.total = 0.0

    @property
    def share(self) -> float:
        return self.inside / self.total if self.total else 0.0


class RegionControl:
    """The state one render's processors share: the regions, the latent size and the current weight."""

    def __init__(self, regions: Sequence[Region], *, train_steps: int, strength: float = 1.0,
                 probe: AttentionShare | None = None):  # fmt: skip
        self.regions = list(regions)
        self.train_steps = train_steps
        self.strength = strength
        self.probe = probe
        self.latent_size: tuple[int, int] | None = None
        self.weight: Any = None  # a 0-d tensor on the UNet's device: no host sync per step
        self._masks: dict[tuple[int, int], Any] = {}
        self._biases: dict[tuple[int, int, int, Any, Any], Any] = {}

    def before_unet(self, module: Any, args: tuple, kwargs: dict) -> None:
        """A forward pre-hook on the UNet: the latent's size and this step's weight, from its timestep."""
        import torch

        sample = args[0] if args else kwargs["sample"]
        timestep = args[1] if len(args) > 1 else kwargs["timestep"]
        self.latent_size = (int(sample.shape[-2]), int(sample.shape[-1]))
        t = torch.as_tensor(timestep, device=sample.device).float().flatten()[0]
        self.weight = (t / self.train_steps).clamp(0, 1) ** DECAY_POWER * self.strength

    def masks(self, queries: int, keys: int) -> Any:
        """(queries, keys) booleans, True where a query pixel is inside the box of the object that key token
        names; and (keys,) booleans marking the object tokens. None when the queries are not a latent grid."""
        import torch

        if (queries, keys) in self._masks:
            return self._masks[queries, keys]
        grid = self._grid(queries)
        if grid is None:
            return None
        h, w = grid
        ys, xs = (torch.arange(h) + 0.5) / h, (torch.arange(w) + 0.5) / w
        inside = torch.zeros(queries, keys, dtype=torch.bool)
        named = torch.zeros(keys, dtype=torch.bool)
        for region in self.regions:
            x, y, bw, bh = region.box
            box = ((ys >= y) & (ys <= y + bh))[:, None] & ((xs >= x) & (xs <= x + bw))[None, :]
            if not box.any():  # a box smaller than one latent pixel here: its nearest pixel
                box[min(int((y + bh / 2) * h), h - 1), min(int((x + bw / 2) * w), w - 1)] = True
            tokens = [k for k in region.tokens if k < keys]
            inside[:, tokens] |= box.flatten()[:, None]
            named[tokens] = True
        self._masks[queries, keys] = (inside, named)
        return inside, named

    def _grid(self, queries: int) -> tuple[int, int] | None:
        if self.latent_size is None:
            return None
        h, w = self.latent_size
        while h * w > queries:  # each UNet level halves the grid, rounding up
            h, w = (h + 1) // 2, (w + 1) // 2
        return (h, w) if h * w == queries else None

    def bias(self, batch: int, queries: int, keys: int, dtype: Any, device: Any) -> Any:
        """The logit bias for one cross-attention call, (batch, 1, queries, keys), at this step's weight; None
        where there is nothing to bias. Of a guidance batch (negative, positive) only the second half."""
        import torch

        key = (batch, queries, keys, dtype, device)
        if key not in self._biases:
            masks = self.masks(queries, keys)
            if masks is None or self.weight is None:
                return None
            inside, named = masks
            full = torch.where(inside, INSIDE_BIAS, OUTSIDE_BIAS) * named[None, :]
            rows = torch.ones(batch)
            if batch > 1 and batch % 2 == 0:
                rows[: batch // 2] = 0  # the unconditional half reads the negative prompt's tokens
            self._biases[key] = (rows[:, None, None, None] * full[None, None]).to(device=device, dtype=dtype)
        return self._biases[key] * self.weight.to(dtype)

    def record(self, probabilities: Any, queries: int, keys: int) -> None:
        masks = self.masks(queries, keys)
        if self.probe is None or masks is None:
            return
        batch = probabilities.shape[0]
        conditional = probabilities[batch // 2 :] if batch > 1 and batch % 2 == 0 else probabilities
        inside, named = (m.to(probabilities.device) for m in masks)
        mass = conditional.float()[..., named]  # (batch, heads, queries, object tokens)
        self.probe.inside += float((mass * inside[:, named]).sum())
        self.probe.total += float(mass.sum())


class RegionAttnProcessor:
    """diffusers' AttnProcessor2_0 for cross-attention, with the region bias added to the logits."""

    def __init__(self, control: RegionControl):
        self.control = control

    def __call__(self, attn: Any, hidden_states: Any, encoder_hidden_states: Any = None,
                 attention_mask: Any = None, temb: Any = None, *args: Any, **kwargs: Any) -> Any:  # fmt: skip
        import torch.nn.functional as F

        residual = hidden_states
        if attn.spatial_norm is not None:
            hidden_states = attn.spatial_norm(hidden_states, temb)
        input_ndim = hidden_states.ndim
        if input_ndim == 4:
            batch_size, channel, height, width = hidden_states.shape
            hidden_states = hidden_states.view(batch_size, channel, height * width).transpose(1, 2)
        context = hidden_states if encoder_hidden_states is None else encoder_hidden_states
        batch_size, keys, _ = context.shape
        if attention_mask is not None:
            attention_mask = attn.prepare_attention_mask(attention_mask, keys, batch_size)
            attention_mask = attention_mask.view(batch_size, attn.heads, -1, attention_mask.shape[-1])
        if attn.group_norm is not None:
            hidden_states = attn.group_norm(hidden_states.transpose(1, 2)).transpose(1, 2)
        query = attn.to_q(hidden_states)
        if encoder_hidden_states is not None and attn.norm_cross:
            context = attn.norm_encoder_hidden_states(context)
        key, value = attn.to_k(context), attn.to_v(context)
        head_dim = key.shape[-1] // attn.heads
        query = query.view(batch_size, -1, attn.heads, head_dim).transpose(1, 2)
        key = key.view(batch_size, -1, attn.heads, head_dim).transpose(1, 2)
        value = value.view(batch_size, -1, attn.heads, head_dim).transpose(1, 2)
        if attn.norm_q is not None:
            query = attn.norm_q(query)
        if attn.norm_k is not None:
            key = attn.norm_k(key)
        queries = query.shape[2]
        if encoder_hidden_states is not None:
            bias = self.control.bias(batch_size, queries, keys, query.dtype, query.device)
            if bias is not None:
                attention_mask = bias if attention_mask is None else attention_mask + bias
        if self.control.probe is not None:  # measuring: the probabilities themselves are needed
            scores = (query @ key.transpose(-1, -2)) * head_dim**-0.5
            probabilities = (scores if attention_mask is None else scores + attention_mask).softmax(dim=-1)
            self.control.record(probabilities, queries, keys)
            hidden_states = probabilities @ value
        else:
            hidden_states = F.scaled_dot_product_attention(query, key, value, attn_mask=attention_mask)
        hidden_states = hidden_states.transpose(1, 2).reshape(batch_size, -1, attn.heads * head_dim)
        hidden_states = attn.to_out[1](attn.to_out[0](hidden_states.to(query.dtype)))
        if input_ndim == 4:
            hidden_states = hidden_states.transpose(-1, -2).reshape(batch_size, channel, height, width)
        if attn.residual_connection:
            hidden_states = hidden_states + residual
        return hidden_states / attn.rescale_output_factor


def tokenizers_of(pipe: Any) -> list[Any]:
    """The pipeline's CLIP tokenizers: one for SD 1.x/2.x, two for SDXL."""
    return [t for t in (getattr(pipe, "tokenizer", None), getattr(pipe, "tokenizer_2", None)) if t is not None]


@contextmanager
def region_attention(
    pipe: Any,
    prompt: str,
    items: Sequence[RenderItem],
    *,
    enabled: bool = True,
    strength: float = 1.0,
    probe: AttentionShare | None = None,
) -> Iterator[RegionControl | None]:
    """For the block, the pipeline's UNet biases each boxed item's words toward its box in cross-attention.

    `enabled` False does nothing (so callers need no branch). `strength` scales the bias (0 leaves the
    attention as it was: with a `probe`, that measures an uncontrolled render). The UNet's own processors
    and the pipeline's UNet (a compiled one is bypassed for the block) are put back however the block ends.
    """
    unet = getattr(pipe, "unet", None)
    regions = regions_for(tokenizers_of(pipe), prompt, items) if enabled and unet is not None else []
    if not regions:
        yield None
        return
    compiled = unet if hasattr(unet, "_orig_mod") else None
    if compiled is not None:  # new processors would make torch.compile trace the UNet again on every render
        unet = pipe.unet = compiled._orig_mod
    control = RegionControl(regions, train_steps=int(pipe.scheduler.config.num_train_timesteps), strength=strength,
                            probe=probe)  # fmt: skip
    original = dict(unet.attn_processors)
    processor = RegionAttnProcessor(control)
    unet.set_attn_processor({name: processor if ".attn2." in name else p for name, p in original.items()})
    hook = unet.register_forward_pre_hook(control.before_unet, with_kwargs=True)
    try:
        yield control
    finally:
        hook.remove()
        unet.set_attn_processor(original)
        if compiled is not None:
            pipe.unet = compiled
