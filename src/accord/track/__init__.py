"""track layer."""
