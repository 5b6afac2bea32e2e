"""From a file's bytes to its text: UTF-8 first, byte-order marks honoured, legacy encodings line by line.

Contract: ``decode_text(raw)`` returns a ``Decoded`` (the text, its encoding
and what was done to it) or raises ``ValueError`` with the reason the bytes
are not an article; ``decode(raw)`` is its ``(text, encoding)``. Why here:
every offset the dataset publishes indexes this text, so it is decoded one
way, in one place.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ftfy

#: What the second byte of a UTF-8 sequence becomes when read as Windows-1252 or latin-1: U+0080-U+00BF and
#: Windows-1252's own letters for 0x80-0x9F.
_CONTINUATIONS = [chr(c) for c in range(0x80, 0xC0)] + list("\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                                                             "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020"
                                                             "\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
#: The shape of mojibake in a text's UTF-8 bytes: a letter that starts a UTF-8 sequence (U+00C2-U+00EF, written
#: 0xC3 0x82-0xAF), read as Windows-1252 or latin-1, then one that continues it ("Ã©" for "é", "â€™" for "’").
#: Searched in bytes, where the fixed first byte makes it fast, before ftfy (much slower) is asked.
_MOJIBAKE_HINT = re.compile(rb"\xc3[\x82-\xaf](?:" + b"|".join(re.escape(c.encode()) for c in _CONTINUATIONS) + b")")


@dataclass(frozen=True)
class Decoded:
    """A file's text and how it was read."""

    text: str
    #: "utf-8", "utf-16", "utf-32", "cp1252" or "latin-1"; "utf-8+cp1252" or "utf-8+latin-1" when only some
    #: lines of a UTF-8 file are in the legacy encoding
    encoding: str
    legacy_lines: int = 0  #: lines of a UTF-8 file that were not UTF-8 (decoded as the legacy encoding)
    repaired_lines: int = 0  #: lines whose mojibake was repaired (text that had been decoded wrongly before)


def decode(raw: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of ``decode_text``."""
    decoded = decode_text(raw)
    return decoded.text, decoded.encoding


def decode_text(raw: bytes) -> Decoded:
    """Decode file bytes.

    UTF-8 is tried first and kept byte-faithful (a BOM stays as U+FEFF so
    offsets match a plain UTF-8 decode of the file); UTF-32/UTF-16 with a BOM
    are read as such. A file that is not UTF-8 as a whole is read line by
    line: lines that are UTF-8 stay UTF-8 and the others are read as
    Windows-1252, or latin-1 where Windows-1252 leaves a byte undefined, so
    one pasted latin-1 line does not turn every "é" of a UTF-8 article into
    "Ã©". Windows-1252 comes before latin-1 because "ANSI" files from
    Windows put curly quotes and dashes in 0x80-0x9F, which latin-1 would
    turn into invisible control characters; a text without such bytes
    decodes identically either way and is called latin-1. Lines that were
    already mojibake in the file are repaired with ftfy (encoding fixes
    only: quotes, HTML entities and line breaks are left as they are).
    Raises ``ValueError`` for data that is not text at all (NUL bytes
    without a UTF-16/32 BOM, or mostly control characters).
    """
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        decoded = Decoded(_decode_with_bom(raw, "utf-32"), "utf-32")
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        decoded = Decoded(_decode_with_bom(raw, "utf-16"), "utf-16")
    elif b"\x00" in raw:
        raise ValueError("binary content (NUL bytes) is not a text article")
    else:
        try:
            decoded = Decoded(raw.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            decoded = _decode_lines(raw)
    text = decoded.text
    if decoded.encoding != "utf-8" and _controls(text) > len(text) // 100:
        label = decoded.encoding.split("+")[-1]
        raise ValueError(f"undecodable bytes: neither UTF-8 nor {label} text (too many control characters)")
    repaired, n_repaired = repair_mojibake(text)
    return Decoded(repaired, decoded.encoding, decoded.legacy_lines, n_repaired) if n_repaired else decoded


def _controls(text: str) -> int:
    """How many control characters other than line breaks and tabs ``text`` holds."""
    return sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\r\n\t")


def _decode_lines(raw: bytes) -> Decoded:
    """A file that is not UTF-8 as a whole: each line as UTF-8 if it is, else in the legacy encoding."""
    lines = raw.split(b"\n")
    texts: list[str] = []
    utf8 = 0
    legacy: list[int] = []
    for i, line in enumerate(lines):
        try:
            texts.append(line.decode("utf-8"))
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            texts.append(_legacy(line))
            legacy.append(i)
    codec = "cp1252" if _is_cp1252(raw) else "latin-1"
    if not utf8:  # a legacy file as a whole: its UTF-8-looking lines too are read the legacy way
        return Decoded(_legacy(raw), codec)
    codec = "cp1252" if any(_is_cp1252(lines[i]) for i in legacy) else "latin-1"
    return Decoded("\n".join(texts), f"utf-8+{codec}", legacy_lines=len(legacy))


def _is_cp1252(raw: bytes) -> bool:
    """True when the bytes use Windows-1252's own range (0x80-0x9F) and decode as Windows-1252."""
    if not any(0x80 <= b <= 0x9F for b in raw):
        return False
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _legacy(raw: bytes) -> str:
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def repair_mojibake(text: str) -> tuple[str, int]:
    """``text`` with its mojibake lines repaired by ftfy, and how many lines changed.

    Only lines showing the shape of mojibake are given to ftfy, which
    changes a line only when it is confident the line was decoded wrongly.
    """
    if not _may_hold_mojibake(text):
        return text, 0
    import ftfy

    lines = text.splitlines(keepends=True)
    changed = 0
    for i, line in enumerate(lines):
        if _may_hold_mojibake(line):
            fixed = ftfy.fix_text(line, _ftfy_config())
            if fixed != line:
                lines[i] = fixed
                changed += 1
    return ("".join(lines), changed) if changed else (text, 0)


def _may_hold_mojibake(text: str) -> bool:
    """True when ``text`` shows the shape of mojibake (``_MOJIBAKE_HINT``); most articles are ASCII or have no
    letter of U+00C0-U+00FF at all, and are passed at once."""
    if text.isascii():
        return False
    raw = text.encode("utf-8", "surrogatepass")
    return b"\xc3" in raw and _MOJIBAKE_HINT.search(raw) is not None


@lru_cache(maxsize=1)
def _ftfy_config() -> ftfy.TextFixerConfig:
    """ftfy's encoding repairs only: the text keeps its quotes, entities, widths, line breaks and controls."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
        normalization=None, explain=False,
    )


def _decode_with_bom(raw: bytes, codec: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        raise ValueError(f"undecodable bytes: {codec.upper()} byte-order mark but invalid {codec.upper()}") from None


#: Characters that reorder text on screen (bidirectional embeddings, overrides and isolates): a title holding
#: them can show other words than it contains.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Line and field breaks: a space in a one-line field.
_BREAKS = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029")


def strip_controls(value: str, multiline: bool = False) -> str:
    """``value`` without control characters (NUL, escapes, bidirectional overrides), for metadata fields.

    Breaks and tabs become spaces in a one-line field; a ``multiline`` field
    keeps its line breaks (as ``\\n``) and tabs. Why: a metadata field ends up
    in CSV, Parquet, HTML and Markdown, where a NUL or an escape sequence is
    at best garbage and at worst changes what a reader sees.
    """
    if value.isprintable():  # no control, format or separator character other than the space: nothing to do
        return value
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for c in value:
        if multiline and c in "\n\t":
            out.append(c)
        elif c in _BREAKS:
            out.append(" ")
        elif unicodedata.category(c) != "Cc" and c not in _BIDI_CONTROLS:
            out.append(c)
    return "".join(out)
