"""Questions an image must answer 'yes' to, derived from a Scene (Davidsonian Scene Graph style).

Each check is one atomic question. Entity checks are roots; count, attribute and relation checks
depend on the entities they mention, so an evaluator can zero a child whose parent failed ("is the
apple red?" means nothing when there is no apple). The derivation is deterministic: the same Scene
always gives the same checks with the same ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from limner.agents.scene.english import pluralize, proper_name, with_article, with_the
from limner.agents.scene.predicates import SPATIAL, place_phrase, relation_question, spatial_form
from limner.agents.scene.proper_words import PROPER_ADJECTIVES
from limner.agents.scene.words import PLURAL_ONLY_NOUNS, WEATHER_WORDS
from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from limner.agents.scene.model import Relation, Scene, SceneObject

# Ways of drawing said of one thing ('an anime girl'), which a question asks as a style.
DRAWING_STYLES = frozenset(
    {"anime", "manga", "cartoon", "cartoonish", "chibi", "pixel art", "pixelated", "cel-shaded", "cel shaded",
     "low-poly", "low poly", "claymation", "comic book", "comic-book", "8-bit", "16-bit", "voxel", "kawaii",
     "ukiyo-e", "pop art", "art deco", "art nouveau", "steampunk", "cyberpunk"}
)  # fmt: skip

CheckKind = Literal["entity", "count", "attribute", "text", "place", "relation", "exclusion", "global"]


class Check(BaseModel):
    id: str = Field(description="Stable within a Scene: 'entity:0', 'attribute:0:color', 'relation:1'.")
    kind: CheckKind
    question: str
    depends_on: list[str] = Field(default_factory=list)
    subject: int | None = Field(default=None, description="Index of the object asked about.")
    other: int | None = Field(default=None, description="The second object of a relation.")
    value: str | int | None = Field(default=None, description="Expected colour, count, predicate, style ...")
    required: bool = Field(default=True, description="False for global style and lighting questions.")


def derive_checks(scene: Scene) -> list[Check]:
    checks: list[Check] = []
    for i, obj in enumerate(scene.objects):
        checks += _object_checks(i, obj)
    for k, rel in enumerate(scene.relations):
        if _said_by_a_verb(rel, scene.relations) or rel.predicate in _WHEN:
            continue
        subj, obj = scene.objects[rel.subject], scene.objects[rel.object]
        checks.append(
            Check(
                id=f"relation:{k}",
                kind="relation",
                question=relation_question(
                    subj.name, _with_action(rel.predicate, subj), obj.name, plural=subj.plural, other_plural=obj.plural
                ),
                depends_on=[f"entity:{rel.subject}", f"entity:{rel.object}"],
                subject=rel.subject,
                other=rel.object,
                value=rel.predicate,
            )
        )
    for k, thing in enumerate(scene.exclude):
        checks.append(Check(id=f"exclusion:{k}", kind="exclusion", question=f"Is there no {thing}?", value=thing))
    # Whole-picture questions: worth asking, but no image fails for them alone.
    for field, value, question in (
        ("style", scene.style, _style_question(scene.style or "")),
        ("time_of_day", scene.time_of_day, f"Is it {scene.time_of_day}?"),
        ("lighting", scene.lighting, _lighting_question(scene.lighting or "")),
    ):
        if value:
            checks.append(Check(id=f"global:{field}", kind="global", question=question, value=value, required=False))
    return checks


# Kinds of picture a style may name alone, asked as what the picture is: 'Is the picture an oil painting?'.
_PICTURE_KINDS = frozenset(
    {"photo", "photograph", "painting", "watercolor", "watercolour", "drawing", "sketch", "illustration", "render",
     "art", "poster", "cartoon", "comic", "etching", "engraving", "woodcut", "collage", "mosaic", "portrait",
     "selfie", "snapshot", "polaroid"}
)  # fmt: skip


def _style_question(style: str) -> str:
    """'Is the picture an oil painting?', 'Is it in ukiyo-e style?', else 'Is the style cinematic?'."""
    if "," not in style and style.rsplit(" ", 1)[-1] in _PICTURE_KINDS:
        return f"Is the picture {with_article(style)}?"
    if "," not in style and style.endswith(" style"):
        return f"Is it in {style}?"
    return f"Is the style {style}?"


def _lighting_question(lighting: str) -> str:
    if lighting in WEATHER_WORDS:
        return f"Is it {lighting}?"  # 'Is it rainy?', not 'Is the lighting rainy?'
    if lighting.endswith(" weather"):
        return f"Is the weather {lighting.removesuffix(' weather')}?"  # 'stormy weather'
    if lighting.rsplit(" ", 1)[-1] in ("light", "lighting", "lights", "glow", "illumination", "shadows"):
        return f"Does the picture have {lighting}?"  # not 'Is the lighting volumetric lighting?'
    return f"Is the lighting {lighting}?"


# Predicates of time, which the picture shows by the other thing alone: 'a lighthouse during a storm' asks
# 'Is there a storm?', never 'Is the lighthouse during the storm?'.
_WHEN = frozenset({"during", "before", "after", "while"})

# Prepositions a verb takes, asked with the verb: 'Are the friends laughing at the joke?', not 'at the joke'.
_VERB_PREPOSITIONS = frozenset({"at", "toward", "towards", "into", "through", "across", "along", "past", "around"})


def _with_action(predicate: str, subject: SceneObject) -> str:
    action = subject.attributes.action or ""
    if predicate in _VERB_PREPOSITIONS and action.endswith("ing") and " " not in action:
        return f"{action} {predicate}"
    return predicate


def _said_by_a_verb(rel: Relation, relations: list[Relation]) -> bool:
    """Whether another relation of the two things asks the same place with what one does there: 'Is the
    woman typing on the laptop?' asks 'on' (and 'Is the woman on the laptop?' would ask her to sit on it)."""
    if rel.predicate not in SPATIAL:
        return False
    return any(
        other.subject == rel.subject and other.object == rel.object and " " in other.predicate
        and other.predicate not in SPATIAL
        and spatial_form(rel.subject, other.predicate, rel.object) == (rel.subject, rel.predicate, rel.object)
        for other in relations
    )  # fmt: skip


def _object_checks(i: int, obj: SceneObject) -> list[Check]:
    """Is it there, how many, what it looks like and does, what it says, and where it is."""
    entity = f"entity:{i}"
    plural_only = obj.name.rsplit(" ", 1)[-1] in PLURAL_ONLY_NOUNS
    if proper_name(obj.name) and obj.count == 1:  # a name: 'Is the Eiffel Tower in the picture?'
        question = f"Is {with_the(obj.name)} in the picture?"
    elif obj.count is None or plural_only:
        question = f"Are there {pluralize(obj.name)}?"
    else:
        question = f"Is there {with_article(obj.name)}?"
    checks = [Check(id=entity, kind="entity", question=question, subject=i)]

    def about_it(kind: CheckKind, question: str, value: str | int) -> Check:
        """A question about this object, answered only once the object itself is found."""
        return Check(id=f"{kind}:{i}", kind=kind, question=question, depends_on=[entity], subject=i, value=value)

    if obj.count is not None and obj.count > 1:  # 'some apples' asks for no number
        checks.append(about_it("count", f"Are there exactly {obj.count} {pluralize(obj.name)}?", obj.count))
    elif obj.count is None and obj.quantity:  # 'many trees' asks for many, never for a number
        checks.append(about_it("count", f"Are there {obj.quantity} {pluralize(obj.name)}?", obj.quantity))
    attrs = obj.attributes
    named = {
        "color": attrs.color, "material": attrs.material, "size": attrs.size, "state": attrs.state,
        "action": attrs.action,
    }  # fmt: skip
    values = [(field, value) for field, value in named.items() if value]
    values += [(f"other{k}", word) for k, word in enumerate(attrs.other)]
    for field, value in _worth_asking(values):
        checks.append(_attribute_check(i, obj, field, value, entity))
    if obj.text:
        asked = f"Do the {pluralize(obj.name)} say" if obj.plural else f"Does {with_the(obj.name)} say"
        checks.append(about_it("text", f"{asked} '{obj.text}'?", obj.text))
    if obj.place:
        be = "Are the " + pluralize(obj.name) if obj.plural else "Is " + with_the(obj.name)
        checks.append(about_it("place", f"{be} {place_phrase(obj.place)}?", obj.place))
    return checks


def _worth_asking(values: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """An object's attribute values less those another of its values already asks about, so one fact is one
    check: 'brown and white' when 'brown' and 'white' are values too (each is asked), and 'sitting' when
    'sitting down' is (the longer says it)."""
    words = {value: value.casefold().replace(",", " ").split() for _, value in values}
    singles = {" ".join(w) for w in words.values() if "and" not in w}
    kept = [(f, v) for f, v in values if not _joins(words[v], singles)]

    def said_by_another(value: str) -> bool:
        mine = words[value]
        return any(
            len(words[other]) > len(mine) and _within(mine, words[other]) for _, other in kept if other != value
        )

    return [(f, v) for f, v in kept if not said_by_another(v)]


def _joins(words: list[str], singles: set[str]) -> bool:
    """Whether the words are 'A and B' (or 'A B and C') with every part a value on its own."""
    if "and" not in words:
        return False
    parts = " ".join(words).replace(" and ", " | ").split(" | ")
    parts = [p for part in parts for p in ([part] if part in singles else part.split())]
    return all(part in singles for part in parts)


def _within(short: list[str], long: list[str]) -> bool:
    """Whether `short` is a run of consecutive words of `long`."""
    return any(long[k : k + len(short)] == short for k in range(len(long) - len(short) + 1))


def _attribute_check(index: int, obj: SceneObject, field: str, value: str, entity: str) -> Check:
    be, name = ("Are", f"the {pluralize(obj.name)}") if obj.plural else ("Is", with_the(obj.name))
    question = f"{be} {name} made of {value}?" if field == "material" else f"{be} {name} {_as_said(value)}?"
    return Check(
        id=f"attribute:{index}:{field}",
        kind="attribute",
        question=question,
        depends_on=[entity],
        subject=index,
        value=value,
    )


def _as_said(value: str) -> str:
    """A describing value as a question says it of a thing: a place name with 'in' ('Is the street in
    Kyoto?'), a way of drawing as a style ('Is the girl in anime style?'), any other as it is ('Is the
    garden Japanese?')."""
    if value[:1].isupper() and value.split(" ", 1)[0].lower() not in PROPER_ADJECTIVES:
        return f"in {value}"
    return f"in {value} style" if value in DRAWING_STYLES else value
