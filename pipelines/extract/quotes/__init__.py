"""Quotes: direct quotations and their speakers (entry point ``extract.extract_quotes``)."""
