"""The rules planner: an offline, deterministic reader of descriptions and edit instructions."""
