"""Extraction speed: Accord's words per second next to bare spaCy on the same texts.

The corpus is built from the development documents (tests/data/docs) and the
built-in examples, varied (country pairs, numbers, paragraph order) until it
holds ``--documents`` texts. Both sides run in this process, in turns, and the
best of ``--rounds`` is kept for each, since machines are noisy.

    .venv/bin/python bench/extract.py [--documents 300] [--rounds 2] [--workers 2]

Target: Accord keeps at least half of spaCy's throughput (the parse is the
floor cost) and its peak memory stays under 600 MB.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import tempfile
import time
from pathlib import Path

import spacy

from accord.core.documents import SourceDocument
from accord.extract.batch import extract_batch
from accord.extract.nlp import MODEL_PACKAGES, parse_text
from accord.extract.rules import RulesExtractor
from accord.ingest import load_document

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "tests" / "data" / "docs", ROOT / "src" / "accord" / "examples" / "documents"]
PAIRS = [
    ("Pakistan", "Russia"),
    ("India", "Russia"),
    ("Kazakhstan", "Uzbekistan"),
    ("Egypt", "Saudi Arabia"),
    ("Turkey", "Azerbaijan"),
    ("Brazil", "Angola"),
    ("Vietnam", "Laos"),
    ("Malaysia", "Indonesia"),
    ("Kenya", "Ethiopia"),
    ("Mongolia", "China"),
]


def build_corpus(size: int, seed: int = 7) -> list[SourceDocument]:
    """``size`` varied documents derived from the development set."""
    rng = random.Random(seed)
    originals = [
        load_document(p)
        for folder in SOURCES
        for p in sorted(folder.glob("*"))
        if p.suffix in {".txt", ".md"}
    ]
    corpus: list[SourceDocument] = []
    while len(corpus) < size:
        base = originals[len(corpus) % len(originals)]
        paragraphs = base.text.split("\n\n")
        head, rest = paragraphs[:1], paragraphs[1:]
        rng.shuffle(rest)
        text = "\n\n".join(head + rest)
        a, b = rng.choice(PAIRS)
        text = re.sub(r"\bPakistan\b", a, text)
        text = re.sub(r"\bRussia\b", b, text)
        text = re.sub(r"\b(\d{2,})\b", lambda m: str(int(m.group(1)) + rng.randint(0, 9)), text)
        corpus.append(base.model_copy(update={"text": text, "source": f"bench-{len(corpus)}"}))
    return corpus


def words(corpus: list[SourceDocument]) -> int:
    return sum(len(d.text.split()) for d in corpus)


def time_spacy(corpus: list[SourceDocument]) -> float:
    for package in MODEL_PACKAGES:
        try:
            nlp = spacy.load(package)
            break
        except OSError:
            continue
    texts = [parse_text(d.text) for d in corpus]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def time_accord(corpus: list[SourceDocument]) -> float:
    extractor = RulesExtractor()
    started = time.perf_counter()
    for _ in extractor.extract_many(corpus, batch_size=16):
        pass
    return time.perf_counter() - started


def time_accord_files(corpus: list[SourceDocument], workers: int) -> float:
    """End to end from files on disk (load + extract), with ``workers`` processes."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, document in enumerate(corpus):
            path = Path(folder) / f"doc-{i:04d}.txt"
            path.write_text(document.text, encoding="utf-8")
            paths.append(path)
        started = time.perf_counter()
        failed = sum(1 for item in extract_batch(paths, workers=workers) if item.error)
        elapsed = time.perf_counter() - started
    if failed:
        print(f"warning: {failed} documents failed to extract")
    return elapsed


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    corpus = build_corpus(args.documents)
    total = words(corpus)
    print(f"corpus: {len(corpus)} documents, {total} words")
    spacy_best = min(time_spacy(corpus) for _ in range(args.rounds))
    accord_best = min(time_accord(corpus) for _ in range(args.rounds))
    spacy_wps, accord_wps = total / spacy_best, total / accord_best
    own_mb, _ = peak_mb()
    print(f"bare spaCy nlp.pipe        : {spacy_wps:8.0f} words/s")
    print(f"Accord (parse + rules)     : {accord_wps:8.0f} words/s")
    print(f"ratio Accord / spaCy       : {accord_wps / spacy_wps:8.2f}   (target >= 0.50)")
    print(f"peak memory, one process   : {own_mb:8.0f} MB   (target < 600)")

    one = time_accord_files(corpus, 1)
    many = time_accord_files(corpus, args.workers)
    _, children_mb = peak_mb()
    print(f"files, 1 process           : {total / one:8.0f} words/s")
    print(
        f"files, {args.workers} workers           : {total / many:8.0f} words/s"
        f"   (speed-up x{one / many:.2f}; peak per worker {children_mb:.0f} MB)"
    )


if __name__ == "__main__":
    main()
