"""Looking at images: captioners, judges, pixel measurements and the evaluation of a Scene's checks."""
