"""The Scene: the structured conditions an image is made from, versioned and validated.

A planner writes a Scene from words; a generator renders one; the evaluator answers the questions
`Scene.checks()` derives from it. Every field has a bound, so a Scene that validates is safe to render.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any, Literal

from limner.agents.scene.checks import derive_checks
from limner.agents.scene.geometry import box_problem
from limner.agents.scene.noun_phrases import noun_phrase
from limner.agents.scene.predicates import SPATIAL, canonical_predicate
from limner.agents.scene.relation_phrases import object_phrases
from limner.agents.scene.words import PAIR_NOUNS, PLURAL_ONLY_NOUNS
from limner.generators.base import RenderItem, RenderSpec
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

SCENE_VERSION = 3  # 2: text to render, actions, places, free predicates, unspecified counts; 3: quantity words

MIN_SIDE, MAX_SIDE = 64, 2048
MAX_PIXELS = 4_200_000
MAX_DESCRIPTION = 4000
MAX_OBJECTS = 16
MAX_COUNT = 12
MAX_WORD = 80  # characters in one name or attribute
MAX_PHRASES = 240  # characters in a comma list of style, lighting or viewpoint phrases
MAX_OTHER = 8  # other adjectives of one object
MAX_PALETTE = 8
MAX_RELATIONS = 32
MAX_EXCLUDE = 16
MAX_SEED = 2**32 - 1
MAX_TEXT = 200  # characters of text written on one object
MAX_PREDICATE = 40
SOME = 3  # how many of a thing are drawn when the Scene says "some" (count None)
# Words that say how many without a number, and how many of the thing are drawn for each.
Quantity = Literal["a few", "several", "many"]
DRAWN_FOR_QUANTITY: dict[str, int] = {"a few": 3, "several": 4, "many": 6}

# The spatial predicates every planner can use; relations may also say what one thing does to another.
RELATION_KINDS: tuple[str, ...] = SPATIAL
COMMON_PREDICATES: tuple[str, ...] = (
    *SPATIAL, "in", "at", "with", "wearing", "holding", "carrying", "riding", "sitting on", "standing on",
    "lying on", "standing in", "looking at", "playing with", "eating", "reading", "pulling", "chasing",
)  # fmt: skip
Predicate = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_PREDICATE,
        description="'on', 'left of', 'in front of', 'inside', 'in', 'at', 'with', or what the subject does to the "
        "object: 'wearing', 'holding', 'riding', 'sitting on', 'looking at'.",
    ),
    AfterValidator(canonical_predicate),
]
Place = Literal["left", "right", "center", "top", "bottom", "foreground", "background"]
PLACES: tuple[str, ...] = Place.__args__  # type: ignore[attr-defined]

TimeOfDay = Literal["dawn", "morning", "noon", "afternoon", "golden hour", "sunset", "dusk", "night"]

Box = Annotated[
    tuple[float, float, float, float],
    Field(description="Normalized [x, y, w, h]: top-left corner and size as fractions of the canvas."),
]
def one_line(text: str) -> str:
    """Text as one line: control characters dropped, runs of whitespace (newlines too) one space."""
    return " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())


Word = Annotated[str, AfterValidator(one_line), Field(min_length=1, max_length=MAX_WORD)]
Phrases = Annotated[str, AfterValidator(one_line), Field(min_length=1, max_length=MAX_PHRASES)]
Side = Annotated[int, Field(ge=MIN_SIDE, le=MAX_SIDE, multiple_of=8, description="Pixels, a multiple of 8.")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Attributes(_Strict):
    """What an object looks like. Each field is a plain word or two ("dark red", "wooden")."""

    color: Word | None = None
    material: Word | None = None
    size: Word | None = None
    state: Word | None = Field(default=None, description="'open', 'broken', 'wet', 'asleep'.")
    action: Word | None = Field(
        default=None, description="What it is doing, or its pose: 'jumping', 'running', 'sitting', 'arms raised'."
    )
    other: list[Word] = Field(
        default_factory=list, max_length=MAX_OTHER, description="Other adjectives: 'fluffy', 'old'."
    )

    def described(self) -> list[str]:
        """The attribute words in the order they read before a noun: size, state, other, colour, material, action."""
        words = [self.size, self.state, *self.other, self.color, self.material, self.action]
        return [w for w in words if w]


class SceneObject(_Strict):
    """One kind of thing in the picture, `count` times over."""

    name: Word = Field(description="A singular noun phrase: 'apple', 'teddy bear'.")
    count: int | None = Field(
        default=1, ge=1, le=MAX_COUNT, description="How many; null for 'some' (more than one, number not said)."
    )
    quantity: Quantity | None = Field(
        default=None, description="With count null, the words that said how many: 'a few', 'several', 'many'."
    )
    attributes: Attributes = Field(default_factory=Attributes)
    text: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_TEXT,
        description="Words written on it, exactly as they must read: a sign's 'OPEN', a cake's 'Happy Birthday'.",
    )
    place: Place | None = Field(default=None, description="Where in the picture, when no relation says it.")
    box: Box | None = None

    @model_validator(mode="before")
    @classmethod
    def _quantity_without_number(cls, data: Any) -> Any:
        """'many trees' says no number: with a quantity and no count, the count is null, not the default one."""
        if isinstance(data, dict) and data.get("quantity") is not None:
            if data.get("count") is not None:
                raise ValueError(
                    f"count {data['count']} and quantity {data['quantity']!r} both say how many; "
                    "give a count for a number, or a quantity with count null"
                )
            data = {**data, "count": None}
        return data

    @field_validator("text")
    @classmethod
    def _one_line_of_text(cls, text: str | None):
        return one_line(text) if text is not None else None

    @property
    def drawn_count(self) -> int:
        """How many are drawn: the count, or as many as the quantity words say ('some': a few)."""
        if self.count is not None:
            return self.count
        return DRAWN_FOR_QUANTITY[self.quantity] if self.quantity else SOME

    @property
    def plural(self) -> bool:
        """Whether the name takes a plural verb: 'some apples', 'two cats', and 'jeans' or 'clothes'."""
        last = self.name.rsplit(" ", 1)[-1]
        return self.count is None or self.count > 1 or last in PAIR_NOUNS or last in PLURAL_ONLY_NOUNS

    @field_validator("box")
    @classmethod
    def _box_on_canvas(cls, box: tuple[float, float, float, float] | None):
        problem = box_problem(box) if box is not None else None
        if problem:
            raise ValueError(problem)
        return box

    def noun_phrase(self) -> str:
        """'two red apples', 'a wooden table'."""
        return noun_phrase(self)


class Relation(_Strict):
    """`objects[subject]` is `predicate` `objects[object]`: 'the cat (0) is left of the dog (1)'."""

    subject: int = Field(ge=0)
    predicate: Predicate
    object: int = Field(ge=0)


class Scene(_Strict):
    """Everything needed to render, explain and check one image."""

    version: Literal[3] = SCENE_VERSION
    intent: str = Field(max_length=MAX_DESCRIPTION, description="The user's own words.")
    prompt: str = Field(min_length=1, max_length=MAX_DESCRIPTION, description="The text given to the generator.")
    negative_prompt: str = Field(default="", max_length=MAX_DESCRIPTION)
    style: Phrases | None = Field(
        default=None,
        description="Medium, style, artists, camera and quality, comma-separated: 'watercolor', 'oil painting, by "
        "Monet', '35mm film photo, highly detailed'.",
    )
    lighting: Phrases | None = Field(default=None, description="'soft', 'dramatic', 'golden hour', 'neon'.")
    time_of_day: TimeOfDay | None = None
    palette: list[Word] = Field(
        default_factory=list, max_length=MAX_PALETTE, description="Colour names that set the mood."
    )
    viewpoint: Phrases | None = Field(default=None, description="'close-up', 'aerial view', 'wide shot'.")
    objects: list[SceneObject] = Field(default_factory=list, max_length=MAX_OBJECTS)
    relations: list[Relation] = Field(default_factory=list, max_length=MAX_RELATIONS)
    exclude: list[Word] = Field(
        default_factory=list, max_length=MAX_EXCLUDE, description="Things that must not appear."
    )
    width: Side = 512
    height: Side = 512
    seed: int | None = Field(default=None, ge=0, le=MAX_SEED, description="None: a fresh seed is drawn per image.")
    steps: int | None = Field(default=None, ge=1, le=150, description="None: the generator's own default.")
    guidance: float | None = Field(default=None, ge=0, le=30, description="None: the generator's own default.")
    sampler: Word | None = Field(
        default=None, description="'Euler', 'Euler a', 'DPM++ 2M', 'DPM++ 2M Karras', 'DDIM', 'LCM'; None: the model's."
    )

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        """A version 1 or 2 Scene is a version 3 Scene as it stands: every field it had means the same."""
        if isinstance(data, dict) and data.get("version") in (1, 2):
            data = {**data, "version": SCENE_VERSION}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Scene:
        if self.width * self.height > MAX_PIXELS:
            raise ValueError(
                f"{self.width}x{self.height} is {self.width * self.height:,} pixels; "
                f"the limit is {MAX_PIXELS:,} (about 2048x2048 / 1)"
            )
        for i, rel in enumerate(self.relations):
            for end in (rel.subject, rel.object):
                if end >= len(self.objects):
                    raise ValueError(
                        f"relations[{i}] names object {end}, but there are only {len(self.objects)} objects"
                    )
            if rel.subject == rel.object:
                raise ValueError(f"relations[{i}] relates object {rel.subject} to itself")
        return self

    def checks(self):
        """The DSG-style questions that an image of this Scene must answer 'yes' to."""
        return derive_checks(self)

    def summary(self) -> str:
        """One line for people: '2 red apples on a wooden table · watercolor · dusk'."""
        parts = [describe_objects(self)] if self.objects else [self.prompt[:80]]
        parts += [p for p in (self.style, self.time_of_day or self.lighting) if p]
        if self.exclude:
            parts.append("no " + ", ".join(self.exclude))
        return " · ".join(parts)

    def fingerprint(self) -> str:
        """sha256 of the canonical JSON: equal Scenes share it, so lineage stores each Scene once."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()

    def render_spec(self, *, seed: int, model: str | None = None) -> RenderSpec:
        """What a generator needs to draw this Scene, with the seed resolved."""
        return RenderSpec(
            model=model,
            sampler=self.sampler,
            prompt=self.prompt,
            negative_prompt=self.negative_prompt,
            width=self.width,
            height=self.height,
            seed=seed,
            steps=self.steps,
            guidance=self.guidance,
            style=self.style,
            lighting=self.lighting,
            time_of_day=self.time_of_day,
            palette=tuple(self.palette),
            items=tuple(
                RenderItem(
                    label=o.name,
                    count=o.drawn_count,
                    color=o.attributes.color,
                    box=o.box,
                    material=o.attributes.material,
                    text=o.text,
                )
                for o in self.objects
            ),
        )


def scene_json_schema() -> dict:
    """The published JSON schema of a Scene, for clients that write one themselves."""
    schema = Scene.model_json_schema()
    schema["$id"] = f"https://limner.dev/schema/scene-v{SCENE_VERSION}.json"
    return schema


def describe_objects(scene: Scene) -> str:
    """'two red apples on a wooden table': the objects, each relation as one clause."""
    return " and ".join(object_phrases(scene))
