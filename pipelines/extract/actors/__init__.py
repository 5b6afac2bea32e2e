"""Actors: named people, organisations, countries and places, resolved across documents.

Found in each paragraph (``entities``, ``patterns``, ``candidates``,
``places``, ``institutions``), with the names that are not actors left out
(``things``) and a dateline's place and agency kept (every place and source
named counts); typed by generic cues (``classify``, ``context``) and reference tables
(``gazetteer``, ``regions``); resolved within each article (``document``,
``people``, ``bodies``) and across articles (``identity``), and published
as the ``actors`` and ``actor_mentions`` tables (``table``). Every mention
is an exact slice of ``article.text``. Entry points: ``extract``.
"""
