"""Make an image from a description, reproduce it from its seed, refine it, and read its lineage back.

    python examples/quickstart.py "a lighthouse at dusk, watercolor"

Images and the lineage database go to $LIMNER_HOME (default: the per-user data folder).
"""

from __future__ import annotations

import sys

from limner.agents import Studio
from limner.lineage import read_provenance


def main(description: str) -> None:
    with Studio() as studio:
        first = studio.generate(description)
        print(f"made {first.image_id}: {first.summary}")
        print(f"  file  {first.path}")
        print(f"  seed  {first.seed}")
        for check in first.scene.checks():
            print(f"  check {check.id:<22} {check.question}")

        # The stored Scene and seed are all it takes to make the same picture again.
        again = studio.generate(scene=first.scene, seed=first.seed)
        print(f"made {again.image_id} from the same Scene and seed")

        # An instruction revises the Scene; the child keeps its parent and the changes in lineage.
        child = studio.refine(first.image_id, "make it night")
        print(f"refined into {child.image_id} ({child.mode}):")
        print("  " + child.changes.replace("\n", "\n  "))

        provenance = read_provenance(first.path)
        print(f"the file itself says: {provenance.parameters.splitlines()[-1]}")
        print(f"history: {[image.image_id for image in studio.history(limit=5)]}")


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or "two red apples on a wooden table, watercolor")
