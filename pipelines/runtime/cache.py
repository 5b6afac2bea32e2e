"""A content-addressed cache of per-document work under ``WAREHOUSE_DIR/cache/``.

A growing corpus is rebuilt often while most of its documents do not change.
Every per-document result (a spaCy parse, one extractor's rows) is stored
under a key made of the document's content hash and the versions of
everything that produced it, so an unchanged document is never parsed or
extracted twice, and a changed model, segmenter or extractor invalidates
exactly the entries it produced.

An extractor's version is a digest of the source files it is made of and of
the lexicon it reads: editing either re-extracts, so a stale entry can never
leak into a release. The cache lives in a local folder or under a URL
(``s3://bucket/prefix/cache``: ``object_store``), and every write is atomic,
so concurrent workers (processes, Dask workers or Kubernetes pods sharing
only the object store) never see a half-written entry, and two workers
writing the same key write the same bytes.

Every file starts with a header naming the entry it answers (kind and key)
and a SHA-256 of both and of the payload. A file that fails the check (a
flipped bit, a truncated write, a pack copied over another, a file from an
older format) is a miss: it is logged as a warning naming the entry,
removed, and its entry is computed again. Why: a damaged entry once
published wrong numbers with exit 0, and a damaged Arrow file crashed the
process that parsed it, so no byte reaches pickle or Arrow unchecked.
"""

from __future__ import annotations

import hashlib
import io
import logging
import pickle
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.runtime.object_store import LocalStore, join, store_at

if TYPE_CHECKING:
    import polars as pl
    import pyarrow as pa

CACHE_DIR = "cache"

#: The source files that make each per-document result, as folders or files under ``pipelines/``: every
#: ``.py`` file in a folder counts, so a module added to an extractor's package joins its key by itself.
#: Each extractor also reads the modules shared by all of them (``extract/*.py``) and the lexicon.
EXTRACTOR_SOURCES: dict[str, tuple[str, ...]] = {
    "segmenter": ("documents", "nlp"),
    "ingest": ("documents",),
    "actors": ("extract/actors",),
    "quotes": ("extract/quotes",),
    "figures": ("extract/figures", "extract/quotes/marks.py"),
    "events": ("extract/events",),
}
#: Tables whose extractors read the shared modules and the lexicon as well as their own package.
EXTRACTORS = frozenset({"actors", "quotes", "figures", "events"})
PACKAGE_ROOT = Path(__file__).resolve().parents[1]
#: Files in an extractor's folders that count towards its version: code and the data beside it.
SOURCE_SUFFIXES = frozenset({".py", ".yaml", ".csv"})
DEFAULT_VERSION = "1"

#: How every cache file starts: the format's name and version, then ``<kind> <key> <sha256>`` and a newline.
HEADER_PREFIX = b"pipelines-cache 1 "
#: A header is never longer than this (kinds are short names, keys and digests 64 hex digits).
MAX_HEADER_BYTES = 512
#: Damaged entries named one by one in the log, per kind and process; the rest are recomputed in silence.
NAMED_DAMAGE_PER_KIND = 5


def content_hash(text: str) -> str:
    """SHA-256 of the decoded text: the identity of a document's content, whatever its file name."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_key(*parts: object) -> str:
    """One hex key from ordered parts (content hash, versions, inputs)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def entry_digest(kind: str, key: str, payload: bytes | memoryview) -> str:
    """SHA-256 of an entry's kind, key and payload: what its header carries, so a file copied over another
    entry's fails as surely as a flipped bit."""
    h = hashlib.sha256(f"{kind}\0{key}\0".encode())
    h.update(payload)
    return h.hexdigest()


def entry_header(kind: str, key: str, payload: bytes) -> bytes:
    """The first line of a cache file: the entry it answers and its checksum; the payload follows it."""
    return b"%s%s %s %s\n" % (HEADER_PREFIX, kind.encode(), key.encode(), entry_digest(kind, key, payload).encode())


class NoHeader(ValueError):
    """A cache file without the checksum header: damaged, or written before files had one (then every
    entry of the cache is one, so only the first of each kind is named)."""


def entry_payload(kind: str, key: str, data: bytes) -> memoryview:
    """The payload of a cache file that answers ``kind``/``key`` with a matching checksum (a view, not a
    copy); ``ValueError`` saying what is wrong otherwise."""
    end = data.find(b"\n", 0, MAX_HEADER_BYTES)
    if not data.startswith(HEADER_PREFIX) or end < 0:
        raise NoHeader("no checksum header (damaged, or written by an older version)")
    fields = data[len(HEADER_PREFIX):end].split(b" ")
    if len(fields) != 3:
        raise ValueError("malformed header")
    if fields[:2] != [kind.encode(), key.encode()]:
        raise ValueError("it holds another entry, " + b"/".join(fields[:2]).decode(errors="replace"))
    payload = memoryview(data)[end + 1:]
    if fields[2] != entry_digest(kind, key, payload).encode():
        raise ValueError("checksum mismatch")
    return payload


def _source_files(name: str) -> list[Path]:
    """The files that make extractor ``name``, in path order: its entries' ``.py`` and data files and, for
    the extractors, every shared module of ``extract/`` (any file outside the four extractor packages)."""
    files: set[Path] = set()
    for entry in (PACKAGE_ROOT / e for e in EXTRACTOR_SOURCES[name]):
        files.update(p for p in entry.rglob("*") if p.suffix in SOURCE_SUFFIXES) if entry.is_dir() else files.add(entry)
    if name in EXTRACTORS:
        extract = PACKAGE_ROOT / "extract"
        own_packages = {extract / e for e in EXTRACTORS}
        files.update(p for p in extract.rglob("*.py") if not own_packages.intersection(p.parents))
    return sorted(files)


@lru_cache(maxsize=None)
def extractor_version(name: str) -> str:
    """A digest of the sources that make extractor ``name`` and, for the extractors, of their lexicon.

    Editing any of them changes the version, so a stale entry can never leak
    into a release.
    """
    h = hashlib.sha256()
    for path in _source_files(name):
        label = path.relative_to(PACKAGE_ROOT) if path.is_relative_to(PACKAGE_ROOT) else path
        h.update(str(label).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    if name in EXTRACTORS:
        from pipelines.extract import lexicon

        h.update(lexicon.digest().encode("ascii"))
    return f"{DEFAULT_VERSION}+{h.hexdigest()[:16]}"


#: Entries of one kind read together are packed into at least this many files, by the first digits of their key,
PACK_GROUPS = 32
#: and into twice as many each time the keys outgrow this many entries per pack.
PACK_ENTRIES = 32


def pack_group_count(n_keys: int) -> int:
    """How many packs ``n_keys`` entries are split into: ``PACK_GROUPS``, doubled until a pack holds about
    ``PACK_ENTRIES``.

    Why grow: a new document's key changes one pack, which is then read entry
    by entry and packed again, so a pack's size is what an incremental build
    pays per kind of entry. Doubling only when the corpus doubles keeps every
    pack valid in between (crossing a power of two repacks everything once).
    """
    groups = PACK_GROUPS
    while groups * PACK_ENTRIES < n_keys:
        groups *= 2
    return groups


def pack_groups(keys: list[str]) -> list[list[str]]:
    """Distinct keys in their pack groups (by their first digits), each sorted: what one pack holds."""
    distinct = sorted(set(keys))
    count = pack_group_count(len(distinct))
    groups: dict[int, list[str]] = {}
    for key in distinct:
        groups.setdefault(int(key[:6], 16) % count, []).append(key)
    return list(groups.values())


def keyed_frame(key: str, frame: pl.DataFrame) -> pl.DataFrame:
    """One entry's rows as ``get_frames`` gives them: its key in ``_key``, its row number in ``_pos``."""
    import polars as pl

    return frame.select(pl.lit(key).alias("_key"), pl.int_range(pl.len(), dtype=pl.Int64).alias("_pos"), pl.all())


#: Damaged entries seen by this process, per kind and whether they lacked a header (``ContentCache.damaged``).
_DAMAGED: Counter[tuple[str, bool]] = Counter()


def _log() -> logging.Logger:
    """Dagster's logger: inside a step its messages join the run's log (and the console); outside, stderr."""
    import dagster as dg

    return dg.get_dagster_logger("pipelines.cache")


class ContentCache:
    """Bytes (or pickled objects) per ``(kind, key)`` under ``root/kind/ab/abcdef...``.

    ``root=None`` disables caching: every lookup misses and nothing is written,
    which is how a cold build is forced.
    """

    def __init__(self, root: Path | str | None) -> None:
        self.root: Path | str | None = None
        self._store = None
        if root is not None:
            self._store = store_at(root)
            self.root = self._store.location

    @staticmethod
    def key_path(kind: str, key: str) -> str:
        """Where an entry lives under the cache's root: ``kind/ab/abcdef…``."""
        return f"{kind}/{key[:2]}/{key}"

    def path(self, kind: str, key: str) -> Path:
        """The local file of an entry (a cache in a local folder only)."""
        assert isinstance(self._store, LocalStore)
        return self._store.path(self.key_path(kind, key))

    def has(self, kind: str, key: str) -> bool:
        return self._store is not None and self._store.exists(self.key_path(kind, key))

    def present(self, kind: str, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` have an entry: one folder listing per key prefix, not one lookup per key
        (a rebuild of a large corpus asks this for every document)."""
        if self._store is None:
            return set()
        by_prefix: dict[str, set[str]] = {}
        for key in keys:
            by_prefix.setdefault(key[:2], set()).add(key)
        found: set[str] = set()
        for wanted in by_prefix.values():
            folder = self.key_path(kind, next(iter(wanted))).rsplit("/", 1)[0]  # the layout stays ``key_path``'s alone
            found.update(wanted.intersection(self._store.names(folder)))
        return found

    def get(self, kind: str, key: str) -> bytes | None:
        """The payload stored for ``(kind, key)``, or ``None`` on a miss or a damaged file (``read``)."""
        payload = self.read(kind, key)
        return None if payload is None else payload.tobytes()

    def read(self, kind: str, key: str) -> memoryview | None:
        """The payload stored for ``(kind, key)`` as a view of the bytes read, checked against the header.

        ``None`` on a miss, and for a file that does not answer this entry
        with a matching checksum: that file is logged (``damaged``) and
        removed, so its entry is computed and stored again.
        """
        if self._store is None:
            return None
        try:
            data = self._store.read(self.key_path(kind, key))
        except FileNotFoundError:
            return None
        except OSError as exc:  # a folder in its place, an unreadable block: a miss, never a crash
            self.damaged(kind, key, f"unreadable ({exc.strerror or exc})")
            return None
        try:
            return entry_payload(kind, key, data)
        except ValueError as exc:
            self.damaged(kind, key, str(exc), headerless=isinstance(exc, NoHeader))
            return None

    def damaged(self, kind: str, key: str, reason: str, headerless: bool = False) -> None:
        """Log a damaged entry and remove its file, so the entry is recomputed. Only the first
        ``NAMED_DAMAGE_PER_KIND`` of a kind are named, and the first ``headerless`` one (``NoHeader``)."""
        where = self._store.url(self.key_path(kind, key)) if self._store is not None else key
        try:
            if self._store is not None:
                self._store.remove(self.key_path(kind, key))
        except OSError:
            pass
        seen = _DAMAGED[kind, headerless] = _DAMAGED[kind, headerless] + 1
        limit = 1 if headerless else NAMED_DAMAGE_PER_KIND
        if seen <= limit:
            further = f"; further such entries of kind {kind!r} are recomputed without a message" if seen == limit else ""
            _log().warning(f"cache entry {kind}/{key} is damaged: {reason}; computing it again ({where}){further}")

    def put(self, kind: str, key: str, data: bytes) -> None:
        """Store ``data`` under its checksum header, atomically (``object_store``: a local file is written aside
        and renamed into place, an object is visible once complete)."""
        if self._store is None:
            return
        self._store.write(self.key_path(kind, key), entry_header(kind, key, data) + data)

    def get_object(self, kind: str, key: str) -> object | None:
        """A pickled entry, or ``None`` on a miss or an unreadable entry (then it is recomputed)."""
        data = self.read(kind, key)
        if data is None:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # a truncated or foreign file is a miss, never a crash
            return None

    def get_objects(self, kind: str, keys: list[str]) -> dict[str, object]:
        """Many entries at once: hits by key (misses left out), read through packs.

        Why packs: a warm rebuild of a large corpus reads every document's
        entries back, and one file per entry made that thousands of small
        reads. Keys are grouped by their first digits; a group whose entries
        are all present is written as one pack, keyed by the group's keys, and
        read back whole next time. A new document changes one group's keys,
        so only that group is read entry by entry (and packed again).
        """
        if self.root is None:
            return {}
        out: dict[str, object] = {}
        for members in pack_groups(keys):
            pack_key = make_key("pack", kind, *members)
            pack = self.get_object(f"{kind}.packs", pack_key)
            if isinstance(pack, dict) and pack.keys() == set(members):
                out.update(pack)
                continue
            if pack is not None:
                self.damaged(f"{kind}.packs", pack_key, "its keys are not those of its group")
            found = {k: v for k in members if (v := self.get_object(kind, k)) is not None}
            out.update(found)
            if len(found) == len(members):
                self.put_object(f"{kind}.packs", pack_key, found)
        return out

    def put_object_packs(self, kind: str, keys: list[str], values: dict[str, object]) -> int:
        """Write the pack of every group of ``keys`` that has none yet and whose entries are all in ``values``,
        as ``get_objects`` would once it had read them back; returns how many were written.

        Why: ``get_objects`` packs only groups whose entries it finds stored,
        so the entries a run made (every document's, in a full build) were
        read back one by one by the next run before being packed. Given what
        it just made, a run packs it now.
        """
        if self.root is None:
            return 0
        written = 0
        for members in pack_groups(keys):
            pack_key = make_key("pack", kind, *members)
            if all(k in values for k in members) and not self.has(f"{kind}.packs", pack_key):
                self.put_object(f"{kind}.packs", pack_key, {k: values[k] for k in members})
                written += 1
        return written

    def get_frames(self, kind: str, keys: list[str], to_frame: Callable[[list], pl.DataFrame]
                   ) -> tuple[pl.DataFrame | None, set[str]]:
        """Many pickled entries at once as one polars frame, read through packs of frames; and the keys found.

        Why: a rebuild reads every document's actor candidates back, hundreds
        of thousands of small objects, and unpickling them was most of the
        cost. Entries are grouped as in ``get_objects``; a complete group is
        stored again as one Arrow IPC file (``<kind>.frames``) keyed by its
        members, which reads back as columns in milliseconds. Entries are
        lists (anything else is a miss); ``to_frame(items)`` makes one row per
        item, each tagged with its entry's key in ``_key`` and its place in the
        entry in ``_pos``. A new document changes one group only, whose entries
        are read one by one, converted in one call and packed again. The frame
        is ``None`` when no entry was found (an empty frame has no schema to give).
        """
        import polars as pl

        if self.root is None:
            return None, set()
        frames, found = [], set()  # Arrow tables (packs read back) and polars frames (groups packed now), in order
        for members in pack_groups(keys):
            pack_key = make_key("frame-pack", kind, *members)
            table = self._frame_pack(f"{kind}.frames", pack_key, members)
            if table is not None:  # kept as Arrow: one conversion to polars at the end (_one_frame)
                frames.append(table)
                found.update(members)
                continue
            entries = {k: v for k in members if isinstance(v := self.get_object(kind, k), list)}
            if not entries:
                continue
            found.update(entries)
            # one conversion for the whole group: its entries' items in key order, tagged with key and position
            pack = to_frame([item for v in entries.values() for item in v]).select(
                pl.Series("_key", [k for k, v in entries.items() for _ in v], dtype=pl.String),
                pl.Series("_pos", [i for v in entries.values() for i in range(len(v))], dtype=pl.Int64),
                pl.all())
            frames.append(pack)
            if len(entries) == len(members):
                buf = io.BytesIO()
                pack.write_ipc(buf, compression="uncompressed")
                self.put(f"{kind}.frames", pack_key, buf.getvalue())
        return (_one_frame(frames) if frames else None), found

    def _frame_pack(self, kind: str, pack_key: str, members: list[str]) -> pa.Table | None:
        """A frame pack as an Arrow table, or ``None``: a miss, a damaged file (``read``), or rows tagged
        with a key that is not one of ``members`` (the pack answers other entries; then it is ``damaged``)."""
        data = self.read(kind, pack_key)
        if data is None:
            return None
        try:
            table = read_arrow_ipc(data)
            tags = set(table.column("_key").unique().to_pylist())
        except Exception as exc:  # checked bytes that are no frame pack (another writer's format): a miss
            self.damaged(kind, pack_key, f"not a frame pack ({type(exc).__name__})")
            return None
        if not tags.issubset(members):
            self.damaged(kind, pack_key, f"{len(tags.difference(members))} of its keys belong to other entries")
            return None
        return table

    def put_frame_packs(self, kind: str, keys: list[str], present: set[str], rows: pl.DataFrame) -> int:
        """Write the frame pack of every group of ``keys`` that has none yet and whose entries are all in
        ``present``, from ``rows`` (their rows, ``_key``/``_pos`` tagged as ``get_frames`` gives them);
        returns how many were written.

        Why: ``get_frames`` packs only groups whose entries it finds stored,
        so entries computed in this run were packed by the next run, which
        first read every one of them back: after a full build, all of them,
        and after every rebuild, the groups its new documents joined. The
        rows a run just made are packed here.
        """
        import polars as pl

        if self.root is None or not keys:
            return 0
        todo = {}
        for members in pack_groups(keys):
            pack_key = make_key("frame-pack", kind, *members)
            if all(m in present for m in members) and not self.has(f"{kind}.frames", pack_key):
                todo[pack_key] = members
        if not todo:
            return 0
        group_of = pl.DataFrame({"_key": [m for ms in todo.values() for m in ms],
                                 "_pack": [k for k, ms in todo.items() for _ in ms]},
                                schema={"_key": pl.String, "_pack": pl.String})
        tagged = rows.join(group_of, on="_key", how="inner").sort("_key", "_pos")
        packs = tagged.partition_by("_pack", as_dict=True, include_key=False, maintain_order=True)
        empty = rows.clear()
        for pack_key in todo:
            buf = io.BytesIO()
            packs.get((pack_key,), empty).write_ipc(buf, compression="uncompressed")
            self.put(f"{kind}.frames", pack_key, buf.getvalue())
        return len(todo)

    def put_object(self, kind: str, key: str, value: object) -> None:
        """Store a picklable value; a value that cannot be pickled is simply not cached."""
        if self.root is None:
            return
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            return
        self.put(kind, key, data)


def read_arrow_ipc(data: bytes) -> pa.Table:
    """An Arrow IPC file's bytes as an Arrow table, read by pyarrow, whose reader costs far less per file than
    polars' ``read_ipc`` (a rebuild reads hundreds of small files)."""
    import pyarrow as pa
    import pyarrow.ipc as ipc

    return ipc.open_file(pa.py_buffer(data)).read_all()


def _one_frame(parts: list) -> pl.DataFrame:
    """Arrow tables and polars frames of one schema as one polars frame, in order (Arrow concatenated first:
    one conversion to polars, not one per pack). Frames only (a cold cache: nothing was packed yet) are
    concatenated as they are, without a round trip through Arrow and its copies."""
    import polars as pl
    import pyarrow as pa

    if all(isinstance(p, pl.DataFrame) for p in parts):
        return pl.concat(parts, how="vertical")
    tables = [p.to_arrow() if isinstance(p, pl.DataFrame) else p for p in parts]
    try:
        return pl.from_arrow(pa.concat_tables(tables))
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # schemas that Arrow will not stack: polars' own rules decide
        return pl.concat([pl.from_arrow(t) for t in tables], how="vertical")


def cache_for(warehouse: Path | str, enabled: bool = True) -> ContentCache:
    """The cache under ``warehouse`` (a local folder or a storage URL: ``cache/`` under it; ``Settings.cache_enabled``);
    ``enabled=False`` gives one that stores nothing."""
    return ContentCache(join(warehouse, CACHE_DIR) if enabled else None)
