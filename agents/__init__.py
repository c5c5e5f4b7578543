"""Everything between words and pixels: the Scene, planning, looking at images, and the Studio workflow."""

from limner.agents.scene.checks import Check
from limner.agents.scene.model import Attributes, Relation, Scene, SceneObject, scene_json_schema
from limner.agents.workflow.studio import Generation, ImageDetails, Studio

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
