"""Documents: the articles folder read into the `documents` table, with metadata from `sources.csv` or the text.

Listing and checking the folder (`listing`, `folders`, `manifest`, `dataset_config`), decoding and
segmenting each file (`decoding`, `boilerplate`, `segmenting`), quarantining what cannot be read
(`quarantine`), and reading the title, byline, dateline and publication date from the text when no
`sources.csv` row gives them (`headline`, `byline`, `dateline`, `stamps`, `written_dates`, `inference`,
`metadata`). Entry point: `reading`.
"""
