"""Reports and exports: the session brief, the status report, commitments tables, calendars.

A report is built as plain data (``SessionBrief``, ``StatusReport``) from the
store and the follow-through, laid out once as blocks (``session_brief_layout``,
``status_report_layout``: every sentence of a report is written there), then
rendered by thin renderers: Markdown (``markdown_rendering``), HTML from one
template and PDF from the HTML (``rendering``), DOCX (``docx_rendering``).
``phrases`` words dates, places and citations alike everywhere. ``downloads``
gives each file as bytes with a media type and a file name, for the CLI and the
web alike.
"""
