"""The benchmark: synthetic corpora, the build as the command line runs it, spaCy alone, and A/B comparisons."""
