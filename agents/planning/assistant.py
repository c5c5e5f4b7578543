"""The `assistant` planner: the calling assistant's own sketch of the Scene, completed here.

The assistant that calls a tool has usually understood the request better than any planner could
from the words alone. It hands that understanding over as a sketch (objects with counts and
attributes, relations by object index, style, lighting, exclusions; any field may be left out) next
to the user's words. The sketch goes through the same repair and validation as an `llm` planner's
answer (scene_repair.py); the layout, the generator prompt within the text encoder's budget, and the
size come from here. A sketch that cannot be made into a Scene is the caller's error, with what to fix:
unlike a model behind an endpoint, the assistant reads the message and can send a better one.
"""

from __future__ import annotations

from typing import Any, ClassVar

from limner.agents.planning.base import Planned
from limner.agents.planning.rules.editing import edited_intent
from limner.agents.planning.scene_repair import SceneRejected, boxes_kept, laid_out, read_scene
from limner.agents.scene.model import Scene
from limner.agents.scene.prompting import CLIP_PROMPT_TOKENS

from limner.errors import InvalidRequest


class AssistantPlanner:
    """Completes, repairs and validates one sketch; `plan` for a new image, `revise` for a refine."""

    name: ClassVar[str] = "assistant"

    def __init__(self, sketch: dict[str, Any]):
        self.sketch = sketch

    def plan(
        self, description: str, *, width: int = 512, height: int = 512, prompt_tokens: int = CLIP_PROMPT_TOKENS
    ) -> Planned:
        scene, repairs = self._read(intent=description, width=width, height=height, max_prompt_tokens=prompt_tokens)
        return Planned(laid_out(scene, repairs), self.name, tuple(repairs))

    def revise(self, scene: Scene, instruction: str, *, prompt_tokens: int = CLIP_PROMPT_TOKENS) -> Planned:
        child, repairs = self._read(
            intent=edited_intent(scene.intent, instruction),
            width=scene.width,
            height=scene.height,
            max_prompt_tokens=prompt_tokens,
            keep=scene.model_dump(include={"seed", "steps", "guidance", "sampler"}),
        )
        return Planned(laid_out(boxes_kept(scene, child), repairs), self.name, tuple(repairs))

    def _read(self, **reading: Any) -> tuple[Scene, list[str]]:
        try:
            return read_scene(self.sketch, **reading)
        except SceneRejected as exc:
            raise InvalidRequest(
                f"the scene sketch cannot be used: {exc}. Fix those fields, or leave `scene` out to let a planner "
                "read the description"
            ) from None
