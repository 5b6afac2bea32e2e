"""The release's data card (README.md and index.html); the entry point is ``card.render_datacard``."""
