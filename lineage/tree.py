"""An image's family: its ancestors up to the root and its descendants, as nodes and edges.

People say "the version before I made it darker" or "everything that came from the lighthouse": both are
walks along the parent → child edges. `lineage_tree` takes them in two recursive queries (up and down
from the image) and one for the nodes' details, so a tree costs three queries however big it is.
Each edge keeps its relation (refine, retry, variation, init, import) and, for refines, the Scene diff.
`Tree.lines()` draws it as an indented text tree for people and assistants.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from limner.lineage.store import Lineage

MAX_NODES = 500  # a tree larger than this is cut, and says so


@dataclass(frozen=True)
class Node:
    image_id: str
    summary: str
    generator: str
    created_at: str
    width: int
    height: int


@dataclass(frozen=True)
class Edge:
    parent_id: str
    child_id: str
    relation: str
    created_at: str
    diff: list[dict[str, Any]] | None = None


@dataclass
class Tree:
    """`image_id`'s ancestors and descendants; `roots` are the ancestors with no parent."""

    image_id: str
    roots: list[str]
    nodes: dict[str, Node]
    edges: list[Edge]
    cut: bool = False  # more than MAX_NODES: the rest is left out
    _children: dict[str, list[Edge]] = field(default_factory=dict, repr=False)

    def children(self, image_id: str) -> list[Edge]:
        if not self._children:
            for edge in self.edges:
                self._children.setdefault(edge.parent_id, []).append(edge)
        return self._children.get(image_id, [])

    def lines(self) -> list[str]:
        """The tree as indented text, each image once: '└─ refine 7a1b2c  a stormier sky'."""
        lines: list[str] = []
        seen: set[str] = set()

        def draw(image_id: str, relation: str | None, prefix: str, last: bool, top: bool) -> None:
            node = self.nodes[image_id]
            mark = "" if top else ("└─ " if last else "├─ ")
            here = "  ← this image" if image_id == self.image_id else ""
            via = f"{relation} " if relation else ""
            lines.append(f"{prefix}{mark}{via}{image_id}  {node.summary}{here}")
            if image_id in seen:
                return
            seen.add(image_id)
            below = [e for e in self.children(image_id) if e.child_id in self.nodes]
            inner = prefix + ("" if top else ("   " if last else "│  "))
            for k, edge in enumerate(below):
                draw(edge.child_id, edge.relation, inner, k == len(below) - 1, False)

        for root in self.roots:
            draw(root, None, "", True, True)
        if self.cut:
            lines.append(f"(cut at {MAX_NODES} images)")
        return lines


_UP = """
WITH RECURSIVE up(id, depth) AS (
    SELECT ?, 0
    UNION
    SELECT e.parent_id, up.depth + 1 FROM edges e JOIN up ON e.child_id = up.id WHERE up.depth < 10000
)
SELECT id FROM up LIMIT ?
"""
_DOWN = """
WITH RECURSIVE down(id, depth) AS (
    SELECT ?, 0
    UNION
    SELECT e.child_id, down.depth + 1 FROM edges e JOIN down ON e.parent_id = down.id WHERE down.depth < 10000
)
SELECT id FROM down LIMIT ?
"""


def lineage_tree(lineage: Lineage, image_id: str) -> Tree:
    """The tree around `image_id` (a full id): its ancestors only along its own line, all its descendants."""
    db = lineage.db
    up = [row[0] for row in db.execute(_UP, [image_id, MAX_NODES])]
    down = [row[0] for row in db.execute(_DOWN, [image_id, MAX_NODES])]
    ids = list(dict.fromkeys(up + down))[:MAX_NODES]
    cut = len(up) + len(down) - 1 > MAX_NODES
    marks = ",".join("?" * len(ids))
    nodes = {
        row[0]: Node(*row)
        for row in db.execute(
            "SELECT i.id, s.summary, i.generator, i.created_at, i.width, i.height FROM images i "
            f"JOIN scenes s ON s.id = i.scene_id WHERE i.id IN ({marks})",
            ids,
        )
    }
    edges = [
        Edge(parent, child, relation, created, json.loads(diff) if diff else None)
        for parent, child, relation, created, diff in db.execute(
            "SELECT parent_id, child_id, relation, created_at, diff FROM edges "
            f"WHERE parent_id IN ({marks}) AND child_id IN ({marks}) ORDER BY created_at, rowid",
            ids + ids,
        )
    ]
    children = {e.child_id for e in edges}
    roots = [i for i in ids if i in nodes and i not in children]
    return Tree(image_id=image_id, roots=roots or [image_id], nodes=nodes, edges=edges, cut=cut)
