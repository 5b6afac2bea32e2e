"""The extract stage's assets and their contract checks."""
