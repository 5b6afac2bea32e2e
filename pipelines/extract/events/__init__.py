"""Events: triggers found in the parse, coded (event class and CAMEO), dated, given actors and deduplicated.

Triggers (`triggers`, `sense`), codes (`coding`, `classes`, `class_acts`, `domain_acts`), roles
(`roles`), dates (`dating`, `borrowed_dates`), descriptions (`describe`), rows (`rows`), the
publication rule (`publication`) and cross-document deduplication (`dedup`). Entry point: `extract`.
"""
