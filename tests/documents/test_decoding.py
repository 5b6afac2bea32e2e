"""Decoding: UTF-8 first and byte-faithful, legacy encodings as fallbacks, binary refused."""

import pytest

from pipelines.documents.decoding import decode


def test_decode_keeps_bom_so_offsets_match_plain_utf8() -> None:
    raw = "\ufeffHello “world”".encode("utf-8")
    text, enc = decode(raw)
    assert enc == "utf-8" and text == raw.decode("utf-8")


def test_decode_falls_back_to_latin1_and_utf16() -> None:
    assert decode("Café au lait".encode("latin-1")) == ("Café au lait", "latin-1")
    assert decode("Straße".encode("utf-16")) == ("Straße", "utf-16")


def test_decode_rejects_binary() -> None:
    with pytest.raises(ValueError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_windows_quotes_decode_as_cp1252() -> None:
    result = decode(b"\x93Yes,\x94 she said \x96 twice.")
    expected = ("\u201cYes,\u201d she said \u2013 twice.", "cp1252")
    assert result == expected


def test_utf32_with_a_bom_is_read() -> None:
    assert decode("Gr\u00fc\u00dfe".encode("utf-32")) == ("Gr\u00fc\u00dfe", "utf-32")


def test_a_bom_over_invalid_bytes_is_refused() -> None:
    with pytest.raises(ValueError, match="UTF-16 byte-order mark but invalid UTF-16"):
        decode(b"\xff\xfe\x00\xd8")


def test_legacy_bytes_that_are_mostly_control_characters_are_not_text() -> None:
    with pytest.raises(ValueError, match="neither UTF-8 nor latin-1 text"):
        decode(b"\xffab\x01\x02\x03\x04")
