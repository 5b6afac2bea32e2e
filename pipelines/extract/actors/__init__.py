"""Actors: named people, organisations, countries and places, resolved across documents.

Found in each paragraph (``entities``, ``patterns``, ``candidates``), typed
by generic cues (``classify``, ``context``), resolved within each article
(``document``) and across articles (``identity``), and published as the
``actors`` and ``actor_mentions`` tables (``table``). Every mention is an
exact slice of ``article.text``. Entry points: ``extract``.
"""
