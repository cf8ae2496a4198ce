"""Print a text the way reports are printed: two columns, hyphenated, with running furniture.

Used by the PDF tests and by ``bench/pdf_text.py`` to make PDF renderings of the
real development texts: A5 pages, two narrow columns, words split at line ends
with an ASCII hyphen, U+2010 or a soft hyphen in turn, a running header, and a
page number in the footer.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SIZE = 8.5
LEADING = 11.0
MARGIN = 36.0
GAP = 16.0
HEADER = "Commission Reports Digest · Economic cooperation"


def _font() -> str:
    if DEJAVU.is_file():
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
        return "DejaVuSans"
    return "Helvetica"


def _layout(paragraphs: list[str], font: str, width: float) -> list[str]:
    """Lines of at most ``width`` points; a long word is split with a hyphen of each kind in turn."""
    hyphens = itertools.cycle(["-", "\u2010", "\u00ad"])
    lines: list[str] = []
    for paragraph in paragraphs:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if pdfmetrics.stringWidth(candidate, font, SIZE) <= width:
                line = candidate
                continue
            if len(word) >= 7 and word.isalpha():
                hyphen = next(hyphens)
                for cut in range(len(word) - 3, 2, -1):
                    head = f"{line} {word[:cut]}{hyphen}" if line else f"{word[:cut]}{hyphen}"
                    if pdfmetrics.stringWidth(head, font, SIZE) <= width:
                        lines.append(head)
                        word = word[cut:]
                        line = ""
                        break
            if line:
                lines.append(line)
            line = word
        if line:
            lines.append(line)
        lines.append("")  # a paragraph gap
    return lines


def render_two_columns(text: str, path: Path) -> Path:
    """Write ``text`` (paragraphs separated by newlines) as a two-column A5 PDF at ``path``."""
    font = _font()
    page_width, page_height = A5
    column = (page_width - 2 * MARGIN - GAP) / 2
    lines = _layout([p for p in text.split("\n") if p.strip()], font, column)
    per_column = int((page_height - 2 * MARGIN - 2 * LEADING) // LEADING)
    pdf = canvas.Canvas(str(path), pagesize=A5)
    pages = [lines[i : i + 2 * per_column] for i in range(0, len(lines), 2 * per_column)]
    for number, page in enumerate(pages, 1):
        pdf.setFont(font, SIZE - 1)
        pdf.drawString(MARGIN, page_height - MARGIN + 6, HEADER)
        pdf.setFont(font, SIZE)
        for index, line in enumerate(page):
            x = MARGIN if index < per_column else MARGIN + column + GAP
            y = page_height - MARGIN - LEADING * (1 + index % per_column)
            if line:
                pdf.drawString(x, y, line)
        pdf.setFont(font, SIZE - 1)
        pdf.drawString(page_width / 2, MARGIN / 2, str(number))
        pdf.showPage()
    pdf.save()
    return path
