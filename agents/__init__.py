"""Scene, planners and the Python workflow API (`Studio`)."""

from limner.agents.checks import Check
from limner.agents.scene import Attributes, Relation, Scene, SceneObject, scene_json_schema
from limner.agents.studio import Generation, ImageDetails, Studio

__all__ = [
    "Attributes",
    "Check",
    "Generation",
    "ImageDetails",
    "Relation",
    "Scene",
    "SceneObject",
    "Studio",
    "scene_json_schema",
]
