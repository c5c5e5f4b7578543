"""The `rules` planner: offline and deterministic, the fallback that always answers."""

from __future__ import annotations

from typing import ClassVar

from limner.agents.planning.base import Planned
from limner.agents.planning.rules.editing import revise
from limner.agents.planning.rules.reading import read_description
from limner.agents.scene.model import Scene
from limner.agents.scene.prompting import CLIP_PROMPT_TOKENS


class RulesPlanner:
    """Plans a Scene from a description with word lists and a small grammar: offline and deterministic."""

    name: ClassVar[str] = "rules"

    def plan(
        self, description: str, *, width: int = 512, height: int = 512, prompt_tokens: int = CLIP_PROMPT_TOKENS
    ) -> Planned:
        return Planned(self.read(description, width=width, height=height, prompt_tokens=prompt_tokens), self.name)

    def read(
        self, description: str, *, width: int = 512, height: int = 512, prompt_tokens: int = CLIP_PROMPT_TOKENS
    ) -> Scene:
        """The Scene a description asks for. Never fails on odd text; bad sizes are the caller's error."""
        return read_description(description, width=width, height=height, prompt_tokens=prompt_tokens)

    def revise(self, scene: Scene, instruction: str, *, prompt_tokens: int = CLIP_PROMPT_TOKENS) -> Planned:
        """A new Scene that changes only what the instruction asks ("make it night", "add a boat")."""
        return Planned(revise(scene, instruction, prompt_tokens=prompt_tokens), self.name)
