"""The workflow: Studio, typed requests and results, the job runner and the feedback loop."""
