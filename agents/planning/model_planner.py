"""A planner backed by a chat model: the `llm` planner (OpenAI-compatible endpoint) and `sampling`
(the calling assistant's model) are this class with different transports.

One attempt is: ask for the Scene as structured output, read the answer (scene_repair.py parses,
repairs what is safe and validates). An answer that cannot be read is shown back to the model with
its errors, once. A second failure, or a transport failure, raises PlannerFailed, and the planner
order moves on (in the end to `rules`, which always answers).

The requests are built by pure functions (`plan_request`, `revise_request`, `retry_request`), so the
MCP sampling bridge can build exactly the same request before a tool body runs.
"""

from __future__ import annotations

import json
from typing import Any

from limner.agents.planning.base import Planned, PlannerFailed
from limner.agents.planning.chat import ChatFailed, ChatModel, ChatRequest
from limner.agents.planning.rules.editing import edited_intent
from limner.agents.planning.scene_repair import MODEL_FIELDS, SceneRejected, boxes_kept, laid_out, read_scene
from limner.agents.scene.model import (
    COMMON_PREDICATES,
    MAX_COUNT,
    MAX_OBJECTS,
    PLACES,
    RELATION_KINDS,
    Quantity,
    Scene,
    TimeOfDay,
)
from limner.agents.scene.prompting import CLIP_PROMPT_TOKENS

_WORD = {"type": ["string", "null"], "maxLength": 80}
_WORDS = {"type": "array", "items": {"type": "string", "maxLength": 80}}

# The part of a Scene a model writes. Sizes, seed and sampler settings are the caller's; boxes are
# optional (the composition fills in missing ones).
SCENE_DRAFT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "prompt": {"type": "string", "description": "The text-to-image prompt, most important content first."},
        "negative_prompt": {"type": "string"},
        "style": _WORD,
        "lighting": _WORD,
        "time_of_day": {"type": ["string", "null"], "enum": [*TimeOfDay.__args__, None]},  # type: ignore[attr-defined]
        "palette": _WORDS,
        "viewpoint": _WORD,
        "objects": {
            "type": "array",
            "maxItems": MAX_OBJECTS,
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string", "description": "singular noun: 'apple'"},
                    "count": {
                        "type": ["integer", "null"],
                        "minimum": 1,
                        "maximum": MAX_COUNT,
                        "description": "null: 'some', no number said",
                    },
                    "quantity": {
                        "type": ["string", "null"],
                        "enum": [*Quantity.__args__, None],  # type: ignore[attr-defined]
                        "description": "with count null: how many, in words",
                    },
                    "attributes": {
                        "type": "object",
                        "properties": {
                            "color": _WORD,
                            "material": _WORD,
                            "size": _WORD,
                            "state": _WORD,
                            "action": {**_WORD, "description": "what it does: 'jumping', 'sitting'"},
                            "other": _WORDS,
                        },
                    },
                    "text": {"type": "string", "description": "words written on it, exactly: 'OPEN'"},
                    "place": {"type": "string", "enum": list(PLACES)},
                    "box": {
                        "type": ["array", "null"],
                        "items": {"type": "number"},
                        "description": "[x, y, w, h] as fractions of the canvas",
                    },
                },
                "required": ["name", "count"],
            },
        },
        "relations": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "subject": {"type": "integer", "description": "index into objects"},
                    "predicate": {
                        "type": "string",
                        "description": "a spatial one, or what the subject does to the object: "
                        + ", ".join(COMMON_PREDICATES),
                    },
                    "object": {"type": "integer", "description": "index into objects"},
                },
                "required": ["subject", "predicate", "object"],
            },
        },
        "exclude": _WORDS,
    },
    "required": ["prompt", "objects"],
}

SYSTEM = f"""You plan images for a text-to-image model. Answer with one JSON object and nothing else.
Fields: prompt (the generator prompt: the objects with counts, colours and positions first, then style, light, \
time of day; short comma-separated phrases; at most {{budget}} words), negative_prompt, style (medium: \
'watercolor', 'photo', 'oil painting'), lighting, time_of_day (one of: {", ".join(TimeOfDay.__args__)}), \
palette (colour words), viewpoint, objects, relations, exclude (things that must not appear).
Each object: name (a singular noun), count (1 to {MAX_COUNT}, or null for 'some'; with null, quantity 'a few', \
'several' or 'many' when the words say so), attributes (color, material, \
size, state, action, other), text (words written on it, exactly), place ({", ".join(PLACES)}), and optionally box \
[x, y, w, h] as fractions of the canvas.
Relations join two objects by their index in objects; predicate is a spatial one ({", ".join(RELATION_KINDS)}) \
or what the subject does to the object ('riding', 'wearing', 'holding', 'with').
List each kind of thing once, with its count. Only include what the description asks for or clearly implies."""  # noqa: E501

EXAMPLE = {
    "prompt": "two red apples on a wooden table, watercolor, soft morning light",
    "negative_prompt": "text",
    "style": "watercolor",
    "lighting": "soft",
    "time_of_day": "morning",
    "objects": [
        {"name": "apple", "count": 2, "attributes": {"color": "red"}},
        {"name": "table", "count": 1, "attributes": {"material": "wood"}},
    ],
    "relations": [{"subject": 0, "predicate": "on", "object": 1}],
    "exclude": ["text"],
}


def _system(prompt_tokens: int) -> str:
    words = max(8, prompt_tokens * 4 // 5)  # about 0.8 words per CLIP token
    return (
        SYSTEM.replace("{budget}", str(words))
        + "\nExample for 'two red apples on a table, watercolor, no text':\n"
        + (json.dumps(EXAMPLE))
    )


def plan_request(description: str, *, prompt_tokens: int = CLIP_PROMPT_TOKENS) -> ChatRequest:
    return ChatRequest(
        system=_system(prompt_tokens),
        messages=(("user", f"Plan this image: {description}"),),
        schema=SCENE_DRAFT_SCHEMA,
    )


def revise_request(scene: Scene, instruction: str, *, prompt_tokens: int = CLIP_PROMPT_TOKENS) -> ChatRequest:
    current = scene.model_dump(mode="json", include=set(MODEL_FIELDS), exclude_defaults=True)
    return ChatRequest(
        system=_system(prompt_tokens),
        messages=(
            (
                "user",
                f"Here is a planned image:\n{json.dumps(current)}\n\nRevise it: {instruction}\n"
                "Change only what that asks; keep every other field, object and relation as it is. "
                "Answer with the complete revised JSON object.",
            ),
        ),
        schema=SCENE_DRAFT_SCHEMA,
    )


def retry_request(first: ChatRequest, reply: str, rejected: SceneRejected) -> ChatRequest:
    problems = "\n".join(f"- {e}" for e in rejected.errors)
    return first.followed_by(
        reply[:4000], f"That answer could not be used:\n{problems}\nAnswer again with only the corrected JSON object."
    )


class ModelPlanner:
    """Plans and revises Scenes by asking a chat model; never trusts its answer."""

    def __init__(self, name: str, chat: ChatModel):
        self.name = name
        self.chat = chat

    def plan(
        self, description: str, *, width: int = 512, height: int = 512, prompt_tokens: int = CLIP_PROMPT_TOKENS
    ) -> Planned:
        request = plan_request(description, prompt_tokens=prompt_tokens)
        scene, repairs = self._ask(request, intent=description, width=width, height=height, budget=prompt_tokens)
        return Planned(laid_out(scene, repairs), self.name, tuple(repairs))

    def revise(self, scene: Scene, instruction: str, *, prompt_tokens: int = CLIP_PROMPT_TOKENS) -> Planned:
        request = revise_request(scene, instruction, prompt_tokens=prompt_tokens)
        keep = scene.model_dump(include={"seed", "steps", "guidance", "sampler"})
        child, repairs = self._ask(
            request,
            intent=edited_intent(scene.intent, instruction),
            width=scene.width,
            height=scene.height,
            budget=prompt_tokens,
            keep=keep,
        )
        child = boxes_kept(scene, child)
        return Planned(laid_out(child, repairs), self.name, tuple(repairs))

    def _ask(self, request: ChatRequest, *, budget: int, **reading: Any) -> tuple[Scene, list[str]]:
        """One request, and one retry showing the model what was wrong with its answer."""
        reply = self._complete(request)
        try:
            return read_scene(reply, max_prompt_tokens=budget, **reading)
        except SceneRejected as first:
            retry = retry_request(request, reply, first)
            second_reply = self._complete(retry)
            try:
                scene, repairs = read_scene(second_reply, max_prompt_tokens=budget, **reading)
            except SceneRejected as second:
                raise PlannerFailed(f"{self.chat.label} gave no usable Scene in two attempts: {second}") from None
            return scene, [f"first answer rejected ({first}); asked again", *repairs]

    def _complete(self, request: ChatRequest) -> str:
        try:
            return self.chat.complete(request)
        except ChatFailed as exc:
            raise PlannerFailed(str(exc)) from None
