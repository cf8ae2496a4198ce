"""Zip packages (DOCX) checked against their central directory before any member is read.

A zip names each member's expanded size up front, and Python's reader never
expands a member past it, so refusing on those figures bounds the memory and
time any package can cost: a 300 MB bomb is turned away in microseconds.
"""

from __future__ import annotations

import io
import zipfile

from accord.errors import IngestError

MAX_MEMBERS = 2_000
MAX_EXPANDED_BYTES = 100 * 1024 * 1024
# Text and markup compress 5 to 20 times; a member beyond this ratio (and 1 MB) is a bomb.
MAX_RATIO = 100
_RATIO_FROM_BYTES = 1024 * 1024


def check_zip_package(data: bytes, source: str, kind: str = "DOCX") -> None:
    """Raise an IngestError unless the package's members are few and small enough to read."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise IngestError(source, f"damaged {kind} ({exc})") from exc
    if len(members) > MAX_MEMBERS:
        raise IngestError(
            source, f"{kind} package holds {len(members):,} files (at most {MAX_MEMBERS:,})"
        )
    expanded = sum(member.file_size for member in members)
    if expanded > MAX_EXPANDED_BYTES:
        raise IngestError(
            source,
            f"{kind} package expands to {expanded / 2**20:,.0f} MB "
            f"(at most {MAX_EXPANDED_BYTES // 2**20} MB): refused as a possible zip bomb",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise IngestError(
                source,
                f"{kind} member {member.filename!r} expands {ratio:,.0f} times "
                f"(at most {MAX_RATIO}): refused as a possible zip bomb",
            )
