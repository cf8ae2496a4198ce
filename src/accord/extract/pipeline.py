"""The extractor registry and the one entry point: `extract(document)`."""

from __future__ import annotations

from accord.core.documents import SourceDocument
from accord.core.records import DocumentInfo, Extraction, ExtractorInfo

DEFAULT_EXTRACTOR = "accord.rules.v1"


def extract(document: SourceDocument, extractor: str = DEFAULT_EXTRACTOR) -> Extraction:
    """Extract the grounded record of one loaded document."""
    return Extraction(
        document=DocumentInfo(
            id=document.id,
            title=document.title,
            outlet=document.outlet,
            url=document.url,
            published=document.published,
            language=document.language,
            text_sha256=document.sha256,
        ),
        extractor=ExtractorInfo(name=extractor, version="0.1.0"),
    )
