"""DOCX files: paragraphs and table rows in order, the title property, clear errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from accord.errors import IngestError
from accord.ingest import load_document

from .conftest import MakeDocx
from .samples import ENGLISH


def docx_error(path: Path) -> str:
    with pytest.raises(IngestError) as caught:
        load_document(path)
    assert str(caught.value).startswith(f"{path}: ")
    return caught.value.problem


def test_load_document_docx_paragraphs_and_table(make_docx: MakeDocx) -> None:
    path = make_docx(
        "statement.docx",
        ["Joint statement", "", f"ISLAMABAD: {ENGLISH}", "   "],
        title="Joint statement of the 10th session",
        table=[["Item", "Owner", "Due"], ["Pilot train", "Railways", "2026"]],
    )
    document = load_document(path)
    assert document.kind == "docx"
    assert document.text == (
        f"Joint statement\n\nISLAMABAD: {ENGLISH}\n\n"
        "Item | Owner | Due\n\nPilot train | Railways | 2026"
    )
    assert document.title == "Joint statement of the 10th session"


def test_load_document_docx_merged_cells_appear_once(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(ENGLISH)
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Energy and trade"
    table.cell(0, 2).text = "2026"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert load_document(path).text.endswith("\n\nEnergy and trade | 2026")


def test_load_document_docx_without_title_property(make_docx: MakeDocx) -> None:
    assert load_document(make_docx("plain.docx", [ENGLISH])).title is None


def test_load_document_docx_empty_is_error(make_docx: MakeDocx) -> None:
    assert docx_error(make_docx("empty.docx", ["", "  "])) == (
        "empty document (the DOCX holds no text)"
    )


def test_load_document_docx_damaged_package_is_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("hello.txt", "not a word document")
    assert docx_error(path).startswith("damaged DOCX (")


def test_load_document_docx_truncated_is_error(make_docx: MakeDocx, tmp_path: Path) -> None:
    good = make_docx("good.docx", [ENGLISH])
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good.read_bytes()[:2000])
    assert docx_error(truncated).startswith("damaged DOCX (")


def test_load_document_old_word_file_is_error(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert docx_error(path) == "an old Word (.doc) file, not .docx; save it as .docx"


def test_load_document_docx_not_a_zip_is_error(tmp_path: Path) -> None:
    path = tmp_path / "text.docx"
    path.write_text(ENGLISH, encoding="utf-8")
    assert docx_error(path) == "not a DOCX file (not a zip package)"
