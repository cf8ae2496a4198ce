"""Commitments for analysts: one row per commitment with every field, as CSV or XLSX.

Lists (sectors, owners, sources) are joined with " | " in CSV and in the
spreadsheet's main sheet; the XLSX file adds one sheet with every status
update and one with every quoted source, each row carrying the commitment id.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from accord.core.follow_through import due_date
from accord.core.spreadsheet_cells import inert_cell
from accord.report.phrases import one_line, source_label
from accord.store.commitments import CommitmentItem, all_commitments
from accord.store.database import Database
from accord.store.statuses import StatusEntry, status_entries

SEPARATOR = " | "
COLUMNS = (
    "id",
    "commission_id",
    "commission",
    "session_id",
    "session_ordinal",
    "session_start",
    "text",
    "strength",
    "sectors",
    "topics",
    "actors",
    "owners",
    "owner_sides",
    "due",
    "due_by",
    "status",
    "review_state",
    "confidence",
    "cue",
    "sources",
    "source_documents",
    "evidence",
    "status_updates",
    "status_history",
)
HISTORY_COLUMNS = (
    "commitment_id",
    "as_of",
    "status",
    "author",
    "note",
    "evidence_document",
    "evidence_source",
    "evidence_quote",
    "evidence_url",
)
EVIDENCE_COLUMNS = ("commitment_id", "document_key", "source", "quote", "start", "end")
Cell = str | int | float | None


def _history_text(entries: Sequence[StatusEntry]) -> str:
    return SEPARATOR.join(
        f"{e.as_of.isoformat()} {e.status} ({e.author})"
        + (f": {one_line(e.note)}" if e.note else "")
        for e in entries
    )


def commitment_row(item: CommitmentItem, history: Sequence[StatusEntry]) -> list[Cell]:
    """The cells of one commitment, in ``COLUMNS`` order."""
    last_day = due_date(item.due)
    documents = dict.fromkeys(source_label(c) for c in item.citations)
    return [
        item.id,
        item.commission_id,
        item.commission,
        item.session_id,
        item.ordinal,
        item.session_start.isoformat() if item.session_start else None,
        item.text,
        item.strength,
        SEPARATOR.join(item.sectors),
        SEPARATOR.join(item.topics),
        SEPARATOR.join(a.label for a in item.actors),
        SEPARATOR.join(o.name for o in item.owners),
        SEPARATOR.join(dict.fromkeys(o.side for o in item.owners if o.side)),
        item.due,
        last_day.isoformat() if last_day else None,
        item.status,
        item.review_state,
        item.confidence,
        item.cue,
        len({c.document_key for c in item.citations}),
        SEPARATOR.join(documents),
        SEPARATOR.join(dict.fromkeys(one_line(c.quote) for c in item.citations)),
        len(history),
        _history_text(history),
    ]


def history_row(entry: StatusEntry) -> list[Cell]:
    evidence = entry.evidence
    return [
        entry.commitment_id,
        entry.as_of.isoformat(),
        entry.status,
        entry.author,
        entry.note,
        evidence.document_key if evidence else None,
        source_label(evidence) if evidence else None,
        evidence.quote if evidence else None,
        entry.evidence_url,
    ]


def _collect(
    database: Database, commission_id: int | None
) -> tuple[list[CommitmentItem], dict[int, list[StatusEntry]]]:
    items = all_commitments(database, commission_id)
    history: dict[int, list[StatusEntry]] = {}
    for entry in status_entries(database, [i.id for i in items]):
        history.setdefault(entry.commitment_id, []).append(entry)
    return items, history


def commitments_csv(database: Database, commission_id: int | None = None) -> bytes:
    """CSV (UTF-8 with a byte-order mark, so spreadsheets read accents right), header first.

    Text a spreadsheet would run as a formula starts with an apostrophe (``inert_cell``).
    """
    items, history = _collect(database, commission_id)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerow(
            "" if v is None else inert_cell(v)
            for v in commitment_row(item, history.get(item.id, []))
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def commitments_xlsx(database: Database, commission_id: int | None = None) -> bytes:
    """A workbook: Commitments, Status history and Evidence sheets, with frozen headers."""
    items, history = _collect(database, commission_id)
    workbook = Workbook()
    main = workbook.active
    main.title = "Commitments"
    _sheet(main, COLUMNS, [commitment_row(i, history.get(i.id, [])) for i in items])
    _sheet(
        workbook.create_sheet("Status history"),
        HISTORY_COLUMNS,
        [history_row(e) for i in items for e in history.get(i.id, [])],
    )
    _sheet(
        workbook.create_sheet("Evidence"),
        EVIDENCE_COLUMNS,
        [
            [i.id, c.document_key, source_label(c), c.quote, c.start, c.end]
            for i in items
            for c in i.citations
        ],
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


WIDE = {"text": 60, "evidence": 60, "quote": 60, "evidence_quote": 60, "status_history": 40}


def _sheet(sheet: Worksheet, columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    sheet.append(list(columns))
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            # openpyxl takes text starting with "=" for a formula; quoted text stays text.
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    header_fill = PatternFill("solid", fgColor="F3F6F9")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for n, name in enumerate(columns, start=1):
        letter = get_column_letter(n)
        sheet.column_dimensions[letter].width = WIDE.get(name, 16)
        if name in WIDE:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
