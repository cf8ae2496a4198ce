"""The database: models, migrations, resolution, queries and transfers; no SQL anywhere else.

``open_database`` gives a ``Database`` (SQLite by default, PostgreSQL by URL);
``save_extraction`` stores one document's extraction in one transaction;
``queries``, ``search`` and ``transfer`` read and move the record.
"""
