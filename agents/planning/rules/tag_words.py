"""Words of names written as tags (tag_names.py): the marks a number follows and the endings of web addresses."""

from __future__ import annotations

# Abbreviations of 'number' that a figure follows: 'nr. 1 2', 'vol. 3', 'Chanel No. 5'.
NUMBER_MARKS = frozenset({"no", "nr", "nos", "num", "vol", "ch", "pt", "ep", "fig"})
# The endings of web addresses, which follow a dot: 'ldlc. com'.
WEB_ENDINGS = frozenset({"com", "net", "org", "io", "co", "tv", "gg"})
