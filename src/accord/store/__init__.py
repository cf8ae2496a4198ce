"""The database: tables, migrations, the operations that write, and one read model per entity.

``open_database`` gives a ``Database`` (SQLite by default, PostgreSQL by URL).
Read models live in modules named after their entity (``sessions``,
``commitments``, ``agreements``, ``followups``, ``statuses`` ...), shared by
pages, reports and the CLI; no SQL is written anywhere else.
"""
