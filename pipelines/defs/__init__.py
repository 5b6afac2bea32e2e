"""The Dagster graph, grouped by stage: ingest -> extract -> warehouse -> release."""
