"""Decoding: UTF-8 first and byte-faithful, legacy encodings line by line, mojibake repaired, binary refused."""

import pytest

from pipelines.documents.decoding import Decoded, decode, decode_text, repair_mojibake


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


def test_one_latin1_line_in_a_utf8_article_is_decoded_on_its_own() -> None:
    raw = "Café talks resumed, said José Müller.\n".encode("utf-8") + "Zoë Ångström agreed.\n".encode("latin-1")
    result = decode_text(raw)
    expected = Decoded("Café talks resumed, said José Müller.\nZoë Ångström agreed.\n", "utf-8+latin-1", legacy_lines=1)
    assert result == expected


def test_a_windows_1252_line_in_a_utf8_article_keeps_its_curly_quotes() -> None:
    raw = "“Yes,” said Łukasz.\r\n".encode("utf-8") + "\x93No,\x94 said Ren\xe9e.\r\n".encode("latin-1")
    result = decode(raw)
    expected = ("“Yes,” said Łukasz.\r\n“No,” said Renée.\r\n", "utf-8+cp1252")
    assert result == expected


def test_a_legacy_file_with_only_ascii_lines_besides_is_named_by_its_legacy_encoding() -> None:
    raw = b"Plain line.\n" + "Gr\u00fc\u00dfe aus K\u00f6ln.\n".encode("latin-1")
    assert decode(raw) == ("Plain line.\nGr\u00fc\u00dfe aus K\u00f6ln.\n", "latin-1")


def test_mojibake_already_in_a_utf8_file_is_repaired_line_by_line() -> None:
    raw = "JosÃ© MÃ¼ller said â€œnoâ€\x9d.\nAn ordinary line with naïve café &amp; “quotes”.\n".encode("utf-8")
    result = decode_text(raw)
    expected = Decoded("José Müller said “no”.\nAn ordinary line with naïve café &amp; “quotes”.\n", "utf-8", repaired_lines=1)
    assert result == expected


def test_text_without_mojibake_is_returned_unchanged() -> None:
    text = "São Paulo’s mayor — “Ação” — met Åsa at 10:00 on 1 März; 5 € × 2.\r\n"
    assert repair_mojibake(text) == (text, 0)
