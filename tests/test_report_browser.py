"""The HTML report in a real headless browser (Debian's Chromium over the DevTools protocol):
it renders its charts and tables, logs no console error, fetches nothing, and a screenshot is
taken. Skipped only where no browser can start; .ci/run installs one and requires it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from bot.content import Library
from bot.faces.cli import main
from tests.browser import Browser
from tests.test_report import log_a_few_days

CHECKS = """JSON.stringify({
  title: document.title,
  heading: document.querySelector("h1").textContent,
  charts: [...document.querySelectorAll("svg")].map(s => {
    const box = s.getBoundingClientRect(); return [box.width, box.height]}),
  bars: document.querySelectorAll("svg rect").length,
  rows: document.querySelectorAll("table tr").length,
  stubs: [...document.querySelectorAll("pre")].map(p => p.textContent),
  fetched: performance.getEntriesByType("resource").length,
  overflowing: document.documentElement.scrollWidth > window.innerWidth + 1,
})"""


async def test_the_html_report_renders_in_a_browser_without_errors(
    tmp_path: Path, library: Library
) -> None:
    db = tmp_path / "bot.sqlite3"
    await log_a_few_days(db, library)
    report = tmp_path / "report.html"
    # The command runs its own event loop: in a thread, away from the test's.
    code = await asyncio.to_thread(
        main, ["report", "--db", str(db), "--format", "html", "-o", str(report)]
    )
    assert code == 0
    async with Browser.start() as browser:
        page = await browser.open(report)
        seen = json.loads(await page.evaluate(CHECKS))
        shot = await page.screenshot()
    assert page.errors == []
    assert seen["title"] == "What people asked · Pilates bot report"
    assert seen["heading"] == "What people asked"
    assert len(seen["charts"]) == 3 and all(w > 300 and h > 20 for w, h in seen["charts"])
    assert seen["bars"] > 5 and seen["rows"] > 5
    assert any('- q: "Can I do pilates while pregnant?"' in stub for stub in seen["stubs"])
    assert seen["fetched"] == 0  # self-contained: nothing loaded from anywhere
    assert not seen["overflowing"]  # nothing wider than the window
    assert shot.startswith(b"\x89PNG\r\n\x1a\n") and len(shot) > 20_000
    (tmp_path / "report.png").write_bytes(shot)


async def test_the_browser_check_sees_console_errors(tmp_path: Path) -> None:
    """The check itself works: a page that logs an error and throws is caught."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!DOCTYPE html><title>x</title><script>console.error('drawn badly');"
        "undefinedFunction()</script>"
    )
    async with Browser.start() as browser:
        page = await browser.open(broken)
    assert any("drawn badly" in error for error in page.errors)
    assert any("undefinedFunction" in error or "Uncaught" in error for error in page.errors)
