#!/usr/bin/env python3
"""The project's two commands, with nothing but Python 3.11 installed.

    python3 tasks.py demo   set up .venv, run Accord on its built-in examples, say where to look
    python3 tasks.py test   set up .venv, then lint, type-check and run the whole test suite
    python3 tasks.py real   score the real development set (local texts) against its minimums

`make demo` and `make test` call these.
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
OUTPUT = ROOT / "accord-output"
REAL = ROOT / "tests" / "data" / "real"
STAMP = VENV / ".accord-installed"


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    result = subprocess.run([str(a) for a in args], cwd=ROOT, env=env)
    if result.returncode != 0:
        sys.exit(result.returncode)


# System libraries and programs beyond Python: (what needs it, how to find it, Debian package).
# PDF reports (WeasyPrint) need Pango and HarfBuzz-Subset; the test suite also drives a real
# Chromium (browser tests) and renders PDF pages to images with pdftoppm.
REPORT_LIBRARIES = [
    ("PDF reports (WeasyPrint)", "pango-1.0", "libpango-1.0-0"),
    ("PDF reports (WeasyPrint)", "pangoft2-1.0", "libpangoft2-1.0-0"),
    ("PDF reports (WeasyPrint)", "harfbuzz-subset", "libharfbuzz-subset0"),
]
TEST_PROGRAMS = [
    ("browser tests (Playwright)", "/usr/bin/chromium", "chromium"),
    ("report tests (PDF pages as images)", "pdftoppm", "poppler-utils"),
]


def missing_system_packages(for_tests: bool) -> list[tuple[str, str]]:
    """(what needs it, Debian package) for each system library or program not found here."""
    missing = [
        (why, package)
        for why, library, package in REPORT_LIBRARIES
        if ctypes.util.find_library(library) is None
    ]
    if for_tests:
        missing += [
            (why, package)
            for why, program, package in TEST_PROGRAMS
            if shutil.which(program) is None and not Path(program).exists()
        ]
    return missing


def system_packages(for_tests: bool) -> None:
    """Install the Debian packages Accord needs when we may (root with apt-get), else say which."""
    missing = missing_system_packages(for_tests)
    if not missing:
        return
    packages = sorted({package for _, package in missing})
    can_install = shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0
    if can_install:
        run("apt-get", "update", "-qq")
        run("apt-get", "install", "-y", "-qq", *packages)
        missing = missing_system_packages(for_tests)
        if not missing:
            return
    print("Accord needs these system packages (Debian/Ubuntu names), not found here:")
    for why, package in missing:
        print(f"  {package:22} for {why}")
    print(f"  install them with: sudo apt-get install {' '.join(packages)}")
    print("  (without them PDF reports may fail and the browser/PDF-image tests are skipped)")


def setup() -> None:
    """Create .venv and install Accord with its model and test tools (once per pyproject change)."""
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py may be run by an older python3
        sys.exit(f"Accord needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    pyproject = (ROOT / "pyproject.toml").stat().st_mtime
    if STAMP.exists() and STAMP.stat().st_mtime >= pyproject:
        return
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-e", ".[model,postgres,dev]")
    STAMP.touch()


def demo() -> None:
    """Ingest the built-in examples into a store of their own, show what it holds, say where to look."""
    setup()
    system_packages(for_tests=False)
    OUTPUT.mkdir(exist_ok=True)
    accord = BIN / "accord"
    examples = ROOT / "src" / "accord" / "examples" / "documents"
    database = OUTPUT / "accord.sqlite3"
    records = OUTPUT / "extractions.jsonl"
    with records.open("w", encoding="utf-8") as out:
        print(
            f"+ accord extract {examples.relative_to(ROOT)} --format jsonl > {records.relative_to(ROOT)}"
        )
        subprocess.run(
            [str(accord), "extract", str(examples), "--format", "jsonl"], stdout=out, check=True
        )
    run(accord, "ingest", examples, "--db", database)
    run(accord, "sessions", "--db", database)
    run(accord, "commitments", "--db", database, "--commission", "Kazakh", "--limit", "10")
    print(
        f"""
Done. Where to look:
  the record (SQLite):      {database}
  extraction records:       {records}
  the command line:         {accord} --help
      {accord} commitments --db {database} --sector transport
      {accord} search "pilot train" --db {database}
      {accord} followups --db {database}        (restated promises, reported progress)
      {accord} scorecard --db {database} --by sector
      {accord} report status Kazakh --db {database} --format pdf --output status.pdf
  the web app:              {accord} init-admin --db {database}
                            {accord} serve --db {database}   (then http://127.0.0.1:8000/)
  see README.md for the tour (web UI, API, reports, exports)."""
    )


def test() -> None:
    setup()
    system_packages(for_tests=True)
    env = dict(os.environ)
    run(BIN / "ruff", "check", "src", "tests", "bench", "tasks.py")
    run(BIN / "ruff", "format", "--check", "src", "tests", "bench", "tasks.py")
    run(BIN / "mypy")
    run(BIN / "lint-imports")
    # Two workers: the suite runs every store test on SQLite and PostgreSQL.
    run(BIN / "pytest", "-q", "-n", "2", env=env)
    run(
        BIN / "accord",
        "evaluate",
        ROOT.parent / "shared" / "gold",
        ROOT / "tests" / "data" / "gold",
    )
    real()


def real_texts() -> tuple[Path, list[str], list[str]]:
    """The local texts folder, and the ids of the real set whose text is missing or changed."""
    import hashlib
    import json

    folder = Path(
        subprocess.run(
            [str(PY), "-c", "from accord.extract.gold_sets import texts_folder; print(texts_folder())"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    )  # fmt: skip
    missing: list[str] = []
    changed: list[str] = []
    for manifest in sorted((REAL / "manifest").glob("*.jsonl")):
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            path = folder / f"{entry['id']}.txt"
            if not path.is_file():
                missing.append(entry["id"])
            elif hashlib.sha256(path.read_bytes()).hexdigest() != entry.get("sha256"):
                changed.append(entry["id"])
    return folder, missing, changed


def real() -> None:
    """Score the real development set (both parts) against its committed minimums."""
    setup()
    if not (REAL / "gold").is_dir():
        return
    folder, missing, changed = real_texts()
    if changed:
        print(f"real set: {len(changed)} local texts differ from the manifest's sha256: {changed}")
    if missing:
        print(
            f"real set: {len(missing)} texts are not in {folder} (third-party pages are kept out "
            "of git): not scored; tests/data/real/README.md says how to rebuild them"
        )
        return
    run(BIN / "accord", "evaluate", REAL / "gold", "--minimums", REAL / "minimums.json")


COMMANDS = {"setup": setup, "demo": demo, "test": test, "real": real}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python3 tasks.py {{{'|'.join(COMMANDS)}}}")
    COMMANDS[sys.argv[1]]()
