"""A Scene while the rules editor edits it: its objects under stable ids, relations, settings and what to re-place.

Objects keep the parent's index as their id and new ones take new numbers, so relations stay right
however many objects come and go. The draft enforces the Scene's limits as it is edited, so an edit
that would overflow one is refused with a message that says which; and it remembers which objects an
edit added, moved or resized, so that only those get new boxes (placement.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from limner.agents.scene.english import pluralize
from limner.agents.scene.model import MAX_COUNT, MAX_EXCLUDE, MAX_OBJECTS, MAX_RELATIONS, Scene, SceneObject

from limner.errors import InvalidRequest


@dataclass
class Draft:
    """A Scene while it is edited. Objects keep stable ids (the parent's index, then new numbers),
    so relations stay right however many objects come and go."""

    objects: dict[int, SceneObject]
    relations: list[tuple[int, str, int]]
    settings: dict[str, object]  # style, lighting, time_of_day, palette, viewpoint, exclude
    before: dict[int, SceneObject]  # the parent's objects, as they were
    placed: dict[int, str | None] = field(default_factory=dict)  # ids that need a new box -> anchor
    resized: set[int] = field(default_factory=set)
    next_id: int = 0

    @classmethod
    def of(cls, scene: Scene) -> Draft:
        objects = dict(enumerate(scene.objects))
        settings = {
            "style": scene.style, "lighting": scene.lighting, "time_of_day": scene.time_of_day,
            "palette": list(scene.palette), "viewpoint": scene.viewpoint, "exclude": list(scene.exclude),
        }  # fmt: skip
        relations = [(r.subject, r.predicate, r.object) for r in scene.relations]
        return cls(dict(objects), relations, settings, dict(objects), next_id=len(objects))

    def copy(self) -> Draft:
        settings = {k: list(v) if isinstance(v, list) else v for k, v in self.settings.items()}
        return Draft(
            dict(self.objects), list(self.relations), settings, self.before,
            dict(self.placed), set(self.resized), self.next_id,
        )  # fmt: skip

    @property
    def exclude(self) -> list[str]:
        return self.settings["exclude"]  # type: ignore[return-value]

    def add(self, obj: SceneObject, anchor: str | None = None) -> int:
        if len(self.objects) >= MAX_OBJECTS:
            raise InvalidRequest(f"a Scene holds at most {MAX_OBJECTS} objects; remove one before adding {obj.name}")
        oid, self.next_id = self.next_id, self.next_id + 1
        self.objects[oid] = obj.model_copy(update={"box": None})
        self.placed[oid] = anchor
        self.unexclude(obj.name)
        return oid

    def remove(self, oid: int) -> None:
        del self.objects[oid]
        self.relations = [r for r in self.relations if oid not in (r[0], r[2])]
        self.placed.pop(oid, None)
        self.resized.discard(oid)

    def update(self, oid: int, **changes: object) -> None:
        self.objects[oid] = self.objects[oid].model_copy(update=changes)

    def set_count(self, oid: int, count: int) -> None:
        name = self.objects[oid].name
        if count > MAX_COUNT:
            raise InvalidRequest(
                f"a Scene holds at most {MAX_COUNT} of one thing; {count} {pluralize(name)} is too many"
            )
        if count < 1:
            raise InvalidRequest(f"to take out every {name}, say 'remove the {pluralize(name)}'")
        self.update(oid, count=count, quantity=None)  # a number said now replaces 'many'
        self.resized.add(oid)

    def relate(self, subject: int, predicate: str, other: int) -> None:
        relation = (subject, predicate, other)
        if subject == other or relation in self.relations:
            return
        if len(self.relations) >= MAX_RELATIONS:
            raise InvalidRequest(f"a Scene holds at most {MAX_RELATIONS} relations")
        self.relations.append(relation)

    def exclude_word(self, word: str) -> None:
        if word in self.exclude:
            return
        if len(self.exclude) >= MAX_EXCLUDE:
            raise InvalidRequest(f"a Scene excludes at most {MAX_EXCLUDE} things; it already excludes {self.exclude}")
        self.exclude.append(word)

    def unexclude(self, name: str) -> None:
        forms = {name, pluralize(name), name.rsplit(" ", 1)[-1]}
        self.settings["exclude"] = [w for w in self.exclude if w not in forms]

    def named(self, word: str) -> list[int]:
        """Objects called `word`, or whose name ends with it ('boat' finds 'fishing boat')."""
        return [i for i, o in self.objects.items() if o.name == word or o.name.rsplit(" ", 1)[-1] == word]

    def inventory(self) -> str:
        if not self.objects:
            return "no objects"
        return ", ".join(o.noun_phrase() for o in self.objects.values())

    def missing(self, what: str, hint: str = "") -> InvalidRequest:
        return InvalidRequest(f"there is no {what} in the scene; it has {self.inventory()}{hint}")
