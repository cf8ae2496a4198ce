"""Reports and exports: the session brief, the status report, commitments tables, calendars.

A report is built as plain data (``SessionBrief``, ``StatusReport``) from the
store and the follow-through, then rendered: Markdown and HTML from the
templates, DOCX with python-docx, PDF from the HTML. ``downloads`` gives each
as bytes with a media type and a file name, for the CLI and the web alike.
"""
