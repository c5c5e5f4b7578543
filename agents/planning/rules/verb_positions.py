"""Where a word that could name a thing is a verb, for chunking (chunks.py asks).

- After a copula, an -ing word that is also a noun is the verb when what it acts on follows: 'a child is
  building a sandcastle', 'two kids are drawing pictures' (but 'the toys are building blocks', a compound).
- After 'to' that follows a verb's object, a verb in its base form is what that object does, though
  nothing follows it: 'a man helping a girl to walk', 'a mother teaching her son to read' (the grammar
  gives it to the object: recipients.infinitive_doer); not 'two men face to face'.
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words, verbs
from limner.agents.planning.rules import word_shapes as shapes
from limner.agents.planning.rules.tagging import (
    AND,
    COMMA,
    DET,
    IN,
    NUM,
    OR,
    PREP,
    PRON,
    PROPER,
    QUANT,
    REL,
    STOP,
    WITH,
    WORD,
    Item,
)
from limner.agents.scene.english import singularize

# Nouns in -ing that are also what someone does to a thing after 'is' or 'are': 'is icing a cake'.
COPULA_GERUNDS = grammar_words.GERUND_VERBS | frozenset({"building", "icing", "frosting", "lining"})
_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "itself", "themselves"})
_CLAUSE_ENDS = frozenset({STOP, COMMA, AND, OR, REL, IN, PREP, WITH})


def copula_gerund(word: str, items: list[Item], i: int) -> bool:
    """Whether the -ing noun at items[i], right after a copula, is the verb: an article, a number or an
    object pronoun follows, or one plural noun ('are drawing pictures')."""
    if word not in COPULA_GERUNDS or i + 1 >= len(items):
        return False
    following = items[i + 1]
    if following.kind in (DET, NUM, QUANT):
        return True
    if following.kind == PRON:
        return following.text.lower() in _OBJECT_PRONOUNS
    after = items[i + 2] if i + 2 < len(items) else None
    noun = following.text.lower()
    return (
        following.kind == WORD
        and following.value != PROPER
        and singularize(noun) != noun
        and shapes.may_be_noun(noun)
        and (after is None or after.kind != WORD)
    )


def infinitive_after_object(word: str, items: list[Item], i: int) -> bool:
    """Whether the base form at items[i], after 'to', is a verb whose doer is the object of the verb
    before 'to' ('helping a girl to walk'), with nothing it acts on after it."""
    if i < 3 or items[i - 1].text.lower() != "to" or word not in verbs.PLURAL_VERBS:
        return False
    following = items[i + 1] if i + 1 < len(items) else None
    alone = (
        following is None
        or following.kind in _CLAUSE_ENDS
        or (following.kind == WORD and (shapes.is_adverb(following.text) or following.text in verbs.PARTICLES))
    )
    if not alone:
        return False
    k = i - 2
    if items[k].kind == PRON or (items[k].kind == DET and items[k].text.lower() == "her"):
        return items[k].text.lower() in _OBJECT_PRONOUNS and _verb_at(items, k - 1)  # 'teaching him to swim'
    while k > 0 and items[k].kind == WORD:
        k -= 1
    return k < i - 2 and items[k].kind in (DET, NUM, QUANT) and _verb_at(items, k - 1)


def _verb_at(items: list[Item], k: int) -> bool:
    """Whether items[k] is a verb that takes an object: 'helping', 'teaches', 'watched'."""
    if k < 1 or items[k].kind != WORD or items[k - 1].kind not in (WORD, PRON):
        return False
    word = items[k].text.lower()
    gerund = word.endswith("ing") and (word not in grammar_words.NOUNS_ENDING_ING or word in grammar_words.GERUND_VERBS)
    return gerund or word in grammar_words.VERBS or (len(word) > 3 and word.endswith(("s", "ed")))
