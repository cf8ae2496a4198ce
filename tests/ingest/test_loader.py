"""Loading many files: iter_documents yields each document or its error, in order."""

from __future__ import annotations

from pathlib import Path

from accord.core.documents import SourceDocument, text_sha256
from accord.errors import IngestError
from accord.ingest import MetadataOverrides, iter_documents, load_document

from .samples import ENGLISH


def test_iter_documents_yields_documents_and_errors_in_order(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    other = tmp_path / "other.md"
    other.write_text("Second document.", encoding="utf-8")

    results = list(iter_documents([good, empty, other], MetadataOverrides(outlet="Dawn")))

    assert [path for path, _ in results] == [good, empty, other]
    first, second, third = (result for _, result in results)
    assert isinstance(first, SourceDocument)
    assert first.outlet == "Dawn"
    assert isinstance(second, IngestError)
    assert str(second) == f"{empty}: empty file"
    assert isinstance(third, SourceDocument)
    assert third.text == "Second document."


def test_load_document_id_and_hash_follow_the_text(tmp_path: Path) -> None:
    path = tmp_path / "hash.txt"
    path.write_text(f"---\ntitle: T\n---\n{ENGLISH}", encoding="utf-8")
    document = load_document(path)
    assert document.sha256 == text_sha256(ENGLISH)
    assert document.id == f"doc-{text_sha256(ENGLISH)[:16]}"
    assert document.language == "en"
