"""The card's Method section: how each published table was made and the libraries behind it.

Written once here so README.md and index.html describe the method in the
same words; update it when an extractor's approach changes.
"""

from __future__ import annotations

#: One line per contract table (``schemas.TABLES``), in release order.
METHOD: dict[str, str] = {
    "documents": "One row per `.txt` article; metadata from `sources.csv` or inferred from the text; page furniture "
                 "(navigation, captions, pull-quotes, related-article tails) is set aside by its shape before extraction.",
    "actors": "spaCy 3.8 named entities (`en_core_web_sm` 3.8.0) corrected by generic cues (titles, appositives, "
              "organisation head nouns) and a country/demonym gazetteer from `pycountry`; resolved across documents "
              "by country code or normalised name, surnames joined to full names, spellings compared with `rapidfuzz`.",
    "actor_mentions": "Every surface form of a resolved actor, as an exact character span of its document.",
    "quotes": "Spans inside quotation marks (or block quotes), minus titles and scare quotes; the speaker is the "
              "subject of the governing speech verb in the spaCy dependency parse, \"according to X\", or a "
              "pronoun/role resolved to the nearest earlier person.",
    "figures": "A scan for digits and number words (`text2num`) followed by a scale, currency (ISO 4217 names from "
               "`pycountry`), unit or counted noun; the spaCy parse gives the measure, the attributing source and "
               "the period. Dates, years, ordinals and numbers inside names are excluded.",
    "events": "Triggers from the spaCy parse mapped to CAMEO codes; dates parsed with `dateparser` and relative "
              "dates anchored to the publication date (left empty when unresolvable); deduplicated across "
              "documents by CAMEO root, compatible dates and actors; one-off acts with different dates are kept "
              "apart and flagged.",
    "event_mentions": "The sentence or clause that reports each event, as an exact character span.",
}
PIPELINE_NOTE = ("Orchestrated with Dagster; tables are Polars frames validated by pandera models (schema, "
                 "provenance `text[char_start:char_end] == text`, unique ids, referential integrity) before "
                 "anything is published; the warehouse is DuckDB.")
