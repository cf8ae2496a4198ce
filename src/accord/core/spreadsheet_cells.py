"""Text a spreadsheet would run as a formula, made inert for CSV files.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return, which some spreadsheets skip before looking) is read as a formula when
a CSV file is opened; an edited commitment could then plant ``=HYPERLINK(...)``.
Such text gets a leading apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: object) -> object:
    """``value`` as a CSV cell no spreadsheet runs: risky text prefixed with ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
