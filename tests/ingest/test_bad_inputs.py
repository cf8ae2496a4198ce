"""Inputs that cannot be loaded: each an IngestError naming the file and the reason."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from accord.errors import IngestError
from accord.ingest import LoadOptions, load_document

from .samples import ENGLISH, FRENCH


def load_error(path: Path, options: LoadOptions | None = None) -> str:
    with pytest.raises(IngestError) as caught:
        load_document(path, options=options)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert caught.value.source == str(path)
    return caught.value.problem


def test_load_document_empty_file_is_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert load_error(path) == "empty file"


def test_load_document_whitespace_only_is_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text(" \n\t\r\n  \n", encoding="utf-8")
    assert "empty document (only whitespace)" in load_error(path)


def test_load_document_nul_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary file (contains NUL bytes)" in load_error(path)


def test_load_document_control_characters_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x1B, 0x7F]) * 20 + b"some text")
    assert "binary file (200 control characters)" in load_error(path)


def test_load_document_invalid_utf8_names_byte_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café in Islamabad".encode("latin-1"))
    assert load_error(path) == "not valid UTF-8 (byte 0xE9 at offset 3); save it as UTF-8"


def test_load_document_invalid_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom_latin1.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"ab\xff")
    assert "byte 0xFF at offset 5" in load_error(path)


def test_load_document_utf16_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(ENGLISH.encode("utf-16"))
    assert load_error(path) == "UTF-16 text; save it as UTF-8"


def test_load_document_file_over_default_size_limit_is_error(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as sparse:
        sparse.truncate(25_000_000)
    assert load_error(path) == "file too large (25.0 MB; the limit is 20.0 MB)"


def test_load_document_file_over_configured_size_limit_is_error(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 3_000)
    problem = load_error(path, LoadOptions(max_file_bytes=1_000))
    assert problem == "file too large (3.0 kB; the limit is 1.0 kB)"


def test_load_document_text_over_size_limit_is_error(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ENGLISH * 3, encoding="utf-8")
    problem = load_error(path, LoadOptions(max_text_chars=100))
    assert problem.startswith(f"text too large ({len(ENGLISH) * 3:,} characters; the limit is 100)")


def test_load_document_french_is_not_english(tmp_path: Path) -> None:
    path = tmp_path / "communique.txt"
    path.write_text(FRENCH, encoding="utf-8")
    assert load_error(path) == (
        "not English (detected: fr); Accord extracts English documents only"
    )


def test_load_document_language_check_can_be_turned_off(tmp_path: Path) -> None:
    path = tmp_path / "communique.txt"
    path.write_text(FRENCH, encoding="utf-8")
    document = load_document(path, options=LoadOptions(require_english=False))
    assert document.text == FRENCH


def test_load_document_short_foreign_text_is_not_judged(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Le Pakistan et la Russie.", encoding="utf-8")
    assert load_document(path).text == "Le Pakistan et la Russie."


def test_load_document_unsupported_suffix_lists_supported(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    assert load_error(path) == (
        "unsupported file type ('.csv'); supported: .txt, .md, .html, .htm, .pdf, .docx"
    )


def test_load_document_missing_file_is_error(tmp_path: Path) -> None:
    assert load_error(tmp_path / "missing.txt") == "no such file"


def test_load_document_folder_is_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert load_error(folder) == "is a folder, not a file"
