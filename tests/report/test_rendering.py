"""Rendering untrusted document text safely, and printing the reports to images to look at."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from accord.report.downloads import render_session_brief, render_status_report
from accord.report.rendering import escape_markdown
from accord.store.database import Database
from store.factories import Report, save

from .conftest import Record
from .readers import read_docx

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "report"
HOSTILE = (
    "ISLAMABAD: The 3rd Pakistan-Russia IGC met.\n\n"
    "The sides agreed to build <script>alert('x')</script> a [depot](javascript:alert(1)) "
    "| with *stars* & pipes.\n"
)


def test_escape_markdown_leaves_no_markup_and_keeps_one_line() -> None:
    assert escape_markdown("a *b* [c](d) <e> | f_g\nh") == r"a \*b\* \[c\](d) \<e\> \| f\_g h"
    assert escape_markdown("&amp; & co") == "&amp;amp; & co"
    assert escape_markdown(None) == ""


def test_reports_escape_document_text_in_every_format(db: Database) -> None:
    report = Report(HOSTILE, source="hostile.txt", outlet="<b>Outlet</b>")
    quote = HOSTILE.split("\n\n")[1].strip()
    saved = save(
        db,
        report.document(),
        report.extraction(
            meeting=report.meeting("The 3rd Pakistan-Russia IGC met.", ordinal=3),
            commitments=[report.commitment(quote)],
        ),
    )
    assert saved.session_id is not None
    html = render_session_brief(db, saved.session_id, "html").content.decode()
    assert "<script>alert" not in html and "<b>Outlet</b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert 'href="javascript' not in html
    markdown = render_session_brief(db, saved.session_id, "md").content.decode()
    assert (
        r"\<script\>" in markdown
        and "\\[depot\\]" in markdown
        and "\\| with \\*stars\\*" in markdown
    )
    word = read_docx(render_session_brief(db, saved.session_id, "docx").content)
    assert "<script>alert('x')</script>" in word.text  # Word shows the text as it is, inert
    status = render_status_report(db, "Pakistan-Russia", "html").content.decode()
    assert "<script>alert" not in status


def _not_blank(path: Path) -> bool:
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        return ImageChops.difference(rgb, Image.new("RGB", rgb.size, "white")).getbbox() is not None


@pytest.mark.slow
def test_reports_print_to_pages_saved_as_screenshots(
    record: Record, request: pytest.FixtureRequest
) -> None:
    """HTML → PDF → PNG pages in test-output/report/, for a person to look at."""
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must render the reports: install poppler-utils (.ci/run does)")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    backend = request.node.callspec.params["record"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    today = dt.date(2026, 3, 2)
    files = {
        "brief-seed": render_session_brief(record.db, "Pakistan-Russia #10", "pdf", today),
        "brief-kaz-uzb-20": render_session_brief(
            record.db, "Kazakhstan–Uzbekistan #20", "pdf", today
        ),
        "status-kaz-uzb": render_status_report(
            record.db, "Kazakhstan–Uzbekistan", "pdf", dt.date(2026, 3, 1)
        ),
    }
    for name, rendered in files.items():
        pdf = SCREENSHOTS / f"{name}-{backend}.pdf"
        pdf.write_bytes(rendered.content)
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(pdf), str(pdf.with_suffix(""))], check=True
        )
        pages = sorted(SCREENSHOTS.glob(f"{name}-{backend}-*.png"))
        assert pages and all(_not_blank(page) for page in pages)
