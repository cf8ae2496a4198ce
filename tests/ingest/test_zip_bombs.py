"""Zip bombs dressed as DOCX: refused from the central directory, before anything expands."""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.errors import IngestError
from accord.ingest import load_document
from accord.ingest.zip_archives import MAX_MEMBERS

from .conftest import MakeDocx

MB = 1024 * 1024


def _bomb(path: Path, expanded_mb: int = 300) -> Path:
    """A real DOCX whose document.xml holds ``expanded_mb`` MB of spaces (well under 1 MB)."""
    real = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("The two sides agreed to open a laboratory by 2027.")
    document.save(real)
    with (
        zipfile.ZipFile(real) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package,
    ):
        for member in source.infolist():
            if member.filename != "word/document.xml":
                package.writestr(member, source.read(member))
        with package.open("word/document.xml", "w") as xml:
            xml.write(
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                b"<w:body><w:p><w:r><w:t>"
            )
            chunk = b" " * MB
            for _ in range(expanded_mb):
                xml.write(chunk)
            xml.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def _problem(path: Path) -> str:
    with pytest.raises(IngestError) as caught:
        load_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return caught.value.problem


def test_zip_bomb_docx_is_refused_before_it_expands(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "bomb.docx")
    assert path.stat().st_size < MB
    tracemalloc.start()
    try:
        problem = _problem(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert re.search(r"expands to 30\d MB", problem) and "zip bomb" in problem
    assert peak < 5 * MB


def test_a_member_that_expands_too_many_times_is_refused(tmp_path: Path) -> None:
    problem = _problem(_bomb(tmp_path / "dense.docx", expanded_mb=20))
    assert "'word/document.xml' expands" in problem and "zip bomb" in problem


def test_a_package_of_too_many_members_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as package:
        for n in range(MAX_MEMBERS + 1):
            package.writestr(f"word/part{n}.xml", "<p/>")
    assert f"holds {MAX_MEMBERS + 1:,} files" in _problem(path)


def test_a_real_docx_still_loads(make_docx: MakeDocx) -> None:
    path = make_docx("fine.docx", ["The two sides agreed to open a laboratory by 2027."])
    assert "laboratory" in load_document(path).text


def test_extract_cli_names_the_bomb_on_one_line(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "bomb.docx")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert f"error: {path}: DOCX package expands to 30" in result.output
