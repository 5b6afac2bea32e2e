"""Figures: numbers that state a quantity, with unit, measure, period and source (entry point ``extract.extract_figures``)."""
