"""The Scene: the structured conditions an image is made from, its checks, diffs, prompt and layout."""
