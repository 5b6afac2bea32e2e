"""Who said it: one speaker resolver for quotes, figures and events.

``Context`` indexes an article's actor mentions once; ``subject_of`` finds
the subject of a cue verb, ``resolve_token`` turns that subject (a name, a
pronoun, "the ambassador", "a spokesperson for X") into an actor, and
``according_to`` reads "according to X". Every extractor that names a
speaker goes through these, so a rule changed here changes everywhere.
"""

from pipelines.extract.attribution.context import NO_SPEAKER, Context, Speaker
from pipelines.extract.attribution.resolve import according_to, antecedent, resolve_token, subject_of
from pipelines.extract.attribution.roles import resolve_role

__all__ = [
    "NO_SPEAKER",
    "Context",
    "Speaker",
    "according_to",
    "antecedent",
    "resolve_role",
    "resolve_token",
    "subject_of",
]
