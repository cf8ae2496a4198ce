"""Who is acting: the name written into status updates, decisions and the audit log.

Until Accord has user accounts, a person is named by ``--as NAME``, else by
the ``ACCORD_USER`` setting, else by the operating-system user name.
"""

from __future__ import annotations

import getpass
import os

USER_ENV = "ACCORD_USER"


def author_name(explicit: str | None = None) -> str:
    """The acting person's name: the option, the setting, or the OS user (never empty)."""
    for candidate in (explicit, os.environ.get(USER_ENV)):
        if candidate and candidate.strip():
            return candidate.strip()
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError):
        return "unknown"
