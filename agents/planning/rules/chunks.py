"""Chunks: the runs of articles, numbers and content words that make one noun phrase each.

`take_chunk` reads a noun phrase from the tagged items and stops at its verb ('a cat sitting', 'a
hamster hatches from an egg'), at a side word that starts the next thing ('left leg right leg') or at
any grammar word. `split_owner` cuts 'the man's hat' into the owner and the thing owned; `colour_list`
reads 'in blue and yellow'. What the words of a chunk say is phrases.py's work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from limner.agents.planning.rules import grammar_words, verbs
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules import word_shapes as shapes
from limner.agents.planning.rules.tagging import (
    AND,
    BY,
    CLAUSE,
    COMMA,
    COP,
    DET,
    IN,
    NEG,
    NUM,
    OF,
    OR,
    PREP,
    PRON,
    PROPER,
    QUANT,
    REL,
    STOP,
    TEXT,
    WITH,
    WORD,
    Item,
)
from limner.agents.planning.rules.verb_positions import copula_gerund, infinitive_after_object
from limner.agents.scene.english import singularize

_LIST_ENDS = frozenset({COMMA, AND, OR, STOP})
_SIDES = frozenset({"left", "right"})
# Words before a noun that make it one thing, and animals whose plural is the singular ('three sheep').
_ONE_LEADS = frozenset({"a", "an", "one", "this", "that", "each", "every", "another"})
_SAME_PLURALS = frozenset({"sheep", "deer", "fish", "moose", "bison", "cattle", "elk", "reindeer", "buffalo"})
_PREPOSITIONS = frozenset({REL, IN, PREP, BY})


@dataclass
class Chunk:
    """The raw words of one noun phrase: its articles and numbers, then its content words."""

    lead: list[Item] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    proper: set[int] = field(default_factory=set)  # positions in `words` that are part of a name
    pronoun: str = ""  # the pronoun ("he", "it") when the phrase is one, else ""
    verb: str | None = None  # the verb or participle that ended it ("sitting"), if one did
    placed: bool = False  # it stands where only a thing can: 'holding a photo', 'a photo on a desk'

    @property
    def text(self) -> str:
        return " ".join([*(item.text for item in self.lead), *self.words])


def split_owner(chunk: Chunk) -> tuple[Chunk, Chunk] | None:
    """('the man's', 'hat') for 'the man's hat': the owner with the articles, and what is owned; None
    when no word but the last is possessive."""
    for k, word in enumerate(chunk.words[:-1]):
        if word.endswith(("'s", "s'")) and k not in chunk.proper and len(word) > 2:
            owner = Chunk(lead=chunk.lead, words=chunk.words[: k + 1], proper={p for p in chunk.proper if p <= k})
            owned = Chunk(
                words=chunk.words[k + 1 :], proper={p - k - 1 for p in chunk.proper if p > k}, verb=chunk.verb
            )
            return owner, owned
    return None


def take_chunk(items: list[Item], i: int) -> tuple[Chunk, int]:
    """The noun phrase starting at items[i], and the index after it."""
    chunk = Chunk()
    n, start = len(items), i
    opens = i == 0 or items[i - 1].kind == STOP  # a sentence starts with the phrase
    while i < n and items[i].kind in (DET, NUM, QUANT):
        chunk.lead.append(items[i])
        i += 1
    if i < n and items[i].kind == PRON and not chunk.words:
        chunk.pronoun = "" if chunk.lead else items[i].text
        return chunk, i + 1
    if len(chunk.lead) == 1 and chunk.lead[0].text == "her" and (i >= n or items[i].kind != WORD):
        chunk.lead, chunk.pronoun = [], "her"  # 'behind her', not 'her hat'
        return chunk, i
    seen_noun = False
    while i < n:
        item = items[i]
        if item.kind == AND and chunk.words and _joins_colours(chunk.words[-1], items, i):
            chunk.words.append("and")
            i += 1
            continue
        if item.kind != WORD:
            break
        word = item.text
        if word in _SIDES and seen_noun and chunk.words[-1] not in _SIDES and item.value != PROPER:
            break  # 'left leg right leg': a side word after a noun starts the next thing
        if word in vocab.NOT_NOUNS and item.value != PROPER:
            i += 1  # 'on either side', 'his co-pilot took over': words that name nothing
            continue
        if seen_noun and shapes.is_adverb(word) and item.value != PROPER:
            i += 1  # 'a woman elegantly wrapped in leaves': the adverb goes with the verb after it
            continue
        if not chunk.words and _adverb_before_verb(items, i, seen_noun, chunk):
            chunk.verb = items[i + 1].text  # 'and carefully stepping to the edge': the adverb says how
            return chunk, i + 2
        if item.value == PROPER:
            chunk.proper.add(len(chunk.words))
        elif (
            _is_verb_here(word, seen_noun, chunk, items, i)
            or (opens and _bare_verb(word, chunk, items, i))
            or _plural_acts(word, chunk, items, i)
        ):
            chunk.verb, chunk.placed = word, _placed(chunk, items, start, i)  # 'and a photo showing a cat'
            return chunk, i + 1
        chunk.words.append(word)
        seen_noun = seen_noun or item.value == PROPER or shapes.may_be_noun(word)
        i += 1
    chunk.placed = _placed(chunk, items, start, i)
    return chunk, i


# Relations that put one thing at another, which only a thing can be the subject of.
_PLACING = frozenset({"on", "under", "next to", "near", "above", "below", "behind", "in front of", "inside"})


def _placed(chunk: Chunk, items: list[Item], start: int, end: int) -> bool:
    """Whether the phrase at items[start:end] stands where only a thing can: after 'and', 'with' or a
    verb ('a lamp and a photo', 'a wall with a mosaic', 'holding photos'), or with an article before a
    relation that places it ('a photo on a desk'); a bare one after 'and' only before such a relation
    ('a phone and photo on a desk'); never before 'of' or 'by' ('a photo of a cat')."""
    if not chunk.words:
        return False
    after = items[end] if end < len(items) else None
    if after is not None and after.kind in (OF, BY):
        return False
    placing = after is not None and after.kind == REL and after.value in _PLACING
    before = items[start - 1] if start > 0 else None
    given = before is not None and (
        before.kind in (AND, WITH) or (before.kind == WORD and before.text in grammar_words.VERBS)
    )
    if before is None or not given:
        return bool(chunk.lead) and placing
    return bool(chunk.lead) or placing or before.kind != AND


def _adverb_before_verb(items: list[Item], i: int, seen_noun: bool, chunk: Chunk) -> bool:
    """Whether the -ly word at items[i], opening the phrase, is an adverb of the verb right after it, which
    would end the phrase there without it ('a giraffe wearing a hat and carefully stepping down')."""
    word = items[i].text
    if not shapes.is_adverb(word) or items[i].value == PROPER or i + 1 >= len(items) or items[i + 1].kind != WORD:
        return False
    following = items[i + 1].text
    if not following.endswith("ing") and following not in grammar_words.VERBS:
        return False
    return _is_verb_here(following, seen_noun, chunk, [*items[:i], *items[i + 1 :]], i)


def _is_verb_here(word: str, seen_noun: bool, chunk: Chunk, items: list[Item], i: int) -> bool:
    """Whether `word` ends the phrase as a verb: after its noun ('a cat sitting'), or opening a clause."""
    if (
        i + 1 < len(items)
        and items[i + 1].kind == WORD
        and f"{word} {items[i + 1].text}" in grammar_words.FIXED_COMPOUNDS
    ):
        return False  # 'a Victorian style living room': 'living' starts a compound noun
    if word in grammar_words.NOUN_MODALS and (i + 1 >= len(items) or items[i + 1].kind not in (WORD, NEG)):
        return False  # 'a can on the table': no verb after it, so no modal
    if not seen_noun:
        floating = bool(chunk.lead) and all(item.text in vocab.FLOATING_QUANTIFIERS for item in chunk.lead)
        if floating and not chunk.words and (word in grammar_words.VERBS or shapes.looks_like_participle(word)):
            return True  # 'the women are each wearing covers'
        if chunk.words and _colour_acts(word, chunk, items, i):
            return True  # 'dark gray covering the blue sky': a colour said as a thing, then what it does
        if chunk.lead or chunk.words or (i > 0 and items[i - 1].kind == OF):
            return False  # 'a tray of drinks': the word right after 'of' is what it is of
        alone = i + 1 >= len(items) or items[i + 1].kind != WORD or items[i + 1].text in verbs.PARTICLES
        if i > 0 and items[i - 1].kind in (COMMA, AND) and (i + 1 >= len(items) or items[i + 1].kind in _LIST_ENDS):
            doing = word in vocab.STATES or (word not in grammar_words.NOUNS_ENDING_ING and _verb_before(items, i - 1))
            return items[i - 1].kind == AND and doing and word.endswith("ing")  # 'and smiling', 'and fighting'; but
            # 'railings, stands, tents': an item of a list is a noun
        after_copula = i > 0 and items[i - 1].kind == COP  # 'He is leaning back'
        if i > 0 and items[i - 1].text == "to" and (_acts(items, i) or infinitive_after_object(word, items, i)):
            return True  # 'about to kick a ball', 'helping a girl to walk': a verb after 'to' (verb_positions.py)
        if i > 1 and items[i - 1].text == "to" and items[i - 2].text in grammar_words.INFINITIVE_LEADS:
            return True  # 'about to run over a sunflower', 'set to join': 'to' after these starts a verb
        if i > 0 and items[i - 1].kind == CLAUSE and items[i - 1].text.lower() in _RELATIVES and _acts_in_s(word, items, i):
            return True  # 'a bird which flies over the sea': right after 'which', a word in -s that acts is a verb
        if after_copula and copula_gerund(word, items, i):
            return True  # 'a child is building a sandcastle' (verb_positions.py)
        acting = after_copula or (i > 0 and items[i - 1].kind == AND)  # 'is flying', 'and screaming'
        gerund = word.endswith("ing") and word not in grammar_words.NOUNS_ENDING_ING  # not 'and railing on'
        verbal = gerund or word in grammar_words.GERUND_VERBS  # 'sitting and painting a wall'
        if acting and verbal and i + 1 < len(items) and items[i + 1].kind in (DET, NUM, QUANT):
            return True  # 'the boy is flying a kite': a state word with an object is a verb
        if i > 0 and items[i - 1].kind == AND and gerund and _then_moves(items, i + 1):
            return True  # 'wearing goggles and flying confidently next to an eagle'
        if i > 0 and items[i - 1].kind == AND and gerund and _verb_before(items, i - 1):
            return True  # 'a dragon dressed in a tuxedo and playing chess': a second verb of the subject
        return word in grammar_words.VERBS or ((alone or after_copula) and shapes.looks_like_participle(word))
    if word in vocab.STATES and word.endswith("ing"):
        return True  # 'a dog running', 'people flying kites' (but 'a running dog')
    if _third_person(word, chunk, items, i) or _gerund_acting(word, chunk, items, i):
        return True
    if _counted_plural_head(word, chunk):
        return False  # 'seven local school districts this year': the plural the number counts, no verb
    # A word between a noun and an article is a verb: 'a child draws a flower', 'centurions fire a cannon'.
    acts_on = (
        i + 1 < len(items)
        and (
            items[i + 1].kind in (DET, PRON)
            or _counted_things_at(items, i + 1)
            or _name_after_gerund(word, items[i + 1])
        )
        and items[i + 1].text not in grammar_words.CLAUSE_WORDS  # 'a coffee cup that is full': no verb
        and bool(chunk.words)
        and len(word) > 2
    )
    return word in grammar_words.VERBS or shapes.looks_like_participle(word) or (acts_on and shapes.may_be_noun(word))


def _name_after_gerund(word: str, following: Item) -> bool:
    """'a ferry crossing Ha Long Bay', 'a man visiting Paris': a word in -ing before a name acts on it."""
    verb = word not in grammar_words.NOUNS_ENDING_ING or word in grammar_words.GERUND_VERBS
    return following.value == PROPER and word.endswith("ing") and verb


def _counted_plural_head(word: str, chunk: Chunk) -> bool:
    """Whether a word in -s after a number of two or more and singular nouns is the plural those nouns
    lead up to ('seven school districts', '3 garden sheds'), not a verb: a verb after a plural has no -s."""
    counted = any(item.kind == NUM and isinstance(item.value, int) and item.value > 1 for item in chunk.lead)
    return (
        counted
        and word not in grammar_words.VERBS
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and singularize(word) != word
        and all(singularize(w) == w for w in chunk.words)
    )


def _counted_things_at(items: list[Item], j: int) -> bool:
    """Whether items[j] opens a counted plural: 'planes fly 26 loops', 'a girl feeds three ducks' (the word
    before is a verb); a number with no plural after it is part of a name ('player number 10')."""
    if items[j].kind != NUM or not isinstance(items[j].value, int) or items[j].value < 2:
        return False
    k = j + 1
    while k + 1 < len(items) and items[k + 1].kind == WORD:
        k += 1
    last = items[k].text if k < len(items) and items[k].kind == WORD else ""
    return len(last) > 3 and last.endswith("s") and not last.endswith("ss") and singularize(last) != last


def _colour_acts(word: str, chunk: Chunk, items: list[Item], i: int) -> bool:
    """Whether an -ing word after colour words alone is a verb: what the colour does to what follows
    ('dark gray covering the sky'); not in 'a red running shoe', where the colours describe a noun."""
    following = items[i + 1].kind if i + 1 < len(items) else STOP
    return (
        word.endswith("ing")
        and word not in grammar_words.NOUNS_ENDING_ING
        and following in (DET, PRON)
        and all(shapes.colour_of(w) or w in vocab.COLOR_MODIFIERS for w in chunk.words)
    )


def _then_moves(items: list[Item], j: int) -> bool:
    """Whether what follows an -ing word after 'and' says how or where it acts: an adverb, then a
    preposition ('and flying confidently next to'), or a preposition right away ('and running in')."""
    while j < len(items) and items[j].kind == WORD and shapes.is_adverb(items[j].text):
        j += 1
    return j < len(items) and items[j].kind in _PREPOSITIONS


def _verb_before(items: list[Item], i: int) -> bool:
    """Whether the sentence before items[i] has a verb right after a noun ('a dragon dressed in', 'a cat
    sitting on'), so an -ing word after 'and' goes on with what the subject does."""
    for k in range(i - 1, 0, -1):
        if items[k].kind == STOP:
            return False
        word = items[k].text.lower()
        acting = (word.endswith("ing") and word not in grammar_words.NOUNS_ENDING_ING) or word in grammar_words.VERBS
        if items[k].kind == WORD and items[k - 1].kind == WORD and (acting or shapes.looks_like_participle(word)):
            return True
    return False


def _acts(items: list[Item], i: int) -> bool:
    """Whether what follows items[i] is what a verb there acts on ('a ball') or its particle ('off')."""
    following = items[i + 1] if i + 1 < len(items) else None
    return following is not None and (
        following.kind in (DET, PRON, NUM, QUANT)
        or (following.kind in (WORD, PREP) and following.text in verbs.PARTICLES)
    )


def _third_person(word: str, chunk: Chunk, items: list[Item], i: int) -> bool:
    """'A hamster hatches from an egg', 'a red bus drives past': after 'a' and its noun, a word in -s
    before a preposition is what the thing does (a plural cannot follow 'a'); not after a possessive
    ('a dog's toys in a box')."""
    named = not chunk.lead and bool(chunk.words) and len(chunk.proper) == len(chunk.words)  # 'Agent M poses with'
    return (
        (named or len(chunk.lead) == 1 and chunk.lead[0].value == "singular" and bool(chunk.words))
        and not any(w.endswith(("'s", "'")) for w in chunk.words)
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and i + 1 < len(items)
        and (_preposition_next(items, i + 1) or named and items[i + 1].kind in (WITH, DET))
    )


_RELATIVES = frozenset({"which", "that", "who"})


def _acts_in_s(word: str, items: list[Item], i: int) -> bool:
    """Whether a word in -s is followed by what it acts on or where: a preposition, an article, a pronoun."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    return i + 1 >= len(items) or _preposition_next(items, i + 1) or items[i + 1].kind in (DET, PRON, NUM, QUANT)


def _preposition_next(items: list[Item], j: int) -> bool:
    """Whether a preposition is at items[j], or after one adverb there ('dashes confidently through')."""
    if j + 1 < len(items) and items[j].kind == WORD and shapes.is_adverb(items[j].text):
        j += 1
    return items[j].kind in _PREPOSITIONS


def _gerund_acting(word: str, chunk: Chunk, items: list[Item], i: int) -> bool:
    """'a robot writing "hi"', 'a man painting a fence', 'a woman writing with a dart', 'a teacher writing
    on a chalkboard': a noun in -ing that is also a verb is one when what it acts on follows (or, after a
    person, 'with' or a preposition)."""
    if word not in grammar_words.GERUND_VERBS or i + 1 >= len(items) or not chunk.words:
        return False
    following = items[i + 1].kind
    person = chunk.words[-1] in grammar_words.PERSON_NOUNS
    moving = word in grammar_words.GERUND_MOTIONS and following in _PREPOSITIONS  # 'a plane landing on'
    return following in (DET, PRON, TEXT, NUM) or (person and (following == WITH or following in _PREPOSITIONS)) or moving


def _bare_verb(word: str, chunk: Chunk, items: list[Item], i: int) -> bool:
    """A verb in its base form right after a bare noun opening a sentence, in notes written without
    articles: 'person stand next to basket', 'person drive car'."""
    following = items[i + 1] if i + 1 < len(items) else None
    return (
        not chunk.lead
        and len(chunk.words) == 1
        and word in verbs.BARE_VERBS
        and following is not None
        and following.kind not in (STOP, COMMA, AND, OR)
    )


def _plural_acts(word: str, chunk: Chunk, items: list[Item], i: int) -> bool:
    """A verb in its base form right after a plural noun, before a preposition or an article: 'three horses
    graze in a field', 'the sheep stand near a barn' (no compound noun ends a plural with a verb)."""
    following = items[i + 1] if i + 1 < len(items) else None
    if word not in verbs.PLURAL_VERBS or not chunk.words or following is None:
        return False
    if following.kind in (STOP, COMMA, AND, OR, WORD) and following.text not in verbs.PARTICLES:
        return False
    if any(item.text.lower() in _ONE_LEADS for item in chunk.lead):
        return False  # 'a sports park near the river'
    last = chunk.words[-1]
    return last in _SAME_PLURALS or singularize(last) != last


def _joins_colours(previous: str, items: list[Item], i: int) -> bool:
    """'red and white': an 'and' between two colour words inside one noun phrase."""
    if shapes.colour_of(previous) is None or i + 1 >= len(items) or items[i + 1].kind != WORD:
        return False
    j = i + 1
    if items[j].text in vocab.COLOR_MODIFIERS and j + 1 < len(items) and items[j + 1].kind == WORD:
        j += 1  # 'red and dark blue'
    # "apples and oranges": an orange after 'and' that ends the phrase is a fruit, not a colour.
    after = items[j + 1] if j + 1 < len(items) else None
    return shapes.colour_of(items[j].text) is not None and after is not None and after.kind == WORD


def colour_list(items: list[Item], i: int) -> tuple[list[str], int]:
    """The colours written from items[i] on as a list ('blue and yellow', 'yellow, red and green color')
    and the index after them; ([], i) when the words there are not only colours ('red paint')."""
    colours: list[str] = []
    j, n = i, len(items)
    while j < n and items[j].kind == WORD:
        word, k = items[j].text, j + 1
        if word in vocab.COLOR_MODIFIERS and k < n and items[k].kind == WORD and shapes.colour_of(items[k].text):
            colour, k = f"{word} {shapes.colour_of(items[k].text)}", k + 1
        else:
            colour = shapes.colour_of(word) or ""
        if not colour:
            return [], i
        colours.append(colour)
        if k < n and items[k].kind == WORD and items[k].text in shapes.COLOUR_WORDS:
            k += 1  # 'in white color'
        more = k + 1 < n and items[k].kind in (COMMA, AND, OR) and items[k + 1].kind == WORD
        if more and shapes.colour_of(items[k + 1].text) is None and items[k + 1].text not in vocab.COLOR_MODIFIERS:
            more = False  # 'in red, a cat': the list is over
        j = k + 1 if more else k
        if not more:
            break
    if not colours or (j < n and items[j].kind == WORD):
        return [], i
    return colours, j


def amount_of_colour(chunk: Chunk, items: list[Item], i: int) -> bool:
    """Whether the phrase before 'of' (items[i]) is an amount of colour: 'an explosion of colors'."""
    after = items[i + 1] if i + 1 < len(items) else None
    return (
        bool(chunk.words)
        and chunk.words[-1].lower() in vocab.COLOUR_AMOUNT_NOUNS
        and after is not None
        and after.text.lower() in vocab.COLOUR_NOUN_WORDS
    )
