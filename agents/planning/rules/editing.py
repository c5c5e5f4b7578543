"""Editing a Scene with plain words, for the `rules` planner: deterministic, offline, no model.

`revise(scene, "make it night and add a moon")` returns a new Scene that changes only what the
instruction asks for. The instruction is cut into clauses, each applied to a `Draft` (draft.py) by
the first reader that recognises it (instructions.py): instead-of swaps and attributes
(attribute_edits.py), remove, exclude and add (object_edits.py), counts (count_edits.py), moves
(move_edits.py), moods and settings (setting_edits.py). Noun phrases and setting words are read by
the rules planner itself (references.py), so the editor and the planner share one grammar and one
vocabulary. The edited objects' boxes are placed by placement.py; this module validates the result.

The choices, so that the same words always give the same Scene:

- intent: the parent's intent, "; ", then the instruction ("a lighthouse at dusk; make the sky stormier");
  prompt and negative prompt are rewritten from the edited Scene; seed, size, steps, guidance and
  sampler never change.
- "remove the boat", "no boat", "without the boat": the boat and its relations go, and "boat" joins
  `exclude` unless another boat stays; adding a thing takes it off `exclude` again.
- "add a boat" when the Scene has a boat it matches (no other colour, say) and the new one comes with no
  relation or place of its own: one more of that boat; otherwise a new object.
- "more X" adds half as many again (at least one); "fewer X" takes half away (at least one, never all).
- moods: brighter -> "bright light", lighter palette; darker -> "dim light", darker palette; moodier ->
  "moody lighting", darker palette; stormier -> "stormy" lighting, darker palette led by dark gray, and a
  sky named in the instruction becomes stormy; warmer / cooler -> warm / cool light and palette; a
  weather word ("foggy", "sunnier") -> that lighting.
- a style swap keeps quality tags ("highly detailed") and replaces the medium.
- boxes: an edit re-places only what it moves or adds (with whatever is attached to it, and anything
  left hanging by a removal); the new spot honours its relations and anchor and avoids other objects,
  and a kept object it would still cover steps aside. A count or size change scales a box around its
  base. Every other box stays exactly as it was, so "make it night" moves nothing. Only when the kept
  picture has no room left is the whole Scene laid out afresh (composition.py).
- an instruction that leaves the Scene as it was is refused: the caller hears it changed nothing.
"""

from __future__ import annotations

from limner.agents.planning.rules.draft import Draft
from limner.agents.planning.rules.instructions import UNDERSTOOD, apply_instruction
from limner.agents.planning.rules.placement import edited_boxes
from limner.agents.scene.model import MAX_DESCRIPTION, Scene
from limner.agents.scene.prompting import CLIP_PROMPT_TOKENS, write_prompt
from limner.agents.scene.text import clean_text
from pydantic import ValidationError

from limner.errors import InvalidRequest


def revise(scene: Scene, instruction: str, *, prompt_tokens: int = CLIP_PROMPT_TOKENS) -> Scene:
    """A new Scene: `scene` changed as `instruction` asks, and in nothing else.

    Raises InvalidRequest when the instruction is empty, is not understood (the message lists the
    edits that are), names an object the Scene does not have (the message names those it has), or
    would change nothing.
    """
    text = _instruction_text(instruction)
    draft = apply_instruction(Draft.of(scene), text.lower())
    child = _finish(scene, draft, text, prompt_tokens)
    ignored = {"intent", "prompt", "negative_prompt"}
    if child.model_dump(exclude=ignored) == scene.model_dump(exclude=ignored):
        raise InvalidRequest(f"{text!r} changes nothing: the Scene already is that way ({scene.summary()})")
    return child


def _instruction_text(instruction: object) -> str:
    if not isinstance(instruction, str):
        raise InvalidRequest(f"the instruction must be text, not {type(instruction).__name__}")
    text = " ".join(clean_text(instruction).split())
    if not text:
        raise InvalidRequest("the instruction is empty; say what to change. " + UNDERSTOOD)
    if len(text) > MAX_DESCRIPTION:
        raise InvalidRequest(f"the instruction is {len(text)} characters; the limit is {MAX_DESCRIPTION}")
    return text


def _finish(parent: Scene, draft: Draft, instruction: str, prompt_tokens: int) -> Scene:
    """The edited Scene, validated, with its boxes, prompt and intent."""
    ids = list(draft.objects)
    index = {oid: k for k, oid in enumerate(ids)}
    boxes = edited_boxes(draft, parent)
    data = parent.model_dump()
    data.update(draft.settings)
    data["objects"] = [{**draft.objects[i].model_dump(), "box": boxes.get(i)} for i in ids]
    data["relations"] = [{"subject": index[s], "predicate": p, "object": index[o]} for s, p, o in draft.relations]
    data["intent"] = edited_intent(parent.intent, instruction)
    try:
        child = Scene.model_validate(data)
    except ValidationError as exc:
        raise InvalidRequest(f"that edit would make an invalid Scene: {exc.errors()[0]['msg']}") from None
    empty = parent.prompt if not parent.objects else "an empty scene"
    prompt, negative = write_prompt(child, max_tokens=prompt_tokens, empty=empty)
    return child.model_copy(update={"prompt": prompt, "negative_prompt": negative})


def edited_intent(intent: str, instruction: str) -> str:
    """'a lighthouse at dusk; make the sky stormier', the start of a long history kept and the newest edit."""
    joined = f"{intent}; {instruction}" if intent else instruction
    if len(joined) <= MAX_DESCRIPTION:
        return joined
    keep = max(0, MAX_DESCRIPTION - len(instruction) - 4)
    return f"{intent[:keep].rstrip()} …; {instruction}"[:MAX_DESCRIPTION]
