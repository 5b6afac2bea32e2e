"""From a file's bytes to its text: UTF-8 first, byte-order marks honoured, legacy encodings as fallbacks.

Contract: ``decode(raw)`` returns ``(text, encoding)`` or raises ``ValueError``
with the reason the bytes are not an article. Why here: every offset the
dataset publishes indexes this text, so it is decoded one way, in one place.
"""

from __future__ import annotations

import unicodedata


def decode(raw: bytes) -> tuple[str, str]:
    """Decode file bytes, returning ``(text, encoding)``.

    UTF-8 is tried first and kept byte-faithful (a BOM stays as U+FEFF so
    offsets match a plain UTF-8 decode of the file); UTF-32/UTF-16 with a BOM,
    Windows-1252 and latin-1 are the fallbacks. Windows-1252 comes before
    latin-1 because "ANSI" files from Windows put curly quotes and dashes in
    0x80-0x9F, which latin-1 would turn into invisible control characters;
    a file without such bytes decodes identically either way and is called
    latin-1. Raises ``ValueError`` for data that is not text at all (NUL
    bytes without a UTF-16/32 BOM, or mostly control characters).
    """
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text, encoding = _decode_with_bom(raw, "utf-32")
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode_with_bom(raw, "utf-16")
    elif b"\x00" in raw:
        raise ValueError("binary content (NUL bytes) is not a text article")
    else:
        try:
            return raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        try:
            text = raw.decode("cp1252")
            encoding = "cp1252" if any(0x80 <= b <= 0x9F for b in raw) else "latin-1"
        except UnicodeDecodeError:
            text, encoding = raw.decode("latin-1"), "latin-1"
    if sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\r\n\t") > len(text) // 100:
        raise ValueError(f"undecodable bytes: neither UTF-8 nor {encoding} text (too many control characters)")
    return text, encoding


def _decode_with_bom(raw: bytes, codec: str) -> tuple[str, str]:
    try:
        return raw.decode(codec), codec
    except UnicodeDecodeError:
        raise ValueError(f"undecodable bytes: {codec.upper()} byte-order mark but invalid {codec.upper()}") from None
