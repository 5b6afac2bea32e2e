"""Publishing the extracted tables: quality rules, the DuckDB warehouse, the versioned release and its data card,
uploads to where readers are (``remote``) and remote queries (``httpfs``); readers open a release with
``pipelines.load.open_release``."""
