"""The `rules` planner: free text to a Scene with no model, deterministically and offline.

It is the fallback for every other planner, so it must take any text and never fail. It reads a
description in three passes:

1. tokens (tagging.py): lowercase words, with punctuation kept as separators and control
   characters dropped; words written with a capital inside a sentence ("the Eiffel Tower") are
   kept whole as names;
2. tags (tagging.py): fixed phrases first, longest match ("to the left of", "golden hour", "a pair
   of", "no", "in the style of"), then single grammar words (articles, numbers, prepositions, "and",
   "with");
3. noun phrases (phrases.py): a run of articles, numbers and content words is one noun phrase.
   Words the vocabulary knows as attributes describe the thing (colour, material, size, state,
   other) and the rest name it, so "a purple wine glass" is a wine glass that is purple, with no
   class list. The grammar words between noun phrases decide what each phrase is (grammar.py):
   the subject, the object of a relation, an exclusion, a part ("with green eyes"), a material
   ("made of glass") ...

Midjourney-style parameters are cut first (parameters.py): '--ar 16:9' sets the picture's aspect,
'--no text' excludes, and the rest ('--v 5', '--seed 5') are dropped. This module makes a Scene of what was read: the boxes are laid out (composition.py) and the prompt
is written from the Scene (prompting.py).
"""

from __future__ import annotations

import logging

from limner.agents.planning.rules.grammar import Reading, Thing
from limner.agents.planning.rules.parameters import sized, split_parameters
from limner.agents.planning.rules.phrases import comma_joined, scene_word, unique
from limner.agents.planning.rules.tagging import as_text, clean_description, tag_text
from limner.agents.scene.composition import layout_boxes
from limner.agents.scene.model import MAX_DESCRIPTION, MAX_PALETTE, Relation, Scene, SceneObject
from limner.agents.scene.prompting import CLIP_PROMPT_TOKENS, PROMPT_WORD_BUDGET, write_prompt
from limner.agents.scene.text import clean_text

log = logging.getLogger(__name__)


def read_description(
    description: str, *, width: int = 512, height: int = 512, prompt_tokens: int = CLIP_PROMPT_TOKENS
) -> Scene:
    """The Scene a description asks for. Never fails on odd text; bad sizes are the caller's error."""
    text, ratio, excluded = split_parameters(clean_description(description))  # '--ar 16:9', '--no text'
    width, height = sized(width, height, ratio)
    intent = clean_text(as_text(description)[: MAX_DESCRIPTION * 2])[:MAX_DESCRIPTION].strip()
    try:
        reading = Reading()
        reading.read(tag_text(text))
        for word in excluded:
            reading.exclude_word(word)
        return _scene(reading, text, intent, width, height, prompt_tokens)
    except (ValueError, LookupError, TypeError, RecursionError):
        # The rules planner is the fallback for every other planner, so a sentence its grammar
        # trips over still gets a Scene: the words themselves, as the prompt.
        log.warning("rules planner could not read %r; using the words as the prompt", text[:200], exc_info=True)
        prompt = " ".join(text.split()[:PROMPT_WORD_BUDGET]) or "an image"
        return Scene(intent=intent, prompt=prompt, width=width, height=height)


def _scene(reading: Reading, text: str, intent: str, width: int, height: int, prompt_tokens: int) -> Scene:
    things, relations, anchors = _without_excluded(reading)
    objects = [SceneObject(name=t.name, count=t.count, attributes=t.attributes) for t in things]
    scene_relations = [Relation(subject=s, predicate=p, object=o) for s, p, o in relations]  # type: ignore[arg-type]
    boxes = layout_boxes(objects, scene_relations, anchors=anchors, aspect=width / height)
    objects = [o.model_copy(update={"box": box}) for o, box in zip(objects, boxes)]
    draft = Scene(
        intent=intent,
        prompt=" ".join(text.split()[:PROMPT_WORD_BUDGET]) or "an image",
        style=comma_joined(reading.styles + reading.qualities),
        lighting=scene_word(reading.lights[0]) if reading.lights else None,
        time_of_day=reading.times[0] if reading.times else None,  # type: ignore[arg-type]
        palette=unique(reading.palette)[:MAX_PALETTE],
        viewpoint=scene_word(reading.views[0]) if reading.views else None,
        objects=objects,
        relations=scene_relations,
        exclude=reading.exclude,
        negative_prompt=", ".join(reading.exclude),
        width=width,
        height=height,
    )
    if not objects and not reading.exclude:
        return draft  # nothing the grammar could name: the cleaned words are the best prompt
    # With exclusions the words themselves would ask for what is excluded ('no people').
    prompt, negative = write_prompt(draft, max_tokens=prompt_tokens, empty="an empty scene")
    return draft.model_copy(update={"prompt": prompt, "negative_prompt": negative})


def _without_excluded(reading: Reading) -> tuple[list[Thing], list[tuple[int, str, int]], dict[int, str]]:
    """Things that were also excluded ('a street, no cars ... cars') are dropped, indices renumbered."""
    excluded = set(reading.exclude)
    keep = [i for i, t in enumerate(reading.things) if t.name not in excluded]
    new_index = {old: new for new, old in enumerate(keep)}
    things = [reading.things[i] for i in keep]
    relations = [(new_index[s], p, new_index[o]) for s, p, o in reading.relations if s in new_index and o in new_index]
    anchors = {new_index[i]: where for i, where in reading.anchors.items() if i in new_index}
    return things, relations, anchors
