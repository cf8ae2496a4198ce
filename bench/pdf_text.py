"""Extraction from PDF renderings of the real texts, next to extraction from the plain texts.

    .venv/bin/python bench/pdf_text.py [--split dev|holdout]

Each real development text (local copies; see tests/data/real/README.md) is
printed as a two-column, hyphenated A5 PDF with a running header and page
numbers (tests/ingest/pdf_layout.py), loaded back through Accord's PDF reader
and scored against the same gold. The target: commitments F1 from PDF within
0.03 of the plain text. Not a speed benchmark.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.ingest.pdf_layout import render_two_columns  # noqa: E402

from accord.extract.evaluate import evaluate_many  # noqa: E402
from accord.extract.gold_sets import read_manifest, texts_folder  # noqa: E402

REAL = ROOT / "tests" / "data" / "real"


def pdf_set(folder: Path, ids: list[str]) -> list[Path]:
    """Gold files whose sources are PDF renderings of the local texts."""
    (folder / "gold").mkdir()
    (folder / "pdf").mkdir()
    paths = []
    for doc_id in ids:
        text = (texts_folder() / f"{doc_id}.txt").read_text(encoding="utf-8")
        render_two_columns(text, folder / "pdf" / f"{doc_id}.pdf")
        gold = json.loads((REAL / "gold" / f"{doc_id}.gold.json").read_text(encoding="utf-8"))
        gold["source_file"] = f"pdf/{doc_id}.pdf"
        for sentence in gold.get("sentences", []):
            anchor = sentence.get("anchor")
            if anchor:  # reflowed text has single spaces where the page had line breaks
                sentence["anchor"] = {k: " ".join(v.split()) for k, v in anchor.items()}
        path = folder / "gold" / f"{doc_id}.gold.json"
        path.write_text(json.dumps(gold), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "holdout"], default="dev")
    args = parser.parse_args()
    ids = sorted(i for i, e in read_manifest(REAL).items() if e.split == args.split)
    ids = [i for i in ids if (texts_folder() / f"{i}.txt").is_file()]
    if not ids:
        sys.exit(f"no local texts in {texts_folder()} (see tests/data/real/README.md)")
    plain = evaluate_many([REAL / "gold" / f"{i}.gold.json" for i in ids])
    with tempfile.TemporaryDirectory() as tmp:
        printed = evaluate_many(pdf_set(Path(tmp), ids))
    print(f"{len(ids)} {args.split} texts; PDF gold files that failed: {len(printed.failures)}")
    for failure in printed.failures:
        print(f"  {failure.error}")
    rows = [
        ("commitments F1", lambda r: r.overall.micro.commitments.matches.f1),
        ("signed agreements F1", lambda r: r.overall.micro.agreements.signed.f1),
        ("planned agreements F1", lambda r: r.overall.micro.agreements.planned.f1),
        ("co-chair F1", lambda r: r.overall.micro.meeting.co_chairs.f1),
        ("meeting fields", lambda r: r.overall.micro.meeting.fields_correct.value),
    ]
    print(f"{'figure':24} {'plain':>8} {'pdf':>8} {'pdf - plain':>12}")
    for name, figure in rows:
        a, b = figure(plain), figure(printed)
        if a is None or b is None:
            print(f"{name:24} {a!s:>8} {b!s:>8}")
            continue
        print(f"{name:24} {a:8.3f} {b:8.3f} {b - a:+12.3f}")


if __name__ == "__main__":
    main()
