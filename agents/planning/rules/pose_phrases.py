"""The words of one clause of a pose description, as what a Scene can hold (poses.py reads the clauses).

- `state_phrases`: the states a part's clause gives it, one per side of "and" or of a second posture
  ("up", "bent"; "very far apart", "standing straight"), each as written, then the same states said
  plainly, each a fact a check may ask about on its own: the posture alone ("standing" of "standing on
  left leg"), the state and its place ("head level", "on the right side of the head") and two states
  joined by "and" as one ("up and bent"). A degree word stays with the posture after it ("slightly looking
  right");
- `predicate`: the relation the words before an object make with it: a contact verb and what follows
  it ("touching the bottom of"), a posture and its preposition ("standing on"), or a preposition
  ("near", "in front of", "near top of"), with the movement before it ("curled in towards", "looking
  straight down at") or a state that relates ("parallel to"); None when they make none a Scene can say;
- `particle_at`: a particle after a moved part that is the verb's ("reaching its left arm forward"), and
  `names_a_thing`: whether a clause names a thing that is no part ("holding a ball").
"""

from __future__ import annotations

from limner.agents.planning.rules import poses_words as words
from limner.agents.scene.model import MAX_WORD

MAX_PHRASE = 12  # words in one state phrase
_MOVED_WORDS = 3  # words of a movement before its preposition kept in a relation ('looking straight down at')
_SEEMS = frozenset({"appears", "appear", "seems", "seem"})
# Prepositions a state phrase is cut at into what the part is and where ('head level | on the right side').
_SPLITTING_PREPOSITIONS = (words.PREPOSITION_STARTS | {"with"}) - {"of", "off", "over", "from", "by", "than"}


def predicate(phrase: list[str]) -> str | None:
    """The relation a clause's words make with the object after them: 'touching the bottom of',
    'near', 'on top of', 'standing on'; None when they make none that a Scene can say."""
    said = [w for w in phrase if w not in words.DETERMINERS]
    while said and said[0] in words.LEADING_FILLER:
        said = said[1:]
    if not said:
        return None
    verb = said[0]
    if verb in words.CONTACT_VERBS or verb in words.MOVING_VERBS:
        written = [w for w in phrase[phrase.index(verb) + 1 :] if w not in words.POSSESSIVES]
        while written and written[-1] in words.DETERMINERS:
            written.pop()  # 'reaching forward to the ground': the article is the object's
        return " ".join([ing_form(verb), *written]) if len(said) <= 4 else None  # 'touching the bottom of'
    for k, word in enumerate(said):
        if word not in words.PREPOSITION_STARTS:
            continue
        tail = said[k:]
        if not _prepositional(tail):
            continue
        if k and said[k - 1] in words.RELATIONAL_STATES:
            return f"{said[k - 1]} {' '.join(tail)}"  # 'parallel to'
        if " ".join(tail) in words.EMPTY_PREDICATES:
            return None
        if k and said[k - 1] in words.SUPPORT_VERBS:
            return f"{ing_form(said[k - 1])} {' '.join(tail)}"  # 'standing on'
        if k and said[k - 1] in words.NEARNESS_WORDS:
            return f"{said[k - 1]} {' '.join(tail)}"  # 'right in front of', 'just above'
        if (2 <= k <= _MOVED_WORDS and _moved(said[0])) or (k == 1 and said[0] in words.DIRECTIONS):
            return " ".join(said)  # 'curled in towards', 'looking straight down at'
        return " ".join(tail)
    return None


def particle_at(tokens: list[str], j: int) -> str | None:
    """A particle that ends the clause right after a moving verb's part, which is the verb's: 'reaching its
    left arm forward' is reaching forward; not 'kicking the leg out to the side', where the part goes on."""
    if j < len(tokens) and tokens[j] in words.VERB_PARTICLES:
        after = tokens[j + 1] if j + 1 < len(tokens) else "."
        return tokens[j] if after in words.BARE_SIDE_ENDS or after in words.SENTENCE_ENDS else None
    return None


def names_a_thing(said: list[str]) -> bool:
    """Whether a clause names something that is no part, no side and no ground after an article: 'holding a
    ball', 'pointing at the sky'; not 'reaching up into the right' or 'touching their left ear'."""
    known = words.PARTS.keys() | words.SIDES | words.DIRECTION_PARTS | words.GROUNDS | words.DETERMINERS
    return any(w in ("a", "an", "the") and nxt not in known for w, nxt in zip(said, said[1:]))


def _moved(word: str) -> bool:
    """Whether a clause's first word says how a part is moved or held: 'curled', 'looking', 'held'."""
    return word in words.POSTURES or word in words.STATES or word.endswith(("ed", "ing")) or word in words.PAST_TO_ING


def _prepositional(tail: list[str]) -> bool:
    """A preposition, a known phrase of them ('in front of'), or one with a noun and 'of' ('near top of')."""
    if tuple(tail) in words.PREPOSITIONS:
        return True
    return len(tail) == 3 and tail[-1] == "of" and tuple(tail[:1]) in words.PREPOSITIONS


def ing_form(verb: str) -> str:
    """The -ing form a state or a relation is written with: 'hangs' -> 'hanging', 'sit' -> 'sitting'."""
    if verb in words.PAST_TO_ING:
        return words.PAST_TO_ING[verb]
    if verb.endswith("ing"):
        return verb
    if verb.endswith("ed") and len(verb) > 4:
        stem = verb[:-2] if verb[-3] not in "aeiou" or verb.endswith("eed") else verb[:-1]
        return (stem[:-1] if stem.endswith("e") else stem) + "ing"
    if verb.endswith("es") and verb[:-2].endswith(("ch", "sh", "ss", "x")):
        verb = verb[:-2]
    elif verb.endswith("s") and not verb.endswith("ss"):
        verb = verb[:-1]
    if len(verb) == 3 and verb[0] not in "aeiou" and verb[1] in "aeiou" and verb[2] not in "aeiouwxy":
        return verb + verb[-1] + "ing"  # 'sit' -> 'sitting', 'put' -> 'putting'
    return (verb[:-1] if verb.endswith("e") and len(verb) > 2 else verb) + "ing"


def trim(phrase: list[str]) -> list[str]:
    start, end = 0, len(phrase)
    while start < end and (
        phrase[start] in words.LEADING_FILLER or phrase[start] == "to" and start > 0 and phrase[start - 1] in _SEEMS
    ):
        start += 1  # 'is bent', 'appears to be stepping'

    while end > start and phrase[end - 1] in words.TRAILING_FILLER:
        end -= 1
    return phrase[start:end]


def state_phrases(phrase: list[str]) -> list[str]:
    """The states a clause's words give a part, one per side of 'and' or of a second posture:
    'bent forward and up' -> 'bent forward', 'up'. Each is a state as written, so each becomes one check;
    a verb said of the part ('hangs down') is a state as its -ing form ('hanging down')."""
    whole = trim([w for w in phrase if w != "'s"])
    if whole and whole[0] in words.PRESENT_VERBS:
        whole = [ing_form(whole[0]), *whole[1:]]
    sides: list[list[str]] = [[]]
    for word in whole:
        if word == "and":
            sides.append([])
        elif sides[-1] and word in words.POSTURES and word.endswith("ing") and not _only_degree(sides[-1]):
            sides.append([word])  # 'very far apart standing straight'; but 'slightly looking right'
        else:
            sides[-1].append(word)
    sides = [trim(side) for side in sides]
    values = [" ".join(s) for s in sides if s and len(s) <= MAX_PHRASE]
    values += _plain_forms(sides, whole)
    values += [named for v in values if (named := _pose_named(v))]
    return [v for k, v in enumerate(values) if v not in values[:k] and len(v) <= MAX_WORD]


def _pose_named(value: str) -> str | None:
    """'in throwing position' -> 'throwing position', 'in a martial arts pose' -> 'martial arts pose': a
    pose named as a thing the part is in is also that pose; None for any other state."""
    said = value.split()
    if len(said) < 3 or said[0] != "in" or said[-1] not in words.POSE_NOUNS:
        return None
    named = said[2:] if said[1] in words.DETERMINERS else said[1:]
    return " ".join(named) if len(named) > 1 else None


def _only_degree(side: list[str]) -> bool:
    return all(w in words.DEGREE_WORDS for w in side)


def _plain_forms(sides: list[list[str]], whole: list[str]) -> list[str]:
    """The same states said more plainly, each its own fact: the posture or state alone ('standing' of
    'standing on left leg', 'touching' of 'touching straight down', 'apart' of 'a little more than
    shoulder length apart'), the words before a preposition and the prepositional phrase ('head level',
    'on the right side of the head'), the state with the first of two places ('placed on the hip' of
    'placed on the hip in front of the body'), a state said after another with no 'and'
    (`_second_state`) and, for two states joined by 'and', the pair as written ('up and bent', 'down and
    bent at the elbow'), so the prompt says them as written."""
    forms: list[str] = []
    for side in sides:
        if len(side) < 2:
            continue
        first = side[0]
        if first in words.POSTURES or first in words.STATES or first.endswith(("ing", "ed")):
            forms.append(first)
        if len(side) > 2 and side[-1] in words.STATES and not _particle_of_part(side):
            forms.append(side[-1])  # 'a little more than shoulder length apart': apart; not 'raising its arm up'
        cut = next((k for k in range(1, len(side) - 1) if side[k] in _SPLITTING_PREPOSITIONS), None)
        if cut:
            forms += [" ".join(side[:cut]), " ".join(side[cut:])]
            after = next((k for k in range(cut + 2, len(side) - 1) if side[k] in _SPLITTING_PREPOSITIONS), None)
            if after:
                forms.append(" ".join(side[:after]))  # 'stacked on top of each other | in front of the body'
        forms += _second_state(side)
    if len(sides) == 2 and whole.count("and") == 1 and len(whole) <= MAX_PHRASE:
        forms.append(" ".join(whole))  # 'up and bent', 'reaching to the left and back'
    return forms


def _particle_of_part(side: list[str]) -> bool:
    """Whether a state ends with a particle said of the part before it, which is that part's, not the
    clause's: 'reaching its left arm forward'."""
    return side[-1] in words.VERB_PARTICLES and side[-2] in words.PARTS


def _second_state(side: list[str]) -> list[str]:
    """A state said after another with no 'and', each on its own: a degree word or a second participle
    starts it ('pointing behind almost straight back': 'pointing behind', 'almost straight back'; 'up
    extended out at face level': 'up', 'extended out at face level', 'extended out')."""
    for k in range(1, len(side) - 1):
        word, before = side[k], side[k - 1]
        degree = word in words.DEGREE_WORDS and before not in words.DEGREE_WORDS
        second = word.endswith("ed") and word in words.STATES and before not in words.DEGREE_WORDS
        if degree or second:
            first, rest = trim(side[:k]), trim(side[k:])
            return [" ".join(first), " ".join(rest), *_placed(rest)] if first and rest else []
    return []


def _placed(state: list[str]) -> list[str]:
    """A second state with its place after it, the state alone: 'extended straight in front of them'
    is 'extended straight'. Nothing for a state with no place, or only a degree before it ('just above')."""
    cut = next((k for k in range(1, len(state) - 1) if state[k] in _SPLITTING_PREPOSITIONS), None)
    return [" ".join(state[:cut])] if cut and not _only_degree(state[:cut]) else []


# -- the Scene's things --------------------------------------------------------------------
