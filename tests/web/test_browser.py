"""The web app in a real headless Chromium, driven by Playwright, against a real server.

One journey, as a secretariat would take it: log in, upload the seed report,
review its items, change a status with evidence, see the dashboard chart and
the highlighted document; then upload a document full of markup and script
and check that nothing of it runs. Screenshots go to test-output/browser/.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import expect, sync_playwright

from accord.store.accounts import add_user
from accord.store.database import open_database, sqlite_url
from accord.track.names import record_names
from accord.web.app import create_app
from accord.web.settings import WebSettings

from .conftest import PASSWORD

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# The seed report is not shipped with Accord; it lives next to the repository.
SEED = ROOT.parent / "shared" / "seeds" / "dawn-2025-11-28-pakistan-russia-igc-10.txt"
SHOTS = ROOT / "test-output" / "browser"
CHROMIUM = next(
    (p for p in (Path("/usr/lib/chromium/chromium"), Path("/usr/bin/chromium")) if p.exists()),
    None,
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = (
    "---\ntitle: <script>window.__pwned = 'title'</script>\n---\n"
    "ISLAMABAD: The 2nd session of the Pakistan-Turkey Joint Working Group was held on "
    "3 March 2026.\n\n"
    "The two sides agreed to establish <script>window.__pwned = 'text'</script> a joint "
    "laboratory <img src=x onerror=\"window.__pwned = 'img'\"> by 2027.\n\n"
    "The sides also decided to open <b onmouseover=\"window.__pwned = 'hover'\">trade</b> "
    "offices in Karachi.\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A real uvicorn server on a free localhost port, over a new SQLite store with an admin."""
    url = sqlite_url(tmp_path / "browser.sqlite3")
    database = open_database(url, names=record_names)
    add_user(database, "secretariat", PASSWORD, "admin")
    database.dispose()
    app = create_app(WebSettings(database=url))
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=30)
        app.state.uploads.stop()
        app.state.database.dispose()


@pytest.fixture
def browser_page() -> Iterator[object]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: install Debian's chromium (.ci/run does)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 900})
        try:
            yield page
        finally:
            browser.close()


def _shot(page: object, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def _upload(page: object, base: str, path: Path) -> str:
    """Upload one file with the page's form; return what the page says when the ingest ends."""
    page.goto(f"{base}/uploads")  # type: ignore[attr-defined]
    page.set_input_files("#upload-form input[type=file]", str(path))  # type: ignore[attr-defined]
    page.click("#upload-form button[type=submit]")  # type: ignore[attr-defined]
    state = page.locator("#upload-state")  # type: ignore[attr-defined]
    expect(state).to_contain_text("Done:", timeout=180_000)
    return str(state.inner_text())


def test_secretariat_journey_in_a_real_browser(
    server: str, browser_page: object, tmp_path: Path
) -> None:
    from playwright.sync_api import Page

    page: Page = browser_page  # type: ignore[assignment]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(server + "/")
    expect(page).to_have_url(f"{server}/login?next=%2F")
    _shot(page, "01-login")
    page.fill("input[name=username]", "secretariat")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Dashboard")

    assert "Done: 1 of 1" in _upload(page, server, SEED)
    expect(page.locator("#upload-log")).to_contain_text("new")
    _shot(page, "02-upload")

    page.goto(server + "/review?kind=commitment")
    cards = page.locator("article.review-card")
    waiting = cards.count()
    assert waiting >= 10
    _shot(page, "03-review")
    cards.first.locator("button[data-action=accept]").click()
    expect(page.locator("article.review-card")).to_have_count(waiting - 1)
    page.locator("article.review-card").first.locator("button[data-action=reject]").click()
    expect(page.locator("article.review-card")).to_have_count(waiting - 2)
    assert dialogs == ["Reject this commitment? It stays in the record, marked rejected."]
    dialogs.clear()
    correct = page.locator("article.review-card").first
    correct.locator("summary").click()
    correct.locator("input[name=due]").fill("2026-06")
    correct.locator("button:has-text('Save correction')").click()
    expect(page.locator("article.review-card")).to_have_count(waiting - 3)

    page.goto(server + "/commitments?review_state=accepted")
    page.locator("table.rows td.text a").first.click()
    expect(page.locator("h1")).to_contain_text("Commitment")
    page.select_option("#status-form select[name=status]", "in_progress")
    page.fill("#status-form input[name=evidence]", "https://example.org/pilot-train-update")
    page.fill("#status-form textarea[name=note]", "First freight run scheduled.")
    page.click("#status-form button[type=submit]")
    history = page.locator("#history table")
    expect(history).to_contain_text("in progress")
    expect(history).to_contain_text("https://example.org/pilot-train-update")
    expect(history).to_contain_text("secretariat")
    _shot(page, "04-commitment")

    page.goto(server + "/")
    bars = page.locator("svg.sector-chart rect")
    assert bars.count() >= 8
    expect(page.locator("svg.sector-chart rect.st-in_progress")).to_have_count(1)
    expect(page.locator("svg.timeline circle")).to_have_count(1)
    _shot(page, "05-dashboard")

    page.goto(server + "/documents")
    page.locator("table.rows tbody a").first.click()
    highlights = page.locator(".source-text a.hl")
    assert highlights.count() >= 15
    first = page.locator(".source-text a.hl.kind-commitment").first
    first.click()
    expect(first).to_have_class("hl kind-commitment active")
    expect(page.locator(".item-card.active")).to_have_count(1)
    _shot(page, "06-document")

    for name, path in (
        ("07-session", "/sessions/1"),
        ("08-commitments", "/commitments"),
        ("09-search", "/search?q=pilot+train"),
        ("10-api", "/api"),
    ):
        page.goto(server + path)
        _shot(page, name)

    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    _upload(page, server, hostile)
    page.goto(server + "/documents")
    page.locator("table.rows tbody a").first.click()
    page.hover(".source-text")
    expect(page.locator(".source-text")).to_contain_text("<script>window.__pwned = 'text'</script>")
    expect(page.locator("h1")).to_have_text("<script>window.__pwned = 'title'</script>")
    _shot(page, "11-hostile-document")
    for path in ("/review", "/commitments", "/documents", "/"):
        page.goto(server + path)
        page.mouse.move(300, 300)
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("script:not([src])").count() == 0
    assert dialogs == [] and errors == []
