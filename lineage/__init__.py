"""Lineage: runs, Scenes, images and parent → child edges in SQLite, with provenance inside each file."""

from limner.lineage.provenance import Provenance, a1111_parameters, read_provenance
from limner.lineage.store import ImageRecord, Lineage, NewImage

__all__ = ["ImageRecord", "Lineage", "NewImage", "Provenance", "a1111_parameters", "read_provenance"]
