"""Machine-learning plumbing shared by generators and captioners: device and precision choice, the Hub cache."""
