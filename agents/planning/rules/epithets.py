"""Names with an epithet: 'Kermit the Frog', 'Sonic the Hedgehog', 'Alexander the Great', 'Thomas the Tank
Engine'. One character, named by three or more words with a lowercase 'the' in the middle.

The tagger reads 'the' as an article, so the grammar would make two things of one name: a 'kermit' and a
'Frog' that drinks the tea. The sign is a capital after a lowercase 'the' in the middle of a sentence
(the tagger marks such words as part of a name) with a word before 'the' that can be a name: itself
capitalised, or opening a phrase, and not a verb ('watching the Northern Lights') or a describing word. `with_epithets` writes the whole name as one word item, capitals kept, which the grammar reads
as one named thing.
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules.tagging import DET, NUM, PROPER, QUANT, WORD, Item, rewrite_runs
from limner.agents.planning.rules.word_shapes import looks_descriptive

# Items a name may follow where it opens a phrase: anything but a word, an article or a number before it.
_INSIDE_PHRASE = frozenset({WORD, DET, NUM, QUANT})


def with_epithets(items: list[Item]) -> list[Item]:
    """The items with each name and its epithet ('Kermit the Frog') as one word item."""
    if not any(item.kind == DET and item.text == "the" for item in items):
        return items
    return rewrite_runs(items, _epithet_at)


def _epithet_at(items: list[Item], i: int) -> tuple[int, list[Item]] | None:
    if i + 2 >= len(items) or not _name_word(items, i):
        return None
    article, epithet = items[i + 1], items[i + 2]
    if not (article.kind == DET and article.text == "the" and epithet.kind == WORD and epithet.value == PROPER):
        return None
    end = i + 3
    while end < len(items) and items[end].kind == WORD and items[end].value == PROPER:
        end += 1  # 'Thomas the Tank Engine'
    name = " ".join([_written(items[i].text), "the", *(item.text for item in items[i + 2 : end])])
    return end, [Item(WORD, name, PROPER)]


def _name_word(items: list[Item], i: int) -> bool:
    """Whether the word at i may be a name that an epithet follows: capitalised, or opening a phrase and
    no verb or describing word."""
    item = items[i]
    if item.kind != WORD or not item.text.isalpha():
        return False
    if item.value == PROPER:
        return True
    word = item.text
    opens = i == 0 or items[i - 1].kind not in _INSIDE_PHRASE
    return (
        opens
        and len(word) > 2
        and not word.endswith(("ing", "ed"))
        and word not in grammar_words.VERBS
        and word not in vocab.STATES
        and word not in vocab.OTHER_ADJECTIVES
        and not looks_descriptive(word)
    )


def _written(word: str) -> str:
    """A name that opened the sentence, which the tagger wrote in lowercase, with its capital back."""
    return word if word[:1].isupper() else word[:1].upper() + word[1:]
