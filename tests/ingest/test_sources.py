"""Expanding source arguments: files, folders and globs to an ordered list of files."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.errors import IngestError
from accord.ingest import expand_sources


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("text", encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name in [
        "b.txt",
        "a.md",
        "notes.csv",
        "sub/c.pdf",
        "sub/deeper/d.DOCX",
        "sub/e.html",
        "sub/f.htm",
        ".hidden.txt",
        ".git/x.txt",
        "sub/~$lock.docx",
    ]:
        touch(tmp_path / "docs" / name)
    return tmp_path / "docs"


def test_expand_sources_folder_recursive_sorted_supported_only(corpus: Path) -> None:
    found = expand_sources([str(corpus)])
    assert [p.relative_to(corpus).as_posix() for p in found] == [
        "a.md",
        "b.txt",
        "sub/c.pdf",
        "sub/deeper/d.DOCX",
        "sub/e.html",
        "sub/f.htm",
    ]


def test_expand_sources_file_kept_even_if_unsupported(corpus: Path) -> None:
    assert expand_sources([str(corpus / "notes.csv")]) == [corpus / "notes.csv"]


def test_expand_sources_glob_recursive(corpus: Path) -> None:
    found = expand_sources([f"{corpus}/**/*.htm*"])
    assert found == [corpus / "sub/e.html", corpus / "sub/f.htm"]


def test_expand_sources_glob_skips_unsupported_matches(corpus: Path) -> None:
    assert expand_sources([f"{corpus}/*"]) == [
        corpus / "a.md",
        corpus / "b.txt",
        corpus / "sub/c.pdf",
        corpus / "sub/deeper/d.DOCX",
        corpus / "sub/e.html",
        corpus / "sub/f.htm",
    ]


def test_expand_sources_deduplicates_keeping_first_order(corpus: Path) -> None:
    found = expand_sources(
        [str(corpus / "sub/e.html"), str(corpus / "sub"), f"{corpus}/sub/../sub/e.html"]
    )
    assert found == [
        corpus / "sub/e.html",
        corpus / "sub/c.pdf",
        corpus / "sub/deeper/d.DOCX",
        corpus / "sub/f.htm",
    ]


def test_expand_sources_missing_path_is_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(IngestError) as caught:
        expand_sources([missing])
    assert str(caught.value) == f"{missing}: no such file or folder"


def test_expand_sources_glob_matching_nothing_is_error(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.pdf")
    with pytest.raises(IngestError) as caught:
        expand_sources([pattern])
    assert str(caught.value) == f"{pattern}: no files match this pattern"


def test_expand_sources_glob_matching_only_unsupported_is_error(corpus: Path) -> None:
    pattern = str(corpus / "*.csv")
    with pytest.raises(IngestError) as caught:
        expand_sources([pattern])
    assert str(caught.value).startswith(f"{pattern}: the pattern matches no documents (looked for")


def test_expand_sources_folder_without_documents_is_error(tmp_path: Path) -> None:
    touch(tmp_path / "empty" / "data.json")
    with pytest.raises(IngestError) as caught:
        expand_sources([str(tmp_path / "empty")])
    assert str(caught.value) == (
        f"{tmp_path / 'empty'}: no documents in this folder "
        "(looked for .txt, .md, .html, .htm, .pdf, .docx)"
    )


def test_expand_sources_no_arguments_is_empty() -> None:
    assert expand_sources([]) == []
