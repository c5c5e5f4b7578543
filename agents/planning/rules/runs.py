"""Runs of nouns: where a noun phrase written without commas holds more than one thing.

Prompts written as keyword lists run their things together ('taxidermy sheet cloth detailed diorama',
'Vintage Crocheted Doilies Pot Holders', 'marvel character Ghost Rider'). English compounds have a
singular modifier and a describing word before the noun, so a run of content words is cut:
- after a plural that is not the last word ('doilies | pot holders'; but 'sports car', 'glasses case'), and
  before a colour and a noun after a plural ('red apples | green pears');
- before a name that follows a common noun ('marvel character | Ghost Rider'; but 'an Athenian vase');
- before a describing word that follows a noun and is followed by more words ('sheet cloth | detailed
  diorama', 'city scene | realistic ...'); colours and materials are left alone ('wine red dress');
- between two words for a drawn sign ('scorpio icon | sign | symbol'), which stock captions list;
- in a long run with no article, a keyword list: before a material that follows a noun or a material
  ('carpet | wood | stone | steel'), as in a compound the material comes first ('stone wall'), and
  before a colour between two nouns ('laboratory | silver panes');
- after a coloured background, which is the picture's palette ('white background | speech bubbles').
"""

from __future__ import annotations

from limner.agents.planning.rules import grammar_words, run_words, setting_words
from limner.agents.planning.rules import vocabulary as vocab
from limner.agents.planning.rules import word_shapes as shapes
from limner.agents.planning.rules.chunks import Chunk
from limner.agents.scene.english import singularize

# Words for a drawn sign, which stock captions list one after another ('heart icon sign symbol'): each
# is a thing of its own, where a compound has one head.
SYMBOL_NOUNS = frozenset(
    {"icon", "icons", "sign", "signs", "symbol", "symbols", "emblem", "emblems", "pictogram", "pictograms",
     "logo", "logos", "badge", "badges", "glyph", "glyphs"}
)  # fmt: skip


# The fewest words of a run with no article that is read as a keyword list: 'fearther carpet wood stone steel'.
_LISTED_RUN = 5


def split_runs(chunk: Chunk) -> list[Chunk]:
    """The chunk cut where a new thing starts; [chunk] when it is one thing."""
    words = chunk.words
    if len(words) < 2 or chunk.pronoun:
        return [chunk]
    fixed = _compound_positions(words)
    listed = not chunk.lead and len(words) >= _LISTED_RUN  # 'carpet wood stone steel': a keyword list
    cuts = [
        k for k in range(1, len(words))
        if k not in fixed and (_starts_thing(words, k, chunk.proper) or (listed and _listed_thing_starts(words, k)))
    ]  # fmt: skip
    if not cuts:
        return [chunk]
    parts: list[Chunk] = []
    for start, end in zip([0, *cuts], [*cuts, len(words)]):
        parts.append(
            Chunk(
                lead=chunk.lead if start == 0 else [],
                words=words[start:end],
                proper={p - start for p in chunk.proper if start <= p < end},
                verb=chunk.verb if end == len(words) else None,
            )
        )
    return parts


def _starts_thing(words: list[str], k: int, proper: set[int]) -> bool:
    before, word = words[k - 1], words[k]
    if k in proper and not proper & set(range(k)) and _common_noun(before) and before not in vocab.NAME_MODIFIERS:
        return True  # 'marvel character Ghost Rider'; but 'downtown Manhattan', 'Rio de Janeiro'
    if k - 1 not in proper and _plural_noun(before) and (k in proper or _common_noun(word) and not _plural_noun(word)):
        return True  # 'doilies pot holders'; but 'occupations icons'
    if k - 1 not in proper and _plural_noun(before) and _colour_starts_thing(words, k):
        return True  # 'red apples | green pears', 'blue jeans | white shirt': a plural modifies no noun after it
    if k + 1 < len(words) and _describing(word) and any(_names_here(w) for w in words[:k]):
        return True  # 'taxidermy sheet cloth detailed diorama model'; but 'red and white fluffy dog'
    if word.lower() in SYMBOL_NOUNS and before.lower() in SYMBOL_NOUNS:
        return True  # 'scorpio icon sign symbol': names for one picture, listed
    return k >= 2 and before in setting_words.BACKGROUND_HEADS and shapes.colour_of(words[k - 2]) is not None


def _listed_thing_starts(words: list[str], k: int) -> bool:
    """Whether a material or a colour starts a thing of its own in a long keyword run: a material after a
    noun or after another material ('stage roof carpet | wood | stone | steel'), as in a compound the
    material comes before the noun it makes and two materials are joined by 'and'; a colour between two
    nouns ('laboratory | silver panes'), as a colour comes before the nouns it describes."""
    word, before = words[k].lower(), words[k - 1].lower()
    if word in vocab.MATERIALS:
        if before in vocab.MATERIALS:  # 'stone | steel', when the first names a thing alone; not 'stainless steel'
            return before in vocab.MATERIAL_NOUNS and f"{before} {word}" not in vocab.MATERIAL_PHRASES
        return _names_here(words[k - 1]) and not _describing(words[k - 1])
    return _colour_starts_thing(words, k)


def _colour_starts_thing(words: list[str], k: int) -> bool:
    """Whether the colour at k ('silver', 'mint green', 'dark red') stands between two nouns of a keyword
    run: a noun that names no shade before it ('laboratory', not 'wine' or 'ocean') and one after it."""
    before = words[k - 1].lower()
    if before in vocab.COLOR_MODIFIERS or before in run_words.SHADE_NOUNS or not _noun_here(before):
        return False
    end = k
    while end < len(words) and (shapes.colour_of(words[end]) or _shade_before_colour(words, end)):
        end += 1
    return end > k and end < len(words) and shapes.colour_of(words[end - 1]) is not None and _noun_here(words[end])


def _shade_before_colour(words: list[str], k: int) -> bool:
    """A colour modifier that a colour follows ('navy blue'); not 'sky' before a noun ('blue sky sunrise')."""
    return (
        words[k].lower() in vocab.COLOR_MODIFIERS and k + 1 < len(words) and shapes.colour_of(words[k + 1]) is not None
    )


def _noun_here(word: str) -> bool:
    """A noun beside a colour in a keyword run: a common noun or a material that names a thing ('orange fur')."""
    return _names_here(word) or word.lower() in vocab.MATERIAL_NOUNS


def _common_noun(word: str) -> bool:
    """Whether a word of the run names a thing: no table or shape says it describes or acts."""
    if not shapes.may_be_noun(word) or shapes.looks_descriptive(word) or "'" in word or len(word) < 3:
        return False
    return (
        not word.endswith(("ing", "ed"))
        or word in grammar_words.NOUNS_ENDING_ING
        or word in grammar_words.NOUNS_ENDING_ED  # 'shed', 'bed'
    )


def _names_here(word: str) -> bool:
    """A common noun before a describing word: no colour ('red and white fluffy') or 'and'."""
    return word != "and" and not shapes.colour_of(word) and _common_noun(word)


def _plural_noun(word: str) -> bool:
    """A plural noun: no decade written in figures ('a 1980s wrestler', '90s cartoons')."""
    return (
        len(word) > 3
        and word.isalpha()
        and "'" not in word
        and "-" not in word
        and singularize(word) != word
        and word not in vocab.PLURAL_MODIFIERS
        and shapes.may_be_noun(word)
    )


def _describing(word: str) -> bool:
    """A describing word that is no colour or material: those follow nouns in names ('wine red')."""
    if shapes.colour_of(word) or word in vocab.MATERIALS or word in vocab.COLOR_MODIFIERS:
        return False
    return (
        word in vocab.OTHER_ADJECTIVES
        or word in vocab.STATES
        or word in vocab.SIZES
        or word in vocab.KIND_ADJECTIVES
        or word in setting_words.STYLE_WORDS
        or shapes.looks_descriptive(word)
        or (len(word) > 5 and word.endswith("ed") and word not in grammar_words.NOUNS_ENDING_ED)
    )


def _compound_positions(words: list[str]) -> set[int]:
    """Positions inside a fixed compound ('ice cream', 'hot air balloon'), which no cut may split;
    the first word of a compound may still start a thing."""
    inside: set[int] = set()
    for length in (3, 2):
        for j in range(len(words) - length + 1):
            if " ".join(words[j : j + length]) in grammar_words.FIXED_COMPOUNDS:
                inside.update(range(j + 1, j + length))
    return inside
