"""What is known about each article besides its text: ``dataset.yaml``, ``sources.csv``, and what the text says.

Contract: ``infer_metadata`` (``inference.py``) reads title, date, publisher
and author from a text's first lines, and ``inferred_metadata`` does so for many texts
through the content cache; ``document_fields`` joins a manifest row and what
the text shows into the metadata columns of the documents table, each field
with its ``*_basis``. Why: metadata is optional for the user, so every field
falls back to what the text itself shows, with its precision kept rather than
invented and the way it was found recorded.
"""

from __future__ import annotations



from pipelines.documents import boilerplate
from pipelines.documents.inference import infer_metadata
from pipelines.documents.manifest import MANIFEST_COLUMNS
from pipelines.extract import lexicon
from pipelines.runtime.cache import ContentCache, extractor_version, make_key

#: How each field of a document was found, one column per field (string; null when the field is null).
BASIS_COLUMNS = ("title_basis", "publisher_basis", "author_basis", "published_date_basis")
#: The metadata columns ``document_fields`` gives, besides ``metadata_source``.
METADATA_FIELDS = (*MANIFEST_COLUMNS[1:], "published_date_precision", *BASIS_COLUMNS)
#: The fields a text can state, each with its ``*_basis``; the date carries its precision with it.
_FROM_TEXT = {"title": ("title",), "publisher": ("publisher",), "author": ("author",),
              "published_date": ("published_date", "published_date_precision")}
#: The basis of a field the manifest gives.
MANIFEST_BASIS = "sources.csv"


def document_fields(listed: dict | None, inferred: dict) -> dict:
    """The metadata columns of one document: ``METADATA_FIELDS`` and ``metadata_source``.

    A field ``sources.csv`` gives (``listed``, the document's manifest row) wins
    with basis ``sources.csv``; a field it leaves empty, or every field of a
    document it does not list, is what the text shows (``inferred``, from
    ``infer_metadata``) with the basis found there; null with a null basis
    when neither says. ``metadata_source`` stays ``manifest`` for a listed
    document and ``inferred`` otherwise.
    """
    out = {k: (listed or {}).get(k) for k in METADATA_FIELDS}
    for field, carried in _FROM_TEXT.items():
        if out[field] is not None:
            out[f"{field}_basis"] = MANIFEST_BASIS
        else:
            out.update({k: inferred.get(k) for k in carried})
            out[f"{field}_basis"] = inferred.get(f"{field}_basis") if out[field] is not None else None
    if out["published_date"] is None:
        out["published_date_precision"] = None
    return out | {"metadata_source": "inferred" if listed is None else "manifest"}


def inferred_metadata(texts: list[str], hashes: list[str], cache: ContentCache | None) -> list[dict]:
    """``infer_metadata`` of each text plus its word count (``n_words``), read back from the cache for
    texts seen before (``hashes`` are the texts' ``content_hash``).

    Why cached: labelling an article's lines is the costly part of reading a
    corpus, and these values depend on the text alone (and on the date words
    of the extractors' lexicon, part of the key).
    """
    cache = cache or ContentCache(None)
    version = extractor_version("ingest")
    keys = [make_key("metadata", h, version, boilerplate.digest(), lexicon.digest()) for h in hashes]
    known = cache.get_objects("metadata", keys)
    out = []
    made = {}
    for text, key in zip(texts, keys):
        meta = known.get(key)
        if not (isinstance(meta, dict) and isinstance(meta.get("n_words"), int)):
            meta = made[key] = infer_metadata(text) | {"n_words": len(text.split())}
            cache.put_object("metadata", key, meta)
        out.append(dict(meta))
    if made:  # packed now, not read back one by one next time
        cache.put_object_packs("metadata", keys, {**known, **made})
    return out
