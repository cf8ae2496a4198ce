"""Checks every loaded text must pass, whatever its format: not empty, not too big, English."""

from __future__ import annotations

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from accord.errors import IngestError
from accord.ingest.options import LANGUAGE_MIN_WORDS, LANGUAGE_SAMPLE_CHARS, LoadOptions

# English at least this probable, in a text detected as mostly another language, still
# passes: a report with many foreign names or a bilingual header is still worth reading.
MIN_ENGLISH_PROBABILITY = 0.3


def check_text(text: str, source: str, options: LoadOptions) -> None:
    """Raise an IngestError naming the problem when a loaded text cannot be extracted from."""
    if not text.strip():
        raise IngestError(source, "empty document (no text)")
    if len(text) > options.max_text_chars:
        raise IngestError(
            source,
            f"text too large ({len(text):,} characters; the limit is "
            f"{options.max_text_chars:,}); split the document",
        )
    if options.require_english:
        language = detected_language(text)
        if language is not None and language != "en":
            raise IngestError(
                source,
                f"not English (detected: {language}); Accord extracts English documents only",
            )


def detected_language(text: str) -> str | None:
    """The language of the start of ``text`` ("en" for mixed texts with enough English).

    None when the text is too short to judge.
    """
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(sample.split()) < LANGUAGE_MIN_WORDS:
        return None
    DetectorFactory.seed = 0  # the same text always gives the same answer
    try:
        ranked = detect_langs(sample)
    except LangDetectException:
        return None
    if not ranked:
        return None
    english = next((lang.prob for lang in ranked if lang.lang == "en"), 0.0)
    if english >= MIN_ENGLISH_PROBABILITY:
        return "en"
    return str(ranked[0].lang)
