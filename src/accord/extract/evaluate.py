"""Scoring extractions against gold files: load each gold and its source, extract, score.

The scoring rules themselves are pure (``accord.core.extraction_scoring``); this module
does the reading: gold files, their source documents, the country names that
party names are read with, and extraction records made elsewhere (by another
tool, an older Accord, or ``accord extract`` run earlier), which are scored
instead of running an extractor.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from accord.core.documents import SourceDocument
from accord.core.extraction_scoring import locate_sentences, score_extraction
from accord.core.gold import GoldFile, parse_gold_json, resolve_anchors
from accord.core.records import SCHEMA, Extraction
from accord.core.score_sheets import DocumentScore, OverallScore, aggregate
from accord.errors import AccordError, ConfigError, GoldError
from accord.extract.gold_sets import texts_folder
from accord.extract.pipeline import DEFAULT_EXTRACTOR, extract, get_extractor
from accord.ingest import load_document
from accord.ingest.options import MetadataOverrides

EVALUATION_SCHEMA = "accord.evaluation/1"
GOLD_SUFFIX = ".gold.json"
COUNTRIES_FILE = "countries.yaml"

# Used only while the gazetteer (extract/data/countries.yaml) is missing.
FALLBACK_COUNTRY_NAMES: frozenset[str] = frozenset(
    {
        "Pakistan", "Pakistani", "Islamic Republic of Pakistan",
        "Russia", "Russian", "Russian Federation",
        "India", "Indian", "Republic of India",
        "China", "Chinese", "People's Republic of China",
        "Iran", "Iranian", "Islamic Republic of Iran",
        "Turkey", "Türkiye", "Turkish",
        "Uzbekistan", "Uzbek", "Kazakhstan", "Kazakh", "Azerbaijan", "Azerbaijani",
        "Afghanistan", "Afghan", "Tajikistan", "Tajik", "Turkmenistan", "Turkmen",
        "Kyrgyzstan", "Kyrgyz", "Belarus", "Belarusian",
        "Saudi Arabia", "Saudi", "United Arab Emirates", "UAE", "Emirati", "Qatar", "Qatari",
        "Egypt", "Egyptian", "Indonesia", "Indonesian", "Malaysia", "Malaysian",
        "Bangladesh", "Bangladeshi", "Sri Lanka", "Sri Lankan", "Nepal", "Nepalese",
        "United States", "US", "American", "United Kingdom", "UK", "British",
        "Germany", "German", "France", "French", "Japan", "Japanese",
    }
)  # fmt: skip


def load_country_names() -> frozenset[str]:
    """Country names, aliases and demonyms from the gazetteer, or a small built-in list."""
    source = resources.files("accord.extract") / "data" / COUNTRIES_FILE
    if not source.is_file():
        return FALLBACK_COUNTRY_NAMES
    where = f"accord/extract/data/{COUNTRIES_FILE}"
    try:
        rows = yaml.safe_load(source.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML ({exc})".replace("\n", " ")) from exc
    if not isinstance(rows, list):
        raise ConfigError(f"{where}: expected a list of countries")
    names: set[str] = set()
    for row in rows:
        if isinstance(row, Mapping):
            names |= _country_row_names(row)
    return frozenset(names) or FALLBACK_COUNTRY_NAMES


def _country_row_names(row: Mapping[object, object]) -> set[str]:
    found: set[str] = set()
    for key in ("name", "aliases", "demonyms"):
        value = row.get(key)
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, list):
            found |= {str(v) for v in value if v}
    return found


def load_gold(path: Path) -> GoldFile:
    """Read and validate one gold file; every problem is a GoldError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: the gold file is not UTF-8 text") from exc
    return parse_gold_json(text, str(path))


def source_path(gold_path: Path, gold: GoldFile) -> Path:
    """The source document: ``source_file`` is relative to the gold folder's parent.

    A source kept out of the repository (a third-party text of an anchored gold
    set) is looked up by its file name in the local texts folder instead.
    """
    beside = gold_path.absolute().parent.parent / gold.source_file
    if beside.is_file():
        return beside
    local = texts_folder() / Path(gold.source_file).name
    return local if local.is_file() else beside


def load_source(gold_path: Path, gold: GoldFile) -> SourceDocument:
    """Load the gold file's source; the gold's metadata fills only what the file lacks."""
    path = source_path(gold_path, gold)
    if not path.is_file():
        raise GoldError(f"{gold_path}: source_file {gold.source_file!r} not found at {path}")
    document = load_document(path)
    overrides = MetadataOverrides(
        published=gold.document.published if document.published is None else None,
        outlet=gold.document.outlet if document.outlet is None else None,
    )
    if overrides == MetadataOverrides():
        return document
    return load_document(path, overrides)


def load_extractions(path: Path) -> dict[str, Extraction]:
    """Read extraction records, keyed by ``document.text_sha256``.

    The file holds JSON Lines (one record a line, as ``accord extract --format
    jsonl`` writes), a JSON array of records, or one record (``--format json``).
    Every problem is a ConfigError naming the file and the line, or the item
    of an array.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            f"{path}: cannot read the extractions file ({exc.strerror or exc})"
        ) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: the extractions file is not UTF-8 text") from exc
    found: dict[str, Extraction] = {}
    where_found: dict[str, str] = {}
    for where, data in _extraction_items(text, path):
        extraction = _parse_extraction(data, f"{path}: {where}")
        sha = extraction.document.text_sha256
        if sha in found and found[sha] != extraction:
            raise ConfigError(
                f"{path}: {where}: a second, different record for text_sha256 {sha} "
                f"(the first is at {where_found[sha]})"
            )
        found[sha] = extraction
        where_found.setdefault(sha, where)
    return found


def _extraction_items(text: str, path: Path) -> Iterator[tuple[str, object]]:
    """Each record's JSON data with where it is: "line N", or "item N" of an array."""
    if not text.strip():
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = text.splitlines()
        if not any(_looks_like_object(line) for line in lines):
            # One JSON document over many lines, broken somewhere.
            raise ConfigError(
                f"{path}: line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})"
            ) from exc
        # JSON Lines: a record on each line that is not blank.
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield f"line {number}", _load_json_line(line, path, number)
        return
    if isinstance(data, list):
        for number, item in enumerate(data, start=1):
            yield f"item {number}", item
    else:
        lines = text.splitlines()
        yield f"line {next(n for n, line in enumerate(lines, start=1) if line.strip())}", data


def _looks_like_object(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("{") and stripped.endswith("}")


def _load_json_line(line: str, path: Path, number: int) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: line {number}: invalid JSON ({exc.msg})") from exc


def _parse_extraction(data: object, where: str) -> Extraction:
    if isinstance(data, Mapping) and data.get("schema", SCHEMA) != SCHEMA:
        raise ConfigError(f"{where}: schema is {data.get('schema')!r}, expected {SCHEMA!r}")
    try:
        return Extraction.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{where}: not a valid {SCHEMA} record: {_problems(exc)}") from exc


def _problems(exc: ValidationError, limit: int = 3) -> str:
    """The first few validation problems on one line, each as ``path: message``."""
    errors = exc.errors()
    parts = []
    for error in errors[:limit]:
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        parts.append(f"{where}: {error['msg']}")
    if len(errors) > limit:
        parts.append(f"and {len(errors) - limit} more")
    return "; ".join(parts).replace("\n", " ")


def evaluate_gold_file(
    path: Path,
    *,
    country_names: Collection[str] | None = None,
    extractions: Mapping[str, Extraction] | None = None,
    extractor: str = DEFAULT_EXTRACTOR,
) -> DocumentScore:
    """Score the extraction of the gold file's source document against the gold.

    With ``extractions`` (records keyed by ``document.text_sha256``, as
    ``load_extractions`` returns them), the record made from the source's text
    is scored and no extractor runs; a source without one is a ConfigError.
    Otherwise the registered extractor called ``extractor`` extracts it.
    """
    gold = load_gold(path)
    document = load_source(path, gold)
    gold = resolve_anchors(gold, document.text, str(path))
    # A gold file that does not fit its document fails before any extraction is used.
    locate_sentences(document.text, gold.sentences, str(path))
    if extractions is None:
        extraction = extract(document, extractor)
    else:
        sha = document.sha256
        found = extractions.get(sha)
        if found is None:
            raise ConfigError(
                f"{path}: no extraction record for {document.source} (text_sha256 {sha})"
            )
        extraction = found
    names = load_country_names() if country_names is None else country_names
    return score_extraction(
        document.text, gold, extraction, names, gold_name=str(path), source_name=document.source
    )


@dataclass(frozen=True)
class FailedGold:
    """A gold file that could not be scored, and why."""

    gold: str
    error: str

    def to_json_dict(self) -> dict[str, str]:
        return {"gold": self.gold, "error": self.error}


@dataclass(frozen=True)
class EvaluationReport:
    """Every gold file's score, the files that failed, and the overall figures."""

    documents: tuple[DocumentScore, ...]
    failures: tuple[FailedGold, ...]
    overall: OverallScore

    @property
    def ungrounded(self) -> tuple[DocumentScore, ...]:
        """The documents with a span that does not hold the text at its offsets."""
        return tuple(d for d in self.documents if d.sheet.grounding.share < 1.0)

    @property
    def ok(self) -> bool:
        """No failed gold file and full grounding everywhere."""
        return not self.failures and not self.ungrounded

    def to_json_dict(self) -> dict[str, object]:
        return {
            "schema": EVALUATION_SCHEMA,
            "documents": [d.to_json_dict() for d in self.documents],
            "failures": [f.to_json_dict() for f in self.failures],
            "overall": self.overall.to_json_dict(),
        }


def evaluate_many(
    paths: Iterable[Path],
    *,
    country_names: Collection[str] | None = None,
    extractions: Mapping[str, Extraction] | None = None,
    extractor: str = DEFAULT_EXTRACTOR,
) -> EvaluationReport:
    """Score each gold file; a file that fails is recorded and the others go on.

    ``extractions`` and ``extractor`` are as for ``evaluate_gold_file``; an
    unknown extractor name is a ConfigError before any file is read.
    """
    if extractions is None:
        get_extractor(extractor, ())  # the key extract() uses, so it is built once
    names = load_country_names() if country_names is None else country_names
    documents: list[DocumentScore] = []
    failures: list[FailedGold] = []
    for path in paths:
        try:
            score = evaluate_gold_file(
                path, country_names=names, extractions=extractions, extractor=extractor
            )
            documents.append(score)
        except AccordError as exc:
            message = str(exc)
            if not message.startswith(str(path)):
                message = f"{path}: {message}"
            failures.append(FailedGold(str(path), message))
    return EvaluationReport(tuple(documents), tuple(failures), aggregate(documents))
