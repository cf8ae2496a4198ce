"""Word (.docx) files: body paragraphs and table rows in document order, through python-docx."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from accord.errors import IngestError
from accord.ingest.found_metadata import FoundMetadata, clean_value
from accord.ingest.loaded_text import LoadedText, join_blocks
from accord.ingest.metadata_patterns import metadata_patterns
from accord.ingest.zip_archives import check_zip_package

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
# Cells of one table row, as one line of text.
CELL_SEPARATOR = " | "


def read_docx(data: bytes, source: str) -> LoadedText:
    """Non-empty paragraphs separated by blank lines; each table row as one line of cells."""
    if data.startswith(_OLE_MAGIC):
        raise IngestError(source, "an old Word (.doc) file, not .docx; save it as .docx")
    if not data.startswith(_ZIP_MAGIC):
        raise IngestError(source, "not a DOCX file (not a zip package)")
    check_zip_package(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_block_texts(document.iter_inner_content()))
        title = document.core_properties.title
    # A damaged package fails in zipfile, lxml or python-docx alike; each means the same.
    except Exception as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise IngestError(source, f"damaged DOCX ({reason})") from exc
    text = join_blocks(blocks)
    if not text:
        raise IngestError(source, "empty document (the DOCX holds no text)")
    title = clean_value(title)
    if title is not None and metadata_patterns().is_placeholder_title(title):
        title = None
    return LoadedText(text=text, metadata=FoundMetadata(title=title))


def _block_texts(blocks: Iterator[Paragraph | Table]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        else:
            yield from (_row_text(row.cells) for row in block.rows)


def _row_text(cells: tuple[_Cell, ...]) -> str:
    texts: list[str] = []
    previous: _Cell | None = None
    for cell in cells:
        # A merged cell is repeated for every column it spans.
        if cell is not previous:
            text = " ".join(" ".join(_block_texts(cell.iter_inner_content())).split())
            if text:
                texts.append(text)
        previous = cell
    return CELL_SEPARATOR.join(texts)
