"""Command-line style source arguments (files, folders, globs) to the files to load."""

from __future__ import annotations

import glob
import re
from collections.abc import Sequence
from pathlib import Path

from accord.errors import IngestError
from accord.ingest.options import is_supported, supported_suffixes_text

_GLOB_MAGIC = re.compile(r"[*?[]")
_SUFFIXES = supported_suffixes_text()


def expand_sources(args: Sequence[str]) -> list[Path]:
    """The files named by ``args``, in order, each once.

    A file is taken as it is (an unsupported one fails later, when loaded, with the
    reason); a folder gives its supported documents, recursively and sorted, leaving out
    hidden files and Office lock files; a glob (``**`` included) gives the supported
    documents it matches. A path that does not exist, or a glob or folder that yields
    nothing, is an IngestError naming it.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for arg in args:
        for path in _expand(arg):
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                found.append(path)
    return found


def _expand(arg: str) -> list[Path]:
    path = Path(arg)
    if path.is_dir():
        in_folder = folder_documents(path)
        if not in_folder:
            raise IngestError(arg, f"no documents in this folder (looked for {_SUFFIXES})")
        return in_folder
    if path.exists():
        return [path]
    if not _GLOB_MAGIC.search(arg):
        raise IngestError(arg, "no such file or folder")
    return _expand_glob(arg)


def _expand_glob(pattern: str) -> list[Path]:
    matches = [Path(match) for match in sorted(glob.glob(pattern, recursive=True))]
    if not matches:
        raise IngestError(pattern, "no files match this pattern")
    files: list[Path] = []
    for match in matches:
        if match.is_dir():
            files += folder_documents(match)
        elif is_supported(match):
            files.append(match)
    if not files:
        raise IngestError(pattern, f"the pattern matches no documents (looked for {_SUFFIXES})")
    return files


def folder_documents(folder: Path) -> list[Path]:
    """The supported documents under ``folder``, at any depth, sorted by path."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and is_supported(path) and not _is_hidden(path.relative_to(folder))
    )


def _is_hidden(relative: Path) -> bool:
    # Dot files and folders (.git, .DS_Store) and Office lock files (~$report.docx).
    return any(part.startswith((".", "~$")) for part in relative.parts)
