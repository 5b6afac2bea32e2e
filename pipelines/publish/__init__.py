"""Publishing the extracted tables: quality rules, the DuckDB warehouse, the versioned release and its data card."""
