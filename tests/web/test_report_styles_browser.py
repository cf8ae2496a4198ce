"""HTML reports opened in the app keep their own styles in Chromium, and still run no script."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Page

from accord.store.accounts import add_user
from accord.store.database import open_database, sqlite_url
from accord.track.names import record_names
from accord.web.app import create_app
from accord.web.settings import WebSettings

from .conftest import PASSWORD
from .records import WebRecord, save_web_record
from .test_browser import _free_port, _shot, browser_page

pytestmark = pytest.mark.browser
__all__ = ["browser_page"]
ACCENT = "rgb(31, 78, 121)"  # report.css: h1 { color: var(--accent) }


@pytest.fixture
def served_record(tmp_path: Path) -> Iterator[tuple[str, WebRecord]]:
    """A real server over a store holding the web tests' record, with an admin."""
    url = sqlite_url(tmp_path / "reports.sqlite3")
    database = open_database(url, names=record_names)
    record = save_web_record(database)
    add_user(database, "secretariat", PASSWORD, "admin")
    database.dispose()
    app = create_app(WebSettings(database=url))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", record
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        app.state.uploads.stop()
        app.state.database.dispose()


def test_html_reports_are_styled_in_the_app_and_run_no_script(
    served_record: tuple[str, WebRecord], browser_page: object
) -> None:
    base, record = served_record
    page: Page = browser_page  # type: ignore[assignment]
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    page.goto(base + "/login")
    page.fill("input[name=username]", "secretariat")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")
    for name, path in (
        ("12-session-brief", f"/sessions/{record.session_id}/brief.html"),
        ("13-status-report", "/commissions/1/status.html"),
    ):
        response = page.goto(base + path)
        assert response is not None and response.status == 200
        heading = page.locator("h1")
        assert heading.evaluate("h => getComputedStyle(h).color") == ACCENT
        assert heading.evaluate("h => getComputedStyle(h).fontSize") == "24px"
        assert (
            page.locator("table").first.evaluate("t => getComputedStyle(t).borderCollapse")
            == "collapse"
        )
        _shot(page, name)
        page.evaluate(
            """() => {
                const s = document.createElement('script');
                s.textContent = 'window.__pwned = "script"';
                document.body.appendChild(s);
                document.body.insertAdjacentHTML(
                    'beforeend', '<img src="data:," onerror="window.__pwned = &quot;img&quot;">');
            }"""
        )
        page.wait_for_timeout(200)
        assert page.evaluate("() => window.__pwned") is None
    assert not any("inline style" in message for message in refused), refused
    assert any("inline script" in message for message in refused), refused
