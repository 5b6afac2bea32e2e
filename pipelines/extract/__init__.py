"""Extraction: actors, quotes, figures and events from parsed articles, every row an exact slice of its text.

One package per table (`actors`, `quotes`, `figures`, `events`), speaker attribution shared by quotes
and figures (`attribution`), parse helpers (`syntax`), dates (`dates`), row ids (`rows`), the parsed
article (`article`) and the rules as data (`lexicon`).
"""
