"""Planning: turning words (or an edit instruction and a Scene) into a Scene, by rules or by a model."""
