"""Relations a description implies without writing them, added after the layout (they place nothing new).

- depth: what is in the background, and the sky, is behind everything the picture shows in front of it.
  "A man at a podium. In the background there is a wall": the man and the podium are in front of the wall;
  far things (mountains, hills, the horizon, the sky) are behind the rest of the background too, and the
  sun, a kite or a plane is in the sky, not before it; in front of a thing is in front of what is behind
  it ("a man in front of a fence, giraffes behind the fence" -> the man is in front of the giraffes);
  what is at the bottom of the picture is below the things not placed, and what is at the top above
  them ("a hedgehog, and the grass at the bottom" -> the grass is below the hedgehog);
- support: "a table with cups" puts the cups on the table (a surface), "a field with a tractor" puts the
  tractor in the field (a setting), "a blackboard with the word 'X'" writes the word on the blackboard,
  and "the road under the bus" holds the bus up (the bus is on the road; but "a sofa under a window"
  holds no window: it is fixed above);
- where things are passes along: beside a thing in a setting, a thing is in it too ("a bike next to a car
  on a road" -> on the road; but a dog next to boxes on a shelf is not on the shelf); on a thing on
  another, on that one too ("a kitten on a blanket on a bed" -> on the bed); in a thing in or on another,
  in or on that one too ("ice cream in a bowl inside a microwave"); behind or in front of a thing in a
  setting, in the setting too ("trees behind the man in the snow"); on or in a thing beside, above or
  below another, so too ("a woman on a couch in front of a laptop" -> in front of the laptop; "clouds in
  the sky above him" -> above him); on, in or at a thing in a setting, or a part of a setting ("the port
  of a city"), in that setting too ("a cup on a table in a kitchen" -> in the kitchen); on or at a part
  of a thing that says where on it, on or at the thing ("a coin on the surface of the water");
- beside a thing beside a setting, a thing is beside that setting too ("people next to an elephant along a
  river" -> next to the river); whoever acts on a thing at a place, or in a setting, is there too ("waiting
  for a coffee at a cafe" -> at the cafe; not what one only looks at); what a thing has, no part of it,
  is over or beside what the thing is ("a plane with a banner over a city"); in a place surrounded by
  things, surrounded by them too ("a bear walking across a forest surrounded by trees");
- parts of a body imply relations of the body (implied_parts.py): what a hand holds its owner holds, feet on
  the ground put the person there, a left foot in front is in front of the right one;
- where a description names one setting ("a firefight in the streets, smoke, police"), the things it
  relates to nothing else are in that setting too; where it puts things on one table or desk, the other
  small things it names and places nowhere stand on it too ("a laptop, a mouse and a phone on a desk");
- what a thing rides, drives, pushes, pulls, carries, holds, chases or leads goes where it goes: "a man
  riding a jet ski through the desert" -> the jet ski goes through the desert too (what is held in the hands
  is not on the seat its holder is on: "a man holding a cup, sitting on a bench"); and a rider is on
  what it rides. What a thing acts on otherwise is where the words after it put the thing ("a man eats
  hamburgers in a baby chair" -> the hamburgers are in the chair too; not "a boy in a shirt swinging a
  bat", said before; nor what it wears, looks at or throws). A rider is on the one kind of mount there
  is ("a horse and its rider").

Someone "in" a worn thing ("a man in a blue jacket") wears it: the rules read that 'in' as wearing, so
the jacket is carried along, not put on the street the man walks down (worn_in.py).

Each rule reads only the names, places and relations the grammar made; the word tables are data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from limner.agents.planning.rules.grammar_words import PART_NOUNS, PERSON_NOUNS, RELATION_PHRASES
from limner.agents.planning.rules.implied_parts import part_relations
from limner.agents.planning.rules.unquoted import TEXT_CARRIERS
from limner.agents.planning.rules.verbs import ACTED_PLACES, DIRECTIONAL_PREPOSITIONS, PLACE_KINDS
from limner.agents.planning.rules.worn_in import wearing_said
from limner.agents.scene.model import MAX_RELATIONS, SceneObject
from limner.agents.scene.words import BACKDROPS

# Things other things stand or lie on: "a table with cups" -> the cups are on the table.
SURFACE_NOUNS = frozenset(
    {"table", "desk", "counter", "countertop", "shelf", "tray", "plate", "platter", "dish", "board",
     "blackboard", "chalkboard", "whiteboard", "cutting board", "bench", "sofa", "couch", "bed", "floor",
     "tree", "christmas tree", "cake", "pizza", "wall", "page", "paper", "newspaper", "poster", "sign",
     "book", "stage", "roof", "rooftop", "windowsill", "mantel", "mantelpiece", "nightstand", "dresser",
     "cabinet", "pedestal"}
)  # fmt: skip
# Words that are written, not drawn: "a sign with the word 'OPEN'" -> the word is on the sign.
WRITTEN_NOUNS = frozenset(
    {"word", "words", "text", "headline", "message", "caption", "title", "slogan", "quote", "phrase",
     "letter", "letters", "lettering", "writing", "inscription", "logo", "label", "name", "number", "numbers",
     "formula", "equation", "math formula", "diagram", "drawing", "graffiti", "sticker"}
)  # fmt: skip
# Things that stand beside a surface rather than on it: "a table with chairs".
_BESIDE_SURFACES = frozenset({"chair", "chairs", "stool", "stools", "bench", "benches", "person", "people"})
# Settings that hold nothing inside them: "a mountain with a cloud" puts no cloud in the mountain.
_OPEN_SETTINGS = frozenset(
    {"mountain", "mountains", "hill", "hills", "volcano", "cliff", "cliffs", "horizon", "skyline", "treeline",
     "mountain range", "island", "sky", "skies", "landscape", "cityscape", "countryside", "canyon", "valley"}
)  # fmt: skip
# Side-by-side relations, after which where the second thing is holds for the first too (not 'behind':
# a wall behind a cat on a mat is not on the mat).
_SIDE_BY_SIDE = frozenset({"left of", "right of", "next to", "near", "with", "has"})
# Relations of a thing to what holds it up or in, and the relations beside another that it shares then:
# "a motorcycle on a road next to a building" is next to the building.
_HOLDING_PLACES = frozenset({"on", "in", "inside", "at"})
_BESIDE = frozenset({"next to", "near", "in front of", "behind", "left of", "right of", "above", "below", "under"})
# People named by what they ride, and what they ride: "a horse in a field with her rider" -> on the horse.
_RIDERS = frozenset({"rider", "riders", "jockey", "jockeys", "horseman", "horsewoman", "equestrian"})
_MOUNTS = frozenset({"horse", "horses", "pony", "ponies", "camel", "camels", "donkey", "donkeys", "mule", "mules"})
# Verbs that put their subject on their object.
_SITS_ON = frozenset({"riding", "straddling", "mounting"})
# Verbs whose object goes where the subject goes, and the relations of place it shares.
_TAKEN_ALONG = frozenset(
    {"riding", "driving", "pushing", "pulling", "carrying", "holding", "dragging", "chasing", "following",
     "leading", "walking"}
)  # fmt: skip
# Verbs whose object is up in the hands: it is not on the seat or thing its holder is on ('a man holding a cup,
# sitting on a bench'), though it is in the holder's setting ('holding a cup on the beach').
_IN_HAND = frozenset({"holding", "carrying"})
_KEEP_PLACE = frozenset({"wearing", "looking at", "watching", "facing", "pointing at", "staring at", "throwing"})
_SHARED_PLACES = frozenset({"on", "in", "inside", "through", "across", "along", "at", "down", "up", "during"})
# What a thing holds or wears goes with it, and is no thing in front of the background of its own.
_CARRIED = frozenset({"wearing", "holding", "carrying", "with", "has"})
# Things fixed over a surface, never lying on it: "a sofa under a window", "a bench under a tree".
_FIXED_ABOVE = frozenset(
    {"window", "windows", "painting", "paintings", "picture", "pictures", "mirror", "clock", "chandelier",
     "lamp", "light", "lights", "shelf", "shelves", "poster", "sign", "television", "tv", "ceiling", "fan",
     "curtain", "curtains", "tree", "trees", "branch", "branches", "umbrella", "awning", "roof", "bridge"}
)  # fmt: skip
# Things far off, behind the rest of the background too: "trees and mountains in the background".
_FAR = frozenset(
    {"mountain", "mountains", "mountain range", "hill", "hills", "volcano", "horizon", "skyline", "cliff", "cliffs"}
)  # fmt: skip
# Settings that things stand on rather than in: "a road with a bus" puts the bus on the road.
_GROUNDS = frozenset(
    {"road", "street", "floor", "ground", "beach", "sand", "path", "sidewalk", "pavement", "lawn", "highway",
     "runway", "ice", "shore", "court", "track", "rooftop", "stage", "platform", "bridge"}
)  # fmt: skip
# Parts of a thing that say where on it: "on the surface of the water" is on the water.
_REGION_NOUNS = frozenset({"surface", "edge", "rim", "tip", "corner", "top", "side", "bottom", "end", "base"})
# Tables: when a description puts things on one, the other small things it names stand on it too.
_TABLES = frozenset({"table", "desk", "counter", "countertop", "tray", "dining table", "coffee table"})
# Relations that already say what holds a thing up or in.
_PLACING = frozenset({"on", "in", "inside", "under", "above", "at", "sitting on", "standing on", "lying on"})
# Things that are in the sky, when a description has one: "a crab on a beach, the sun, the sky".
_SKY_THINGS = frozenset(
    {"sun", "moon", "star", "stars", "cloud", "clouds", "rainbow", "comet", "meteor", "lightning", "firework",
     "fireworks", "airplane", "plane", "jet", "helicopter", "airship", "blimp", "zeppelin", "kite", "balloon",
     "hot air balloon", "drone", "ufo", "spaceship", "satellite", "aurora"}
)  # fmt: skip
# Open ground that what a description places nowhere stands on: "people playing; there is grass".
_OPEN_GROUNDS = frozenset(
    {"grass", "ground", "floor", "lawn", "sand", "snow", "road", "street", "pavement", "sidewalk", "dirt", "mud"}
)  # fmt: skip
# The words of place after a verb that say where its subject is, not what it acts on ('walking along').
_PLACE_WORDS = PLACE_KINDS | ACTED_PLACES | frozenset(RELATION_PHRASES) - frozenset(DIRECTIONAL_PREPOSITIONS)
# Relations of a thing that what it has (not a part of it) shares: over, beside, before or behind a thing.
_WITH_BESIDE = frozenset({"above", "next to", "near", "in front of", "behind", "left of", "right of"})
# Relations (or their last word, after a verb) that put a thing within another: 'walking across' a forest.
_WITHIN = frozenset({"in", "inside", "on", "at", "across", "through"})
_IN = frozenset({"in", "inside"})
# Relations of place that imply what a plainer one does: what is in the middle of a field is in it.
_PLAIN_PLACES = {"in the middle of": "in"}
# Settings of the ground that no backdrop of the picture names: "two balls on a gravel driveway".
_MORE_SETTINGS = frozenset(
    {"driveway", "sidewalk", "pavement", "parking lot", "yard", "backyard", "courtyard", "playground", "highway",
     "runway", "plaza", "riverbank", "coast", "seashore", "boardwalk", "pier", "dock", "harbor", "harbour"}
)  # fmt: skip
# Places in the picture that are not the background's front: the sky at the top is not in front of it.
_FRONT_PLACES = (None, "foreground", "left", "right", "center", "bottom")


def implied(objects: Sequence[SceneObject], relations: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """The relations the others imply (the module docstring's rules), none already said, within the
    Scene's limit, in a fixed order: support, then where things are, then depth."""
    relations = [(s, _PLAIN_PLACES.get(p, p), o) for s, p, o in relations]  # 'in the middle of a field': in it
    said = {(s, o) for s, _, o in relations} | {(o, s) for s, _, o in relations}
    seen: set[tuple[int, int, str]] = {(s, o, p) for s, p, o in relations}
    relations = wearing_said(objects, relations)  # 'a man in a blue jacket' wears it (worn_in.py)
    added: list[tuple[int, str, int]] = []
    room = MAX_RELATIONS - len(relations)

    def add(subject: int, predicate: str, other: int) -> None:
        if subject != other and len(added) < room and (subject, other, predicate) not in seen:
            seen.add((subject, other, predicate))
            added.append((subject, predicate, other))

    placed = {(s, o) for s, p, o in relations if p not in ("with", "has")}  # 'with a rug under the table'
    for s, p, o in relations:
        if p in ("with", "has") and (o, s) not in placed:
            support = _support(objects[s].name, objects[o].name)
            if support:
                add(o, support, s)
    part_relations(objects, relations, add)  # 'the hand of a woman holding a cup': she holds it (implied_parts.py)
    for s, p, o in relations:
        if p in ("behind", "in front of") and objects[s].name not in _FAR and _head(objects[s].name) not in _FAR:
            for s2, p2, o2 in relations:  # 'trees behind the man in the snow': in the snow too
                if s2 == o and o2 != s and p2 in ("in", "inside") and _setting(objects[o2].name):
                    add(s, "in", o2)
        if p not in _SIDE_BY_SIDE and p != "on" or p in ("with", "has") and _head(objects[o].name) in PART_NOUNS:
            continue
        for s2, p2, o2 in relations:  # 'a kitten on a blanket on a bed': on the bed too
            if s2 == o and o2 != s and (p2 == "on" if p == "on" else _passes_along(p, p2, objects[o2].name)):
                add(s, p2, o2)
    for s, p, o in relations:
        if p == "under" and _underfoot(objects[s].name, objects[o].name) and not _in_sky(objects[o].name):
            add(o, "on", s)  # 'the road under the bus': the bus is on the road
        if p == "of" and _setting(objects[o].name):
            add(s, "in", o)  # 'the port of a city': in the city
        if p == "of" and _head(objects[s].name) in _REGION_NOUNS:
            for s2, p2, o2 in relations:  # 'a coin floats on the surface of the water': on the water
                if o2 == s and s2 != o:
                    add(s2, p2, o)
    for s, p, o in relations + added:  # 'a woman on a couch in front of a laptop': the woman is in front of it
        p = _held_place(p)  # 'docked at' a port is at it
        if p in _HOLDING_PLACES:
            for s2, p2, o2 in relations + added:
                if s2 != o or o2 == s:
                    continue
                if p2 in _BESIDE or p2 in _HOLDING_PLACES - {"at"} and p in ("in", "inside"):
                    add(s, p2, o2)
                elif p2 in ("in", "inside") and _setting(objects[o2].name):
                    add(s, "in", o2)  # 'a cup on a table in a kitchen', 'a ship at the port of a city': in it too
    _shared_places(objects, relations, add)
    for k, (s, p, o) in enumerate(relations):
        if p in _SITS_ON:  # 'a man riding a horse' is on the horse
            add(s, "on", o)
        taken = p in _TAKEN_ALONG
        if taken or _acts_on(p) and _head(objects[o].name) not in PART_NOUNS:
            # 'a man eats hamburgers in a baby chair': a place said after what a thing acts on is that thing's too
            for s2, p2, o2 in relations if taken else relations[k + 1 :]:
                if (
                    s2 == s
                    and o2 != o
                    and p2 in _SHARED_PLACES
                    and (p2 not in ("in", "inside") or _setting(objects[o2].name) or not taken)
                    and (p not in _IN_HAND or p2 != "on" or _holds_people(objects[o2].name))
                ):
                    add(o, p2, o2)
            for s2, p2, o2 in relations[:k] + added:  # 'a field with a tractor running over a sunflower': in it
                if s2 == s and o2 != o and p2 in ("in", "inside") and _setting(objects[o2].name):
                    add(o, "in", o2)
    mounts = [k for k, obj in enumerate(objects) if _head(obj.name) in _MOUNTS]
    if len(mounts) == 1:  # 'a horse and its rider', 'a horse with its rider': the rider is on the horse
        for k, obj in enumerate(objects):
            if _head(obj.name) in _RIDERS and ((k, mounts[0]) not in said or (mounts[0], "with", k) in relations):
                add(k, "on", mounts[0])
    settings = {o for _, p, o in relations if p in ("in", "inside") and _setting(objects[o].name)}
    if len(settings) == 1:  # 'a firefight in the streets, smoke, police': all in the streets
        setting = next(iter(settings))
        related = {s for s, _, _ in relations} | {o for _, _, o in relations}
        for k, obj in enumerate(objects):
            if k not in related and obj.place is None and not _setting(obj.name) and not _in_sky(obj.name):
                add(k, "in", setting)
    # 'a man in front of a fence, giraffes behind the fence': the man is in front of the giraffes
    ahead = [(s, o) for s, p, o in relations if p == "in front of"] + [(o, s) for s, p, o in relations if p == "behind"]
    for front, middle in ahead:
        for middle2, back in ahead:
            if middle2 == middle and back != front and (front, back) not in said:
                add(front, "in front of", back)
    said |= {(s, o) for s, _, o in added} | {(o, s) for s, _, o in added}
    tables = {o for _, p, o in relations if p == "on" and _head(objects[o].name) in _TABLES}
    if len(tables) == 1:  # 'a laptop with a keyboard, a mouse and a phone on a desk': all on the desk
        table = next(iter(tables))
        placed = {s for s, p, _ in relations + added if p in _PLACING} | {
            o for s, p, o in relations if p in _CARRIED and (p not in ("with", "has") or not _small(objects[s].name))
        }  # what a person holds or wears is not on the table; what a laptop has is
        for k, obj in enumerate(objects):
            if k != table and k not in placed and obj.place is None and _small(obj.name):
                add(k, "on", table)
    carried = {o for _, p, o in relations if p in _CARRIED}
    skies = {i for i, obj in enumerate(objects) if BACKDROPS.get(obj.name) == "sky"}
    far = skies | {i for i, obj in enumerate(objects) if obj.name in _FAR or _head(obj.name) in _FAR}
    backs = [i for i, obj in enumerate(objects) if obj.place == "background" or i in far]
    for back in backs:
        for front, obj in enumerate(objects):
            ahead = obj.place in _FRONT_PLACES or obj.place == "background" and back in far and front not in far
            if ahead and front not in carried | skies and (front, back) not in said:
                if back in skies and (obj.name in _SKY_THINGS or _head(obj.name) in _SKY_THINGS):
                    add(front, "in", back)  # 'the sun', 'an airship': in the sky, not before it
                elif _head(obj.name) not in PART_NOUNS:
                    add(front, "in front of", back)
    said |= {(s, o) for s, _, o in added} | {(o, s) for s, _, o in added}
    # 'a hedgehog, and the grass at the bottom': the grass is below the hedgehog
    for edge, predicate in (("bottom", "below"), ("top", "above")):
        for k, obj in enumerate(objects):
            if obj.place != edge or _head(obj.name) in PART_NOUNS:
                continue
            for other, thing in enumerate(objects):
                if thing.place in (None, "center") and (k, other) not in said and _head(thing.name) not in PART_NOUNS:
                    if BACKDROPS.get(thing.name) not in ("sky", "ground"):
                        add(k, predicate, other)
    grounds = [
        k for k, obj in enumerate(objects) if obj.name in _OPEN_GROUNDS and obj.place not in ("background", "top")
    ]
    told = {(s, o) for s, _, o in relations} | {(o, s) for s, _, o in relations}
    if (
        len(grounds) == 1 and not tables and not any(o == grounds[0] for _, p, o in relations if p in _PLACING)
    ):  # 'people playing ... there is grass': they stand on the grass
        placed = {s for s, p, _ in relations + added if p in _PLACING} | {o for _, p, o in relations if p in _CARRIED}
        for k, obj in enumerate(objects):
            if k not in placed and obj.place in _FRONT_PLACES and _stands(obj.name) and (k, grounds[0]) not in told:
                add(k, "on", grounds[0])
    return added


def _shared_places(
    objects: Sequence[SceneObject], relations: list[tuple[int, str, int]], add: Callable[[int, str, int], None]
) -> None:
    """Where a thing is that another shares: what a thing has (no part of it) is over, beside, before or
    behind what the thing is, and in its setting; a thing within a place surrounded by things is surrounded
    by them too; whoever acts on a thing at a place, or in a setting, is there too."""
    for s, p, o in relations:
        placed = any(s2 == o and o2 == s for s2, _, o2 in relations)  # 'with a castle behind him': placed
        if p in ("with", "has") and _head(objects[o].name) not in PART_NOUNS and not placed:
            for s2, p2, o2 in relations:  # 'a plane with a banner over a city': the banner is over the city
                if s2 == s and o2 != o and (p2 in _WITH_BESIDE or p2 in _IN and _setting(objects[o2].name)):
                    add(o, "in" if p2 == "inside" else p2, o2)
        if p.rsplit(" ", 1)[-1] in _WITHIN:
            for s2, p2, o2 in relations:  # 'a bear walking across a forest surrounded by trees'
                if s2 == o and o2 != s and p2 == "surrounded by":
                    add(s, p2, o2)
        if _acts_on(p):
            for s2, p2, o2 in relations:  # 'waiting for a coffee at a cafe': at the cafe too
                if s2 == o and o2 != s and (p2 == "at" or p2 in _IN and _setting(objects[o2].name)):
                    add(s, p2, o2)


def _support(holder: str, held: str) -> str | None:
    """Where a thing 'with' another has it: on a surface, in a setting, written on it; else None."""
    if _head(held) in PART_NOUNS:
        return None  # 'a cat with green eyes'
    if (held in WRITTEN_NOUNS or _head(held) in WRITTEN_NOUNS) and _head(holder) in TEXT_CARRIERS | SURFACE_NOUNS:
        return "on"  # 'a sign with the word OPEN' (not 'a lizard on a plate, with the words ...')
    if (holder in SURFACE_NOUNS or _head(holder) in SURFACE_NOUNS) and _head(held) not in _BESIDE_SURFACES:
        return "on"
    if _setting(holder):
        return "on" if holder in _GROUNDS or _head(holder) in _GROUNDS else "in"  # 'a road with a bus': on it
    return None


def _held_place(predicate: str) -> str:
    """The relation of place a verb and its preposition say: 'docked at' is 'at', 'parked in' is 'in'."""
    verb, _, rest = predicate.partition(" ")
    if rest in _HOLDING_PLACES and verb.endswith(("ed", "ing")):
        return rest
    return predicate


def _holds_people(name: str) -> bool:
    """Whether a thing is a setting or ground that what people hold is on with them ('on the beach')."""
    return _setting(name) or _head(name) in _GROUNDS


def _small(name: str) -> bool:
    """Whether a thing may stand on a table: no person, no seat, no setting or backdrop, no part."""
    head = _head(name)
    return not (
        head in PERSON_NOUNS or head in _BESIDE_SURFACES or head in PART_NOUNS or name in BACKDROPS or head in BACKDROPS
    )


def _stands(name: str) -> bool:
    """Whether a thing stands on the ground when nothing else holds it: no part, backdrop, far or sky thing."""
    head = _head(name)
    return not (head in PART_NOUNS or name in BACKDROPS or head in BACKDROPS or head in _FAR or head in _SKY_THINGS)


def _underfoot(name: str, above: str = "") -> bool:
    """Whether a thing under another holds it up: the ground ('road', 'snow') or a surface ('table'); no
    surface holds up what hangs on a wall or stands over it ('a sofa under a window')."""
    if BACKDROPS.get(name) == "ground" or BACKDROPS.get(_head(name)) == "ground":
        return True
    return _head(name) in SURFACE_NOUNS and _head(above) not in _FIXED_ABOVE


def _in_sky(name: str) -> bool:
    """Whether a thing is the sky or in it: 'a field under a blue sky' holds no sky up."""
    return BACKDROPS.get(name) == "sky" or BACKDROPS.get(_head(name)) == "sky" or _head(name) in _SKY_THINGS


def _acts_on(predicate: str) -> bool:
    """Whether a predicate says what its subject does to its object ('eating', 'sweeping up'), not where it
    does something ('walking on' a sidewalk, 'flying over' a city)."""
    verb, _, rest = predicate.partition(" ")
    return verb.endswith("ing") and predicate not in _KEEP_PLACE and rest not in _PLACE_WORDS


def _passes_along(beside: str, predicate: str, name: str) -> bool:
    """Whether 'X <predicate> <name>' says where X is in a way a thing `beside` X shares: on or in a setting
    ('on a road', 'in a field'), not on or in a thing ('on a shelf', 'in a hat'); beside a setting ('next to
    a river') for a thing side by side with X, not one that has X ('a landscape with a cottage')."""
    if predicate in ("next to", "near"):
        return beside not in ("with", "has") and _setting(name)
    return predicate in ("on", "in", "inside") and _setting(name)


def _setting(name: str) -> bool:
    """Whether a thing is a setting others are in: 'a field', 'a room', 'a city' (not 'a mountain')."""
    head = _head(name)
    known = name in BACKDROPS or head in BACKDROPS or head in _MORE_SETTINGS
    return known and name not in _OPEN_SETTINGS and head not in _OPEN_SETTINGS


def _head(name: str) -> str:
    return name.rsplit(" ", 1)[-1].lower()
