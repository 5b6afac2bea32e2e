"""The ingest stage's assets: the articles folder read, then parsed in shards."""
