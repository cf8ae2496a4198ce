"""SourceDocument -> grounded Extraction (`accord.extraction/1`)."""
