"""Follow-up suggestions against gold links: precision and recall at several thresholds.

    .venv/bin/python bench/followups.py [LINKS.json ...]

By default: the written sequence in tests/data/followups/ and the real ones in
tests/data/real/followups/ (their texts are local; see tests/data/real/README.md).

Not a speed benchmark: it prints how well restatements and progress reports
are matched to earlier commitments, so a threshold change is measured. With
ACCORD_SEMANTIC_MODEL naming an installed sentence-transformers model, the
figures include the semantic model.
"""

from __future__ import annotations

import sys
from pathlib import Path

from accord.track.followup_evaluation import evaluate_links
from accord.track.followups import DEFAULT_THRESHOLD
from accord.track.semantic import load_semantic_model

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    paths = [Path(a) for a in sys.argv[1:]] or [
        *sorted((ROOT / "tests/data/followups").glob("*.json")),
        *sorted((ROOT / "tests/data/real/followups").glob("*.links.json")),
    ]
    semantic = load_semantic_model()
    for path in paths:
        print(f"{path.name}" + (f" (with {semantic.name})" if semantic else ""))
        for threshold in (0.25, 0.3, DEFAULT_THRESHOLD, 0.4, 0.5):
            score = evaluate_links(path, threshold, semantic)
            marker = "  (default)" if threshold == DEFAULT_THRESHOLD else ""
            print(
                f"  threshold {threshold:.2f}: precision {score.precision:.2f}  recall "
                f"{score.recall:.2f}  tp {score.true_positives} fp {score.false_positives} "
                f"fn {score.false_negatives}  kind right {score.kind_correct}{marker}"
            )


if __name__ == "__main__":
    main()
