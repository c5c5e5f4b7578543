"""Where Limner keeps its data and which backends it uses by default, from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs


@dataclass(frozen=True)
class Config:
    home: Path
    generator: str | None = None  # None: the best one available (Studio.default_generator)
    planner: str | None = None  # an order such as 'sampling,llm,rules'; None: that default

    @classmethod
    def from_env(cls, home: Path | str | None = None) -> Config:
        """`home` wins, then LIMNER_HOME, then the per-user data folder (e.g. ~/.local/share/limner)."""
        chosen = home or os.environ.get("LIMNER_HOME") or platformdirs.user_data_path("limner", appauthor=False)
        return cls(
            home=Path(chosen).expanduser(),
            generator=os.environ.get("LIMNER_GENERATOR") or None,
            planner=os.environ.get("LIMNER_PLANNER") or None,
        )
