"""What a thing does to another, kept as its action too, for the rules planner's reading (reading.py).

'The woman is swinging a racket': the verb that takes an object is read as a relation (the woman swinging
the racket), and the woman swings: with no other action of her own, the verb is her action as well. One
that does something else already keeps it ('a man sitting on a bench reading a book' sits). Verbs of
having and wearing say what a thing has, not what it does ('a man wearing a hat'), and so does a word in
-ing that is no verb ('during'); nor is one an action is read as another's form ('a hen laying eggs' is
no hen lying down: attribute_words.MEANT_FORMS). The prompt says the verb once: the writer leaves out an action its
relation says.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from limner.agents.planning.rules.attribute_words import MEANT_FORMS
from limner.agents.scene.model import Attributes

# Words in -ing before an object that say what a thing has or shows, or that are no verb at all.
_NO_ACTION = frozenset(
    {"wearing", "holding", "carrying", "having", "showing", "depicting", "featuring", "containing", "including",
     "during", "reading", "saying", "bearing", "displaying", "surrounding", "overlooking", "facing"}
)  # fmt: skip


class _Acting(Protocol):
    attributes: Attributes


def keep_actions(things: Sequence[_Acting], relations: list[tuple[int, str, int]]) -> None:
    """Give each thing with no action the verb of the first relation it does to another ('swinging')."""
    for subject, predicate, _ in relations:
        verb = predicate.split(" ", 1)[0]
        attrs = things[subject].attributes
        if (
            attrs.action is None
            and len(verb) > 4
            and verb.endswith("ing")
            and verb not in _NO_ACTION | MEANT_FORMS.keys()
        ):
            things[subject].attributes = attrs.model_copy(update={"action": verb})
