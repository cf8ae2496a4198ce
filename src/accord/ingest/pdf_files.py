"""PDF files: the text layer of every page, through pypdf, and the title in the PDF info."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import DependencyError

from accord.errors import IngestError
from accord.ingest.found_metadata import FoundMetadata, clean_value
from accord.ingest.loaded_text import LoadedText, join_blocks
from accord.ingest.metadata_patterns import metadata_patterns
from accord.ingest.pdf_reflow import reflow_pages

# The PDF header may follow a little junk, but must come within the first kilobyte.
_HEADER_WINDOW = 1024


def read_pdf(data: bytes, source: str) -> LoadedText:
    """The text of all pages as paragraphs, pages separated by blank lines.

    Lines are reflowed into paragraphs, hyphenated words joined and running
    headers, footers and page numbers dropped (see ``pdf_reflow``).
    """
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise IngestError(source, "not a PDF file (no %PDF header)")
    reader = _open(data, source)
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.title if reader.metadata is not None else None
    # pypdf raises many kinds of error on a damaged file; each means the same to a user.
    except Exception as exc:
        raise IngestError(source, f"damaged PDF ({_reason(exc)})") from exc
    text = join_blocks(reflow_pages(pages))
    if not any(char.isalpha() for char in text):
        raise IngestError(source, "no extractable text (scanned PDF? OCR it first)")
    title = clean_value(title if isinstance(title, str) else None)
    if title is not None and metadata_patterns().is_placeholder_title(title):
        title = None
    return LoadedText(text=text, metadata=FoundMetadata(title=title))


def _open(data: bytes, source: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        readable = not reader.is_encrypted or bool(reader.decrypt(""))
    except DependencyError as exc:
        raise IngestError(source, f"encrypted PDF that cannot be decrypted here ({exc})") from exc
    except Exception as exc:
        raise IngestError(source, f"damaged PDF ({_reason(exc)})") from exc
    if not readable:
        raise IngestError(source, "encrypted PDF (a password is required to open it)")
    return reader


def _reason(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
