"""The warehouse stage's assets: the checked tables together, and the DuckDB file."""
