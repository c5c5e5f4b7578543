"""The planner interface: words in, Scene out."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from limner.agents.scene import Scene


@runtime_checkable
class Planner(Protocol):
    """Turns a description into a Scene, and an edit instruction plus a Scene into a new Scene.

    Planners never render and never touch lineage.
    """

    name: ClassVar[str]

    def plan(self, description: str, *, width: int = 512, height: int = 512) -> Scene: ...

    def revise(self, scene: Scene, instruction: str) -> Scene:
        """Change only what `instruction` asks; raise InvalidRequest when it cannot be understood."""
        ...


def _rules() -> Planner:
    from limner.agents.rules_planner import RulesPlanner

    return RulesPlanner()


_FACTORIES = {"rules": _rules}


def planner_names() -> list[str]:
    return sorted(_FACTORIES)


def create_planner(name: str) -> Planner:
    from limner.errors import UnknownBackend

    try:
        return _FACTORIES[name]()
    except KeyError:
        raise UnknownBackend(f"unknown planner {name!r}; available: {', '.join(planner_names())}") from None
