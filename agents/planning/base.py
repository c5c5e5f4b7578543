"""The planner interface: words in, a Scene out, and the record of how it was made."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Protocol, runtime_checkable

from limner.agents.scene.model import Scene

from limner.errors import LimnerError


@dataclass(frozen=True)
class Planned:
    """A Scene and how it came to be."""

    scene: Scene
    planner: str
    repairs: tuple[str, ...] = ()  # what was fixed in the model's answer: "objects[2]: count 100 lowered to 12"
    passed_over: tuple[str, ...] = field(default=())  # "llm: timed out after 30 s", one per planner skipped


class PlannerFailed(LimnerError):
    """A model-backed planner gave no usable Scene; the reason is recorded and the next planner runs."""


@runtime_checkable
class Planner(Protocol):
    """Turns a description into a Scene, and an edit instruction plus a Scene into a new Scene.

    Planners never render and never touch lineage.
    """

    name: ClassVar[str]

    def plan(self, description: str, *, width: int = 512, height: int = 512, prompt_tokens: int = 75) -> Planned:
        """A Scene for `description`, its prompt within `prompt_tokens` of the generator's text encoder."""
        ...

    def revise(self, scene: Scene, instruction: str, *, prompt_tokens: int = 75) -> Planned:
        """Change only what `instruction` asks; raise InvalidRequest when it cannot be understood."""
        ...
