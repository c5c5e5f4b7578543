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

Quoted strings are cut before anything else (quoted.py): they are text to render ("a sign that says
'OPEN'"), written on the thing that carries them, and their words never become things.
Midjourney-style parameters are cut next (parameters.py): '--ar 16:9' sets the picture's aspect,
'--no text' excludes, switches that say how it is rendered ('--uplight') are style, and the rest ('--v 5',
'--seed 5') are dropped; multi-prompt weights ('a castle::2 a dragon::-1') split the parts, and a part
weighted below zero is excluded (weights.py). Style list items the tagger sees in pieces (', fantasy 4k,',
', stunning volumetric lighting,') are put back together before the grammar reads them (style_items.py). This module makes a
Scene of what was read: the boxes are laid out (composition.py) and the prompt is written from the Scene
(prompting.py).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.acted_states import join_acted_states
from limner.agents.planning.rules.anaphoric_one import ones_named
from limner.agents.planning.rules.attributes import finished
from limner.agents.planning.rules.capitalised_names import with_proper_adjectives
from limner.agents.planning.rules.collective_numbers import numbered_people
from limner.agents.planning.rules.comparisons import compared_relations
from limner.agents.planning.rules.containers import placed_contents
from limner.agents.planning.rules.counted_between import counted_between
from limner.agents.planning.rules.described_parts import add_described_parts
from limner.agents.planning.rules.drinking_glasses import drinking_glasses
from limner.agents.planning.rules.epithets import with_epithets
from limner.agents.planning.rules.grammar import Reading, Thing
from limner.agents.planning.rules.headings import without_tail
from limner.agents.planning.rules.implied import implied
from limner.agents.planning.rules.joined_words import joined
from limner.agents.planning.rules.lit_by import lit_by
from limner.agents.planning.rules.measures import measured
from limner.agents.planning.rules.members import joined_members
from limner.agents.planning.rules.motions import motion_relations
from limner.agents.planning.rules.named_styles import in_named_style
from limner.agents.planning.rules.off_of import without_of
from limner.agents.planning.rules.parameters import sized, split_parameters, split_switches
from limner.agents.planning.rules.passive_giving import active
from limner.agents.planning.rules.past_narration import narrated
from limner.agents.planning.rules.phrases import scene_word, unique
from limner.agents.planning.rules.places import named_places
from limner.agents.planning.rules.poses import read_pose
from limner.agents.planning.rules.possessives import of_form
from limner.agents.planning.rules.purposes import for_whom
from limner.agents.planning.rules.quoted import cut_quotes, place_quotes, restore
from limner.agents.planning.rules.reciprocal import reciprocal_pronouns
from limner.agents.planning.rules.relatives import relative_that
from limner.agents.planning.rules.repeated_mentions import fold_repeated
from limner.agents.planning.rules.setting_words import BACKGROUND, CENTRED_WORDS, GENRE_WORDS
from limner.agents.planning.rules.style_items import merge_items, split_styles, tidy_text
from limner.agents.planning.rules.tag_names import joined_names
from limner.agents.planning.rules.tagging import TEXT, Item, as_text, clean_description, tag_text
from limner.agents.planning.rules.titled_works import titled_works
from limner.agents.planning.rules.unquoted import TEXT_CARRIERS
from limner.agents.planning.rules.verb_actions import keep_actions
from limner.agents.planning.rules.weights import split_weights
from limner.agents.planning.rules.worn import worn_before_verb
from limner.agents.planning.rules.worn_in import wearing_in
from limner.agents.scene.composition import layout_boxes
from limner.agents.scene.model import (
    MAX_DESCRIPTION,
    MAX_OBJECTS,
    MAX_OTHER,
    MAX_PALETTE,
    MAX_PHRASES,
    PLACES,
    Attributes,
    Relation,
    Scene,
    SceneObject,
)
from limner.agents.scene.prompting import CLIP_PROMPT_TOKENS, PROMPT_WORD_BUDGET, write_prompt
from limner.agents.scene.text import clean_text

log = logging.getLogger(__name__)


def read_description(
    description: str, *, width: int = 512, height: int = 512, prompt_tokens: int = CLIP_PROMPT_TOKENS
) -> Scene:
    """The Scene a description asks for. Never fails on odd text; bad sizes are the caller's error."""
    cut, quotes = cut_quotes(as_text(description)[: MAX_DESCRIPTION * 2])  # "a sign that says 'OPEN'"
    text, switches = split_switches(clean_description(cut))  # '--uplight', '--tile': how it is rendered
    text, ratio, excluded = split_parameters(text)  # '--ar 16:9', '--no text'
    text, pushed_away = split_weights(text)  # 'a castle::2 a dragon::-0.5': weights, never counts
    excluded += pushed_away
    width, height = sized(width, height, ratio)
    intent = clean_text(as_text(description)[: MAX_DESCRIPTION * 2])[:MAX_DESCRIPTION].strip()
    try:
        reading = _TextReading()
        reading.read(_items(text, quotes))
        reading.posed = read_pose(text, reading)  # 'left leg bent, right arm up': read part by part (poses.py)
        reading.styles += switches
        for word in excluded:
            reading.exclude_word(word)
        reading.carry_texts()
        placed_contents(reading)  # 'a plate of cookies': on the plate (containers.py)
        fold_repeated(reading)  # 'a slice of cake ... the slice of cake': one slice (repeated_mentions.py)
        add_described_parts(reading)  # 'a barefoot woman': her bare feet too (described_parts.py)
        join_acted_states(reading)  # 'sitting cross-legged on the floor': one action (acted_states.py)
        return _scene(reading, restore(text, quotes), intent, width, height, prompt_tokens)
    except (ValueError, LookupError, TypeError, RecursionError):
        # The rules planner is the fallback for every other planner, so a sentence its grammar
        # trips over still gets a Scene: the words themselves, as the prompt.
        log.warning("rules planner could not read %r; using the words as the prompt", text[:200], exc_info=True)
        prompt = " ".join(restore(text, quotes).split()[:PROMPT_WORD_BUDGET]) or "an image"
        return Scene(intent=intent, prompt=prompt, width=width, height=height)


def _items(text: str, quotes: list[str]) -> list[Item]:
    """The description's tagged items, rewritten into the forms the grammar reads, in this order: a shop's
    closing call cut (headings.py); names spaced out joined ('titan katowice 2 0 1 4': tag_names.py), and a
    title around 'with' or 'in' as one name ('The Girl with a Pearl Earring wears': titled_works.py); 'in
    Minecraft style' as one style item (named_styles.py) and 'one of them' as a member (members.py); the
    quoted texts put back (quoted.py); a part with its owner's possessive as 'the back of a turtle'
    (possessives.py); words written apart read as one ('an upside down cup': joined_words.py); a passive of
    giving as what the one given does (passive_giving.py); a colour worn before a verb as 'in red' (worn.py)."""
    items = for_whom(titled_works(with_epithets(joined_names(tag_text(tidy_text(without_tail(text)))))))  # purposes.py
    items = narrated(items)  # 'a dog chased a cat': chasing it (past_narration.py)
    items = place_quotes(merge_items(joined_members(in_named_style(items))), quotes)
    items = named_places(measured(items))  # 'in paris' (places.py), 'a few feet in front of' (measures.py)
    items = compared_relations(ones_named(items))  # 'a blue one': a blue car; 'bigger than a horse' (comparisons.py)
    items = relative_that(numbered_people(reciprocal_pronouns(items)))  # 'each other', 'a family of four', 'that sits'
    items = motion_relations(without_of(items))  # 'taking off of a runway': off it (off_of.py); (motions.py)
    items = lit_by(counted_between(items))  # 'between two books' (counted_between.py), 'lit by a lamp' (lit_by.py)
    items = drinking_glasses(items)  # 'a bottle of wine and two glasses' (drinking_glasses.py)
    return worn_before_verb(active(joined(of_form(items))))


def _scene(reading: _TextReading, text: str, intent: str, width: int, height: int, prompt_tokens: int) -> Scene:
    things, relations, anchors, texts = _without_excluded(reading)
    relations = wearing_in(things, relations)  # 'a girl in red boots' wears them (worn_in.py)
    keep_actions(things, relations)  # 'a woman swinging a racket' swings (verb_actions.py)
    genre = _genre(things)  # the first thing's genre words are the picture's style too
    styles = split_styles(reading.styles)
    _centre_subject(things, styles)
    objects = [
        SceneObject(
            name=name,
            count=None if isinstance(t.count, vocab.Quantified) else t.count,
            quantity=t.count.quantity if isinstance(t.count, vocab.Quantified) else None,
            attributes=attributes,
            text=texts.get(i),
            place=_place(anchors.get(i)),
        )
        for i, t in enumerate(things)
        for name, attributes in [with_proper_adjectives(t.name, finished(t.attributes))]  # 'Japanese'
    ]
    scene_relations = [Relation(subject=s, predicate=p, object=o) for s, p, o in relations]
    boxes = layout_boxes(objects, scene_relations, anchors=anchors, aspect=width / height)
    # What the relations imply (implied.py) is said in the Scene, not in the prompt, and places nothing new.
    unsaid = [Relation(subject=s, predicate=p, object=o) for s, p, o in implied(objects, relations)]
    objects = [o.model_copy(update={"box": box}) for o, box in zip(objects, boxes)]
    draft = Scene(
        intent=intent,
        prompt=" ".join(text.split()[:PROMPT_WORD_BUDGET]) or "an image",
        style=_all_that_fit(styles + genre + reading.qualities),
        lighting=_all_that_fit(reading.lights),
        time_of_day=reading.times[0] if reading.times else None,  # type: ignore[arg-type]
        palette=unique(reading.palette + _background_colours(things))[:MAX_PALETTE],
        viewpoint=_all_that_fit(reading.views),
        objects=objects,
        relations=scene_relations,
        exclude=reading.exclude,
        negative_prompt=", ".join(reading.exclude),
        width=width,
        height=height,
    )
    if reading.posed or (not objects and not reading.exclude):
        # a pose, or nothing the grammar could name: the cleaned words are the best prompt
        return draft.model_copy(update={"relations": scene_relations + unsaid})
    # With exclusions the words themselves would ask for what is excluded ('no people').
    prompt, negative = write_prompt(draft, max_tokens=prompt_tokens, empty="an empty scene")
    return draft.model_copy(
        update={"prompt": prompt, "negative_prompt": negative, "relations": scene_relations + unsaid}
    )


def _genre(things: list[Thing]) -> list[str]:
    """The genre words of the first thing, which are also the whole picture's style: 'a surreal cityscape',
    'a retro coffee ad', 'gritty world war II'. The thing keeps them too: 'a futuristic robot' is a
    robot that looks futuristic as much as a futuristic picture."""
    if not things:
        return []
    return [w for w in things[0].attributes.described() if w in GENRE_WORDS]


def _background_colours(things: list[Thing]) -> list[str]:
    """The colours of a described background ('the background is pale green'), which the picture is
    painted in, each on its own."""
    return [
        colour
        for t in things
        if t.name == BACKGROUND and t.attributes.color
        for colour in _COLOUR_LIST.split(t.attributes.color)
    ]


def _centre_subject(things: list[Thing], styles: list[str]) -> None:
    """A picture said to be centred ('..., centered') has its subject, the first thing, in the middle:
    the word describes that thing too ('a teapot on a table, centered')."""
    centred = next((s.split()[0] for s in styles if s in CENTRED_WORDS), None)
    if not centred or not things:
        return
    attrs = things[0].attributes
    if centred not in attrs.described() and len(attrs.other) < MAX_OTHER:
        things[0].attributes = attrs.model_copy(update={"other": [*attrs.other, centred]})


def _all_that_fit(parts: list[str]) -> str | None:
    """Setting words as one comma list, each once, in the order written. When they pass the Scene's word
    limit, as many as fit are kept: the shortest are chosen first, so one long phrase does not push
    out three short ones ('oil painting, by hopper, 4k')."""
    parts = unique([scene_word(p) for p in parts])
    chosen: set[int] = set()
    room = MAX_PHRASES + 2  # each part costs its length and ', '
    for index in sorted(range(len(parts)), key=lambda k: len(parts[k])):
        if len(parts[index]) + 2 <= room:
            chosen.add(index)
            room -= len(parts[index]) + 2
    return ", ".join(p for k, p in enumerate(parts) if k in chosen) or None


def _place(anchor: str | None) -> str | None:
    """The Scene's place for an anchor the grammar read ('in the background'), if the Scene has one."""
    return anchor if anchor in PLACES else None


@dataclass
class _TextReading(Reading):
    """The grammar's reading, which also notes the thing just read when it meets a text to render:
    quoted.py put each text right after its carrier."""

    texts: list[tuple[str, int | None]] = field(default_factory=list)
    carried: dict[int, str] = field(default_factory=dict)  # thing index -> its text
    posed: bool = False  # a pose description, whose own words are the best prompt

    def handle(self, items: list[Item], i: int) -> int:
        if items[i].kind == TEXT:
            self.texts.append((str(items[i].value), self.last_thing))
            return i + 1
        return super().handle(items, i)

    def carry_texts(self) -> None:
        """Each text on its carrier; one with no carrier, or a second for one carrier, is a 'text' of its own."""
        for text, index in self.texts:
            index = _sign_on(self, index)
            if index is None or index in self.carried:
                if len(self.things) >= MAX_OBJECTS:
                    continue
                self.things.append(Thing("text", 1, Attributes()))
                index = len(self.things) - 1
            self.carried[index] = text


def _sign_on(reading: _TextReading, index: int | None) -> int | None:
    """The thing a text just read belongs to: a sign on the thing named last rather than that thing ('a sign
    on a wall that says EXIT', 'a label on a jar reading Jam'), when it has no text yet."""
    if index is None or reading.things[index].name in TEXT_CARRIERS:
        return index
    for s, p, o in reading.relations:
        if o == index and p in _CARRIED_ON | _BESIDE and reading.things[s].name in TEXT_CARRIERS and s not in reading.carried:
            return s
    return index


def _without_excluded(
    reading: _TextReading,
) -> tuple[list[Thing], list[tuple[int, str, int]], dict[int, str], dict[int, str]]:
    """Things that were also excluded ('a street, no cars ... cars') are dropped, and so are a background
    that nothing describes ('against the background of falling leaves') and a text that another thing
    carries; indices renumbered."""
    excluded = set(reading.exclude)
    handed = _hand_over_texts(reading)
    keep = [
        i
        for i, t in enumerate(reading.things)
        if t.name not in excluded and not _bare_background(t) and i not in handed
    ]
    new_index = {old: new for new, old in enumerate(keep)}
    things = [reading.things[i] for i in keep]
    relations = [(new_index[s], p, new_index[o]) for s, p, o in reading.relations if s in new_index and o in new_index]
    anchors = {new_index[i]: where for i, where in reading.anchors.items() if i in new_index}
    texts = {new_index[i]: text for i, text in reading.carried.items() if i in new_index}
    return things, relations, anchors, texts


_COLOUR_LIST = re.compile(r", and |, | and ")  # 'black, white and blue'
_CARRIED_ON = frozenset({"on", "in", "inside", "across", "over", "along"})  # the text is on the thing
_CARRYING = frozenset({"with", "has", "have", "having", "bearing", "showing"})  # the thing has the text
_BESIDE = frozenset({"above", "below", "next to", "near", "in front of", "against", "at"})  # 'a sign above a door'


def _bare_background(thing: Thing) -> bool:
    """Whether a thing is the picture's background with nothing said of it. A described one ('a white
    background', 'the background is blurred') is kept: what it looks like is part of the picture."""
    return thing.name == BACKGROUND and not thing.attributes.described()


def _hand_over_texts(reading: _TextReading) -> set[int]:
    """The things that only name a text ('the text') and hand it to the thing it is on or that has it:
    'the text 'go slow' on a fence' is a fence with that text, 'a desert with the text ...' a desert
    with it. What is written is no thing of its own; a described one ('red text') keeps its thing, and
    so does one with no carrier."""
    handed: set[int] = set()
    for index, text in list(reading.carried.items()):
        thing = reading.things[index]
        if thing.name not in vocab.TEXT_NOUNS or thing.attributes.described():
            continue
        carrier = _carrier(reading, index, handed)
        if carrier is not None:
            reading.carried[carrier] = text
            del reading.carried[index]
            handed.add(index)
    return handed


def _carrier(reading: _TextReading, index: int, handed: set[int]) -> int | None:
    """The thing a text is on ('text on a wall') or that has it ('a forest with the text'), if it carries
    no text yet."""
    for s, p, o in reading.relations:
        other = o if s == index and p in _CARRIED_ON else s if o == index and p in _CARRYING else None
        if other is not None and other not in reading.carried and other not in handed:
            return other
    return None
