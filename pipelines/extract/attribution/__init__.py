"""Who said it: one speaker resolver for quotes, figures and events.

``Context`` indexes an article's actor mentions once; ``subject_of`` finds
the subject of a cue verb, ``resolve_token`` turns that subject (a name, a
pronoun, "the ambassador", "a spokesperson for X") into an actor,
``verb_speaker`` does both for a verb, ``according_to`` reads "according to
X", and ``stated_by`` finds who states something that is not a quote (a
figure). Every extractor that names a speaker goes through these, so a rule
changed here changes everywhere.
"""

from pipelines.extract.attribution.context import NO_SPEAKER, UNRESOLVED, Context, Speaker, antecedent
from pipelines.extract.attribution.resolve import according_to, resolve_token, subject_of
from pipelines.extract.attribution.roles import resolve_role
from pipelines.extract.attribution.statements import stated_by, verb_speaker

__all__ = [
    "NO_SPEAKER",
    "UNRESOLVED",
    "Context",
    "Speaker",
    "according_to",
    "antecedent",
    "resolve_role",
    "resolve_token",
    "stated_by",
    "subject_of",
    "verb_speaker",
]
