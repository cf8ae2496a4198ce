"""The shipped metadata patterns file: valid, and read the way the YAML says."""

from __future__ import annotations

from accord.ingest.metadata_patterns import metadata_patterns


def test_metadata_patterns_agency_lookup_ignores_case_and_spacing() -> None:
    patterns = metadata_patterns()
    assert patterns.agency_outlet("APP") == "Associated Press of Pakistan"
    assert patterns.agency_outlet("reuters") == "Reuters"
    assert patterns.agency_outlet("RIA  Novosti") == "RIA Novosti"
    assert patterns.agency_outlet("Nobody") is None


def test_metadata_patterns_placeholder_titles() -> None:
    patterns = metadata_patterns()
    assert patterns.is_placeholder_title("untitled")
    assert patterns.is_placeholder_title("Microsoft Word - protocol_final.docx")
    assert patterns.is_placeholder_title("Document1")
    assert not patterns.is_placeholder_title("Protocol of the 10th session")
